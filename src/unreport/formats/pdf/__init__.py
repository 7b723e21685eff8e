"""The PDF format: Typst markup and the page design compiled by the typst package in worker processes."""
