"""Fetching a web page or PDF over http(s) with httpx, under a deadline and a size limit.

Every failure is a ``FetchFailed`` with one line for the user: a bad address, a DNS failure, a
refused connection, a certificate or other TLS error, a timeout, an HTTP error status, too many
redirects, a body over the size limit, or content that is neither HTML nor PDF. Certificates
are always checked, no cookie outlives the fetch and the user agent is ``reader/VERSION``.
"""

from __future__ import annotations

import socket
import ssl
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import __version__
from reader.core.documents.decoding import DEFAULT_MAX_BYTES, megabytes, too_large
from reader.core.documents.document_error import FetchFailed

if TYPE_CHECKING:
    import httpx

DEFAULT_TIMEOUT = 20.0
CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 10
USER_AGENT = f"reader/{__version__}"

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PDF_TYPES = frozenset({"application/pdf", "application/x-pdf"})
# Types servers send when they do not know; then the first bytes decide.
_UNKNOWN_TYPES = frozenset(
    {"", "application/octet-stream", "binary/octet-stream", "application/download"}
)
_SNIFF_BYTES = 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched page or PDF: its bytes, the URL after redirects, its kind and charset."""

    data: bytes
    url: str
    kind: str
    charset: str | None = None


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    transport: httpx.BaseTransport | None = None,
) -> Fetched:
    """Fetch an http(s) URL within ``timeout`` seconds overall, following up to 10 redirects."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as error:
        raise FetchFailed(f"{url}: not a valid address ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchFailed(f"{url}: only http:// and https:// addresses can be fetched")
    if not host:
        raise FetchFailed(f"{url}: not a valid address (no host name)")
    outcome: list[Fetched | FetchFailed] = []

    def work() -> None:
        try:
            outcome.append(_get(url, timeout, max_bytes, transport))
        except FetchFailed as error:
            outcome.append(error)
        except Exception as error:  # whatever else the HTTP stack raises is one line too
            outcome.append(FetchFailed(f"{url}: could not fetch ({_reason(error)})"))

    # httpx's timeouts bound each connect and each read, not the whole exchange: a server
    # that sends a byte every few seconds would never time out. The deadline is the join's;
    # a worker left behind stops at its own read timeout, no later than the deadline again.
    worker = threading.Thread(target=work, name="reader-fetch", daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise FetchFailed(f"{url}: timed out after {timeout:g} s")
    result = outcome[0]
    if isinstance(result, FetchFailed):
        raise result
    return result


def _get(
    url: str, timeout: float, max_bytes: int, transport: httpx.BaseTransport | None
) -> Fetched:
    # Imported here: opening files and `reader match` must not pay for the HTTP stack.
    import httpx

    limits = httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout))
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1",
    }
    try:
        # A client per fetch: cookies a site sets while redirecting live only until it returns.
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=limits,
                headers=headers,
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read(url, response, max_bytes)
    except httpx.TooManyRedirects:
        raise FetchFailed(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise FetchFailed(f"{url}: timed out after {timeout:g} s") from None
    except httpx.ConnectError as error:
        raise FetchFailed(f"{url}: {_connect_failure(error, url)}") from None
    except httpx.UnsupportedProtocol:
        raise FetchFailed(f"{url}: it, or an address it redirects to, is not http(s)") from None
    except (httpx.InvalidURL, httpx.LocalProtocolError) as error:
        raise FetchFailed(f"{url}: not a valid address ({error})") from None
    except httpx.DecodingError:
        raise FetchFailed(f"{url}: the server sent a body that could not be decompressed") from None
    except httpx.HTTPError as error:
        raise FetchFailed(f"{url}: the connection failed ({_reason(error)})") from None


def _read(url: str, response: httpx.Response, max_bytes: int) -> Fetched:
    if not 200 <= response.status_code < 300:
        raise FetchFailed(f"{url}: {_status_message(response)}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(f"{url}: the body is {too_large(int(declared), max_bytes)}")
    media_type, charset = _content_type(response.headers.get("content-type", ""))
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            # Stop reading here: the rest is never downloaded.
            raise FetchFailed(
                f"{url}: the body is over the {megabytes(max_bytes)} limit (raise it with --max-size)"
            )
    kind = _kind(media_type, bytes(body[:_SNIFF_BYTES]))
    if kind is None:
        raise FetchFailed(
            f"{url}: not a web page or PDF (content type {media_type or 'missing'}); "
            "reader add takes HTML and PDF"
        )
    return Fetched(bytes(body), str(response.url), kind, charset)


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media_type.strip().lower(), charset


def _kind(media_type: str, head: bytes) -> str | None:
    if media_type in _HTML_TYPES:
        return "html"
    if media_type in _PDF_TYPES:
        return "pdf"
    if media_type in _UNKNOWN_TYPES:
        if head.startswith(b"%PDF-"):
            return "pdf"
        lowered = head.lower()
        if b"<html" in lowered or b"<!doctype html" in lowered:
            return "html"
    return None


def _status_message(response: httpx.Response) -> str:
    status = response.status_code
    reason = response.reason_phrase or "error"
    hints = {
        401: "the page needs a login",
        403: "the site refused the request; it may turn away automated readers",
        404: "no page at this address",
        410: "the page was removed",
        429: "the site asks to slow down; try again later",
        451: "the page is withheld for legal reasons",
    }
    hint = hints.get(status) or ("a server error; try again later" if status >= 500 else "")
    return f"HTTP {status} {reason}" + (f" ({hint})" if hint else "")


def _connect_failure(error: Exception, url: str) -> str:
    """Say which step of connecting failed, from the exception the socket layer raised."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return f"could not find the host {host} (DNS lookup failed)"
        if isinstance(cause, ConnectionRefusedError):
            return f"{host} refused the connection"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"the certificate of {host} is not valid ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            return f"the secure connection to {host} failed ({cause.reason or cause})"
        cause = cause.__cause__ or cause.__context__
    return f"could not connect to {host} ({_reason(error)})"


def _reason(error: BaseException) -> str:
    return str(error) or type(error).__name__
