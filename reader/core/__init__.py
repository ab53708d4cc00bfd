"""The pure core of reader: documents, segmentation, normalisation and matching.

Nothing in this package imports Textual or Rich; the CLI and the tests use it directly.
"""
