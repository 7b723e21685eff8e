"""Output formats, one folder each (docx/, pdf/), registered in one table; the page design both read (design.py) and the review document writers (review.py)."""
