"""Loading documents: Markdown structure, plain text offsets, metadata, titles, folders."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.documents.document_error import BinaryFile, EmptyDocument, MissingFile, NoDocuments
from reader.core.documents.loading import document_id, expand_paths, load_document
from tests.support.paths import NEWSWEEK, SAMPLE_DOCS, STRIPES


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_keeps_the_file_text(tmp_path: Path) -> None:
    source = "Headline here\n\nFirst sentence. Second one.\n"
    document = load_document(write(tmp_path, "a.txt", source))
    assert document.text == source
    assert [p.text for p in document.passages] == [
        "Headline here",
        "First sentence.",
        "Second one.",
    ]
    for passage in document.passages:
        assert source[passage.start : passage.end] == passage.text


def test_markdown_structure_becomes_plain_blocks(tmp_path: Path) -> None:
    source = (
        "---\ntitle: 'From front matter'\noutlet: Example Post\n---\n\n"
        "# The *headline*\n\n"
        "A paragraph with **bold** and a [link text](https://example.com). Second sentence.\n\n"
        "- first item\n- second item\n\n"
        "> A quoted line.\n\n"
        "```\ncode stays\n```\n"
    )
    document = load_document(write(tmp_path, "a.md", source))
    kinds = [block.kind for block in document.blocks]
    assert kinds == ["heading", "paragraph", "list_item", "list_item", "quote", "code"]
    texts = [document.text[b.start : b.end] for b in document.blocks]
    assert texts[0] == "The headline"
    assert texts[1] == "A paragraph with bold and a link text. Second sentence."
    assert texts[2:5] == ["first item", "second item", "A quoted line."]
    assert "https://" not in document.text
    assert document.title == "From front matter"
    assert document.metadata["outlet"] == "Example Post"
    assert document.label == "Example Post"


def test_title_falls_back_to_heading_then_first_line_then_name(tmp_path: Path) -> None:
    assert load_document(write(tmp_path, "h.md", "Intro.\n\n## Heading\n")).title == "Heading"
    assert load_document(write(tmp_path, "l.txt", "First line\nmore\n")).title == "First line"
    assert load_document(write(tmp_path, "n.md", "---\ntitle: \n---\n\nBody.")).title == "Body."
    saved_page = "Subscribe\n0 Comments\nSoldiers desert the front\n\nBody.\n"
    assert load_document(write(tmp_path, "s.txt", saved_page)).title == "Soldiers desert the front"
    assert load_document(write(tmp_path, "only.txt", "Subscribe\n")).title == "only"


def test_id_is_stable_and_ignores_whitespace_layout(tmp_path: Path) -> None:
    one = load_document(write(tmp_path, "one.txt", "Same words.\nHere."))
    two = load_document(write(tmp_path, "two.txt", "Same   words.\n\nHere.\n"))
    assert one.id == two.id == document_id("Same words. Here.")
    assert len(one.id) == 64


def test_sample_documents_load_with_metadata() -> None:
    newsweek = load_document(NEWSWEEK)
    stripes = load_document(STRIPES)
    assert newsweek.metadata["outlet"] == "Newsweek"
    assert stripes.metadata["author"] == "David Choi"
    assert newsweek.title.startswith("North Korean Troops Deserting")
    assert newsweek.blocks[0].kind == "heading"
    assert len(newsweek.passages) == 18
    assert len(stripes.passages) == 30


def test_sample_documents_keep_the_seed_text_word_for_word(seeds_dir: Path) -> None:
    for sample, seed in [
        (NEWSWEEK, "000_cbb283ef6ebf9b78.txt"),
        (STRIPES, "001_9767baa47ae2d921.txt"),
    ]:
        seed_words = (seeds_dir / seed).read_text(encoding="utf-8").split()
        assert load_document(sample).text.split() == seed_words


def test_hostile_text_is_kept_as_data(tmp_path: Path) -> None:
    source = "Title \x1b]0;title\x07 [bold]x[/bold] [@click=app.quit]x[/].\n"
    document = load_document(write(tmp_path, "evil.txt", source))
    assert "\x1b" not in document.text
    assert "\x07" not in document.text
    assert "[bold]x[/bold] [@click=app.quit]x[/]" in document.text
    assert len(document.text) == len(source)
    assert any("control characters" in warning for warning in document.warnings)


def test_cp1252_and_utf16_files_load(tmp_path: Path) -> None:
    cp = load_document(write(tmp_path, "cp.txt", "Café – “news”.".encode("cp1252")))
    assert cp.text == "Café – “news”."
    assert cp.encoding == "cp1252"
    assert "decoded as cp1252" in cp.warnings
    u16 = load_document(
        write(tmp_path, "u16.txt", codecs.BOM_UTF16_LE + "Hello.".encode("utf-16-le"))
    )
    assert u16.text == "Hello."


def test_bad_files_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(BinaryFile):
        load_document(write(tmp_path, "nul.txt", b"\x00" * 100))
    with pytest.raises(EmptyDocument):
        load_document(write(tmp_path, "empty.txt", b""))
    with pytest.raises(MissingFile):
        load_document(tmp_path / "missing.md")
    with pytest.raises(NoDocuments):
        load_document(write(tmp_path, "only-front.md", "---\ntitle: x\n---\n"))


def test_folders_expand_to_sorted_document_files(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "c.markdown", "d.pdf", "e.html", "skip.png", "notes.json"]:
        write(tmp_path, name, "Text.")
    (tmp_path / "sub.md").mkdir()
    assert [p.name for p in expand_paths([tmp_path])] == [
        "a.txt",
        "b.md",
        "c.markdown",
        "d.pdf",
        "e.html",
    ]
    assert [p.name for p in expand_paths([SAMPLE_DOCS])] == [NEWSWEEK.name, STRIPES.name]


def test_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoDocuments, match=r"no \.txt, \.md, \.markdown, \.html, \.htm or \.pdf"):
        expand_paths([tmp_path])
    with pytest.raises(MissingFile):
        expand_paths([tmp_path / "gone"])


def test_passage_at_finds_the_containing_passage() -> None:
    document = load_document(STRIPES)
    for passage in document.passages:
        assert document.passage_at(passage.start) == passage
        assert document.passage_at(passage.end - 1) == passage
    assert document.passage_at(len(document.text) + 5) is None


def test_markdown_nested_deeply_keeps_all_its_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    lists = "".join("  " * level + f"- level {level} word\n" for level in range(13))
    quote = "> " * 25 + "a deep quote\n"
    path.write_text(f"{lists}\nThe paragraph after the list.\n\n{quote}\nThe end.\n", "utf-8")
    document = load_document(path)
    for piece in ("level 12 word", "The paragraph after the list.", "a deep quote", "The end."):
        assert piece in document.text, piece
    assert document.warnings == ()


def test_quote_and_list_lines_without_text_are_no_loss(tmp_path: Path) -> None:
    # A quote's blank line, as in reader's own memo, and an empty list item hold no text.
    path = tmp_path / "memo.md"
    path.write_text("# T\n\n> One two three four five.\n>\n> Six seven.\n\n-\n- item\n", "utf-8")
    document = load_document(path)
    assert document.warnings == ()
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        "T",
        "One two three four five.",
        "Six seven.",
        "item",
    ]


def test_markdown_nested_past_the_parser_is_read_as_plain_text_and_says_so(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deeper.md"
    lists = "".join("  " * level + f"- level {level}\n" for level in range(1_000))
    path.write_text(f"{lists}\nA normal paragraph.\n", "utf-8")
    document = load_document(path)
    assert "level 999" in document.text
    assert "A normal paragraph." in document.text
    assert any("read as plain text" in warning for warning in document.warnings)


def test_front_matter_block_scalars_and_continued_values(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\ntitle: >\n  North Korean soldiers\n  desert the front\noutlet: Daily\n"
        "  Planet\n---\n\nBody text here.\n",
        "utf-8",
    )
    document = load_document(path)
    assert document.title == "North Korean soldiers desert the front"
    assert document.metadata["outlet"] == "Daily Planet"


def test_a_file_just_over_the_limit_says_by_how_much(tmp_path: Path) -> None:
    from reader.core.documents.document_error import FileTooLarge

    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(FileTooLarge, match=r"1,048,577 bytes, over the limit of 1,048,576 bytes"):
        load_document(path, 1024 * 1024)


def test_a_title_from_a_long_first_line_is_cut_between_words(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    first = "The Indian Navy on Saturday prevented pirates from hijacking a merchant vessel " * 3
    path.write_text(first + "\n\nSecond paragraph.\n", encoding="utf-8")
    title = load_document(path).title
    assert len(title) <= 120
    assert title.endswith("…")
    assert title[:-1] == first[: len(title) - 1]
    assert first[len(title) - 1] == " "  # the cut falls between words
