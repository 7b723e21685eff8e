"""Reading inputs with their locations: YAML (every value knows file, line, column) and gettext PO files (a GNU-compatible model, reader, writer and line checks)."""
