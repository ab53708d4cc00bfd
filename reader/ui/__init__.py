"""The Textual user interface of reader."""
