"""The DOCX format: pandoc with a reference document generated from the page design, then python-docx/lxml for what pandoc does not write."""
