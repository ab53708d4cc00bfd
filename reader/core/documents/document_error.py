"""Errors the core raises for input a user can fix."""


class DocumentError(Exception):
    """A document could not be opened; the message is one line meant for the user."""


class MissingFile(DocumentError):
    """The path does not exist or is not a regular file."""


class BinaryFile(DocumentError):
    """The file looks like binary data, not text."""


class UndecodableFile(DocumentError):
    """The file's bytes cannot be decoded as text."""


class FileTooLarge(DocumentError):
    """The file is larger than the configured limit."""


class EmptyDocument(DocumentError):
    """The file holds no text."""


class NoDocuments(DocumentError):
    """A folder holds no readable document files."""


class FetchFailed(DocumentError):
    """A URL could not be fetched: bad address, network failure, HTTP error or refusal."""


class NoArticleText(DocumentError):
    """A web page or PDF was read but holds no text to extract."""


class UnreadablePdf(DocumentError):
    """A PDF is malformed, encrypted with a password or has no text layer."""
