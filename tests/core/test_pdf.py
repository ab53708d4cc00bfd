"""PDFs to articles: reading order, mended hyphens, running headers, pages, bad PDFs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from reader.core.documents import page_at
from reader.core.documents._hyphens import Vocabulary, glue
from reader.core.documents.document_error import FileTooLarge, UnreadablePdf
from reader.core.documents.loading import load_document
from reader.core.documents.markup import join_blocks
from reader.core.documents.pdf import NO_TEXT_LAYER, extract_pdf
from tests.support.pdf_maker import Run, column, make_pdf

LEFT = [
    "The harbour bridge reopened on Tuesday",
    "after eleven weeks of repairs to its",
    "railing and two support cables, the",
]
RIGHT = [
    "transport office said. Engineers worked",
    "at night so the ferry could keep going.",
    "The repairs cost 3.2 million euros.",
]


def _text(data: bytes) -> str:
    return join_blocks(extract_pdf(data).blocks)[0]


def test_two_columns_read_down_one_then_the_other_even_when_drawn_row_by_row() -> None:
    runs = []
    for row, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        runs += [Run(72, 700 - 14 * row, left), Run(330, 700 - 14 * row, right)]
    text = _text(make_pdf([runs]))
    assert text == " ".join(LEFT + RIGHT)


HYPHENATED = [
    "The government said a state-owned firm would run the port",
    "by the harbour, on the north side of town. The gov-",
    "ernment also said the state-",
    "owned firm would open an infor-",
    "mation office by the harbour-",
    "side, report COVID-",
    "19 cases, and face north-",
    "West winds.",
]


def test_hyphens_at_line_ends_are_mended_by_what_the_document_itself_uses() -> None:
    text = _text(make_pdf([column(HYPHENATED)]))
    assert "The government also said" in text  # "government" is used elsewhere: joined
    assert "the state-owned firm would open" in text  # the compound is used elsewhere: kept
    assert "an information office" in text  # neither half is a word: joined
    assert "by the harbour-side," in text  # both halves are words of their own: kept
    assert "report COVID-19 cases" in text  # a number follows: kept, no space
    assert "face north-West winds" in text  # a capital follows: kept


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    # A font's ToUnicode map gives U+00AD; the hand-made PDFs here cannot, so glue is tested.
    vocabulary = Vocabulary(["The cables."])
    assert glue("the ca\u00ad", "bles.", vocabulary) == "the cables."
    assert glue("the state-", "owned", Vocabulary(["a state-owned firm"])) == "the state-owned"
    assert glue("spaced -", "dash", vocabulary) == "spaced - dash"


def _paged(bodies: list[list[str]], header: bool = True) -> bytes:
    pages = []
    for number, lines in enumerate(bodies, start=1):
        runs = column(lines)
        if header:
            runs.insert(0, Run(72, 760, "Port Ellis Review - March 2024", 8))
            runs.append(Run(280, 40, f"Page {number} of {len(bodies)}", 8))
        pages.append(runs)
    return make_pdf(pages)


PAGES = [
    ["Port Ellis Review - March 2024 is the title of this review.", "The bridge reopened."],
    ["Crews replaced the railing on the north side of the bridge, and the work ran"],
    ["over budget by half a million euros.", "The mayor thanked the crews."],
]


def test_running_headers_and_page_numbers_are_dropped() -> None:
    text = _text(_paged(PAGES))
    assert "Page 1 of 3" not in text
    assert "Page 3" not in text
    assert text.count("Port Ellis Review - March 2024") == 1  # the body's own line stays
    assert text.startswith("Port Ellis Review - March 2024 is the title of this review.")


def test_pages_are_recorded_so_a_passage_can_be_cited_by_page() -> None:
    article = extract_pdf(_paged(PAGES))
    text = join_blocks(article.blocks)[0]
    # The paragraph running from page 2 onto page 3 stays whole.
    run_on = "Crews replaced the railing on the north side of the bridge, and the work ran over"
    assert run_on in text
    assert page_at(article.metadata, text.index("The bridge reopened.")) == 1
    assert page_at(article.metadata, text.index("Crews replaced")) == 2
    assert page_at(article.metadata, text.index("over budget")) == 3
    assert page_at(article.metadata, text.index("The mayor")) == 3
    assert len(article.metadata["pages"].split()) == 3


def test_a_page_without_text_keeps_the_page_numbers_of_the_others_right(tmp_path: Path) -> None:
    bodies = [column(["The first page of the report has one sentence."]), [], column(["Third."])]
    data = make_pdf(bodies, images=[False, True, False])
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    document = load_document(path)
    assert page_at(document.metadata, document.text.index("Third.")) == 3
    assert page_at(document.metadata, 0) == 1


def test_metadata_comes_from_the_document_information() -> None:
    info = {
        "Title": "Bridge repair report",
        "Author": "Port Ellis Council",
        "CreationDate": "D:20240312083000Z",
    }
    article = extract_pdf(
        make_pdf([column(LEFT + RIGHT)], info=info), url="https://www.ellis.example/r.pdf"
    )
    assert article.metadata["title"] == "Bridge repair report"
    assert article.metadata["author"] == "Port Ellis Council"
    assert article.metadata["date"] == "2024-03-12"
    assert article.metadata["outlet"] == "ellis.example"
    assert article.metadata["extractor"].startswith("pdfminer.six ")


def test_large_type_is_a_heading_and_names_a_document_whose_title_is_a_file_name() -> None:
    runs = [Run(72, 720, "Harbour Bridge Report", 20), *column(LEFT + RIGHT, top=680)]
    article = extract_pdf(make_pdf([runs], info={"Title": "Microsoft Word - draft3.docx"}))
    assert article.blocks[0] == ("heading", "Harbour Bridge Report")
    assert article.metadata["title"] == "Harbour Bridge Report"


def _encrypted(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([column(LEFT + RIGHT)]))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_locked_with_a_password_is_refused() -> None:
    with pytest.raises(UnreadablePdf, match=r"locked\.pdf: encrypted PDF that needs a password"):
        extract_pdf(_encrypted("secret"), name="locked.pdf")


def test_a_pdf_encrypted_without_a_user_password_opens() -> None:
    assert _text(_encrypted("")) == " ".join(LEFT + RIGHT)


def test_an_image_only_pdf_has_no_text_layer() -> None:
    data = make_pdf([[], []], images=[True, True])
    with pytest.raises(UnreadablePdf, match=f"scan.pdf: {NO_TEXT_LAYER}"):
        extract_pdf(data, name="scan.pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\nthis is not the rest of a PDF", "malformed PDF"),
        (make_pdf([column(LEFT)])[:300], "malformed PDF"),
        (b"<html>not a pdf</html>", "not a PDF"),
    ],
)
def test_damaged_and_false_pdfs_are_refused_in_one_line(data: bytes, message: str) -> None:
    with pytest.raises(UnreadablePdf, match=message) as caught:
        extract_pdf(data, name="bad.pdf")
    assert "\n" not in str(caught.value)


def test_size_limit() -> None:
    with pytest.raises(FileTooLarge):
        extract_pdf(make_pdf([column(LEFT)]), max_bytes=100)


def test_pdf_files_open_directly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([column(LEFT + RIGHT)], info={"Title": "Bridge repair report"}))
    document = load_document(path)
    assert document.title == "Bridge repair report"
    assert document.passages[0].text.startswith("The harbour bridge reopened on Tuesday")
    assert document.metadata["pages"] == "0"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]
