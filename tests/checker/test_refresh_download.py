"""The refresh's download of the official catalogue, against a local fixture server.

The server plays Correos de México's ASP.NET page: a GET gives the form with
its hidden state and a session cookie; a POST of that state answers with the
file, or with what goes wrong in real life (an HTML error page, a cut-off
file, a server error). Offline: nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import http.server
import io
import threading
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from update import postal_sources, sepomex_download
from update.sepomex_download import DownloadError, download

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "sepomex" / "CPdescarga.txt"
RAW = FIXTURE.read_bytes()  # Latin-1, CRLF, as Correos publishes it

PAGE = """<!DOCTYPE html><html><body>
<form method="post" action="./CodigoPostal_Exportar.aspx" id="form1">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUINzcw+vs=" />
<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="BE1A6D2E" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWKAKH+ev=" />
<select name="cboEdo"><option value="00">Todos</option></select>
<input type="radio" name="rblTipo" value="txt" />
<input type="image" name="btnDescarga" src="descarga.png" />
</form></body></html>"""

ERROR_PAGE = b"<!DOCTYPE html>\r\n<html><head><title>Error</title></head><body>Runtime Error</body></html>"


def _zip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("CPdescarga.txt", data)
    return buf.getvalue()


class _Handler(http.server.BaseHTTPRequestHandler):
    scenario = "zip"
    page = PAGE
    posts: list = []

    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, status, body, content_type, length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Set-Cookie", "ASP.NET_SessionId=s3ss10n; path=/; HttpOnly")
        body = self.page.encode("utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode("ascii"))
        type(self).posts.append({"form": form, "cookie": self.headers.get("Cookie", "")})
        scenario = type(self).scenario
        if scenario == "zip":
            self._send(200, _zip(RAW), "application/x-zip-compressed")
        elif scenario == "latin1":
            self._send(200, RAW, "text/plain")
        elif scenario == "html":
            self._send(200, ERROR_PAGE, "text/html; charset=utf-8")
        elif scenario == "truncated_zip":
            body = _zip(RAW)
            self._send(200, body[: len(body) // 2], "application/x-zip-compressed")
        elif scenario == "truncated_text":
            self._send(200, RAW[: RAW.rindex(b"|Oaxaca|")], "text/plain")
        elif scenario == "short_body":
            self._send(200, RAW[:100], "text/plain", length=len(RAW))  # the connection drops mid-file
            self.close_connection = True
        elif scenario == "no_header":
            self._send(200, b"Servicio en mantenimiento\r\n", "text/plain")
        else:
            self._send(500, b"boom", "text/plain")


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    _Handler.posts = []
    _Handler.scenario = "zip"
    _Handler.page = PAGE
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/SSLServicios/ConsultaCP/CodigoPostal_Exportar.aspx"
    httpd.shutdown()
    httpd.server_close()


def test_posts_the_page_state_for_the_whole_country_as_text(server):
    assert download(server, timeout=10) == RAW
    (post,) = _Handler.posts
    form = post["form"]
    assert form["__VIEWSTATE"] == ["/wEPDwUINzcw+vs="] and form["__EVENTVALIDATION"] == ["/wEWKAKH+ev="]
    assert form["__VIEWSTATEGENERATOR"] == ["BE1A6D2E"]
    assert form["cboEdo"] == ["00"] and form["rblTipo"] == ["txt"]
    assert "btnDescarga.x" in form and "btnDescarga.y" in form
    assert "ASP.NET_SessionId=s3ss10n" in post["cookie"]  # the session of the GET


def test_a_plain_latin1_answer_is_kept_byte_for_byte_and_reads_with_accents(server, tmp_path):
    _Handler.scenario = "latin1"
    raw = download(server, timeout=10)
    assert raw == RAW
    path = tmp_path / "CPdescarga.txt"
    path.write_bytes(raw)
    entries, notice, names = postal_sources.read_sepomex_file(path)
    assert "Correos de México" in notice and names["15"] == "México"
    assert entries["45640"].settlements == [("Las Peñitas", "Ranchería")]


@pytest.mark.parametrize(
    "scenario, words",
    [
        ("html", "web page instead of the file"),
        ("truncated_zip", "damaged or cut off"),
        ("truncated_text", "truncated"),
        ("short_body", "cut off"),
        ("no_header", "header"),
        ("http500", "HTTP 500"),
    ],
)
def test_what_is_not_the_file_is_refused(server, scenario, words):
    _Handler.scenario = scenario
    with pytest.raises(DownloadError, match=words):
        download(server, timeout=10)


def test_a_page_without_the_form_state_is_refused_before_posting(server):
    _Handler.page = "<html><body>Nuevo sitio</body></html>"
    with pytest.raises(DownloadError, match="__VIEWSTATE"):
        download(server, timeout=10)
    assert _Handler.posts == []


def test_no_server_is_a_download_error():
    with pytest.raises(DownloadError):
        download("http://127.0.0.1:9/", timeout=5)


def test_command_writes_the_file_or_nothing(server, tmp_path, capsys):
    out = tmp_path / "CPdescarga.txt"
    assert sepomex_download.main([str(out), "--url", server]) == 0
    assert out.read_bytes() == RAW
    _Handler.scenario = "html"
    bad = tmp_path / "otro.txt"
    assert sepomex_download.main([str(bad), "--url", server]) == 1
    assert not bad.exists()
    assert "no se pudo descargar el catálogo oficial" in capsys.readouterr().err


def test_extract_picks_the_txt_member_and_checks_it():
    assert sepomex_download.extract(_zip(RAW)) == RAW
    with pytest.raises(DownloadError, match="no .txt"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("CPdescarga.xml", b"<NewDataSet/>")
        sepomex_download.extract(buf.getvalue())
    with pytest.raises(DownloadError, match="empty"):
        sepomex_download.extract(b"")
