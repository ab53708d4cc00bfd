"""A web server on 127.0.0.1 for the tests: routes of pages written for them, redirects,
error statuses, a stalled reply and an endless body, with every request recorded."""

from __future__ import annotations

import ssl
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_CHUNK = 64 * 1024


@dataclass
class Route:
    """What the server answers at one path."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    # Wait without answering until the server stops.
    stall: bool = False
    # Send this many bytes in chunks, with no Content-Length, instead of ``body``.
    stream: int = 0


@dataclass
class Request:
    """A request the server received."""

    path: str
    headers: dict[str, str]


class LocalServer:
    """A threaded HTTP (or HTTPS) server on a free loopback port."""

    def __init__(self, certificate: tuple[Path, Path] | None = None) -> None:
        """Start serving at once; ``certificate`` is (cert, key) for HTTPS."""
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.streamed: dict[str, int] = {}
        self.stream_done = threading.Event()
        self.stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self.scheme = "http"
        if certificate:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*certificate)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
        # A short poll keeps shutdown() quick: it waits for the serving loop's next turn.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}{path}"

    def page(
        self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8"
    ) -> str:
        """Serve a page at a path and return its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(body=data, headers={"Content-Type": content_type})
        return self.url(path)

    def redirect(self, path: str, target: str, status: int = 302) -> str:
        """Redirect a path to another URL or path and return the path's URL."""
        self.routes[path] = Route(status=status, headers={"Location": target})
        return self.url(path)

    def stop(self) -> None:
        """Release stalled handlers and shut the server down."""
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server.requests.append(Request(self.path, dict(self.headers.items())))
            route = server.routes.get(self.path, Route(status=404, body=b"not here"))
            if route.stall:
                server.stopping.wait()
                return
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if route.stream:
                self.end_headers()
                self._stream(route.stream)
                return
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)

        def _stream(self, total: int) -> None:
            sent = 0
            try:
                while sent < total:
                    self.wfile.write(b"x" * _CHUNK)
                    sent += _CHUNK
            except OSError:
                pass  # the client stopped reading and closed the connection
            finally:
                server.streamed[self.path] = sent
                server.stream_done.set()

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output clean."""

    return Handler
