"""Errors of the notes store; each message is one line meant for the user."""


class StoreError(Exception):
    """The notes database cannot be used as asked."""


class CorruptStore(StoreError):
    """The file is not a reader notes database (corrupt, empty or foreign); it was not touched."""


class ReadOnlyStore(StoreError):
    """Another reader holds the lock on this notes file, so this one may only read it."""


class ExternalChange(StoreError):
    """Another program replaced or changed the notes file since reader last read or wrote it."""


class WriteFailed(StoreError):
    """Writing the notes file failed; the file on disk still holds the last saved state."""
