"""Reading a list's bytes as text lines: UTF-8 (with or without BOM), UTF-16
or UTF-32 with BOM, else Windows-1252/Latin-1 byte by byte; spreadsheets,
PDFs and UTF-16/32 without BOM are recognised and refused with a Spanish
message.

Memory stays bounded whatever the file: a line longer than
:data:`MAX_LINE` characters, or a record (a quoted cell with line breaks)
longer than :data:`MAX_RECORD`, stops the check with a message naming the
line (``batch.row_too_big``); the header is searched only among lines of
at most :data:`MAX_HEADER_LINE` characters (``batch.header_too_big``).
"""

import codecs
import io
import itertools
import re

from .results import BatchError

__all__ = ['open_lines', 'text_lines', 'read_head', 'MAX_LINE', 'MAX_RECORD', 'MAX_HEADER_LINE']

#: Longest line, in characters: 4 Mi, far over any real row (a pasted essay
#: fits); with it a row's cells never take more than about 150 MB.
MAX_LINE = 1 << 22
#: Longest record spanning several lines (quoted cells with line breaks).
MAX_RECORD = 1 << 22
#: Longest line the header is searched in (about 2,000 titled columns).
MAX_HEADER_LINE = 1 << 16
#: Characters read at a time.
BLOCK = 1 << 16
#: Bytes looked at to recognise the kind of file.
_SNIFF_BYTES = 4096


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
    bad = exc.object[exc.start : exc.end]
    return ''.join([_FALLBACK_TABLE[b] for b in bad]), exc.end


codecs.register_error(_ERROR_HANDLER, _latin1_fallback)


def open_lines(source):
    r"""Return an iterator of text lines (line endings kept) from *source*.

    *source* is a path (``str`` or ``os.PathLike``), ``bytes`` (what the
    browser page hands in), or a binary file object (``sys.stdin.buffer``).
    The encoding is worked out line by line: UTF-8 (a BOM is dropped),
    UTF-16 when the data starts with its BOM, and any byte that is not
    UTF-8 is read as Windows-1252/Latin-1, so reading never fails.  A file
    is read lazily, a block at a time (:data:`BLOCK` characters).  For text
    that is already decoded use :func:`text_lines`.

    >>> list(open_lines(b'\xef\xbb\xbfCURP\r\nX\r\n'))
    ['CURP\r\n', 'X\r\n']
    >>> list(open_lines('C.P.;NSS\nPe\xf1a'.encode('latin-1')))
    ['C.P.;NSS\n', 'Peña']
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        blocks = _decode_binary(io.BytesIO(bytes(source)))
    elif hasattr(source, 'read'):
        blocks = _blocks(source, bom=True) if isinstance(source, io.TextIOBase) else _decode_binary(source)
    else:
        blocks = _decode_binary(open(source, 'rb'))  # noqa: SIM115 (closed at EOF)
    # The lines of each block are handed on by C code (no Python per line).
    return itertools.chain.from_iterable(blocks)


def text_lines(text):
    r"""Lines (endings kept) of already-decoded CSV text; a BOM is dropped.

    >>> list(text_lines('\ufeffCURP\r\nX'))
    ['CURP\r\n', 'X']
    """
    return itertools.chain.from_iterable(_blocks(io.StringIO(text, newline=''), bom=True))


def _blocks(text, bom=False):
    """Lists of the lines of a text stream, read :data:`BLOCK` characters at
    a time; no line longer than MAX_LINE and no record longer than
    MAX_RECORD is ever held.

    A block no longer than MAX_LINE cannot hold a too long line, and a
    record continues on the next line only while a quoted cell is open, so
    only blocks with quotes (or an open quoted cell) are looked at line by
    line; the others cost a few C calls per block.  A too long line or
    record stops the check after the lines before it are handed on.
    """
    read = text.read
    number = 0  # lines handed on so far
    quoted = False  # inside a quoted cell at the end of the last line
    record = start = 0  # characters of the open record so far, its first line
    carry = ''  # the last, unfinished line of the block before
    while carry is not None:
        chunk = read(BLOCK)
        if bom and chunk:
            bom = False
            if chunk.startswith('\ufeff'):
                chunk = chunk[1:]
                if not chunk:
                    continue
        if not chunk:  # the end: the last line is complete
            lines, chunk, carry = [carry] if carry else [], carry, None
        else:
            if carry:
                if carry[-1] != '\r' and '\n' not in chunk and '\r' not in chunk:
                    carry += chunk  # still the same line
                    if len(carry) > MAX_LINE:
                        raise BatchError.of('batch.row_too_big', line=number + 1, limit=f'{MAX_LINE:,}')
                    continue
                chunk = carry + chunk
            lines = io.StringIO(chunk, newline='').readlines()
            carry = lines.pop()
            if carry[-1] == '\n':
                lines.append(carry)
                carry = ''
            # else unfinished, or a \r the next block may follow with \n
        if quoted or len(chunk) > MAX_LINE or '"' in chunk:
            out = []
            for line in lines:
                number += 1
                if len(line) > MAX_LINE:
                    yield out
                    raise BatchError.of('batch.row_too_big', line=number, limit=f'{MAX_LINE:,}')
                if quoted or '"' in line:
                    if not quoted:
                        record, start = 0, number
                    record += len(line)
                    # an even number of quotes outside a cell closes what it
                    # opens (all-quoted exports); only the others need the
                    # exact reading
                    if quoted or line.count('"') & 1:
                        quoted = _ends_quoted(line, quoted)
                    if record > MAX_RECORD:
                        yield out
                        raise BatchError.of('batch.row_too_big', line=start, limit=f'{MAX_RECORD:,}')
                out.append(line)
            lines = out
        else:
            number += len(lines)
        if carry and len(carry) > MAX_LINE:
            yield lines
            raise BatchError.of('batch.row_too_big', line=number + 1, limit=f'{MAX_LINE:,}')
        yield lines


# A line as csv reads it, ending outside any quoted cell: text, a quote
# that is just a character (not at the start of a field: «Juan "Chuy»), or
# a quoted cell (a quote at the start of a field, "" inside, closed).
_OUTSIDE = (
    r'(?:[^"]++|(?<=[^,;\t|])"'
    r'|(?<![^,;\t|])"(?:[^"]|"")*+"(?!"))*+'
)
_CLOSED_FROM_OUTSIDE = re.compile(_OUTSIDE).fullmatch
_CLOSED_FROM_INSIDE = re.compile(r'(?:[^"]|"")*+"(?!")' + _OUTSIDE).fullmatch


def _ends_quoted(line, quoted):
    r"""Whether a quoted cell is still open at the end of *line*.

    *quoted* says whether one was open at its start.  One regular
    expression, as csv reads the line: a quote opens a cell only at the
    start of a field, and a doubled quote inside a quoted cell is a quote.

    >>> _ends_quoted('"Pérez, Ana",x\n', False), _ends_quoted('a,"b\n', False)
    (False, True)
    >>> _ends_quoted('Juan "Chuy,x\n', False), _ends_quoted('c"" d",e\n', True)
    (False, False)
    >>> _ends_quoted('a,"b""c\n', False), _ends_quoted('still inside\n', True)
    (True, True)
    """
    closed = _CLOSED_FROM_INSIDE if quoted else _CLOSED_FROM_OUTSIDE
    return closed(line) is None


def _looks_utf16_or_32(head):
    """UTF-16/32 without BOM: ASCII text comes with NUL bytes between."""
    return len(head) >= 4 and 4 * head.count(0) >= len(head)


def _decode_binary(raw):
    if isinstance(raw, io.RawIOBase):
        raw = io.BufferedReader(raw)
    if hasattr(raw, 'peek'):
        head = raw.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    elif isinstance(raw, io.BytesIO):
        position = raw.tell()
        head = raw.read(_SNIFF_BYTES)
        raw.seek(position)
    else:
        head = b''
    if head.startswith((b'PK\x03\x04', b'\xd0\xcf\x11\xe0')):
        raise BatchError.of('batch.spreadsheet')
    if head.startswith(b'%PDF'):
        raise BatchError.of('batch.pdf')
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = 'utf-32'
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = 'utf-16'
    elif _looks_utf16_or_32(head):
        raise BatchError.of('batch.utf16')
    else:
        encoding = None
    if encoding:
        text = io.TextIOWrapper(raw, encoding=encoding, errors='replace', newline='')
    else:
        text = io.TextIOWrapper(raw, encoding='utf-8-sig', errors=_ERROR_HANDLER, newline='')
    try:
        yield from _blocks(text)
    finally:
        text.close()


def read_head(lines, count):
    """``(head, rest)``: the first *count* lines, for the header search.

    The head ends early at a line longer than :data:`MAX_HEADER_LINE`
    (titles are never that long; a data row may be); *rest* iterates the
    lines after the head.  A header too big to check (the first line with
    text is that long, or over :data:`MAX_LINE`) raises
    ``batch.header_too_big``; a later too big row raises its error when
    *rest* reaches it.
    """
    lines = iter(lines)
    head = []
    while len(head) < count:
        try:
            line = next(lines)
        except StopIteration:
            break
        except BatchError as exc:
            if exc.code != 'batch.row_too_big':
                raise
            if not any(h.strip() for h in head):
                raise _header_too_big() from None
            return head, _raising(exc)
        if len(line) > MAX_HEADER_LINE:
            if not any(h.strip() for h in head):
                raise _header_too_big()
            return head, itertools.chain((line,), lines)
        head.append(line)
    return head, lines


def _header_too_big():
    return BatchError.of('batch.header_too_big', limit=f'{MAX_HEADER_LINE:,}')


def _raising(exc):
    raise exc
    yield  # pragma: no cover - makes this a generator
