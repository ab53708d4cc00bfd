"""Extracted text written as Markdown reads back unchanged; front matter values survive."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.documents import markdown_text as md
from reader.core.documents.markup import markdown_blocks, split_front_matter
from reader.core.documents.text_policy import sanitize

# Text built from pieces of Markdown syntax and arbitrary characters, as a page's text can be.
_SYNTAX = st.sampled_from(
    [
        *"\\`*_[]<>|~#&;!-+=.)(0123456789 \n\t:\"'{}^$@%/?,",
        *("&amp;", "&#1;", "1. ", "2) ", "- ", "+ ", "# ", "### x ##", "```", "~~", "    "),
        *("\u00a0", "\u2028", "<b>", "[a](b)", "**x**", "---", "===", "| a |", "\\\n", "-12.5"),
    ]
)
_TEXT = (
    st.lists(
        st.one_of(_SYNTAX, st.text(st.characters(exclude_categories=["Cs"]), max_size=3)),
        max_size=20,
    )
    .map("".join)
    .map(sanitize)
)
_RENDER = {
    "paragraph": md.paragraph,
    "heading": md.heading,
    "list_item": md.list_item,
    "quote": md.quote,
    "code": md.code,
}


def _expected(kind: str, text: str) -> str:
    if kind == "heading":
        return " ".join(text.split())
    if kind == "code":
        return text.rstrip()
    return md.normalize_lines(text)


@settings(max_examples=400, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(_RENDER)), _TEXT), max_size=6))
def test_blocks_read_back_as_written(blocks: list[tuple[str, str]]) -> None:
    written = []
    expected = []
    for kind, text in blocks:
        source = _RENDER[kind](text)
        if source:
            written.append(source)
            expected.append((kind, _expected(kind, text)))
        else:
            assert not _expected(kind, text).strip()
    assert markdown_blocks(md.join(written)) == expected


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(st.lists(_TEXT, min_size=1, max_size=4), min_size=1, max_size=4), _TEXT)
def test_tables_and_tight_lists_read_back_cell_by_cell(rows: list[list[str]], item: str) -> None:
    items = [md.list_item(text) for text in (item, "second item") if md.list_item(text)]
    source = md.join([md.table(rows), "\n".join(items)])
    cells = [("table_cell", " ".join(c.split())) for row in rows for c in row if c.split()]
    listed = [("list_item", md.normalize_lines(text)) for text in (item, "second item")]
    assert markdown_blocks(source) == cells + [entry for entry in listed if entry[1]]


def test_markup_in_text_is_escaped_not_interpreted() -> None:
    source = md.paragraph("1. Not a list, *not emphasis*, [not](a link), <b>not html</b> & more")
    assert markdown_blocks(source) == [
        ("paragraph", "1. Not a list, *not emphasis*, [not](a link), <b>not html</b> & more")
    ]
    # Only what needs it is escaped, so the saved file stays readable.
    assert md.paragraph("Shares fell -12.5% to 1.1 million") == "Shares fell -12.5% to 1.1 million"
    assert md.heading("Issue #5 ###", 1) == "# Issue \\#5 \\#\\#\\#"


def test_code_fence_is_longer_than_any_backtick_run_inside() -> None:
    code = "a ``` b\n````\nc"
    assert markdown_blocks(md.code(code)) == [("code", code)]


_TRICKY_VALUES = [
    'He said "no": #1 of 3',
    "It's a 'quote'",
    "back\\slash and \\n not a newline",
    "line one\nline two",
    "tab\there",
    "escape \x1b[31m red",
    "separators \u2028 \u2029 \x85 end",
    "---",
    "key: value",
    "  padded  ",
    "日本語のタイトル",
    "",
]


def test_front_matter_values_round_trip_through_the_parser() -> None:
    fields = {f"k{i}": value for i, value in enumerate(_TRICKY_VALUES)}
    metadata, body = split_front_matter(md.front_matter(fields) + "Body text.\n")
    assert body == "\nBody text.\n"
    assert metadata == {key: sanitize(value) for key, value in fields.items()}
    # Control characters come back as the text policy's placeholders, never raw.
    assert metadata["k5"] == "escape ␛[31m red"


@given(st.text(st.characters(exclude_categories=["Cs"])))
def test_any_front_matter_value_round_trips(value: str) -> None:
    metadata, _ = split_front_matter(md.front_matter({"title": value}) + "x")
    assert metadata == {"title": sanitize(value)}


def test_front_matter_parser_reads_yaml_quoting() -> None:
    source = (
        "---\n"
        'a: "double \\"quoted\\" \\u00e9 \\x41 \\\\ \\q"\n'
        "b: 'single ''quoted'''\n"
        "c: plain: value # kept\n"
        'd: "\\ud83d\\ude00 pair, \\ud800 alone"\n'
        'e: "\\e[1m"\n'
        "---\n"
    )
    metadata, _ = split_front_matter(source)
    assert metadata["a"] == 'double "quoted" é A \\ \\q'
    assert metadata["b"] == "single 'quoted'"
    assert metadata["c"] == "plain: value # kept"
    assert metadata["d"] == "😀 pair, \ufffd alone"
    assert metadata["e"] == "␛[1m"
