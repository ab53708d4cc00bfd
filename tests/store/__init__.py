"""The notes file: storage, records, anchoring, the note writer, kills and faults."""
