"""Finding the CURP, NSS and postal-code columns of a list: by their titles
(any spelling, case or accents), else by their contents; and the delimiter."""

import csv
import re
import unicodedata

from .. import curp as _curp
from .. import nss as _nss
from ..messages.batch import UNTITLED
from ..xlsx_format import column_letter

__all__ = ['KINDS', 'Column', 'classify_header', 'find_columns', 'sniff', 'parse_head', 'guess_headerless']

KINDS = ('curp', 'nss', 'cp')

#: The delimiters tried, in order of preference.
DELIMITERS = (',', ';', '\t', '|')


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
        return column_letter(self.index)

    def __repr__(self):
        return f'Column({self.index}, {self.kind!r}, {self.header!r})'


_WORD = re.compile(r'[a-z0-9]+')

_NSS_JOINED = frozenset(
    (
        'nss',
        'imss',
        'noimss',
        'numimss',
        'nimss',
        'numeroimss',
        'numerodeimss',
        'nroimss',
        'nafiliacion',
        'noafiliacion',
        'numafiliacion',
        'numerodeafiliacion',
        'numeroafiliacion',
        'afiliacionimss',
    )
)
_CP_JOINED = frozenset(
    (
        'cp',
        'codigopostal',
        'codpostal',
        'cpostal',
        'codpost',
        'postal',
        'zip',
        'zipcode',
        'codigozip',
        'cpdomicilio',
        'cpalumno',
    )
)


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
    if (
        joined in _NSS_JOINED
        or 'nss' in words
        or joined.startswith('nss')
        or joined.endswith('nss')
        or 'seguridadsocial' in joined
        or 'segurosocial' in joined
    ):
        return 'nss'
    if joined in _CP_JOINED or 'cp' in words or 'codigopostal' in joined or 'codpostal' in joined:
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
            exact = [c for c in same if ''.join(_header_words(c.header)) in (kind, 'cp')]
            (exact or same)[0].primary = True
    return columns


def parse_head(head_lines, delimiter):
    """The rows of the first lines that parse (a bad quote may stop it)."""
    rows = []
    try:
        for row in csv.reader(head_lines, delimiter=delimiter):
            rows.append(row)
    except csv.Error:
        pass
    return rows


def sniff(head_lines):
    """Pick the delimiter and the header row from the first lines.

    Returns (delimiter, header_index, header_row, columns) or None.
    """
    best = None
    for delimiter in DELIMITERS:
        rows = parse_head(head_lines, delimiter)
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


def guess_headerless(head_lines, forced=None):
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
    for delimiter in (forced,) if forced else DELIMITERS:
        rows = [r for r in parse_head(head_lines, delimiter) if any(f.strip() for f in r)]
        if not rows:
            continue
        width = max(len(r) for r in rows)
        columns = []
        for index in range(width):
            cells = [r[index] for r in rows if index < len(r) and r[index].strip()]
            for kind, is_valid in _GUESSERS:
                if kind in (c.kind for c in columns):
                    continue
                good = sum(1 for v in cells if is_valid(v))
                if good and 2 * good >= len(cells):
                    columns.append(Column(index, kind, UNTITLED, True))
                    break
        if columns and (best is None or len(columns) > len(best[3])):
            first = next(i for i, r in enumerate(parse_head(head_lines, delimiter)) if any(f.strip() for f in r))
            top = rows[0]
            validators = dict(_GUESSERS)
            titled = len(rows) > 1 and not any(c.index < len(top) and validators[c.kind](top[c.index]) for c in columns)
            if titled:  # titles we did not recognise: keep their text
                for c in columns:
                    if c.index < len(top) and top[c.index].strip():
                        c.header = top[c.index].strip()
            best = (delimiter, first, top, columns, titled)
    return best
