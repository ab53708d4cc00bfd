"""The text policy: encodings, line ends, control characters, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.documents.decoding import decode_bytes, read_text
from reader.core.documents.document_error import (
    BinaryFile,
    EmptyDocument,
    FileTooLarge,
    MissingFile,
    UndecodableFile,
)


def test_utf8_is_read_strictly() -> None:
    decoded = decode_bytes("Café “quoted”".encode())
    assert decoded.text == "Café “quoted”"
    assert decoded.encoding == "utf-8"


def test_cp1252_fallback_is_recorded() -> None:
    decoded = decode_bytes("Café – “quoted”".encode("cp1252"))
    assert decoded.text == "Café – “quoted”"
    assert decoded.encoding == "cp1252"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_byte_order_marks_choose_the_encoding(bom: bytes, codec: str) -> None:
    decoded = decode_bytes(bom + "Eighteen soldiers.\r\nAround 18.".encode(codec))
    assert decoded.text == "Eighteen soldiers.\nAround 18."
    assert decoded.encoding == codec


def test_utf16_with_bom_may_contain_nul_bytes() -> None:
    data = "ok".encode("utf-16")
    assert b"\x00" in data
    assert decode_bytes(data).text == "ok"


def test_broken_utf16_is_a_clear_error() -> None:
    with pytest.raises(UndecodableFile, match="utf-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8x")


def test_line_ends_become_newlines() -> None:
    assert decode_bytes(b"a\r\nb\rc\n").text == "a\nb\nc\n"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(BinaryFile):
        decode_bytes(b"\x00" * 64)


def test_mostly_control_characters_mean_binary() -> None:
    with pytest.raises(BinaryFile):
        decode_bytes(bytes(range(1, 32)) * 10 + b"text")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_empty_text_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyDocument, match="empty"):
        decode_bytes(data)


def test_terminal_escapes_become_placeholders_one_for_one() -> None:
    raw = "Title \x1b]0;pwned\x07 and \x1b[31mred\x1b[0m, DEL\x7f, C1\x9b."
    decoded = decode_bytes(raw.encode())
    assert len(decoded.text) == len(raw)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in decoded.text)
    assert "\x7f" not in decoded.text
    assert "\x9b" not in decoded.text
    assert "␛]0;pwned␇" in decoded.text
    assert decoded.replaced_controls == 6


def test_tabs_and_newlines_are_kept() -> None:
    assert decode_bytes(b"a\tb\nc").text == "a\tb\nc"


def test_bidi_overrides_are_counted() -> None:
    assert decode_bytes("abc\u202edef\u202c".encode()).bidi_controls == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFile, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(MissingFile, match="not a regular file"):
        read_text(tmp_path)


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(FileTooLarge, match="over the"):
        read_text(path, max_bytes=1000)
    assert read_text(path, max_bytes=10_000).text.startswith("word")
