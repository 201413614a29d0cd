"""Check a whole CSV list of students (CURP, NSS, postal code) row by row.

Built for school offices: ``python -m checker alumnos.csv`` and the
"Revisa tu lista" page run exactly this code, so the report they give is the
same text.

The check streams.  Rows are never kept: memory stays flat whatever the size
of the file, except for the two duplicate-detection tables, which hold one
compact CURP (18 characters) and one NSS (as an integer) per distinct value
seen, plus the number of the row where it first appeared.

Usage from Python (the browser does the same with the file's bytes)::

    run = check_rows(lines)          # reads the header, may raise BatchError
    for result in run:               # only rows with something to report
        ...
    run.summary                      # counts, complete once run is exhausted

    for line in format_report(check_rows(lines)):
        print(line)

    report(data)                     # the browser: bytes in, dict out

>>> out, status = report_text('CURP;NSS\\nHEGG560427MVZRRL04;28138801999\\n')
>>> print(out)  # doctest: +NORMALIZE_WHITESPACE
Columnas revisadas: CURP en la columna A («CURP»), NSS en la columna B («NSS»).
Separador: punto y coma; títulos en la fila 1.
Sin columna de código postal: esa parte no se revisó.
<BLANKLINE>
Fila 2:
  Aviso en NSS (columna B) «28138801999»: Los dígitos 5 y 6 de tu NSS (88)
  deberían ser el año en que naciste, pero tu CURP dice 56 (1956). No
  siempre es un error, pero confirma con el IMSS que el NSS sea tuyo.
<BLANKLINE>
Resumen
  Filas revisadas: 1
  Válidas: 0
  Con advertencias: 1
  Con errores: 0
  Duplicados: 0
No hay errores; revisa los avisos, pueden ser datos correctos que no siguen la regla.
>>> status
0
"""

import codecs
import csv
import io
import itertools
import re
import unicodedata

from . import curp as _curp
from . import nss as _nss
from . import postal as _postal
from .exceptions import InvalidInput
from .text import NOTE_CODES

__all__ = [
    'BatchError', 'Column', 'Issue', 'RowResult', 'Summary', 'BatchRun',
    'open_lines', 'text_lines', 'find_columns', 'check_rows', 'format_report',
    'format_summary', 'report_text', 'check_source',
]

KINDS = ('curp', 'nss', 'cp')

#: Label of each kind of column in the Spanish report.
LABELS = {'curp': 'CURP', 'nss': 'NSS', 'cp': 'código postal'}

#: How many lines at the top of a file may come before the header row.
HEADER_SEARCH_LINES = 30

#: Cap on the per-run postal-code cache (there are only ~33,000 real codes;
#: the cap only matters for a column full of junk).
CP_CACHE_LIMIT = 200_000


class BatchError(Exception):
    """The file cannot be checked at all (no CURP/NSS/CP column, unreadable).

    ``code`` is a stable id (``batch.no_columns``, ``batch.empty``,
    ``batch.csv``) and ``message`` the Spanish explanation for the user.
    """

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


# --------------------------------------------------------------------------
# Reading bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Latin-1.

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
        raise BatchError(
            'batch.spreadsheet',
            'Este archivo es una hoja de cálculo de Excel (.xlsx o .xls), no '
            'un CSV. Ábrelo en Excel y guárdalo como CSV: Archivo > Guardar '
            'como > «CSV UTF-8 (delimitado por comas)»; luego revisa ese '
            'archivo.')
    if head.startswith(b'%PDF'):
        raise BatchError(
            'batch.pdf',
            'Este archivo es un PDF, no un CSV. Exporta la lista desde la '
            'hoja de cálculo o el sistema escolar como CSV y revisa ese '
            'archivo.')
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


# --------------------------------------------------------------------------
# Finding the columns.

class Column:
    """A column found in the header: 0-based *index*, *kind*, *header* text."""

    __slots__ = ('index', 'kind', 'header', 'primary')

    def __init__(self, index, kind, header, primary=False):
        self.index = index
        self.kind = kind
        self.header = header
        self.primary = primary

    @property
    def letter(self):
        """Spreadsheet column letter: 0 -> A, 26 -> AA."""
        n = self.index + 1
        letters = ''
        while n:
            n, r = divmod(n - 1, 26)
            letters = chr(65 + r) + letters
        return letters

    def __repr__(self):
        return f'Column({self.index}, {self.kind!r}, {self.header!r})'


_WORD = re.compile(r'[a-z0-9]+')

_NSS_JOINED = frozenset((
    'nss', 'imss', 'noimss', 'numimss', 'nimss', 'numeroimss', 'numerodeimss',
    'nroimss', 'nafiliacion', 'noafiliacion', 'numafiliacion',
    'numerodeafiliacion', 'numeroafiliacion', 'afiliacionimss',
))
_CP_JOINED = frozenset((
    'cp', 'codigopostal', 'codpostal', 'cpostal', 'codpost', 'postal',
    'zip', 'zipcode', 'codigozip', 'cpdomicilio', 'cpalumno',
))


def _header_words(header):
    text = unicodedata.normalize('NFKD', header)
    text = ''.join(c for c in text if not unicodedata.combining(c)).lower()
    return _WORD.findall(text)


def classify_header(header):
    """Kind of column a header names: 'curp', 'nss', 'cp' or None.

    Case, accents, spaces and punctuation do not matter.

    >>> [classify_header(h) for h in ('CURP', 'curp_alumno', 'NSS',
    ...  'Número de Seguridad Social', 'No. IMSS', 'C.P.', 'Código postal',
    ...  'codigo_postal', 'Nombre', 'CP domicilio', 'Capacidad')]
    ['curp', 'curp', 'nss', 'nss', 'nss', 'cp', 'cp', 'cp', None, 'cp', None]
    """
    if not header:
        return None
    words = _header_words(header)
    if not words:
        return None
    joined = ''.join(words)
    if 'curp' in joined:
        return 'curp'
    if (joined in _NSS_JOINED or 'nss' in words or joined.startswith('nss')
            or joined.endswith('nss') or 'seguridadsocial' in joined
            or 'segurosocial' in joined):
        return 'nss'
    if (joined in _CP_JOINED or 'cp' in words or 'codigopostal' in joined
            or 'codpostal' in joined):
        return 'cp'
    return None


def find_columns(header_row):
    """List of :class:`Column` for the CURP/NSS/CP columns of a header row.

    The first column of each kind is the *primary* one (used for duplicate
    detection and the CURP-NSS cross-check), except that a column named
    exactly "CURP" / "NSS" / "CP" wins over, say, "CURP del tutor".
    """
    columns = []
    for index, header in enumerate(header_row):
        kind = classify_header(header)
        if kind:
            columns.append(Column(index, kind, header.strip()))
    for kind in KINDS:
        same = [c for c in columns if c.kind == kind]
        if same:
            exact = [c for c in same
                     if ''.join(_header_words(c.header)) in (kind, 'cp')]
            (exact or same)[0].primary = True
    return columns


# --------------------------------------------------------------------------
# Results.

class Issue:
    """One thing to report about one cell of a row.

    *severity* is 'invalid' (error) or 'warning'; *position* is 0-based in
    the compact value, or None; *first_row* is set for duplicates.
    """

    __slots__ = ('column', 'severity', 'code', 'message', 'position',
                 'value', 'first_row')

    def __init__(self, column, severity, code, message, position=None,
                 value='', first_row=None):
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
        self.value = value
        self.first_row = first_row

    @property
    def kind(self):
        return self.column.kind

    def __repr__(self):
        return (f'Issue({self.column.kind!r}, {self.severity!r}, '
                f'{self.code!r}, position={self.position!r})')


class RowResult:
    """A row with something to report.

    *row* is the row number as a spreadsheet shows it (the first line of the
    file is row 1); *state* is 'invalid' or 'warning'.
    """

    __slots__ = ('row', 'state', 'issues')

    def __init__(self, row, state, issues):
        self.row = row
        self.state = state
        self.issues = issues

    @property
    def codes(self):
        return [i.code for i in self.issues]

    def __repr__(self):
        return f'RowResult(row={self.row}, state={self.state!r}, {self.issues!r})'


class Summary:
    """Counts of a run (complete once the run's iterator is exhausted).

    Every checked row is exactly one of valid, warnings (warnings only) or
    invalid.  A CURP or NSS seen on an earlier row is an error (a list
    cannot hold two students with one CURP or one NSS), so such a row is
    counted as invalid and also in ``duplicates``.
    """

    def __init__(self):
        self.rows = 0            # data rows checked (blank rows skipped)
        self.warnings = 0        # rows with warnings only
        self.invalid = 0         # rows with at least one error
        self.duplicates = 0      # rows repeating an earlier CURP or NSS
        self.duplicate_curp = 0
        self.duplicate_nss = 0
        self.columns = []
        self.delimiter = ','
        self.header_row = 1      # None: no title row, columns guessed
        self.done = False

    @property
    def valid(self):
        return self.rows - self.warnings - self.invalid

    @property
    def exit_status(self):
        """0 when nothing is invalid (warnings allowed), 1 otherwise."""
        return 1 if self.invalid else 0

    def as_dict(self):
        return {
            'rows': self.rows, 'valid': self.valid, 'warnings': self.warnings,
            'invalid': self.invalid, 'duplicates': self.duplicates,
            'duplicate_curp': self.duplicate_curp,
            'duplicate_nss': self.duplicate_nss,
            'exit_status': self.exit_status,
        }

    def __repr__(self):
        return f'Summary({self.as_dict()})'


# --------------------------------------------------------------------------
# Hints for what spreadsheets do to these values.

_SCIENTIFIC = re.compile(r'\s*\d+(?:[.,]\d+)?[eE]\+?\d+\s*\Z')


def _spreadsheet_hint(kind, value):
    v = value.strip()
    if kind in ('nss', 'cp') and _SCIENTIFIC.match(v):
        return ('La hoja de cálculo lo convirtió a notación científica y se '
                'perdieron dígitos: da formato de Texto a la columna y vuelve '
                'a escribir el número completo.')
    is_valid = _nss.is_valid if kind == 'nss' else _postal.is_valid
    if kind in ('nss', 'cp'):
        width = 11 if kind == 'nss' else 5
        if v.endswith('.0') and v[:-2].isdigit():
            v = v[:-2]
            if len(v) == width and is_valid(v):
                return (f'Sin el «.0» final ({v}) sí es válido: la hoja de '
                        'cálculo lo guardó como número; da formato de Texto '
                        'a la columna.')
        if v.isascii() and v.isdigit() and 0 < len(v) < width:
            padded = v.zfill(width)
            if is_valid(padded):
                what = 'es un NSS válido'
                if kind == 'cp':
                    what = 'existe'
                    try:
                        record = _postal.lookup(padded)
                        place = ', '.join(record.municipalities[:1]
                                          + [record.state])
                        what = f'existe ({place})'
                    except InvalidInput:  # pragma: no cover - is_valid
                        pass
                return (f'Si empieza con cero, la hoja de cálculo pudo '
                        f'quitarlo: {padded} {what}. Da formato de Texto a '
                        f'la columna y escríbelo completo.')
    return None


def _value_issue(column, exc, value):
    message = exc.message
    if not value.strip():
        prefix = 'postal' if column.kind == 'cp' else column.kind
        return Issue(column, 'invalid', f'{prefix}.empty',
                     f'La celda de {LABELS[column.kind]} está vacía.',
                     None, value)
    hint = _spreadsheet_hint(column.kind, value)
    if hint:
        message = f'{message} {hint}'
    return Issue(column, 'invalid', exc.code, message, exc.position, value)


def _check_cell(column, value):
    """Issues of a single cell, the slow, complete way (any kind)."""
    kind = column.kind
    validate = {'curp': _curp.validate, 'nss': _nss.validate,
                'cp': _postal.validate}[kind]
    try:
        compact = validate(value)
    except InvalidInput as exc:
        return None, [_value_issue(column, exc, value)]
    issues = []
    if kind == 'curp':
        issues.extend(_curp_warnings(column, compact, value))
    return compact, issues


def _curp_warnings(column, compact, value):
    try:
        explained = _curp.explain(compact)
    except InvalidInput:  # pragma: no cover - validate() accepted it
        return []
    return [Issue(column, 'warning', w['code'], w['message'], None, value)
            for w in explained['warnings'] if w['code'] not in NOTE_CODES]


# --------------------------------------------------------------------------
# The run.

def _parse_head(head_lines, delimiter):
    """The rows of the first lines that parse (a bad quote may stop it)."""
    rows = []
    try:
        for row in csv.reader(head_lines, delimiter=delimiter):
            rows.append(row)
    except csv.Error:
        pass
    return rows


def _sniff(head_lines):
    """Pick the delimiter and the header row from the first lines.

    Returns (delimiter, header_index, header_row, columns).
    """
    best = None
    for delimiter in (',', ';', '\t', '|'):
        rows = _parse_head(head_lines, delimiter)
        for index, row in enumerate(rows):
            columns = find_columns(row)
            if columns:
                kinds = len({c.kind for c in columns})
                score = (kinds, -index, len(columns), len(row))
                if best is None or score > best[0]:
                    best = (score, delimiter, index, row, columns)
                break
    if best is None:
        return None
    return best[1:]


_GUESSERS = (('curp', _curp.is_valid), ('nss', _nss.is_valid))


def _guess_headerless(head_lines, forced=None):
    """Columns of a file without titles whose values are CURPs or NSSs.

    A list pasted from elsewhere often has no header row.  A column counts
    as CURP (or NSS) when at least half of its non-empty cells among the
    first lines are valid ones.  Postal codes are never guessed: five
    digits can be anything.  Returns (delimiter, index of the first row,
    that row, columns, titled) or None; *titled* is true when that first
    row holds none of the values (so it is a row of titles we could not
    read, such as "Clave" or "Seguro").
    """
    best = None
    for delimiter in ((forced,) if forced else (',', ';', '\t', '|')):
        rows = [r for r in _parse_head(head_lines, delimiter)
                if any(f.strip() for f in r)]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        columns = []
        for index in range(width):
            cells = [r[index] for r in rows
                     if index < len(r) and r[index].strip()]
            for kind, is_valid in _GUESSERS:
                if kind in (c.kind for c in columns):
                    continue
                good = sum(1 for v in cells if is_valid(v))
                if good and 2 * good >= len(cells):
                    columns.append(Column(index, kind, '(sin título)', True))
                    break
        if columns and (best is None or len(columns) > len(best[3])):
            first = next(i for i, r in enumerate(
                _parse_head(head_lines, delimiter)) if any(
                    f.strip() for f in r))
            top = rows[0]
            validators = dict(_GUESSERS)
            titled = len(rows) > 1 and not any(
                c.index < len(top) and validators[c.kind](top[c.index])
                for c in columns)
            if titled:      # titles we did not recognise: keep their text
                for c in columns:
                    if c.index < len(top) and top[c.index].strip():
                        c.header = top[c.index].strip()
            best = (delimiter, first, top, columns, titled)
    return best


class BatchRun:
    """Iterator over the rows that have something to report.

    Create it with :func:`check_rows`.  ``summary`` holds the counts; they
    are final once the iterator is exhausted (:meth:`summarize` exhausts it
    and returns the summary).
    """

    def __init__(self, lines, *, duplicates=True, cross_check=True,
                 curp_warnings=True):
        self.summary = Summary()
        lines = iter(lines)
        head = list(itertools.islice(lines, HEADER_SEARCH_LINES))
        skip = 0
        forced = None
        if head and head[0].lower().startswith('sep=') and \
                head[0].strip()[4:5] in (',', ';', '\t', '|'):
            forced = head[0].strip()[4:5]
            skip = 1
        if not any(line.strip() for line in head):
            raise BatchError('batch.empty',
                             'El archivo está vacío: no tiene filas que '
                             'revisar.')
        found = _sniff(head[skip:])
        if forced is not None:
            rows = _parse_head(head[skip:], forced)
            found = None
            for index, row in enumerate(rows):
                columns = find_columns(row)
                if columns:
                    found = (forced, index, row, columns)
                    break
        headerless = False
        if found is None:
            guess = _guess_headerless(head[skip:], forced)
            if guess is not None:
                found, titled = guess[:4], guess[4]
                headerless = not titled
        if found is None:
            raise BatchError(
                'batch.no_columns',
                'No encontré ninguna columna de CURP, NSS o código postal. '
                'La primera fila del archivo debe tener los títulos de las '
                'columnas, por ejemplo «CURP», «NSS» y «CP» (o «Código '
                'postal»), separados por comas, punto y coma o tabuladores.')
        delimiter, header_index, header, columns = found
        s = self.summary
        s.delimiter = delimiter
        s.columns = columns
        # A pasted essay in one cell must not stop the whole list: allow cells
        # up to 16 MiB (still bounded) instead of csv's 128 KiB default.
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))
        # strict: an unclosed quote is reported instead of silently
        # swallowing the rest of the file into one cell.
        reader = csv.reader(itertools.chain(head[skip:], lines),
                            delimiter=delimiter, strict=True)
        # Row numbers count CSV records, as a spreadsheet numbers its rows.
        for _ in range(header_index + (0 if headerless else 1)):
            next(reader)
        s.header_row = None if headerless else skip + header_index + 1
        # number of the record before the first data row
        start = skip + header_index + (0 if headerless else 1)
        self._iter = self._run(reader, start, duplicates, cross_check,
                               curp_warnings)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._iter)

    def summarize(self):
        """Exhaust the run (if needed) and return its :class:`Summary`."""
        for _ in self._iter:
            pass
        return self.summary

    # The hot loop: one call per row, no allocation for a clean row beyond
    # what csv gives and the compact values kept for duplicate detection.
    def _run(self, reader, rowno, duplicates, cross_check, curp_warnings):
        s = self.summary
        columns = s.columns
        primary = {c.kind: c for c in columns if c.primary}
        extras = [c for c in columns if not c.primary]
        ccol = primary.get('curp')
        ncol = primary.get('nss')
        pcol = primary.get('cp')
        ci = ccol.index if ccol else -1
        ni = ncol.index if ncol else -1
        pi = pcol.index if pcol else -1
        need = max(c.index for c in columns) + 1

        curp_validate = _curp.validate
        curp_is_valid = _curp.is_valid
        curp_compact = _curp.compact
        nss_validate = _nss.validate
        nss_is_valid = _nss.is_valid
        nss_compact = _nss.compact
        postal_validate = _postal.validate
        curp_flagged = _curp_flagged_prefixes()
        cross = _CrossCheck(ncol, cross_check)
        cross_get = cross.cache.get if cross.enabled else None
        cross_compute = cross.compute
        cross_issues = cross.issues
        seen_curp = {} if duplicates and ccol else None
        seen_nss = {} if duplicates and ncol else None
        cp_cache = {}
        cp_get = cp_cache.get
        rows = 0
        warned = invalid = dups = dup_c = dup_n = 0

        def flush():
            s.rows = rows
            s.warnings = warned
            s.invalid = invalid
            s.duplicates = dups
            s.duplicate_curp = dup_c
            s.duplicate_nss = dup_n

        try:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    flush()
                    raise BatchError(
                        'batch.csv',
                        f'No pude leer la fila {rowno + 1}: el archivo no '
                        f'parece un CSV bien formado ({exc}). Revisa que las '
                        'comillas estén cerradas.') from None
                rowno += 1
                if len(row) < need:
                    if not row or not any(f.strip() for f in row):
                        continue  # blank row: not counted
                    row = row + [''] * (need - len(row))
                issues = None
                c = n = None
                if ci >= 0:
                    v = row[ci]
                    # is_valid() is the fast path; an already compact value
                    # (the usual case) needs no compact() call.
                    if curp_is_valid(v):
                        c = v if (len(v) == 18 and v.isascii()
                                  and v.isupper()) else curp_compact(v)
                    else:
                        try:
                            c = curp_validate(v)    # raises: the diagnosis
                        except InvalidInput as exc:
                            if not v.strip() and \
                                    not any(f.strip() for f in row):
                                continue  # blank row
                            issues = [_value_issue(ccol, exc, v)]
                    if c is not None:
                        if curp_warnings and c[:4] in curp_flagged:
                            w = _curp_warnings(ccol, c, v)
                            if w:
                                issues = w
                        if seen_curp is not None:
                            first = seen_curp.setdefault(c, rowno)
                            if first != rowno:
                                dup_c += 1
                                issue = Issue(
                                    ccol, 'invalid', 'batch.duplicate_curp',
                                    f'CURP repetida: ya aparece en la fila '
                                    f'{first}.', None, v, first)
                                if issues is None:
                                    issues = [issue]
                                else:
                                    issues.append(issue)
                if ni >= 0:
                    v = row[ni]
                    if nss_is_valid(v):
                        n = v if len(v) == 11 else nss_compact(v)
                    else:
                        try:
                            n = nss_validate(v)     # raises: the diagnosis
                        except InvalidInput as exc:
                            if ci < 0 and not v.strip() and \
                                    not any(f.strip() for f in row):
                                continue  # blank row
                            issue = _value_issue(ncol, exc, v)
                            if issues is None:
                                issues = [issue]
                            else:
                                issues.append(issue)
                    if n is not None:
                        if seen_nss is not None:
                            first = seen_nss.setdefault(int(n), rowno)
                            if first != rowno:
                                dup_n += 1
                                issue = Issue(
                                    ncol, 'invalid', 'batch.duplicate_nss',
                                    f'NSS repetido: ya aparece en la fila '
                                    f'{first}.', None, v, first)
                                if issues is None:
                                    issues = [issue]
                                else:
                                    issues.append(issue)
                        if c is not None and cross_get is not None:
                            # _CrossCheck.key(), inlined for speed
                            w = cross_get(n[2:6] + c[4:6] +
                                          ('0' if c[16] <= '9' else 'A'))
                            if w is None:
                                w = cross_compute(n, c)
                            if w:
                                if issues is None:
                                    issues = cross_issues(w, v)
                                else:
                                    issues.extend(cross_issues(w, v))
                if pi >= 0:
                    v = row[pi]
                    r = cp_get(v)
                    if r is None:
                        try:
                            postal_validate(v)
                            r = True
                        except InvalidInput as exc:
                            if ci < 0 and ni < 0 and not v.strip() and \
                                    not any(f.strip() for f in row):
                                continue  # blank row
                            r = _value_issue(pcol, exc, v)
                        if len(cp_cache) < CP_CACHE_LIMIT:
                            cp_cache[v] = r
                    if r is not True:
                        if issues is None:
                            issues = [r]
                        else:
                            issues.append(r)
                for col in extras:
                    _compact, more = _check_cell(col, row[col.index])
                    if more:
                        if issues is None:
                            issues = more
                        else:
                            issues.extend(more)
                rows += 1
                if issues is None:
                    continue
                if any(i.code in ('batch.duplicate_curp',
                                  'batch.duplicate_nss') for i in issues):
                    dups += 1
                if any(i.severity == 'invalid' for i in issues):
                    invalid += 1
                    state = 'invalid'
                else:
                    warned += 1
                    state = 'warning'
                flush()
                yield RowResult(rowno, state, issues)
        finally:
            flush()
        s.done = True


def _curp_flagged_prefixes():
    """First four letters for which curp.explain() gives a real warning.

    ``curp.explain`` warns ``curp.inconvenient_word`` only when the first
    four letters are one of RENAPO's "palabras inconvenientes"; the other
    warning it always gives (the check digit's blind spots) is a note for a
    student, not a problem of a list.  So the fast path calls the detailed
    explainer only for those prefixes.
    """
    words = getattr(_curp, 'INCONVENIENT_WORDS', None)
    if words is None:  # pragma: no cover - defensive
        from ._curp_data import INCONVENIENT_WORDS as words
    return frozenset(w for w in words if isinstance(w, str))


class _CrossCheck:
    """CURP-NSS cross-check with a cache.

    ``nss.explain(n, curp=c)`` is the authority; its warnings (and their
    texts) depend only on the NSS's registration and birth years (digits
    3-6), the CURP's birth year (characters 5-6) and century (whether
    character 17 is a digit), and today's year, fixed during a run.  So the
    result is cached under those parts and the explainer runs once per
    distinct combination: at most a few thousand times for a school list.
    """

    def __init__(self, column, enabled):
        self.column = column
        self.enabled = bool(enabled and column is not None)
        self.cache = {}

    @staticmethod
    def key(n, c):
        """Cache key: NSS digits 3-6, CURP characters 5-6, CURP century."""
        return n[2:6] + c[4:6] + ('0' if c[16] <= '9' else 'A')

    def compute(self, n, c):
        """Run nss.explain(n, curp=c); cache and return its warnings."""
        try:
            explained = _nss.explain(n, curp=c)
        except InvalidInput:  # pragma: no cover - n and c are valid
            explained = {}
        r = tuple((w['code'], w['message'])
                  for w in explained.get('warnings', ())
                  if w['code'] not in NOTE_CODES)
        if len(self.cache) < 2_000_000:  # 10**4 * 100 * 2 at most
            self.cache[self.key(n, c)] = r
        return r

    def issues(self, warnings, value):
        return [Issue(self.column, 'warning', code, message, None, value)
                for code, message in warnings]

    def __call__(self, n, c, value):
        r = self.cache.get(self.key(n, c))
        if r is None:
            r = self.compute(n, c)
        return self.issues(r, value) if r else []


def check_rows(lines, *, duplicates=True, cross_check=True,
               curp_warnings=True):
    """Start checking an iterable of CSV text lines; returns a :class:`BatchRun`.

    Reads the first lines at once to find the delimiter and the header
    (raising :class:`BatchError` when there is no CURP/NSS/CP column), then
    checks lazily as the run is iterated.
    """
    return BatchRun(lines, duplicates=duplicates, cross_check=cross_check,
                    curp_warnings=curp_warnings)


# --------------------------------------------------------------------------
# The report.

def _fmt(n):
    return f'{n:,}'


_DELIMITER_NAMES = {',': 'comas', ';': 'punto y coma', '\t': 'tabuladores',
                    '|': 'barras verticales'}


def format_header(run, source=None):
    """Opening lines of the report: what was found where."""
    s = run.summary
    lines = []
    if source:
        lines.append(f'Revisión de {source}')
    found = ', '.join(
        f'{LABELS[c.kind]} en la columna {c.letter} («{c.header}»)'
        for c in s.columns)
    lines.append(f'Columnas revisadas: {found}.')
    where = (f'títulos en la fila {s.header_row}' if s.header_row else
             'el archivo no tiene fila de títulos; reconocí las columnas por '
             'su contenido')
    lines.append(f'Separador: {_DELIMITER_NAMES.get(s.delimiter, s.delimiter)}'
                 f'; {where}.')
    missing = [LABELS[k] for k in KINDS
               if not any(c.kind == k for c in s.columns)]
    if missing:
        lines.append('Sin columna de ' + ' ni de '.join(missing) +
                     ': esa parte no se revisó.')
    lines.append('')
    return lines


def format_issue(issue):
    """One report line for one issue (without the row number)."""
    col = issue.column
    what = 'Error' if issue.severity == 'invalid' else 'Aviso'
    value = issue.value.strip()
    if len(value) > 40:  # a pasted paragraph: enough to find the cell
        value = value[:30] + f'… ({len(value)} caracteres)'
    shown = f' «{value}»' if value else ''
    # The messages already name the position in human terms ("el carácter
    # 7"); issue.position keeps the 0-based index for programs.
    return (f'{what} en {LABELS[col.kind]} (columna {col.letter}){shown}: '
            f'{issue.message}')


def format_result(result):
    """Report lines for one :class:`RowResult`."""
    lines = [f'Fila {result.row}:']
    for issue in result.issues:
        lines.append('  ' + format_issue(issue))
    return lines


def format_summary(summary):
    """Closing lines of the report: the counts and the verdict."""
    s = summary
    lines = [
        'Resumen',
        f'  Filas revisadas: {_fmt(s.rows)}',
        f'  Válidas: {_fmt(s.valid)}',
        f'  Con advertencias: {_fmt(s.warnings)}',
        f'  Con errores: {_fmt(s.invalid)}',
        f'  Duplicados: {_fmt(s.duplicates)}'
        + (f' (CURP: {_fmt(s.duplicate_curp)}, NSS: {_fmt(s.duplicate_nss)})'
           if s.duplicates else ''),
    ]
    if s.rows == 0:
        lines.append('El archivo tiene títulos pero ninguna fila con datos.')
    elif s.invalid:
        lines.append('Hay filas con errores: corrígelas y vuelve a revisar el '
                     'archivo.')
    elif s.warnings:
        lines.append('No hay errores; revisa los avisos, pueden ser datos '
                     'correctos que no siguen la regla.')
    else:
        lines.append('Todo en orden: todas las filas son válidas.')
    return lines


def format_report(run, source=None):
    """Iterate the whole report, line by line (no trailing newlines).

    *run* is a :class:`BatchRun` (consumed here); the summary comes last.
    """
    yield from format_header(run, source)
    any_problem = False
    for result in run:
        any_problem = True
        yield from format_result(result)
    if any_problem:
        yield ''
    yield from format_summary(run.summary)


def report(data, name=None, **options):
    """Check CSV *data* (``bytes`` or decoded ``str``) and return a dict.

    ``{'text': the whole report, 'exit_status': 0 | 1 | 2, 'summary':
    Summary.as_dict() or None, 'error': None or the BatchError code}`` --
    what the browser page shows and offers for download.  It is the same
    text ``python -m checker FILE.csv`` prints.
    """
    lines = text_lines(data) if isinstance(data, str) else open_lines(data)
    try:
        run = check_rows(lines, **options)
        text = '\n'.join(format_report(run, name)) + '\n'
    except BatchError as exc:
        return {'text': exc.message + '\n', 'exit_status': 2,
                'summary': None, 'error': exc.code}
    return {'text': text, 'exit_status': run.summary.exit_status,
            'summary': run.summary.as_dict(), 'error': None}


def report_text(data, name=None, **options):
    """``(report text, exit status)`` for CSV *data* (``bytes`` or ``str``).

    A file that cannot be checked gives its Spanish message and status 2.
    """
    r = report(data, name, **options)
    return r['text'], r['exit_status']


def check_source(source, write, name=None, **options):
    """Check *source* (see :func:`open_lines`) and ``write(str)`` the report.

    Returns the exit status: 0 nothing invalid, 1 some row invalid, 2 the
    file could not be checked (its message is written too).
    """
    try:
        run = check_rows(open_lines(source), **options)
        for line in format_report(run, name):
            write(line + '\n')
    except BatchError as exc:
        write(exc.message + '\n')
        return 2
    return run.summary.exit_status
