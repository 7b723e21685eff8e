"""Stage 4, render: what each unit of an edition prints, the edition in each selected format's markup (Jinja templates), tables, the barcode text and the review document."""
