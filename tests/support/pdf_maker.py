"""Small PDFs written by hand for the tests: text placed at given points, images, info."""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PAGE_WIDTH, PAGE_HEIGHT = 612, 792


@dataclass(frozen=True)
class Run:
    """One line of text drawn at (x, y) from the bottom left, in Helvetica at a size."""

    x: float
    y: float
    text: str
    size: float = 10.0


def make_pdf(
    pages: Sequence[Sequence[Run]],
    *,
    images: Sequence[bool] = (),
    info: Mapping[str, str] | None = None,
) -> bytes:
    """A PDF with one page per list of runs; ``images[i]`` adds a grey picture to page i."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, written once the page objects have numbers
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        _image(),
    ]
    kids = []
    for index, runs in enumerate(pages):
        content = _content(runs, image=index < len(images) and images[index])
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer = b""
    if info:
        entries = b" ".join(
            b"/%s %s" % (key.encode(), _string(value)) for key, value in info.items()
        )
        objects.append(b"<< " + entries + b" >>")
        trailer = b" /Info %d 0 R" % len(objects)
    return _assemble(objects, trailer)


def two_columns(left: Sequence[str], right: Sequence[str], top: float = 700) -> list[Run]:
    """Runs for two columns of lines, left column first in the content stream."""
    runs = [Run(72, top - 14 * i, line) for i, line in enumerate(left)]
    runs += [Run(330, top - 14 * i, line) for i, line in enumerate(right)]
    return runs


def column(lines: Sequence[str], top: float = 700, x: float = 72, size: float = 10) -> list[Run]:
    """Runs for one column of lines."""
    return [Run(x, top - size * 1.4 * i, line, size) for i, line in enumerate(lines)]


def _content(runs: Sequence[Run], *, image: bool) -> bytes:
    parts = [b"q 200 0 0 150 200 300 cm /Im1 Do Q"] if image else []
    for run in runs:
        parts.append(
            b"BT /F1 %s Tf %s %s Td %s Tj ET"
            % (_number(run.size), _number(run.x), _number(run.y), _string(run.text))
        )
    return b"\n".join(parts)


def _image() -> bytes:
    pixels = zlib.compress(bytes(range(0, 256, 16)) * 16)
    return (
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(pixels)
        + pixels
        + b"\nendstream"
    )


def _string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _number(value: float) -> bytes:
    return (b"%.2f" % value).rstrip(b"0").rstrip(b".")


def _assemble(objects: Sequence[bytes], trailer: bytes) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
