"""A small static server for site/ that behaves like GitHub Pages.

gzip when the client accepts it, `application/wasm` for .wasm (Pyodide's
streaming compile fails with any other type), max-age=600 like GitHub Pages,
and a year for files whose name carries a content hash.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import io
import mimetypes
import re
import socket
import sys
import threading
from functools import lru_cache, partial
from http import HTTPStatus
from pathlib import Path
from urllib.parse import unquote

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
    ".css": "text/css",
    ".html": "text/html",
    ".bin": "application/octet-stream",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".xz": "application/x-xz",  # not gzipped either: already compressed
}
COMPRESSIBLE = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".svg",
    ".wasm",
    ".zip",
    ".txt",
    ".bin",
    ".csv",
    ".webmanifest",
    ".xml",
}
HASHED = re.compile(r"[.-][0-9a-f]{8,}[./]")


@lru_cache(maxsize=512)
def _gzipped(path: str, mtime: float) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


# A request line and headers must arrive within HEADER_DEADLINE seconds, and
# no socket waits more than IDLE_TIMEOUT for the next bytes (slow clients).
IDLE_TIMEOUT = 15
HEADER_DEADLINE = 20


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    timeout = IDLE_TIMEOUT

    def log_message(self, fmt, *args):  # quiet: tests and benchmarks read their own logs
        pass

    def setup(self):
        super().setup()
        self._deadline = threading.Timer(HEADER_DEADLINE, self._drop)
        self._deadline.daemon = True
        self._deadline.start()

    def _drop(self):
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def parse_request(self):
        ok = super().parse_request()
        self._deadline.cancel()  # the request is in; a slow download is fine
        return ok

    def finish(self):
        self._deadline.cancel()
        with contextlib.suppress(OSError):
            super().finish()

    def send_error(self, code, message=None, explain=None):
        # Malformed requests (HTTP/9.9, a 64 KB line) get a plain 400, as GitHub Pages does.
        if code in (
            HTTPStatus.REQUEST_URI_TOO_LONG,
            HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
            HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
        ):
            code, message = HTTPStatus.BAD_REQUEST, None
        if self.request_version == "HTTP/0.9":  # unparsed request: answer with a status line all the same
            self.request_version = "HTTP/1.0"
        super().send_error(code, message, explain)

    def list_directory(self, path):  # GitHub Pages never lists a folder
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def end_headers(self):
        if HASHED.search(getattr(self, "path", "")):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "public, max-age=600")
        super().end_headers()

    def send_head(self):
        target = unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        if "\x00" in target or "\\" in target:
            self.send_error(HTTPStatus.BAD_REQUEST)
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not (path / "index.html").is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        stat = path.stat()
        body = _gzipped(str(path), stat.st_mtime)
        etag = f'"{int(stat.st_mtime)}-{stat.st_size}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header(
            "Content-Type", TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()

        return io.BytesIO(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A phone that leaves mid-download, or a socket that timed out, is normal, not an error to print.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 8000, handler=Handler) -> _Server:
    return _Server((host, port), partial(handler, directory=str(root)))


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    server = make_server(root, host, port)
    print(f"Sirviendo {root} en http://{host}:{port}/ (Ctrl+C para detener)", flush=True)
    serve_until_interrupted(server)


def serve_until_interrupted(server) -> None:
    """Serve until Ctrl+C, then close the socket (no traceback)."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@contextlib.contextmanager
def running_server(root: Path, host: str = "127.0.0.1", handler=Handler):
    """Serve `root` on a free port in a thread; yields the base URL.

    Tests and benchmarks pass a `Handler` subclass to record what is served."""
    server = make_server(root, host, 0, handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
