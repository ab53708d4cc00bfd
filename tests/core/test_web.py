"""Web pages to articles: structure, metadata, charsets, the text policy and bad pages."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.documents import NO_ARTICLE_TEXT, extract_web, finish_article
from reader.core.documents.document_error import (
    BinaryFile,
    EmptyDocument,
    FileTooLarge,
    NoArticleText,
)
from reader.core.documents.loading import load_document
from tests.support.pages import STORY, article_page, structured_page


def test_article_keeps_its_blocks_and_leaves_the_page_furniture_out() -> None:
    article = extract_web(structured_page().encode("utf-8"))
    kinds = [kind for kind, _ in article.blocks]
    texts = [text for _, text in article.blocks]
    assert kinds[:5] == ["heading", "paragraph", "paragraph", "paragraph", "paragraph"]
    assert texts[1:5] == list(STORY)
    assert ("heading", "What changed") in article.blocks
    assert ("list_item", "New steel railing on the north side") in article.blocks
    assert ("quote", "We did not close the ferry for a single day, and that mattered to us.") in (
        article.blocks
    )
    assert ("table_cell", "1.1 million euros") in article.blocks
    assert ("paragraph", "Markup such as *stars*, [brackets] and <tags> stays as typed.") in (
        article.blocks
    )
    joined = " ".join(texts)
    assert "All rights reserved" not in joined
    assert "Home" not in texts


def test_metadata_names_title_outlet_author_date_and_url() -> None:
    article = extract_web(article_page().encode("utf-8"))
    assert article.metadata["title"] == "Harbour Bridge reopens after storm repairs"
    assert article.metadata["outlet"] == "Test Gazette"
    assert article.metadata["author"] == "Dana Whitfield"
    assert article.metadata["date"] == "2024-03-12"
    assert article.metadata["url"] == "https://gazette.example/news/harbour-bridge-reopens"
    assert article.metadata["extractor"].startswith("trafilatura ")
    assert article.warnings == ()


def test_the_url_it_was_fetched_from_wins_over_the_pages_own() -> None:
    article = extract_web(article_page().encode("utf-8"), url="https://mirror.example/a")
    assert article.metadata["url"] == "https://mirror.example/a"


_ACCENTED = "Café owners in Señora Street said the détour cost them dearly"


def _page_with(sentence: str, head: str) -> str:
    return article_page(paragraphs=(sentence + ".", *STORY), head=head)


@pytest.mark.parametrize(
    ("encoding", "head", "http_charset"),
    [
        ("cp1252", '<meta charset="windows-1252">', None),
        (
            "cp1252",
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
            None,
        ),
        ("cp1252", "", "windows-1252"),
        ("utf-8", '<meta charset="utf-8">', None),
    ],
)
def test_declared_charsets_are_honoured(encoding: str, head: str, http_charset: str | None) -> None:
    data = _page_with(_ACCENTED, head).encode(encoding)
    article = extract_web(data, charset=http_charset)
    assert ("paragraph", _ACCENTED + ".") in article.blocks
    assert not any("decoded as" in warning for warning in article.warnings)


def test_shift_jis_page_declared_in_meta() -> None:
    sentence = "港の橋は火曜日の朝に再開した"
    data = _page_with(sentence, '<meta charset="Shift_JIS">').encode("shift_jis")
    article = extract_web(data)
    assert ("paragraph", sentence + ".") in article.blocks
    assert article.encoding == "cp932"


def test_http_charset_wins_over_a_wrong_meta() -> None:
    data = _page_with(_ACCENTED, '<meta charset="utf-8">').encode("cp1252")
    article = extract_web(data, charset="windows-1252")
    assert ("paragraph", _ACCENTED + ".") in article.blocks


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")]
)
def test_byte_order_mark_wins_over_everything(bom: bytes, codec: str) -> None:
    data = bom + _page_with(_ACCENTED, '<meta charset="windows-1252">').encode(codec)
    article = extract_web(data)
    assert ("paragraph", _ACCENTED + ".") in article.blocks


def test_undeclared_cp1252_is_guessed_and_said() -> None:
    data = _page_with(_ACCENTED, "").encode("cp1252")
    article = extract_web(data)
    assert ("paragraph", _ACCENTED + ".") in article.blocks
    assert "decoded as cp1252" in article.warnings


def test_xml_declaration_charset() -> None:
    page = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + _page_with(_ACCENTED, "")
    article = extract_web(page.encode("cp1252"))
    assert ("paragraph", _ACCENTED + ".") in article.blocks


def test_control_characters_become_placeholders_raw_or_as_references() -> None:
    sentence = "The council voted \x1b[31mred\x1b[0m on the plan and a bell \x07 rang &#27; twice"
    article = extract_web(_page_with(sentence, "").encode("utf-8"))
    text = " ".join(text for _, text in article.blocks)
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "voted ␛[31mred␛[0m on the plan and a bell ␇ rang ␛ twice" in text
    assert "4 control characters shown as placeholders" in article.warnings


def test_a_short_text_is_flagged_as_a_possible_paywall_stub() -> None:
    stub = "Subscribers can read the full story of the bridge repairs by logging in today."
    article = extract_web(article_page(paragraphs=(stub,)).encode("utf-8"))
    assert [w for w in article.warnings if "paywall stub" in w] == [
        f"only {article.words} words: it may be a paywall stub or a teaser"
    ]
    assert article.words < 30


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Gallery</title></head><body><img src='a.jpg'></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<<<>>> <p <p <div",
    ],
)
def test_pages_without_article_text_are_refused(page: str) -> None:
    with pytest.raises(NoArticleText, match=NO_ARTICLE_TEXT):
        extract_web(page.encode("utf-8"), name="page.html")


def test_broken_html_still_gives_its_text() -> None:
    broken = "<html><body><article><h1>Harbour Bridge<p>" + "<p>".join(STORY) + "<div><b>unclosed"
    article = extract_web(broken.encode("utf-8"))
    assert any(STORY[1] in text for _, text in article.blocks)


def test_binary_data_empty_files_and_size_are_refused() -> None:
    with pytest.raises(BinaryFile):
        extract_web(b"\x00\x01\x02\x03" * 100, name="x.html")
    with pytest.raises(EmptyDocument):
        extract_web(b"  \n", name="x.html")
    with pytest.raises(FileTooLarge, match="over the"):
        extract_web(article_page().encode("utf-8"), max_bytes=100)


def test_html_files_open_directly_and_read_like_their_markdown(tmp_path: Path) -> None:
    page = tmp_path / "bridge.html"
    page.write_text(structured_page(), encoding="utf-8")
    document = load_document(page)
    assert document.title == "Harbour Bridge reopens after storm repairs"
    assert document.label == "Test Gazette"
    assert document.metadata["date"] == "2024-03-12"
    assert any(p.text == STORY[0] for p in document.passages)
    copy = tmp_path / "bridge.md"
    copy.write_text(extract_web(page.read_bytes()).markdown, encoding="utf-8")
    assert load_document(copy).text == document.text
    assert load_document(copy).id == document.id
    assert list(tmp_path.iterdir()) != []  # nothing else was written beside the page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bridge.html", "bridge.md"]


def test_the_text_policy_flags_bidi_overrides_and_controls_in_extracted_text() -> None:
    # Trafilatura drops bidi overrides from pages; a PDF's text layer can still hold them.
    words = " ".join(["word"] * 90)
    article = finish_article(
        "x.pdf",
        f"{words} \u202egnp.exe \x1b[0m\n",
        {"title": "T\x07"},
        encoding="utf-8",
        max_bytes=10**6,
    )
    assert article.warnings == (
        "1 control character shown as placeholders",
        "1 bidirectional override characters",
    )
    assert "␛[0m" in article.markdown
    assert article.metadata == {"title": "T␇"}
