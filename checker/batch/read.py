"""Reading a list's bytes as text lines: UTF-8 (with or without BOM), UTF-16
with BOM, else Windows-1252/Latin-1 byte by byte; spreadsheets and PDFs are
recognised and refused with a Spanish message."""

import codecs
import io

from .results import BatchError

__all__ = ['open_lines', 'text_lines']


def _build_fallback_table():
    table = []
    for byte in range(256):
        try:
            table.append(bytes([byte]).decode('cp1252'))
        except UnicodeDecodeError:
            table.append(chr(byte))  # Latin-1 for the 5 bytes cp1252 lacks
    return table


_FALLBACK_TABLE = _build_fallback_table()
_ERROR_HANDLER = 'checker.batch.latin1'


def _latin1_fallback(exc):
    """Decode bytes that are not UTF-8 as Windows-1252 / Latin-1.

    Spreadsheets on Windows save "CSV" in Windows-1252; a file may even mix
    both.  Every byte that is not part of valid UTF-8 is read as Latin-1
    (Windows-1252 where it defines the byte), so nothing is ever lost and
    reading never fails.
    """
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return ''.join([_FALLBACK_TABLE[b] for b in bad]), exc.end


codecs.register_error(_ERROR_HANDLER, _latin1_fallback)


def open_lines(source):
    r"""Return an iterator of text lines (line endings kept) from *source*.

    *source* is a path (``str`` or ``os.PathLike``), ``bytes`` (what the
    browser page hands in), or a binary file object (``sys.stdin.buffer``).
    The encoding is worked out line by line: UTF-8 (a BOM is dropped),
    UTF-16 when the data starts with its BOM, and any byte that is not
    UTF-8 is read as Windows-1252/Latin-1, so reading never fails.  A file
    is read lazily: only the current line is held in memory.  For text that
    is already decoded use :func:`text_lines`.

    >>> list(open_lines(b'\xef\xbb\xbfCURP\r\nX\r\n'))
    ['CURP\r\n', 'X\r\n']
    >>> list(open_lines('C.P.;NSS\nPe\xf1a'.encode('latin-1')))
    ['C.P.;NSS\n', 'Peña']
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _decode_binary(io.BytesIO(bytes(source)))
    if hasattr(source, 'read'):
        if isinstance(source, io.TextIOBase):
            return _strip_bom(source)
        return _decode_binary(source)
    return _decode_binary(open(source, 'rb'))  # noqa: SIM115 (closed at EOF)


def text_lines(text):
    r"""Lines (endings kept) of already-decoded CSV text; a BOM is dropped.

    >>> list(text_lines('\ufeffCURP\r\nX'))
    ['CURP\r\n', 'X']
    """
    return _strip_bom(io.StringIO(text, newline=''))


def _strip_bom(lines):
    first = True
    for line in lines:
        if first:
            first = False
            if line.startswith('\ufeff'):
                line = line[1:]
        yield line


def _decode_binary(raw):
    if isinstance(raw, io.RawIOBase):
        raw = io.BufferedReader(raw)
    if hasattr(raw, 'peek'):
        head = raw.peek(4)[:4]
    elif hasattr(raw, 'getvalue'):
        head = raw.getvalue()[:4]        # a BytesIO we made, at position 0
    else:
        head = b''
    if head.startswith((b'PK\x03\x04', b'\xd0\xcf\x11\xe0')):
        raise BatchError.of('batch.spreadsheet')
    if head.startswith(b'%PDF'):
        raise BatchError.of('batch.pdf')
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = io.TextIOWrapper(raw, encoding='utf-16', errors='replace',
                                newline='')
    else:
        text = io.TextIOWrapper(raw, encoding='utf-8-sig',
                                errors=_ERROR_HANDLER, newline='')
    try:
        yield from text
    finally:
        text.close()
