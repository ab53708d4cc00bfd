"""Turning a file's bytes into safe text: encodings, line ends, control characters."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.document_error import (
    BinaryFile,
    EmptyDocument,
    FileTooLarge,
    MissingFile,
    UndecodableFile,
)
from reader.core.documents.text_policy import placeholders

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Byte order marks and the encodings they announce, longest first (UTF-32 LE starts like UTF-16 LE).
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Explicit bidirectional formatting characters, which can make text display in another order.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI_CHARS = re.compile("[\u202a-\u202e\u2066-\u2069]")

# Past this share of control characters, decoded "text" is really binary data.
_BINARY_CONTROL_SHARE = 0.30


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from a file, with what the policy had to do to it."""

    text: str
    encoding: str
    replaced_controls: int
    bidi_controls: int


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read a file as text under the decoding policy, refusing what is not text."""
    return decode_bytes(read_bytes(path, max_bytes), str(path))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file's bytes, refusing a missing file or one over the size limit."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise MissingFile(f"{path}: no such file") from None
    except OSError as error:
        raise MissingFile(f"{path}: cannot read ({error.strerror})") from None
    if not path.is_file():
        raise MissingFile(f"{path}: not a regular file")
    if size > max_bytes:
        raise FileTooLarge(f"{path}: file is {too_large(size, max_bytes)}")
    try:
        return path.read_bytes()
    except OSError as error:
        raise MissingFile(f"{path}: cannot read ({error.strerror})") from None


def decode_bytes(data: bytes, name: str = "<bytes>") -> DecodedText:
    """Decode bytes: BOM first, then strict UTF-8, then cp1252 with replacement."""
    text, encoding = _decode(data, name)
    return clean_text(text, encoding, name)


def clean_text(text: str, encoding: str, name: str = "<text>") -> DecodedText:
    """Apply the text policy to decoded text: line ends, emptiness, binary data, controls."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyDocument(f"{name}: file is empty")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _BINARY_CONTROL_SHARE * len(text):
        raise BinaryFile(f"{name}: looks like a binary file, not text")
    if controls:
        text = placeholders(text)
    bidi = len(_BIDI_CHARS.findall(text))
    return DecodedText(text, encoding, controls, bidi)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            payload = data[len(bom) :] if encoding != "utf-8-sig" else data
            try:
                return payload.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise UndecodableFile(
                    f"{name}: starts with a {encoding} byte order mark but is not valid {encoding}"
                ) from None
    if b"\x00" in data:
        raise BinaryFile(f"{name}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def too_large(size: int, limit: int) -> str:
    """The end of a size refusal: "25.3 MB, over the 20.0 MB limit (raise it with --max-size)",
    in bytes where the megabytes would look equal."""
    shown, most = megabytes(size), megabytes(limit)
    if shown == most:
        # "(0.0 MB)" would say the limit is nothing: a limit that small is in bytes alone.
        rounded = f" ({most})" if most != megabytes(0) else ""
        return (
            f"{size:,} bytes, over the limit of {limit:,} bytes{rounded} (raise it with --max-size)"
        )
    return f"{shown}, over the {most} limit (raise it with --max-size)"


def megabytes(size: int) -> str:
    """A byte count in megabytes for messages: "20.0 MB"."""
    return f"{size / (1024 * 1024):.1f} MB"
