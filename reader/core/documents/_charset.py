"""Decoding a web page's bytes in the charset it declares (byte order mark, HTTP, <meta>)."""

from __future__ import annotations

import codecs
import re

from reader.core.documents.decoding import BYTE_ORDER_MARKS, DecodedText, clean_text, decode_bytes

# Labels browsers read differently from Python's codec of the same name (the WHATWG Encoding
# standard): Latin-1 and ASCII pages are cp1252, Shift_JIS is Microsoft's superset, and a
# <meta> that claims UTF-16 cannot be right, because the prescan read it as ASCII.
_BROWSER_CODECS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "gb2312": "gbk",
    "big5": "big5hkscs",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}

# Browsers look for the declaration in the first 1024 bytes; pages with long <head>s put it
# later, so look a little further.
_PRESCAN_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def decode_html(data: bytes, declared: str | None, name: str) -> tuple[DecodedText, bool]:
    """Decode a page: byte order mark, then the HTTP charset, then <meta> or <?xml?>, then
    strict UTF-8, then cp1252; say whether the charset was declared or guessed."""
    if any(data.startswith(bom) for bom, _ in BYTE_ORDER_MARKS):
        return decode_bytes(data, name), True
    head = data[:_PRESCAN_BYTES]
    for label in (declared, _found(_META_CHARSET, head), _found(_XML_ENCODING, head)):
        encoding = _codec(label)
        if encoding is None:
            continue
        try:
            return clean_text(data.decode(encoding), encoding, name), True
        except UnicodeDecodeError:
            if encoding == "utf-8":
                break  # a page declared UTF-8 but written in cp1252 is common: guess below
            return clean_text(data.decode(encoding, errors="replace"), encoding, name), True
    decoded = decode_bytes(data, name)
    return decoded, False


def _found(pattern: re.Pattern[bytes], head: bytes) -> str | None:
    match = pattern.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """The Python codec for an encoding label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().lower()
    try:
        return codecs.lookup(_BROWSER_CODECS.get(label, label)).name
    except LookupError:
        return None
