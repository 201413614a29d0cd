"""One worksheet of an .xlsx, scanned row by row (see :mod:`checker.xlsx_read`,
which opens the workbook, and hands each :class:`Sheet` its shared strings and
date styles).  Stdlib only: it also runs in the browser under Pyodide."""

import codecs
import datetime
import re
import zipfile
import zlib

from .exceptions import FileError
from .messages.sheet import BOOLEANS, ERRORS
from .xlsx_format import column_letter
from .xlsx_shape import Shape

__all__ = ['XlsxError', 'Sheet', 'column_letter', 'cell_ref', 'MAX_SHEET_BYTES', 'MAX_CELL']

#: Refuse a sheet whose XML would inflate beyond this (a zip bomb, or a
#: sheet far larger than Excel's 1,048,576 rows could hold).
MAX_SHEET_BYTES = 4 << 30
#: Longest cell text kept (Excel's own limit is 32,767 characters).
MAX_CELL = 32_767
#: Longest row XML accepted, and Excel's column count.
MAX_ROW_CHARS = 64 << 20
MAX_COLUMNS = 16_384
#: Bytes of XML inflated at a time: the scan's own memory is a few times this.
CHUNK = 256 << 10
#: Merged ranges kept (only those crossing the header matter).
MAX_MERGED = 100_000

# The sheet is scanned with regular expressions rather than a DOM or
# iterparse (4x faster on a million rows): Excel, LibreOffice and openpyxl
# write rows and cells as <row r="2" ...><c r="B2" s="1" t="s"><v>7</v></c>,
# which _SHEET reads a whole megabyte at a time (one findall, no per-row
# call); any other spelling (prefixes, other attributes, whitespace) takes
# the general _ROW and _CELL patterns.
_P = r'(?:[\w.-]+:)?'  # optional namespace prefix
_ROW = re.compile(
    rf'<{_P}row\b(?: r="([0-9]+)")?([^>]*?)'
    rf'(?:/>|>([^<]*(?:<(?!/{_P}row>)[^<]*)*)</{_P}row>)'
)
_ROW_NUMBER = re.compile(r'(?:^|\s)r="([0-9]+)"')
_BODY = r'[^<]*(?:<(?!/c>)[^<]*)*'  # anything up to the next </c>
_FAST_CELL = (
    r'<c r="([A-Z]{1,3})[0-9]+"(?: s="([0-9]+)")?(?: t="(\w+)")?'
    r'(?:/>|><v>([^<]*)</v></c>|><is><t(?: xml:space="preserve")?>([^<]*)'
    rf'</t></is></c>|>({_BODY})</c>)'
)
_FAST_CELLS = re.compile(_FAST_CELL)
# a row's number, or the six groups of one of its cells
_SHEET = re.compile(rf'<row r="([0-9]+)"[^>]*>|{_FAST_CELL}')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([^"]+)"')
_ROOT = re.compile(r'<(?:([\w.-]+):)?worksheet\b')
_TAGS = ('<row ', '<row>', '<row/', '<c ', '<c>', '<c/')
_CELL = re.compile(rf'<{_P}c(\s[^>]*?)?(?:/>|>(.*?)</{_P}c>)', re.S)
_ATTR = re.compile(r'([\w.:-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_V = re.compile(rf'<{_P}v(?:\s[^>]*)?>([^<]*)</{_P}v>')
_F = re.compile(rf'<{_P}f\b')
_T = re.compile(rf'<{_P}t(?:\s[^>]*)?(?:/>|>(.*?)</{_P}t>)', re.S)
_RPH = re.compile(rf'<{_P}rPh\b.*?</{_P}rPh>', re.S)
_SI = re.compile(rf'<{_P}si\b[^>]*?(?:/>|>(.*?)</{_P}si>)', re.S)
_CDATA = re.compile(r'<!\[CDATA\[(.*?)\]\]>', re.S)


_XESC = re.compile(r'_x([0-9A-Fa-f]{4})_')
# XML's five named entities and character references; the stdlib ``html``
# module would do it too, but costs the browser's Excel download ~27 KB.
_ENTITY = re.compile(r'&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,8}));')
_NAMED = {'lt': '<', 'gt': '>', 'amp': '&', 'quot': '"', 'apos': "'"}


def _entity(m):
    name, dec, hexa = m.groups()
    if name:
        return _NAMED[name]
    code = int(dec) if dec else int(hexa, 16)
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return '\ufffd'
    return chr(code)


def xml_unescape(text):
    """Replace XML's entities in *text*; any other ``&`` stays as it is.

    >>> print(xml_unescape('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;'))
    a <b> & "c" 'd'
    >>> print(xml_unescape('&#241;&#xF1;&#XD1; &nbsp; &amp;lt; &#0;') == 'ññÑ &nbsp; &lt; \ufffd')
    True
    """
    return _ENTITY.sub(_entity, text) if '&' in text else text


def _unescape(text):
    """XML text to str: entities, CDATA, and OOXML's _xHHHH_ escapes."""
    if '<![CDATA[' in text:
        parts = _CDATA.split(text)  # odd items are CDATA contents
        text = ''.join(p if i % 2 else xml_unescape(p) for i, p in enumerate(parts))
    elif '&' in text:
        text = xml_unescape(text)
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


class XlsxError(FileError):
    """The workbook cannot be read; ``message`` says why, in Spanish."""

    CATALOGUE = ERRORS


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


def _corrupt(shown, detail=''):
    return XlsxError.of('xlsx.corrupt', file=shown, detail=detail)


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


def _all_read(region, found):
    """True when _SHEET's matches in *region* began at every row and cell tag
    (matches cannot overlap, so equal counts mean none was skipped)."""
    if found and not found[0][0]:  # a cell before any row
        return False
    # «<cols>», «<color>», «<rowBreaks>»... are counted too: then count exactly
    return len(found) == region.count('<row') + region.count('<c') or len(found) == sum(map(region.count, _TAGS))


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
        self.shape = None  # a Shape once rows repeat one; False: given up
        self.shape_misses = 0
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
        found = {}  # ranges, in order, without repeats
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
                if b'mergeCell' in data:  # a plain search first: far faster than the pattern
                    for ref in _MERGE.findall(data):
                        if len(found) < MAX_MERGED:
                            found[ref] = None
                # keep a tail so a tag cut between chunks is seen next time
                cut = data.rfind(b'<')
                tail = data[cut:] if cut >= 0 and len(data) - cut < 256 else b''
        for ref in found:
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
        for batch in self._scan():
            for rowno, cells in batch:
                if rowno < 0:  # a <row> without its number
                    rowno = expected
                elif rowno < expected:
                    raise self._bad_cell(rowno, 0)
                while expected < rowno:
                    yield []
                    expected += 1
                yield cells
                expected = rowno + 1

    def _scan(self):
        """Lists of (row number, cells), one per <row>, streamed CHUNK bytes at a time.

        A sheet whose root has no namespace prefix (every writer we know) is
        cut into regions that end where a <row> starts, and each region is
        read by one findall of _SHEET; a region where that pattern did not
        match every «<row» and «<c» (other attribute orders, whitespace...)
        is read again by the general patterns, row by row.  Once the rows
        repeat one shape, a region goes first to :class:`Shape` (one match
        per row instead of one per cell), which hands back the regions
        holding other rows.  CDATA (whose text may hold «<row») sends the
        rest of the sheet to the general patterns, which stream it as they
        always did.
        """
        decoder = codecs.getincrementaldecoder('utf-8')('replace')
        buf = ''
        fast = None  # unknown until the root element is seen
        f = self._open()
        try:
            while True:
                try:
                    chunk = f.read(CHUNK)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
                    raise _corrupt(self.file, f' ({exc})') from None
                buf += decoder.decode(chunk, not chunk)
                if fast is None:
                    root = _ROOT.search(buf)
                    if root is None and chunk and len(buf) < MAX_ROW_CHARS:
                        continue
                    fast = root is not None and not root.group(1)
                if fast and '<![' in buf:
                    fast = False
                if not fast:
                    found, end = self._general(buf)
                    buf = buf[end:]
                else:
                    cut = buf.rfind('<row') if chunk else len(buf)
                    if cut > 0:
                        region, buf = buf[:cut], buf[cut:]
                        rows = self.shape.read(region) if self.shape else None
                        if rows is not None:
                            yield rows
                            rows = None
                            found = ()
                        else:
                            found = _SHEET.findall(region)
                            if not _all_read(region, found):
                                found = self._general(region)[0]
                            elif self.shape is not False:
                                self.shape = Shape.learn(self, found)
                    else:
                        found = ()
                if found:
                    rows = self._read(found)
                    found = None  # the matches go before the rows are used
                    yield rows
                if not chunk:
                    break
                if len(buf) > MAX_ROW_CHARS:
                    raise XlsxError.of('xlsx.row_too_big', sheet=self.title, file=self.file)
        finally:
            f.close()

    def _general(self, text):
        """What _SHEET.findall gives, from the general patterns, and where
        the last complete row ends."""
        found = []
        end = 0
        for m in _ROW.finditer(text):
            r = m.group(1)
            if r is None:
                r = _ROW_NUMBER.search(m.group(2))
                r = r.group(1) if r else '-1'
            found.append((r, '', '', '', '', '', ''))
            body = m.group(3)
            if body:
                cells = _FAST_CELLS.findall(body)
                # every cell was read when each «<c» began a match (matches
                # cannot overlap) and no prefixed «<x:c» hides others
                if len(cells) != body.count('<c') or (not cells and '<' in body) or ':c ' in body or ':c>' in body:
                    cells = [_slow_cell(m) for m in _CELL.finditer(body)]
                found.extend(('', *c) for c in cells)
            end = m.end()
        return found, end

    def _read(self, found):
        """[(row number, cells)] from _SHEET.findall tuples: a row number
        starts a row, and each cell tuple is (letters, s, t, v, inline text,
        inner XML) after an empty first item."""
        out = []
        strings = self._strings
        lists, load, shift, mask = strings.lists, strings.load, strings.SHIFT, strings.MASK
        dates, seen = self._date_styles, self._dates_seen
        columns = _COLUMNS
        rowno, cells = None, None  # found starts with a row (see _scan)
        n = 0  # len(cells), kept by hand: this loop runs once per cell
        for r, letters, s, t, v, text, inner in found:
            if r:
                if cells is not None:
                    while cells and not cells[-1]:
                        cells.pop()
                    out.append((rowno, cells))
                rowno, cells, n = int(r), [], 0
                append = cells.append
                continue
            try:
                col = columns[letters]
            except KeyError:
                col = _col_index(letters) if letters else n
            if v:
                if t == 's':
                    try:  # strings[int(v)], inlined (a million rows: 7 million look-ups)
                        i = int(v)
                        if i < 0:
                            raise IndexError(i)
                        value = (lists[i >> shift] or load(i >> shift))[i & mask]
                    except (ValueError, IndexError):
                        raise self._bad_cell(rowno, col) from None
                elif not t and s not in dates and v.isdigit() and v[0] != '0' and len(v) < 16:
                    value = v  # a whole number as Excel shows it
                elif not t and s in dates:
                    value = seen.get(v) or self._typed(v, s, t)
                else:
                    value = self._typed(v, s, t)
            elif text:
                value = _unescape(text)[:MAX_CELL] if '&' in text or '_x' in text else text[:MAX_CELL]
            elif inner:  # formula, inline string, ...
                value = self._inner(rowno, col, s, t, inner)
            else:
                value = ''
            if col == n:
                append(value)
                n += 1
            else:
                self._place(cells, col, value, rowno)
                n = len(cells)
        while cells and not cells[-1]:
            cells.pop()
        out.append((rowno, cells))
        return out

    def _place(self, cells, col, value, rowno):
        """Put a cell that does not come next in its row (a gap, or out of order)."""
        n = len(cells)
        if col > n:
            if col >= MAX_COLUMNS:
                raise self._bad_cell(rowno, col)
            cells.extend([''] * (col - n))
            cells.append(value)
        else:
            cells[col] = value

    def _shared(self, v, rowno, col):
        try:
            return self._strings[int(v)]
        except (ValueError, IndexError):
            raise self._bad_cell(rowno, col) from None

    def _typed(self, v, s, t):
        """The text Excel shows for a <v> of any type but a shared string."""
        if '&' in v or '_x' in v:
            v = _unescape(v)
        if not t or t == 'n':
            value = self._date_text(v) if s in self._date_styles else _number_text(v)
        elif t == 'b':
            value = BOOLEANS.get(v.strip(), v)
        elif t == 'd':
            value = _iso_text(v)
        else:  # str (a formula's text), e, plain text
            value = v
        return value[:MAX_CELL]

    def _inner(self, rowno, col, s, t, inner):
        """The text of a cell whose XML is not a lone <v>: an inline string, a
        formula with or without its saved value, ..."""
        if t == 'inlineStr':
            return _inline_text(inner)[:MAX_CELL]
        m = _V.search(inner)
        if m is None:
            if _F.search(inner):
                self._no_value(rowno, col, inner)
            return ''
        v = m.group(1)
        if not v:
            return ''
        return self._shared(v, rowno, col) if t == 's' else self._typed(v, s, t)

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
        text = xml_unescape(m.group(1)).strip() if m else ''
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
