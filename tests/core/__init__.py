"""The pure core: documents, matching, provenance and export, without a screen."""
