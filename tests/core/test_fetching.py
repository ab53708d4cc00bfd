"""Fetching over http(s) from a server on 127.0.0.1: successes and every kind of failure."""

from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from reader import __version__
from reader.core.documents.document_error import FetchFailed
from reader.core.documents.fetching import fetch
from tests.support.pages import article_page
from tests.support.pdf_maker import column, make_pdf
from tests.support.web_server import LocalServer, Route


def test_a_page_is_fetched_with_its_charset_and_our_user_agent(web_server: LocalServer) -> None:
    url = web_server.page("/story", article_page(), "text/html; charset=UTF-8")
    fetched = fetch(url)
    assert fetched.kind == "html"
    assert fetched.charset == "UTF-8"
    assert fetched.url == url
    assert fetched.data == article_page().encode("utf-8")
    assert web_server.requests[0].headers["User-Agent"] == f"reader/{__version__}"


def test_a_redirect_chain_is_followed_and_the_final_url_recorded(web_server: LocalServer) -> None:
    final = web_server.page("/final", article_page())
    web_server.redirect("/c", "/final", 308)
    web_server.redirect("/b", web_server.url("/c"), 301)
    start = web_server.redirect("/a", "/b")
    fetched = fetch(start)
    assert fetched.url == final
    assert [r.path for r in web_server.requests] == ["/a", "/b", "/c", "/final"]


def test_more_than_ten_redirects_is_a_failure(web_server: LocalServer) -> None:
    for hop in range(12):
        web_server.redirect(f"/{hop}", f"/{hop + 1}")
    web_server.page("/12", article_page())
    with pytest.raises(FetchFailed, match="more than 10 redirects"):
        fetch(web_server.url("/0"))


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (404, "HTTP 404 Not Found (no page at this address)"),
        (410, "HTTP 410 Gone (the page was removed)"),
        (451, "HTTP 451"),
        (403, "HTTP 403 Forbidden"),
        (500, "HTTP 500 Internal Server Error (a server error; try again later)"),
        (503, "HTTP 503 Service Unavailable"),
    ],
)
def test_error_statuses_are_named(web_server: LocalServer, status: int, words: str) -> None:
    web_server.routes["/x"] = Route(status=status, body=b"<html>error</html>")
    with pytest.raises(FetchFailed) as caught:
        fetch(web_server.url("/x"))
    assert words in str(caught.value)
    assert str(caught.value).startswith(web_server.url("/x") + ": ")


def test_a_stalled_server_times_out_at_the_deadline(web_server: LocalServer) -> None:
    web_server.routes["/slow"] = Route(stall=True)
    with pytest.raises(FetchFailed, match=r"timed out after 0\.5 s"):
        fetch(web_server.url("/slow"), timeout=0.5)


def test_a_huge_body_is_cut_at_the_limit(web_server: LocalServer) -> None:
    web_server.routes["/huge"] = Route(headers={"Content-Type": "text/html"}, stream=200 << 20)
    with pytest.raises(FetchFailed, match=r"the body is over the 1\.0 MB limit"):
        fetch(web_server.url("/huge"), max_bytes=1 << 20)
    assert web_server.stream_done.wait(30)
    # The client stopped reading: the server could not send the 200 MB.
    assert web_server.streamed["/huge"] < 100 << 20


def test_a_declared_length_over_the_limit_is_refused_before_reading(
    web_server: LocalServer,
) -> None:
    web_server.page("/big", b"<html>" + b"x" * 5000 + b"</html>")
    with pytest.raises(
        FetchFailed, match=r"the body is 5,013 bytes, over the limit of 1,000 bytes"
    ):
        fetch(web_server.url("/big"), max_bytes=1000)


def test_a_pdf_is_recognised_by_type_or_by_its_first_bytes(web_server: LocalServer) -> None:
    pdf = make_pdf([column(["A report."])])
    assert fetch(web_server.page("/r.pdf", pdf, "application/pdf")).kind == "pdf"
    assert fetch(web_server.page("/dl", pdf, "application/octet-stream")).kind == "pdf"


@pytest.mark.parametrize(
    "content_type", ["image/png", "text/plain; charset=utf-8", "application/json"]
)
def test_other_content_types_are_refused(web_server: LocalServer, content_type: str) -> None:
    url = web_server.page("/thing", b"\x89PNG....", content_type)
    media = content_type.split(";")[0]
    with pytest.raises(FetchFailed, match=f"not a web page or PDF \\(content type {media}\\)"):
        fetch(url)


def test_a_compressed_body_is_decompressed(web_server: LocalServer) -> None:
    page = article_page().encode("utf-8")
    web_server.routes["/gz"] = Route(
        body=gzip.compress(page),
        headers={"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )
    assert fetch(web_server.url("/gz")).data == page


def test_cookies_do_not_outlive_a_fetch(web_server: LocalServer) -> None:
    web_server.routes["/set"] = Route(
        body=article_page().encode(),
        headers={"Content-Type": "text/html", "Set-Cookie": "session=abc; Path=/"},
    )
    fetch(web_server.url("/set"))
    fetch(web_server.url("/set"))
    assert "Cookie" not in web_server.requests[1].headers


def test_a_refused_connection_is_named() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchFailed, match=f"127.0.0.1:{port} refused the connection"):
        fetch(f"http://127.0.0.1:{port}/")


def _failing(error: OSError) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(str(error), request=request) from error

    return httpx.MockTransport(handler)


def test_a_dns_failure_is_named() -> None:
    transport = _failing(socket.gaierror(-2, "Name or service not known"))
    with pytest.raises(FetchFailed, match=r"could not find the host news\.invalid"):
        fetch("https://news.invalid/story", transport=transport)


def test_tls_to_a_plain_http_server_is_an_ssl_error(web_server: LocalServer) -> None:
    url = web_server.page("/story", article_page()).replace("http://", "https://")
    with pytest.raises(FetchFailed, match=r"the secure connection to 127\.0\.0\.1:[0-9]+ failed"):
        fetch(url)


@pytest.fixture
def self_signed(tmp_path: Path) -> Iterator[LocalServer]:
    """An HTTPS server whose certificate no authority signed."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    server = LocalServer(certificate=(cert, key))
    yield server
    server.stop()


def test_a_certificate_error_is_an_error_never_a_retry_without_checks(
    self_signed: LocalServer,
) -> None:
    url = self_signed.page("/story", article_page())
    with pytest.raises(FetchFailed, match=r"the certificate of 127\.0\.0\.1:[0-9]+ is not valid"):
        fetch(url)
    assert self_signed.requests == []


@pytest.mark.parametrize(
    "address",
    ["ftp://example.com/a.html", "file:///etc/passwd", "javascript:alert(1)", "example.com"],
)
def test_only_http_and_https_are_fetched(address: str) -> None:
    with pytest.raises(FetchFailed, match=r"only http:// and https:// addresses"):
        fetch(address)


def test_a_redirect_to_another_scheme_is_refused(web_server: LocalServer) -> None:
    with pytest.raises(FetchFailed, match="not http"):
        fetch(web_server.redirect("/away", "ftp://example.com/file"))
