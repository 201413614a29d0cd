"""Download the official postal-code catalogue from Correos de México.

The download page is an ASP.NET form: a GET gives the page with its hidden
state (``__VIEWSTATE``, ``__EVENTVALIDATION``, ...) and a session cookie; a
POST of that state with ``cboEdo=00`` (all states), ``rblTipo=txt`` (the
plain-text variant) and the image button ``btnDescarga`` answers with the
file, usually zipped (``CPdescarga.txt`` inside). The same form post the
``django-postalcodes-mexico`` package's import command makes, except that the
hidden state is read from the page each time instead of being hard-coded.

Run from the repository root (the refresh workflow does)::

    python -m update.sepomex_download CPdescarga.txt

It fails loudly, writing nothing, when the answer is not the file: an HTML
page (Correos' error page), a cut-off or damaged download, a file without the
header line. Standard library only.
"""

from __future__ import annotations

import argparse
import http.client
import http.cookiejar
import io
import sys
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from .postal_sources import DataError, decode_sepomex, parse_sepomex

__all__ = ['URL', 'DownloadError', 'hidden_fields', 'extract', 'download', 'main']

URL = 'https://www.correosdemexico.gob.mx/SSLServicios/ConsultaCP/CodigoPostal_Exportar.aspx'
#: The fields of the page's form that choose the whole country as plain text.
CHOICES = {'cboEdo': '00', 'rblTipo': 'txt', 'btnDescarga.x': '20', 'btnDescarga.y': '10'}
REQUIRED = ('__VIEWSTATE', '__EVENTVALIDATION')
_HEADERS = {'User-Agent': 'Mozilla/5.0 (compatible; guia-nss-update/1)', 'Accept-Language': 'es-MX,es;q=0.8'}


class DownloadError(Exception):
    """The official file could not be downloaded, or what came is not it."""


class _Hidden(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'input' and (a.get('type') or '').lower() == 'hidden' and a.get('name'):
            self.fields[a['name']] = a.get('value') or ''


def hidden_fields(html: str) -> dict:
    """The hidden inputs of an ASP.NET page.

    >>> hidden_fields('<form><input type="hidden" name="__VIEWSTATE" value="abc" /><input name="x"></form>')
    {'__VIEWSTATE': 'abc'}
    """
    parser = _Hidden()
    parser.feed(html)
    return parser.fields


def _looks_like_html(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith((b'<!doctype', b'<html', b'<?xml', b'<head', b'<body')) or b'<html' in head


def extract(body: bytes) -> bytes:
    """The catalogue's bytes from the POST's answer (zipped or not), checked.

    Raises :class:`DownloadError` for an HTML page, a damaged or cut-off
    file, or text that is not the catalogue.
    """
    if not body:
        raise DownloadError('Correos de México answered with an empty body')
    if body.startswith(b'PK'):
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith('.txt')]
                if not names:
                    raise DownloadError(f'the zip has no .txt file (it has {zf.namelist()})')
                raw = zf.read(names[0])  # checks the CRC
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise DownloadError(f'the zip is damaged or cut off ({exc})') from None
    elif _looks_like_html(body):
        raise DownloadError(
            'Correos de México answered with a web page instead of the file '
            '(the form may have changed, or the service is down)'
        )
    else:
        raw = body
    try:
        entries, _notice, _names = parse_sepomex(decode_sepomex(raw), 'the download')
    except DataError as exc:
        raise DownloadError(str(exc)) from None
    if not entries:  # pragma: no cover - parse_sepomex refuses a file without rows
        raise DownloadError('the file has no postal codes')
    return raw


def _read(response) -> bytes:
    try:
        return response.read()
    except http.client.IncompleteRead as exc:
        raise DownloadError(f'the download was cut off after {len(exc.partial):,} bytes') from None


def download(url: str = URL, timeout: float = 180) -> bytes:
    """Fetch the page, post its form for the whole country as text, return the file."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    try:
        with opener.open(urllib.request.Request(url, headers=_HEADERS), timeout=timeout) as response:
            charset = response.headers.get_content_charset() or 'utf-8'
            page = _read(response).decode(charset, 'replace')
        fields = hidden_fields(page)
        missing = [name for name in REQUIRED if name not in fields]
        if missing:
            raise DownloadError(f'the download page has no {", ".join(missing)}: it is not the form we know')
        form = {'__EVENTTARGET': '', '__EVENTARGUMENT': '', '__LASTFOCUS': '', **fields, **CHOICES}
        data = urllib.parse.urlencode(form).encode('ascii')
        headers = {**_HEADERS, 'Content-Type': 'application/x-www-form-urlencoded', 'Referer': url}
        with opener.open(urllib.request.Request(url, data=data, headers=headers), timeout=timeout) as response:
            body = _read(response)
    except urllib.error.HTTPError as exc:
        raise DownloadError(f'{url}: HTTP {exc.code} {exc.reason}') from None
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise DownloadError(f'{url}: {getattr(exc, "reason", exc)}') from None
    return extract(body)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m update.sepomex_download', description=__doc__.split('\n\n')[0])
    parser.add_argument('out', type=Path, help='where to write CPdescarga.txt')
    parser.add_argument('--url', default=URL, help='the download page (default: Correos de México)')
    args = parser.parse_args(argv)
    try:
        raw = download(args.url)
    except DownloadError as exc:
        print(f'error: no se pudo descargar el catálogo oficial: {exc}', file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(raw)
    print(f'descargado {args.out} ({len(raw):,} B)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
