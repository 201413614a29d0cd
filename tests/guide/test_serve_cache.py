"""`guide serve` answers like GitHub Pages for caching and compression:
gzip with an ETag and 304 on a repeat, a redirect to the folder's slash
form, immutable caching only for content-hashed files."""

from __future__ import annotations

import gzip
import http.client

import pytest

from guide import serve


@pytest.fixture
def url(tmp_path):
    (tmp_path / "escuela").mkdir()
    (tmp_path / "escuela" / "index.html").write_text("<p>escuela</p>" * 50, encoding="utf-8")
    (tmp_path / "widgets.0123abcd.js").write_text("export const a = 1;\n", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    with serve.running_server(tmp_path) as base:
        yield base


def get(base, path, headers=None):
    host, port = base.split("//")[1].rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def test_gzip_with_an_etag_then_304(url):
    status, headers, body = get(url, "/escuela/", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(body).decode() == "<p>escuela</p>" * 50
    assert headers["Content-Type"].startswith("text/html")
    status, again, body = get(url, "/escuela/", {"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert status == 304 and body == b"" and again["ETag"] == headers["ETag"]


def test_without_gzip_the_file_as_it_is(url):
    status, headers, body = get(url, "/escuela/")
    assert status == 200 and "Content-Encoding" not in headers and body.startswith(b"<p>escuela</p>")


def test_a_folder_without_its_slash_redirects(url):
    status, headers, _ = get(url, "/escuela")
    assert status == 301 and headers["Location"] == "/escuela/"


@pytest.mark.parametrize(
    "path, cache",
    [
        ("/widgets.0123abcd.js", "public, max-age=31536000, immutable"),
        ("/logo.png", "public, max-age=600"),
        ("/escuela/", "public, max-age=600"),
    ],
)
def test_only_hashed_files_are_immutable(url, path, cache):
    status, headers, _ = get(url, path, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Cache-Control"] == cache
