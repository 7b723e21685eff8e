"""unreport: UN-style multilingual reports from YAML content and gettext PO translations."""

__version__ = "0.1.0"
