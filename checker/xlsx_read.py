"""Read the rows of one sheet of an Excel ``.xlsx`` file, stdlib only.

The list checker runs this both from the command line and in the browser
under Pyodide, so it needs nothing but ``zipfile`` and ``xml.etree``.  It
streams: the sheet's XML is parsed as it is decompressed and each row is
dropped once handed out; what stays in memory is the shared-strings table
(packed, see :class:`_Strings`) and the styles that say which cells are
dates.

Every cell comes out as the text Excel shows for it, near enough for a
list of students: shared and inline strings as they are, whole numbers
without ``.0`` (so an NSS that lost its leading zero reads ``4149963862``
and gets the spreadsheet hint the CSV path gives), dates as ``dd/mm/aaaa``,
booleans as ``VERDADERO``/``FALSO``, a formula as its cached value.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, 'w') as z:
...     z.writestr('xl/workbook.xml', '<workbook xmlns="http://schemas.'
...         'openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet '
...         'name="Hoja1" sheetId="1" r:id="rId1" xmlns:r="http://schemas.'
...         'openxmlformats.org/officeDocument/2006/relationships"/>'
...         '</sheets></workbook>')
...     z.writestr('xl/worksheets/sheet1.xml', '<worksheet xmlns="http://'
...         'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
...         '<row r="1"><c r="A1" t="inlineStr"><is><t>NSS</t></is></c></row>'
...         '<row r="3"><c r="A3"><v>4149963862</v></c></row>'
...         '</sheetData></worksheet>')
>>> sheet = open_sheet(buf.getvalue(), name='lista.xlsx')
>>> sheet.title, list(sheet.rows())
('Hoja1', [['NSS'], [], ['4149963862']])
"""

import codecs
import datetime
import html
import io
import re
import zipfile
import zlib
from array import array
from xml.etree.ElementTree import ParseError, iterparse

from .messages.sheet import BOOLEANS, ERRORS

__all__ = ['XlsxError', 'Sheet', 'open_sheet', 'is_xlsx', 'is_ole', 'cell_ref', 'column_letter', 'MAX_SHEET_BYTES']

ZIP_MAGIC = b'PK\x03\x04'
OLE_MAGIC = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'

#: Refuse a sheet whose XML would inflate beyond this (a zip bomb, or a
#: sheet far larger than Excel's 1,048,576 rows could hold).
MAX_SHEET_BYTES = 4 << 30
#: Longest cell text kept (Excel's own limit is 32,767 characters).
MAX_CELL = 32_767
#: Longest row XML accepted, and Excel's column count.
MAX_ROW_CHARS = 64 << 20
MAX_COLUMNS = 16_384

_REL_NS = (
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
)
_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'

# Built-in number formats that show a date (ECMA-376 18.8.30 and the
# regional ones Excel uses in es-MX).
_DATE_FORMATS = (
    frozenset(range(14, 23)) | frozenset(range(27, 37)) | frozenset(range(45, 48)) | frozenset(range(50, 59))
)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')

# The sheet is scanned with regular expressions rather than a DOM or
# iterparse (4x faster on a million rows): Excel, LibreOffice and openpyxl
# write cells as <c r="B2" s="1" t="s"><v>7</v></c>, which _FAST_CELLS
# reads in one pass; any other spelling (prefixes, other attributes,
# whitespace) takes the general _CELL path.
_P = r'(?:[\w.-]+:)?'  # optional namespace prefix
_ROW = re.compile(
    rf'<{_P}row\b(?: r="([0-9]+)")?([^>]*?)'
    rf'(?:/>|>([^<]*(?:<(?!/{_P}row>)[^<]*)*)</{_P}row>)'
)
_ROW_NUMBER = re.compile(r'(?:^|\s)r="([0-9]+)"')
_BODY = r'[^<]*(?:<(?!/c>)[^<]*)*'  # anything up to the next </c>
_FAST_CELLS = re.compile(
    r'<c r="([A-Z]{1,3})[0-9]+"(?: s="([0-9]+)")?(?: t="(\w+)")?'
    r'(?:/>|><v>([^<]*)</v></c>|><is><t(?: xml:space="preserve")?>([^<]*)'
    rf'</t></is></c>|>({_BODY})</c>)'
)
_FAST_ROW = re.compile(
    r'(?:<c r="[A-Z]{1,3}[0-9]+"(?: s="[0-9]+")?(?: t="\w+")?'
    rf'(?:/>|>{_BODY}</c>))*'
)
_CELL = re.compile(rf'<{_P}c(\s[^>]*?)?(?:/>|>(.*?)</{_P}c>)', re.S)
_ATTR = re.compile(r'([\w.:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_V = re.compile(rf'<{_P}v(?:\s[^>]*)?>([^<]*)</{_P}v>')
_F = re.compile(rf'<{_P}f\b')
_T = re.compile(rf'<{_P}t(?:\s[^>]*)?(?:/>|>(.*?)</{_P}t>)', re.S)
_RPH = re.compile(rf'<{_P}rPh\b.*?</{_P}rPh>', re.S)
_SI = re.compile(rf'<{_P}si\b[^>]*?(?:/>|>(.*?)</{_P}si>)', re.S)
_CDATA = re.compile(r'<!\[CDATA\[(.*?)\]\]>', re.S)


_XESC = re.compile(r'_x([0-9A-Fa-f]{4})_')


def _unescape(text):
    """XML text to str: entities, CDATA, and OOXML's _xHHHH_ escapes."""
    if '<![CDATA[' in text:
        parts = _CDATA.split(text)  # odd items are CDATA contents
        text = ''.join(p if i % 2 else html.unescape(p) for i, p in enumerate(parts))
    elif '&' in text:
        text = html.unescape(text)
    if '_x' in text:
        text = _XESC.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def _inline_text(inner):
    """Text of an <is> or <si> body: its <t>s, without phonetic runs."""
    if '<rPh' in inner or ':rPh' in inner:
        inner = _RPH.sub('', inner)
    return ''.join(_unescape(t) for t in _T.findall(inner))


def _slow_cell(m):
    """(letters, s, t, v, inline text, inner) of a cell spelled unusually."""
    attrs = {}
    for key, a, b in _ATTR.findall(m.group(1) or ''):
        attrs[key.rpartition(':')[2]] = a or b
    ref = attrs.get('r', '')
    letters = re.match(r'\$?([A-Za-z]*)', ref).group(1).upper()
    return letters, attrs.get('s', ''), attrs.get('t', ''), '', '', m.group(2) or ''


class XlsxError(Exception):
    """The workbook cannot be read; ``message`` says why, in Spanish."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message

    @classmethod
    def of(cls, code, **values):
        """The error *code* with its catalogue message."""
        return cls(code, ERRORS[code].format(**values))


def column_letter(index):
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    n = index + 1
    letters = ''
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def cell_ref(row, col):
    """Cell reference from a 1-based row and 0-based column: (12, 1) -> 'B12'."""
    return f'{column_letter(col)}{row}'


def _col_index(ref):
    """'B12' -> 1 (0-based column); None when ref has no letters."""
    n = 0
    for ch in ref:
        o = ord(ch)
        if 65 <= o <= 90:
            n = n * 26 + o - 64
        elif 97 <= o <= 122:
            n = n * 26 + o - 96
        else:
            break
    return n - 1 if n else None


_COLUMNS = {column_letter(i): i for i in range(702)}  # A..ZZ


def _split_ref(ref):
    """'B12' -> (12, 1)."""
    m = re.fullmatch(r'\$?([A-Za-z]{1,3})\$?([0-9]{1,7})', ref.strip())
    if not m:
        return None
    return int(m.group(2)), _col_index(m.group(1))


def is_xlsx(head):
    """True when *head* (the first bytes of a file) starts a zip archive."""
    return head.startswith(ZIP_MAGIC)


def is_ole(head):
    """True for an OLE compound file: an old .xls or an encrypted .xlsx."""
    return head.startswith(OLE_MAGIC[:4])


def _ole_message(data, shown):
    """Why an OLE file cannot be read: encrypted workbook or old .xls."""
    if 'EncryptedPackage'.encode('utf-16-le') in data or 'EncryptionInfo'.encode('utf-16-le') in data:
        return XlsxError.of('xlsx.encrypted', file=shown)
    return XlsxError.of('xlsx.old_format', file=shown)


def _local(tag):
    return tag.rpartition('}')[2]


def _corrupt(shown, detail=''):
    return XlsxError.of('xlsx.corrupt', file=shown, detail=detail)


class _Strings:
    """The shared-strings table, packed.

    A list of a million Python strings costs ~60 bytes each; here strings
    are joined 4,096 at a time into one ``str`` (1 byte per character for
    Spanish text) with an ``array`` of offsets, about a tenth of that.
    """

    BLOCK = 4096

    def __init__(self):
        self.blocks = []
        self.ends = []
        self._parts = []
        self._end = array('I')
        self._n = 0
        self.count = 0

    def append(self, text):
        self._parts.append(text)
        self._n += len(text)
        self._end.append(self._n)
        self.count += 1
        if len(self._parts) == self.BLOCK:
            self._flush()

    def _flush(self):
        if self._parts:
            self.blocks.append(''.join(self._parts))
            self.ends.append(self._end)
            self._parts = []
            self._end = array('I')
            self._n = 0

    def finish(self):
        self._flush()

    def __getitem__(self, i):
        b, k = divmod(i, self.BLOCK)
        ends = self.ends[b]
        return self.blocks[b][ends[k - 1] if k else 0 : ends[k]]

    def __len__(self):
        return self.count


def _is_date_format(code):
    """True when an Excel number-format code shows a date."""
    plain = _QUOTED.sub('', code.split(';')[0]).lower()
    return any(ch in plain for ch in 'dy') or ('m' in plain and 'h' not in plain and 's' not in plain)


def _serial_date(serial, date1904):
    """Excel serial number -> date (the 1900 system counts a 29 Feb 1900)."""
    if date1904:
        base = datetime.date(1904, 1, 1)
    elif serial < 61:
        base = datetime.date(1899, 12, 31)
    else:
        base = datetime.date(1899, 12, 30)
    return base + datetime.timedelta(days=int(serial))


def _number_text(raw):
    """'4149963862' -> '4149963862', '1.0' -> '1', '0.5' -> '0.5'."""
    if raw.isdigit():
        return raw.lstrip('0') or '0'
    try:
        x = float(raw)
    except ValueError:
        return raw
    if x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(x)


class Sheet:
    """One worksheet: ``title``, ``file`` (name shown) and :meth:`rows`.

    ``merged`` lists the merged ranges as ``(first_row, first_col,
    last_row, last_col)`` (rows 1-based, columns 0-based), read before any
    row so a header that spans merged cells can be told at once.
    ``value_columns`` (set by the caller once it knows the header) names the
    0-based columns where a formula without a saved value is an error.
    """

    def __init__(self, archive, path, title, shown, strings, date_styles, date1904):
        self._zip = archive
        self._path = path
        self.title = title
        self.file = shown
        self._strings = strings
        self._date_styles = date_styles
        self._date1904 = date1904
        self.value_columns = None  # None: not known yet, formulas are kept
        self.formulas = []  # (row, col, error) of formulas without a value
        self._dates_seen = {}
        self.merged = []
        self.dimension = None
        self._prescan()

    def _open(self):
        try:
            return self._zip.open(self._path)
        except (KeyError, zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, RuntimeError) as exc:
            raise _corrupt(self.file, f' ({exc})') from None

    def _prescan(self):
        """Find <dimension> and <mergeCells> without parsing every cell.

        ``mergeCells`` comes after the cells in the XML, so the sheet is
        inflated once and searched as bytes (fast) before it is parsed.
        """
        tail = b''
        found = []
        total = 0
        with self._open() as f:
            while True:
                try:
                    chunk = f.read(1 << 20)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    raise _corrupt(self.file, f' ({exc})') from None
                if not chunk:
                    break
                total += len(chunk)
                if total > MAX_SHEET_BYTES:
                    raise XlsxError.of('xlsx.too_big', sheet=self.title, file=self.file)
                data = tail + chunk
                if self.dimension is None and total <= 1 << 20:
                    m = re.search(rb'<(?:\w+:)?dimension\s+ref="([^"]+)"', data)
                    if m:
                        self.dimension = m.group(1).decode('ascii', 'replace')
                found.extend(re.findall(rb'<(?:\w+:)?mergeCell\s+ref="([^"]+)"', data))
                # keep a tail so a tag cut between chunks is seen next time
                cut = data.rfind(b'<')
                tail = data[cut:] if cut >= 0 and len(data) - cut < 256 else b''
        for ref in dict.fromkeys(found):
            a, _, b = ref.decode('ascii', 'replace').partition(':')
            first, last = _split_ref(a), _split_ref(b or a)
            if first and last:
                self.merged.append((first[0], first[1], last[0], last[1]))

    def merged_in_row(self, row):
        """Merged ranges touching sheet row *row* (1-based)."""
        return [m for m in self.merged if m[0] <= row <= m[2]]

    def rows(self):
        """Yield each row as a list of cell texts, sheet row 1 first.

        Rows the sheet skips come out empty (``[]``), so the n-th row
        yielded is sheet row n, and trailing empty cells are dropped.
        """
        expected = 1
        for rowno, body in self._row_bodies():
            if rowno is None:
                rowno = expected
            if rowno < expected:
                raise self._bad_cell(rowno, 0)
            while expected < rowno:
                yield []
                expected += 1
            cells = self._cells(rowno, body) if body else []
            while cells and not cells[-1]:
                cells.pop()
            yield cells
            expected = rowno + 1

    def _row_bodies(self):
        """(row number or None, inner XML) of each <row>, streamed."""
        decoder = codecs.getincrementaldecoder('utf-8')('replace')
        buf = ''
        f = self._open()
        try:
            while True:
                try:
                    chunk = f.read(1 << 20)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    raise _corrupt(self.file, f' ({exc})') from None
                buf += decoder.decode(chunk, not chunk)
                end = 0
                for m in _ROW.finditer(buf):
                    r = m.group(1)
                    if r is None:
                        r = _ROW_NUMBER.search(m.group(2))
                        r = r.group(1) if r else None
                    yield (int(r) if r else None), m.group(3)
                    end = m.end()
                buf = buf[end:]
                if not chunk:
                    break
                if len(buf) > MAX_ROW_CHARS:
                    raise XlsxError.of('xlsx.row_too_big', sheet=self.title, file=self.file)
        finally:
            f.close()

    def _cells(self, rowno, body):
        """Cell texts of one row's inner XML."""
        found = (
            _FAST_CELLS.findall(body) if _FAST_ROW.fullmatch(body) else [_slow_cell(m) for m in _CELL.finditer(body)]
        )
        strings = self._strings
        dates = self._date_styles
        cells = []
        columns = _COLUMNS
        for letters, s, t, v, text, inner in found:
            col = columns.get(letters)
            if col is None:
                col = _col_index(letters) if letters else len(cells)
            if text:
                v, t = text, 'text'
            elif inner:  # formula, inline string, ...
                if t == 'inlineStr':
                    v, t = _inline_text(inner), 'plain'
                else:
                    m = _V.search(inner)
                    if m is not None:
                        v = m.group(1)
                    elif _F.search(inner):
                        self._no_value(rowno, col, inner)
            if not v:
                value = ''
            elif t == 's':
                try:
                    value = strings[int(v)]
                except (ValueError, IndexError):
                    raise self._bad_cell(rowno, col) from None
            elif t == 'text':
                value = _unescape(v) if '&' in v or '_x' in v else v
            elif t == 'plain':
                value = v
            else:
                if '&' in v or '_x' in v:
                    v = _unescape(v)
                if not t or t == 'n':
                    value = self._date_text(v) if s and s in dates else _number_text(v)
                elif t == 'b':
                    value = BOOLEANS.get(v.strip(), v)
                elif t == 'd':
                    value = _iso_text(v)
                else:  # str (a formula's text), e, plain text
                    value = v
            if len(value) > MAX_CELL:
                value = value[:MAX_CELL]
            n = len(cells)
            if col == n:
                cells.append(value)
            elif col > n:
                if col >= MAX_COLUMNS:
                    raise self._bad_cell(rowno, col)
                cells.extend([''] * (col - n))
                cells.append(value)
            else:
                cells[col] = value
        return cells

    def _date_text(self, raw):
        text = self._dates_seen.get(raw)
        if text is None:
            try:
                text = _serial_date(float(raw), self._date1904).strftime('%d/%m/%Y')
            except (ValueError, OverflowError):
                text = _number_text(raw)
            if len(self._dates_seen) < 100_000:
                self._dates_seen[raw] = text
        return text

    def _no_value(self, row, col, inner):
        # A formula without its saved result: an error where the value is
        # checked; until the header is known, remembered (a few) instead.
        if self.value_columns is None:
            if len(self.formulas) < 1000:
                self.formulas.append((row, col, self._formula(row, col, inner)))
        elif col in self.value_columns:
            raise self._formula(row, col, inner)

    def _bad_cell(self, row, col):
        return _corrupt(self.file, ERRORS['xlsx.bad_cell'].format(cell=cell_ref(row, col), sheet=self.title))

    def _formula(self, row, col, inner):
        m = re.search(rf'<{_P}f\b[^>]*>([^<]*)<', inner)
        text = html.unescape(m.group(1)).strip() if m else ''
        return XlsxError.of(
            'xlsx.formula',
            cell=cell_ref(row, col),
            sheet=self.title,
            file=self.file,
            formula=f' (={text[:40]})' if text else '',
        )


def _iso_text(raw):
    try:
        return datetime.date.fromisoformat(raw[:10]).strftime('%d/%m/%Y')
    except ValueError:
        return raw


def _read_xml(archive, path, shown):
    try:
        with archive.open(path) as f:
            return list(iterparse(f, ('end',)))
    except KeyError:
        return None
    except (ParseError, zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise _corrupt(shown, f' ({path}: {exc})') from None


def _rels(archive, base, shown):
    """{relationship id: (type, target path inside the zip)} of *base*."""
    folder, _, name = base.rpartition('/')
    events = _read_xml(archive, f'{folder}/_rels/{name}.rels', shown) or ()
    out = {}
    for _e, el in events:
        if _local(el.tag) == 'Relationship':
            target = el.get('Target', '')
            if target.startswith('/'):
                path = target[1:]
            else:
                parts = folder.split('/') if folder else []
                for piece in target.split('/'):
                    if piece == '..':
                        if parts:
                            parts.pop()
                    elif piece and piece != '.':
                        parts.append(piece)
                path = '/'.join(parts)
            out[el.get('Id')] = (el.get('Type', '').rpartition('/')[2], path)
    return out


def _load_strings(archive, path, shown):
    strings = _Strings()
    if path is None or path not in archive.NameToInfo:
        strings.finish()
        return strings
    decoder = codecs.getincrementaldecoder('utf-8')('replace')
    buf = ''
    try:
        with archive.open(path) as f:
            while True:
                chunk = f.read(1 << 20)
                buf += decoder.decode(chunk, not chunk)
                end = 0
                for m in _SI.finditer(buf):
                    body = m.group(1) or ''
                    if body.startswith('<t>') and body.endswith('</t>') and body.count('<') == 2:
                        text = _unescape(body[3:-4])
                    else:
                        text = _inline_text(body)
                    strings.append(text[:MAX_CELL])
                    end = m.end()
                buf = buf[end:]
                if not chunk:
                    break
                if len(buf) > MAX_ROW_CHARS:
                    raise _corrupt(shown, f' ({path})')
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise _corrupt(shown, f' ({path}: {exc})') from None
    strings.finish()
    return strings


def _load_date_styles(archive, path, shown):
    """The style indices (as strings, as cells spell them) that show dates."""
    events = _read_xml(archive, path, shown) if path else None
    if not events:
        return frozenset()
    custom = {}
    xfs = []
    in_cell_xfs = False
    for _e, el in events:
        tag = _local(el.tag)
        if tag == 'numFmt':
            try:
                custom[int(el.get('numFmtId', '-1'))] = el.get('formatCode', '')
            except ValueError:
                pass
    # cellXfs holds the <xf> that cells point to (not cellStyleXfs)
    for _e, el in events:
        if _local(el.tag) == 'cellXfs':
            in_cell_xfs = True
            for xf in el:
                if _local(xf.tag) == 'xf':
                    try:
                        xfs.append(int(xf.get('numFmtId', '0')))
                    except ValueError:
                        xfs.append(0)
    if not in_cell_xfs:
        return frozenset()
    out = set()
    for i, fmt in enumerate(xfs):
        if fmt in _DATE_FORMATS or (fmt in custom and _is_date_format(custom[fmt])):
            out.add(str(i))
    return frozenset(out)


def open_sheet(source, sheet=None, name=None):
    """Open the first sheet (or the one named *sheet*) of an .xlsx.

    *source* is a path, ``bytes`` or a seekable binary file; *name* is how
    messages call the file.  Raises :class:`XlsxError` with a Spanish
    message for an old .xls, a password-protected, corrupt or empty
    workbook, or a sheet name that does not exist.
    """
    shown = name or (source if isinstance(source, str) else 'el archivo')
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = io.BytesIO(bytes(source))
    if isinstance(source, str) or hasattr(source, '__fspath__'):
        try:
            source = open(source, 'rb')  # noqa: SIM115 (kept by the zip)
        except OSError as exc:
            raise XlsxError.of('xlsx.open', file=shown, detail=exc.strerror or exc) from None
    head = source.read(8)
    source.seek(0)
    if is_ole(head):
        data = source.read(64 << 20)
        raise _ole_message(data, shown)
    if not is_xlsx(head):
        raise _corrupt(shown)
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _corrupt(shown, f' ({exc})') from None
    book_path = 'xl/workbook.xml'
    for _rid, (kind, path) in _rels(archive, '_rels/.rels', shown).items():
        if kind == 'officeDocument':
            book_path = path
    events = _read_xml(archive, book_path, shown)
    if events is None:
        if any(n.startswith('word/') for n in archive.namelist()):
            raise XlsxError.of('xlsx.not_excel', file=shown)
        raise _corrupt(shown, ' (no tiene libro de Excel dentro)')
    sheets = []
    date1904 = False
    for _e, el in events:
        tag = _local(el.tag)
        if tag == 'sheet':
            rid = next((el.get(f'{{{ns}}}id') for ns in _REL_NS if el.get(f'{{{ns}}}id')), None)
            sheets.append((el.get('name', ''), rid, el.get('state', 'visible')))
        elif tag == 'workbookPr':
            date1904 = el.get('date1904', '0') in ('1', 'true')
    rels = _rels(archive, book_path, shown)
    strings_path = styles_path = None
    for kind, path in rels.values():
        if kind == 'sharedStrings':
            strings_path = path
        elif kind == 'styles':
            styles_path = path
    worksheets = []
    for i, (title, rid, state) in enumerate(sheets):
        if rid in rels and rels[rid][0] == 'worksheet':
            worksheets.append((title, rels[rid][1], state))
        elif (
            rid not in rels and f'xl/worksheets/sheet{i + 1}.xml' in archive.NameToInfo
        ):  # a writer that skipped the rels
            worksheets.append((title, f'xl/worksheets/sheet{i + 1}.xml', state))
    if not worksheets:
        raise XlsxError.of('xlsx.no_sheets', file=shown)
    if sheet is None:
        visible = [w for w in worksheets if w[2] == 'visible']
        title, path, _state = (visible or worksheets)[0]
    else:
        wanted = sheet.strip().casefold()
        match = [w for w in worksheets if w[0].strip().casefold() == wanted]
        if not match:
            names = ', '.join(f'«{w[0]}»' for w in worksheets)
            raise XlsxError.of('xlsx.no_such_sheet', file=shown, sheet=sheet, sheets=names)
        title, path, _state = match[0]
    strings = _load_strings(archive, strings_path, shown)
    dates = _load_date_styles(archive, styles_path, shown)
    return Sheet(archive, path, title, shown, strings, dates, date1904)
