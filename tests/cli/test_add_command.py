"""``reader add``: dated Markdown copies with provenance, originals kept, bad input refused."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from reader.cli import main
from reader.cli.add import add_command
from reader.core.documents import page_at
from reader.core.documents.loading import load_document
from reader.core.documents.markup import split_front_matter
from tests.support.pages import STORY, article_page, structured_page
from tests.support.pdf_maker import Run, column, make_pdf
from tests.support.web_server import LocalServer, Route

NAME = "test-gazette-harbour-bridge-reopens-after-storm-repairs.md"


def _files(folder: Path) -> list[str]:
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_url_becomes_a_markdown_copy_with_provenance_and_its_original(
    web_server: LocalServer, tmp_path: Path
) -> None:
    page = structured_page().encode("utf-8")
    web_server.routes["/story"] = Route(body=page, headers={"Content-Type": "text/html"})
    start = web_server.redirect("/short", "/story")
    out, err = io.StringIO(), io.StringIO()
    clock = lambda: datetime(2024, 3, 14, 9, 30, 5, tzinfo=UTC)  # noqa: E731
    code = add_command([start, "--to", str(tmp_path)], out=out, err=err, clock=clock)
    assert code == 0, err.getvalue()
    digest = hashlib.sha256(page).hexdigest()
    assert _files(tmp_path) == [f".sources/{digest}.html", NAME]
    assert (tmp_path / ".sources" / f"{digest}.html").read_bytes() == page
    metadata, body = split_front_matter((tmp_path / NAME).read_text(encoding="utf-8"))
    assert metadata["title"] == "Harbour Bridge reopens after storm repairs"
    assert metadata["outlet"] == "Test Gazette"
    assert metadata["author"] == "Dana Whitfield"
    assert metadata["date"] == "2024-03-12"
    assert metadata["url"] == web_server.url("/story")  # where the redirects ended
    assert metadata["retrieved"] == "2024-03-14T09:30:05Z"
    assert metadata["sha256"] == digest
    assert metadata["extractor"].startswith("trafilatura ")
    assert STORY[0] in body
    assert out.getvalue() == (
        f"added {NAME}: Test Gazette · Harbour Bridge reopens after storm repairs (201 words)\n"
    )
    assert err.getvalue() == ""


def test_the_copy_reads_like_the_page_opened_directly(
    web_server: LocalServer, tmp_path: Path
) -> None:
    page = tmp_path / "saved" / "bridge.html"
    page.parent.mkdir()
    page.write_text(structured_page(), encoding="utf-8")
    assert main(["add", str(page), "--to", str(tmp_path / "case")]) == 0
    copy = load_document(tmp_path / "case" / NAME)
    direct = load_document(page)
    assert (copy.id, copy.text, copy.title, copy.label) == (
        direct.id,
        direct.text,
        direct.title,
        direct.label,
    )
    assert [p.text for p in copy.passages] == [p.text for p in direct.passages]
    assert copy.metadata["url"] == "https://gazette.example/news/harbour-bridge-reopens"


def test_the_same_content_twice_is_one_copy(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web_server.page("/story", article_page())
    assert main(["add", url, "--to", str(tmp_path)]) == 0
    before = _files(tmp_path)
    assert main(["add", web_server.page("/again", article_page()), "--to", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"already in this folder: {NAME}"
    assert _files(tmp_path) == before


def test_a_name_in_use_gets_a_suffix_and_nothing_is_overwritten(
    web_server: LocalServer, tmp_path: Path
) -> None:
    (tmp_path / NAME).write_text("my own notes\n", encoding="utf-8")
    first = web_server.page("/1", article_page())
    second = web_server.page("/2", article_page(paragraphs=(*STORY, "An update was added later.")))
    assert main(["add", first, second, "--to", str(tmp_path)]) == 0
    assert (tmp_path / NAME).read_text(encoding="utf-8") == "my own notes\n"
    stem = NAME.removesuffix(".md")
    assert [name for name in _files(tmp_path) if name.endswith(".md")] == [
        f"{stem}-2.md",
        f"{stem}-3.md",
        NAME,
    ]


def test_a_pdf_keeps_its_page_map(web_server: LocalServer, tmp_path: Path) -> None:
    pages = [
        [
            Run(72, 720, "Bridge Repair Report", 20),
            *column(["The railing was replaced in March."], 680),
        ],
        column(["The cables were replaced in April, at night."]),
    ]
    pdf = make_pdf(pages)
    url = web_server.page("/report.pdf", pdf, "application/pdf")
    assert main(["add", url, "--to", str(tmp_path)]) == 0
    digest = hashlib.sha256(pdf).hexdigest()
    assert _files(tmp_path) == [f".sources/{digest}.pdf", "127-0-0-1-bridge-repair-report.md"]
    copy = load_document(tmp_path / "127-0-0-1-bridge-repair-report.md")
    assert copy.title == "Bridge Repair Report"
    assert copy.metadata["extractor"].startswith("pdfminer.six ")
    assert page_at(copy.metadata, copy.text.index("The cables")) == 2
    assert page_at(copy.metadata, copy.text.index("The railing")) == 1


def test_a_stub_is_added_with_a_warning(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stub = article_page(paragraphs=("Subscribe to read how the Harbour Bridge was repaired.",))
    assert main(["add", web_server.page("/stub", stub), "--to", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"reader: warning: {NAME}: only ")
    assert "paywall stub" in captured.err
    assert NAME in _files(tmp_path)


def _locked_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([column(["Secret text here."])]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


_BAD = {
    "404": (Route(status=404), "HTTP 404 Not Found"),
    "410": (Route(status=410), "HTTP 410 Gone"),
    "451": (Route(status=451), "HTTP 451"),
    "500": (Route(status=500), "HTTP 500"),
    "stalled": (Route(stall=True), "timed out after 0.5 s"),
    "image": (
        Route(body=b"\x89PNG", headers={"Content-Type": "image/png"}),
        "not a web page or PDF",
    ),
    "no text": (
        Route(
            body=b"<html><body><img src=a.jpg></body></html>", headers={"Content-Type": "text/html"}
        ),
        "no article text found; save the text and open it as .txt",
    ),
    "scan": (
        Route(body=make_pdf([[]], images=[True]), headers={"Content-Type": "application/pdf"}),
        "no text layer; OCR is not supported",
    ),
    "locked": (
        Route(body=_locked_pdf(), headers={"Content-Type": "application/pdf"}),
        "encrypted PDF that needs a password",
    ),
    "damaged": (
        Route(body=b"%PDF-1.7\n1 0 obj <<", headers={"Content-Type": "application/pdf"}),
        "malformed PDF",
    ),
}


@pytest.mark.parametrize("case", sorted(_BAD))
def test_bad_input_is_one_line_and_writes_nothing(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    route, message = _BAD[case]
    web_server.routes["/bad"] = route
    folder = tmp_path / "case"
    code = main(["add", web_server.url("/bad"), "--to", str(folder), "--timeout", "0.5"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.startswith(f"reader: error: {web_server.url('/bad')}: ")
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert _files(folder) == []


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("notes.docx", "not an http(s) address, nor a .html, .htm or .pdf file"),
        ("missing.html", "no such file"),
        ("ftp://example.com/a.html", "only http:// and https:// addresses"),
    ],
)
def test_sources_that_are_not_pages_or_pdfs_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, message: str
) -> None:
    assert main(["add", source, "--to", str(tmp_path / "case")]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert not (tmp_path / "case").exists()


def test_one_bad_source_does_not_stop_the_others(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = web_server.page("/good", article_page())
    assert main(["add", web_server.url("/missing"), good, "--to", str(tmp_path)]) == 1
    assert "HTTP 404" in capsys.readouterr().err
    assert NAME in _files(tmp_path)


def test_added_copies_are_matched(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = article_page(
        "Bridge back open in Port Ellis",
        (
            "Traffic returned to the Harbour Bridge in Port Ellis on Tuesday morning after eleven "
            "weeks of repairs, the transport office said.",
            "The repairs cost 3.2 million euros, the city said, more than first estimated.",
        ),
        site="Ellis Courier",
    )
    urls = [web_server.page("/a", article_page()), web_server.page("/b", other)]
    assert main(["add", *urls, "--to", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["match", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "across 2 documents" in out
    assert "Ellis Courier" in out


@pytest.mark.parametrize(
    ("encoding", "content_type", "head"),
    [
        ("shift_jis", "text/html; charset=Shift_JIS", ""),
        ("cp1252", "text/html", '<meta charset="windows-1252">'),
        ("utf-16", "text/html", ""),  # a byte order mark says it all
    ],
)
def test_charsets_declared_over_http_or_in_the_page(
    web_server: LocalServer, tmp_path: Path, encoding: str, content_type: str, head: str
) -> None:
    sentence = (
        "橋は再開した。" if encoding == "shift_jis" else "Café owners on Señora Street cheered."
    )
    page = article_page(paragraphs=(sentence, *STORY), head=head).encode(encoding)
    assert main(["add", web_server.page("/p", page, content_type), "--to", str(tmp_path)]) == 0
    copy = load_document(tmp_path / NAME)
    assert any(passage.text == sentence for passage in copy.passages)


def test_a_page_over_the_size_limit_is_refused(
    web_server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = web_server.page("/big", article_page())
    assert main(["add", url, "--to", str(tmp_path / "case"), "--max-size", "0.001"]) == 1
    assert "over the limit of 1,048 bytes (raise it with --max-size)" in capsys.readouterr().err
    assert not (tmp_path / "case").exists()
