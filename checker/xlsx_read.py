"""Read the rows of one sheet of an Excel ``.xlsx`` file, stdlib only.

The list checker runs this both from the command line and in the browser
under Pyodide, so it needs nothing but ``zipfile``, ``xml.etree`` and
``tempfile``.  It streams: the sheet's XML is scanned 256 KB at a time as it
is decompressed (:mod:`checker.xlsx_sheet`) and each row is dropped once
handed out.  The shared-strings table, which a list of unique names makes
as long as the list, is packed and spilled to an anonymous temporary file
(:class:`_Strings`): whatever its size, the reader holds at most 1 M
characters of it resident plus 1 M of recently used blocks (about 3 MB for
Spanish text; 1,000,000 rows with names peak at ~51 MiB with duplicate
detection, the CSV path at ~44).  A table in cell order (every writer we
know) is read back from the file about once; one in random order costs a
block read per cell, slower but no bigger.

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
import io
import re
import zipfile
import zlib
from array import array
from xml.etree.ElementTree import ParseError, iterparse

from .xlsx_format import OLE_MAGIC, ZIP_MAGIC
from .xlsx_sheet import (
    _SI,
    CHUNK,
    MAX_CELL,
    MAX_ROW_CHARS,
    MAX_SHEET_BYTES,
    Sheet,
    XlsxError,
    _corrupt,
    _inline_text,
    _unescape,
    cell_ref,
    column_letter,
)

__all__ = ['XlsxError', 'Sheet', 'open_sheet', 'is_xlsx', 'is_ole', 'cell_ref', 'column_letter', 'MAX_SHEET_BYTES']

_REL_NS = (
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
)

# Built-in number formats that show a date (ECMA-376 18.8.30 and the
# regional ones Excel uses in es-MX).
_DATE_FORMATS = (
    frozenset(range(14, 23)) | frozenset(range(27, 37)) | frozenset(range(45, 48)) | frozenset(range(50, 59))
)
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def is_xlsx(head):
    """True when *head* (the first bytes of a file) starts a zip archive."""
    return head.startswith(ZIP_MAGIC)


def is_ole(head):
    """True for an OLE compound file: an old .xls or an encrypted .xlsx."""
    return head.startswith(OLE_MAGIC[:4])


# Directory entry names of an encrypted .xlsx, as UTF-16-LE bytes (spelled
# out: the browser's trimmed standard library has no UTF-16 codec).
_ENCRYPTED_PACKAGE = bytes(b for ch in 'EncryptedPackage' for b in (ord(ch), 0))
_ENCRYPTION_INFO = bytes(b for ch in 'EncryptionInfo' for b in (ord(ch), 0))


def _ole_message(data, shown):
    """Why an OLE file cannot be read: encrypted workbook or old .xls."""
    if _ENCRYPTED_PACKAGE in data or _ENCRYPTION_INFO in data:
        return XlsxError.of('xlsx.encrypted', file=shown)
    return XlsxError.of('xlsx.old_format', file=shown)


def _local(tag):
    return tag.rpartition('}')[2]


class _Strings:
    """The shared-strings table, packed, and spilled to a temporary file when big.

    A list of a million Python strings costs ~60 bytes each on top of their
    text.  Here strings are kept :attr:`BLOCK` to a block, each block one
    ``str`` with a NUL between strings (1 byte per character for Spanish
    text, 1 per separator; a NUL or \\x01 inside a string is escaped).  The
    first :attr:`RESIDENT` characters of blocks stay in memory; later blocks
    go to an anonymous temporary file (in the browser, Pyodide's in-memory
    one) and are read back when a cell names them.  A block in use is split
    into a list (:attr:`lists`, what the sheet scanner indexes) and a few of
    those are cached, first in first out, up to :attr:`HOT` characters.

    Memory is thus bounded whatever the table's size: RESIDENT + HOT
    characters plus the block being read (at most BLOCK cells of
    ``MAX_CELL`` characters, for a hostile file).  Lists write their strings
    in the order cells first use them (Excel, LibreOffice, openpyxl), so the
    sheet reads the spilled blocks almost in order, each about once; a table
    in random order costs one block read (~8 KB) per cell instead.  If the
    temporary file cannot be written, blocks simply stay in memory.
    """

    SHIFT = 8
    BLOCK = 1 << SHIFT
    MASK = BLOCK - 1
    RESIDENT = 1 << 20
    HOT = 1 << 20

    def __init__(self):
        self.lists = []  # per block: its strings while hot, else None
        self._packed = []  # per block: the packed str, or None once spilled
        self._pending = []
        self._kept = 0
        self._file = None
        self._broken = False
        self._first_spilled = None
        self._offsets = array('q')  # file offsets of spilled blocks, and the end
        self._hot = {}  # block -> its characters, oldest first
        self._hot_chars = 0
        self.count = 0

    def append(self, text):
        self._pending.append(text)
        if len(self._pending) >= self.BLOCK:
            self._flush()

    def extend(self, texts):
        pending = self._pending
        pending.extend(texts)
        if len(pending) >= self.BLOCK:
            self._flush()

    def _flush(self, final=False):
        pending, size = self._pending, self.BLOCK
        whole = len(pending) - len(pending) % size
        for start in range(0, whole if not final else len(pending), size):
            self._store(pending[start : start + size])
        self._pending = [] if final else pending[whole:]

    def _store(self, parts):
        text = '\0'.join(parts)
        if '\1' in text or text.count('\0') != len(parts) - 1:
            text = '\0'.join(p.replace('\1', '\1\2').replace('\0', '\1\3') for p in parts)
        self.count += len(parts)
        self.lists.append(None)
        if self._kept + len(text) <= self.RESIDENT or not self._spill(text):
            self._kept += len(text)
            self._packed.append(text)

    def _spill(self, text):
        """Write a block to the temporary file; False if that cannot be done."""
        if self._broken:
            return False
        data = text.encode('utf-8', 'surrogatepass')
        try:
            if self._file is None:
                import tempfile

                self._file = tempfile.TemporaryFile()
            self._file.write(data)
        except OSError:  # a full or read-only disk: the rest stays in memory
            self._broken = True
            return False
        if self._first_spilled is None:
            self._first_spilled = len(self._packed)
            self._offsets.append(0)
        self._offsets.append(self._offsets[-1] + len(data))
        self._packed.append(None)
        return True

    def finish(self):
        self._flush(final=True)
        if self._file is not None:
            self._file.flush()

    def load(self, b):
        """Block *b* as a list (kept hot for the next cells); IndexError past the end."""
        text = self._packed[b] if b >= 0 else None
        if text is None:
            if b < 0 or self._first_spilled is None:
                raise IndexError(b)
            k = b - self._first_spilled
            start = self._offsets[k]
            self._file.seek(start)
            text = self._file.read(self._offsets[k + 1] - start).decode('utf-8', 'surrogatepass')
        strings = text.split('\0')
        if '\1' in text:
            strings = [s.replace('\1\3', '\0').replace('\1\2', '\1') if '\1' in s else s for s in strings]
        hot = self._hot
        while hot and (self._hot_chars + len(text) > self.HOT or len(hot) >= 64):
            old = next(iter(hot))
            self._hot_chars -= hot.pop(old)
            self.lists[old] = None
        hot[b] = len(text)
        self._hot_chars += len(text)
        self.lists[b] = strings
        return strings

    def __getitem__(self, i):
        if i < 0:
            raise IndexError(i)
        return (self.lists[i >> self.SHIFT] or self.load(i >> self.SHIFT))[i & self.MASK]

    def __len__(self):
        return self.count


def _is_date_format(code):
    """True when an Excel number-format code shows a date."""
    plain = _QUOTED.sub('', code.split(';')[0]).lower()
    return any(ch in plain for ch in 'dy') or ('m' in plain and 'h' not in plain and 's' not in plain)


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


# <si><t>text</t></si>: how Excel, LibreOffice and openpyxl write a plain
# string; a region of the table made only of these is read by one findall.
_PLAIN_SI = re.compile(r'<si><t(?: xml:space="preserve")?>([^<]*)</t></si>')
_SST_ROOT = re.compile(r'<(?:([\w.-]+):)?sst\b')


def _si_texts(region, plain):
    """Texts of every <si> in *region* (complete elements only); *plain*:
    the table spells its tags without a namespace prefix."""
    texts = _PLAIN_SI.findall(region) if plain else None
    if texts is not None and len(texts) == region.count('<si'):
        if '&' in region or '_x' in region:
            texts = [_unescape(t) if '&' in t or '_x' in t else t for t in texts]
    else:  # rich text, phonetic runs, prefixes, CDATA...
        texts = []
        for m in _SI.finditer(region):
            body = m.group(1) or ''
            if body.startswith('<t>') and body.endswith('</t>') and body.count('<') == 2:
                texts.append(_unescape(body[3:-4]))
            else:
                texts.append(_inline_text(body))
    if texts and max(map(len, texts)) > MAX_CELL:
        texts = [t[:MAX_CELL] for t in texts]
    return texts


def _load_strings(archive, path, shown, title):
    strings = _Strings()
    if path is None or path not in archive.NameToInfo:
        strings.finish()
        return strings
    decoder = codecs.getincrementaldecoder('utf-8')('replace')
    buf = ''
    total = 0
    cut_at = None  # where a region may end: before the last «<si» (or «<x:si»)
    try:
        with archive.open(path) as f:
            while True:
                chunk = f.read(CHUNK)
                total += len(chunk)
                if total > MAX_SHEET_BYTES:
                    raise XlsxError.of('xlsx.too_big', sheet=title, file=shown)
                buf += decoder.decode(chunk, not chunk)
                if cut_at is None:
                    root = _SST_ROOT.search(buf)
                    if root is None and chunk and len(buf) < MAX_ROW_CHARS:
                        continue
                    cut_at = f'<{root.group(1)}:si' if root and root.group(1) else '<si'
                cut = buf.rfind(cut_at) if chunk else len(buf)
                if cut > 0:
                    strings.extend(_si_texts(buf[:cut], cut_at == '<si'))
                    buf = buf[cut:]
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
    strings = _load_strings(archive, strings_path, shown, title)
    dates = _load_date_styles(archive, styles_path, shown)
    return Sheet(archive, path, title, shown, strings, dates, date1904)
