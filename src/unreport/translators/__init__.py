"""The translators' side: catalog sync (`catalogs`), label extraction (messages.po), translation memory, places of texts, cross-language QA, status and XLIFF exchange."""
