"""One module per command that is more than a call into a stage (catalogs, verify, preview, new)."""
