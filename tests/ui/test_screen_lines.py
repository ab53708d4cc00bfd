"""Wrapping documents into screen lines that keep their offsets."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.core.documents.document import Document
from reader.core.documents.loading import load_document
from reader.core.documents.markup import plain_blocks
from reader.core.documents.text_policy import sanitize
from reader.ui.widgets.screen_lines import Line, _wrap_line, _wrap_plain, wrap_document
from tests.support.paths import NEWSWEEK

# Printable one-cell text: letters, digits, punctuation, curly quotes, accents, and runs of spaces.
one_cell = st.text(
    alphabet=st.sampled_from(list("abcdefghij XYZ 0123456789.,;:!?'\"-éüñ‘’“”—…")),
    max_size=300,
)


@given(one_cell, st.integers(min_value=8, max_value=60))
def test_the_fast_wrap_breaks_exactly_where_the_word_walk_does(line: str, width: int) -> None:
    text = "x\n" + line + "\ny"  # offsets inside a larger text
    start, end = 2, 2 + len(line)
    fast: list[Line] = []
    _wrap_plain(fast, text, start, end, width)
    assert fast == _wrap_line(text, start, end, width)


@given(st.text(max_size=400), st.integers(min_value=8, max_value=60))
def test_wrapped_lines_cover_the_text_in_order(body: str, width: int) -> None:
    text = sanitize(body.replace("\r", ""))
    blocks = plain_blocks(text)
    if not blocks:
        return
    document = Document(
        id="x", path=Path("x.txt"), title="t", text=text, blocks=blocks, passages=()
    )
    position = blocks[0].start
    for line in wrap_document(document, width).lines:
        assert position <= line.start <= line.end <= len(text)
        position = line.end


def test_sample_document_lines_fit_the_width() -> None:
    document = load_document(NEWSWEEK)
    layout = wrap_document(document, 40)
    for line in layout.lines:
        assert len(document.text[line.start : line.end].rstrip()) <= 40
    assert layout.passage_lines == tuple(sorted(layout.passage_lines))
