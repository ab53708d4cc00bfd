"""The workstation through Textual's Pilot: keys, state, messages, and SVG snapshots."""
