"""`guide serve` behaves like GitHub Pages on bad input: 400, timeouts, no listings."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request

import pytest

from guide import serve


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text("<p>inicio</p>", encoding="utf-8")
    (tmp_path / "escuela").mkdir()
    (tmp_path / "escuela" / "index.html").write_text("<p>escuela</p>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("p{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(site, capfd):
    with serve.running_server(site) as url:
        yield url
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err, err


def raw(url: str, data: bytes, timeout: float = 10) -> bytes:
    host, port = url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


@pytest.mark.parametrize(
    "request_line",
    [
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /escuela/%00/index.html HTTP/1.0\r\n\r\n",
        b"GET /" + b"a" * 65536 + b" HTTP/1.1\r\n\r\n",
        b"NONSENSE\r\n\r\n",
    ],
)
def test_malformed_requests_get_400_without_traceback(server, request_line):
    answer = raw(server, request_line)
    assert answer.startswith(b"HTTP/1.0 400") or answer.startswith(b"HTTP/1.1 400"), answer[:80]


def test_directories_serve_their_index_or_404_never_a_listing(server, site):
    with urllib.request.urlopen(server + "escuela/") as response:
        assert b"escuela" in response.read()
    for path in ("assets/", "assets", "no-existe/"):
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(server + path)
        assert info.value.code == 404, path
        assert b"a.css" not in info.value.read()


def test_idle_and_slow_sockets_are_closed(site, monkeypatch):
    monkeypatch.setattr(serve, "HEADER_DEADLINE", 1.0)
    monkeypatch.setattr(serve.Handler, "timeout", 1.0)
    with serve.running_server(site) as url:
        host, port = url.split("//")[1].rstrip("/").split(":")
        idle = socket.create_connection((host, int(port)))
        slow = socket.create_connection((host, int(port)))
        start = time.monotonic()
        slow.settimeout(10)
        slow.sendall(b"GET / HT")
        for _ in range(6):  # a byte every 0.5 s: never idle, never done
            time.sleep(0.5)
            try:
                slow.sendall(b"T")
            except OSError:
                break
        idle.settimeout(10)
        assert idle.recv(1024) == b""  # closed by the server, nothing sent
        assert slow.recv(1024) == b""
        assert time.monotonic() - start < 8
        idle.close()
        slow.close()
