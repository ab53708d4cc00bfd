"""The annotation store: a TinyDB file that never loses a note, and re-anchoring of notes."""
