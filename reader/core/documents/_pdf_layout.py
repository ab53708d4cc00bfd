"""Reading a PDF's text lines, grouped in boxes in reading order, with pdfminer.six.

pdfminer groups characters into lines and lines into boxes, and orders the boxes of a page
so that a two-column page reads down the first column and then the second.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.core.documents.document_error import UnreadablePdf

if TYPE_CHECKING:
    from pdfminer.layout import LTTextLine

_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text on a page, with its box in points from the bottom left and font size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass(frozen=True, slots=True)
class Page:
    """A page's text boxes (each a list of lines) in reading order, and the page's height."""

    boxes: tuple[tuple[Line, ...], ...]
    height: float

    def lines(self) -> Iterator[Line]:
        """Every line of the page in reading order."""
        for box in self.boxes:
            yield from box


@dataclass(frozen=True)
class Layout:
    """A PDF's pages and the title, author and date of its document information."""

    pages: tuple[Page, ...]
    title: str
    author: str
    date: str


def read_layout(data: bytes, name: str) -> Layout:
    """Lay out every page of a PDF, refusing one that is not a PDF, is damaged or locked."""
    # Imported here: opening .txt and .md files must not pay for pdfminer.
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if b"%PDF-" not in data[:1024]:
        raise UnreadablePdf(f"{name}: not a PDF (no %PDF- header)")
    logger = logging.getLogger("pdfminer")
    if not logger.handlers:  # its warnings about damaged files would reach stderr
        logger.addHandler(logging.NullHandler())
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        pages = tuple(
            _page(page, LAParams(all_texts=True)) for page in PDFPage.create_pages(document)
        )
        info = _info(document)
    except PDFPasswordIncorrect:
        raise UnreadablePdf(
            f"{name}: encrypted PDF that needs a password; save a copy without one and add that"
        ) from None
    except PDFEncryptionError as error:
        raise UnreadablePdf(f"{name}: encrypted PDF this reader cannot open ({error})") from None
    except Exception as error:  # pdfminer raises many kinds on damaged input
        raise UnreadablePdf(
            f"{name}: malformed PDF; it may be damaged or cut short ({type(error).__name__})"
        ) from None
    if not pages:
        raise UnreadablePdf(f"{name}: malformed PDF (no pages)")
    return Layout(pages, info.get("Title", ""), info.get("Author", ""), _date(info))


def _page(page: Any, params: Any) -> Page:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager

    device = PDFPageAggregator(PDFResourceManager(), laparams=params)
    PDFPageInterpreter(device.rsrcmgr, device).process_page(page)
    layout = device.get_result()
    boxes = tuple(box for box in _boxes(layout) if box)
    return Page(boxes, float(layout.y1 - layout.y0))


def _boxes(container: Any) -> Iterator[tuple[Line, ...]]:
    from pdfminer.layout import LTFigure, LTTextBox, LTTextLine

    for item in container:
        if isinstance(item, LTTextBox):
            yield tuple(_line(line) for line in item if isinstance(line, LTTextLine))
        elif isinstance(item, LTTextLine):
            yield (_line(item),)
        elif isinstance(item, LTFigure):
            yield from _boxes(item)


def _line(line: LTTextLine) -> Line:
    sizes = [item.size for item in line if hasattr(item, "size")]
    text = line.get_text().rstrip("\n")
    return Line(text, line.x0, line.y0, line.x1, line.y1, statistics.median(sizes) if sizes else 0)


def _info(document: Any) -> dict[str, str]:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    found: dict[str, str] = {}
    for entries in document.info:
        for key in ("Title", "Author", "CreationDate"):
            value = resolve1(entries.get(key))
            if isinstance(value, bytes):
                found[key] = decode_text(value).strip()
            elif isinstance(value, str):
                found[key] = value.strip()
    return found


def _date(info: dict[str, str]) -> str:
    match = _DATE.match(info.get("CreationDate", ""))
    if not match:
        return ""
    return "-".join(part for part in match.groups() if part)
