"""Each CURP against its owner's data in the same row.

When a list has the student's names, birth date, sex or state of birth,
the CURP of that row is compared with them (:func:`checker.curp.compare`
is the authority) and each character that disagrees is reported with its
position: the mistake that makes IMSS reject a student, a sibling's CURP
or the row above's, passes every other check.

Speed: ``compare`` does the full RENAPO derivation.  Names, dates, sexes
and states repeat a lot in a list, so what each cell implies for the CURP
is worked out once per distinct cell (by asking ``compare`` about that one
field) and cached; a row costs a few dict look-ups and slice comparisons,
and ``compare`` itself runs only for rows that disagree (or whose first
four letters are a palabra inconveniente), so its answer is the report.

>>> from checker.batch.columns import Column
>>> cols = find_person_columns(['CURP', 'Nombre(s)', 'Apellido paterno',
...     'Apellido materno', 'Fecha de nacimiento', 'Sexo', 'Entidad de nacimiento'])
>>> sorted(cols)
['birth_date', 'first_surname', 'given_names', 'second_surname', 'sex', 'state']
>>> check = PersonCheck(cols, Column(0, 'curp', 'CURP'))
>>> row = ['HEGG560427MVZRRL04', 'Gloria', 'Hernández', 'García', '27/04/1956', 'M', 'Veracruz']
>>> check(row, row[0]) is None
True
>>> row[4] = '17/04/1956'
>>> [i.position for i in check(row, row[0])]
[8]
"""

import datetime
import re
import unicodedata

from .. import curp as _curp
from ..curp_names import PARTICLES
from ..exceptions import InvalidInput
from ..messages.person import ARTICLE, HOMOCLAVE, IN_COLUMN, INCONVENIENT, ISSUES, LABELS, NO_SECOND_SURNAME, SOURCE
from .columns import Column
from .results import BatchError, Issue

__all__ = [
    'mapped_header',
    'PERSON_KINDS',
    'classify_person_header',
    'find_person_columns',
    'PersonCheck',
    'split_full_name',
]

PERSON_KINDS = ('given_names', 'first_surname', 'second_surname', 'full_name', 'birth_date', 'sex', 'state')

#: The CURP positions each field decides.
_POSITIONS = {
    'first_surname': (0, 1, 13),
    'second_surname': (2, 14),
    'given_names': (3, 15),
    'birth_date': (4, 5, 6, 7, 8, 9, 16),
    'sex': (10,),
    'state': (11, 12),
}
_FIELD_OF = {p: f for f, ps in _POSITIONS.items() for p in ps}

# Headers, compared without case, accents, spaces or punctuation.
_HEADERS = {
    'given_names': {
        'nombre',
        'nombres',
        'nombre s',
        'nombredepila',
        'nombrespila',
        'nombresdelalumno',
        'nombredelalumnoa',
        'primernombre',
    },
    'first_surname': {
        'primerapellido',
        'apellidopaterno',
        'apellido1',
        'apellido',
        'paterno',
        'appaterno',
        'apaterno',
        'appat',
        'apellidopat',
        '1erapellido',
        'aparterno',
        'apellidop',
    },
    'second_surname': {
        'segundoapellido',
        'apellidomaterno',
        'apellido2',
        'materno',
        'apmaterno',
        'amaterno',
        'apmat',
        'apellidomat',
        '2doapellido',
        'apellidom',
    },
    'full_name': {
        'nombrecompleto',
        'nombredelalumno',
        'nombrealumno',
        'alumno',
        'alumnoa',
        'nombreyapellidos',
        'nombresyapellidos',
        'apellidosynombre',
        'apellidosynombres',
        'nombredelestudiante',
        'estudiante',
        'nombrecompletodelalumno',
    },
    'birth_date': {
        'fechadenacimiento',
        'fechanacimiento',
        'fnacimiento',
        'fechanac',
        'fecnac',
        'nacimiento',
        'fdenacimiento',
        'fechadenac',
        'fnac',
    },
    'sex': {'sexo', 'genero', 'sexogenero', 'sexoogenero', 'hm'},
    'state': {
        'entidaddenacimiento',
        'entidadnacimiento',
        'estadodenacimiento',
        'estadonacimiento',
        'lugardenacimiento',
        'entidadnac',
        'edonac',
        'estadonac',
        'entidadfederativadenacimiento',
    },
}
_BY_HEADER = {h.replace(' ', ''): k for k, hs in _HEADERS.items() for h in hs}
_WORD = re.compile(r'[a-z0-9]+')


def _joined(header):
    text = unicodedata.normalize('NFKD', header or '')
    text = ''.join(c for c in text if not unicodedata.combining(c)).lower()
    return ''.join(_WORD.findall(text))


def classify_person_header(header):
    """Which person field a header names, or None.

    >>> [classify_person_header(h) for h in ('Nombre(s)', 'APELLIDO PATERNO',
    ...  'Apellido Materno', 'Nombre completo', 'F. Nacimiento', 'Género', 'CURP')]
    ['given_names', 'first_surname', 'second_surname', 'full_name', 'birth_date', 'sex', None]
    """
    return _BY_HEADER.get(_joined(header))


def find_person_columns(header_row, taken=(), mapping=None):
    """{field: Column} of the person-data columns of a header row.

    *taken* are indices already used (the CURP/NSS/CP columns); *mapping*
    ({field: column index}) comes from ``--columnas`` and wins.  Separate
    name columns win over a «Nombre completo».
    """
    found = {}
    for index, header in enumerate(header_row):
        if index in taken:
            continue
        kind = classify_person_header(header)
        if kind and kind not in found:
            found[kind] = Column(index, kind, (header or '').strip())
    for kind, index in (mapping or {}).items():
        header = header_row[index] if index < len(header_row) else ''
        found[kind] = Column(index, kind, (header or '').strip() or _letter(index))
    mapping = mapping or {}
    surnames = {'first_surname', 'second_surname'} & found.keys()
    given = found.get('given_names')
    if (
        given is not None
        and not surnames
        and 'given_names' not in mapping
        and _joined(given.header) == 'nombre'
        and 'full_name' not in found
    ):
        # a lone «Nombre» usually holds the whole name
        found['full_name'] = Column(given.index, 'full_name', given.header)
        del found['given_names']
    if 'full_name' in found and ({'given_names'} | surnames) & found.keys() and 'full_name' not in mapping:
        del found['full_name']
    return found


def _letter(index):
    return Column(index, 'curp', '').letter


def _plain(text):
    text = unicodedata.normalize('NFKD', text)
    return ''.join(c for c in text if not unicodedata.combining(c)).upper()


def split_full_name(value, surnames_first=False):
    """(given, first surname, second surname) when *value* splits one way.

    Only three words, none a particle (DE, LA, DEL...), split without
    guessing: «Gloria Hernández García», or with *surnames_first*
    «Hernández García Gloria».  Anything else gives None.

    >>> split_full_name('Gloria Hernández García')
    ('Gloria', 'Hernández', 'García')
    >>> split_full_name('HERNANDEZ GARCIA GLORIA', surnames_first=True)
    ('GLORIA', 'HERNANDEZ', 'GARCIA')
    >>> split_full_name('María de la Luz Pérez') is None
    True
    """
    words = value.replace(',', ' ').split()
    if len(words) != 3 or any(_plain(w) in PARTICLES for w in words):
        return None
    if surnames_first:
        return words[2], words[0], words[1]
    return words[0], words[1], words[2]


_DATE_DMY = re.compile(
    r'\s*([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})'
    r'(?:\s+[0-9:.]+(?:\s*[ap]\.?\s*m\.?)?)?\s*\Z',
    re.I,
)
_DATE_YMD = re.compile(
    r'\s*([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})'
    r'(?:[ T][0-9:.]+)?\s*\Z'
)
_SEX = {
    'H': 'H',
    'HOMBRE': 'H',
    'MASCULINO': 'H',
    'MASC': 'H',
    'V': 'H',
    'VARON': 'H',
    'M': 'M',
    'MUJER': 'M',
    'FEMENINO': 'M',
    'FEM': 'M',
    'F': 'M',
    'X': 'X',
    'NO BINARIO': 'X',
    'NO BINARIE': 'X',
    'NB': 'X',
}


def parse_birth_date(value):
    """A date from dd/mm/aaaa, d-m-aaaa or aaaa-mm-dd (time of day ignored).

    Raises ValueError('format') or ValueError('range').

    >>> parse_birth_date('7/3/2007'), parse_birth_date('2007-03-07 00:00:00')
    (datetime.date(2007, 3, 7), datetime.date(2007, 3, 7))
    """
    m = _DATE_DMY.match(value)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _DATE_YMD.match(value)
        if not m:
            raise ValueError('format')
        year, month, day = (int(g) for g in m.groups())
    try:
        d = datetime.date(year, month, day)
    except ValueError:
        raise ValueError('range') from None
    if not 1900 <= d.year <= 2099:
        raise ValueError('range')
    return d


_DUMMY = '#' * 18  # matches nothing: compare() lists every position


class _Field:
    """What one column's cells imply for the CURP, cached per distinct cell.

    ``get(value)`` returns ``(key, argument)``: *key* is what the CURP's
    characters at the field's positions must be (a string, or None when
    the cell says nothing), *argument* what to hand ``compare``; or an
    :class:`Issue` factory when the cell cannot be understood.
    """

    LIMIT = 20_000  # distinct cells cached per column (a few MB); rarer ones recomputed

    def __init__(self, kind, column):
        self.kind = kind
        self.column = column
        self.positions = _POSITIONS[kind]
        self.cache = {}

    def get(self, value):
        r = self.cache.get(value)
        if r is None:
            r = self._compute(value)
            if len(self.cache) < self.LIMIT:
                self.cache[value] = r
        return r

    def _compute(self, value):
        kind = self.kind
        text = value.strip()
        if not text and kind != 'second_surname':
            return (None, None)  # an empty cell: nothing to compare
        arg = text
        if kind == 'birth_date':
            try:
                arg = parse_birth_date(text)
            except ValueError as exc:
                code = 'batch.birth_date' + ('_range' if str(exc) == 'range' else '')
                return ('error', code)
        elif kind == 'sex':
            arg = _SEX.get(' '.join(_plain(text).replace('.', ' ').split()))
            if arg is None:
                return ('error', 'batch.sex')
        try:
            mismatches = _curp.compare(_DUMMY, **{kind: arg})
        except InvalidInput:
            if kind == 'state':
                return ('error', 'batch.state')
            return (None, None)  # a name made of symbols: say nothing
        expected = {m['position']: m['expected'] for m in mismatches}
        key = ''.join(expected.get(p, '?') for p in self.positions)
        if kind == 'birth_date':  # position 16: digit or letter
            key = key[:6] + ('0' if key[6:] == '0-9' else 'A')
        return (key, arg)


class PersonCheck:
    """``check(row, curp_value)``: the issues of a row's CURP against its data.

    *columns* is ``{field: Column}`` (see :func:`find_person_columns`);
    *curp_column* the CURP's :class:`Column`.
    """

    def __init__(self, columns, curp_column, surnames_first=None):
        self.columns = dict(columns)
        self.curp_column = curp_column
        self.full = self.columns.pop('full_name', None)
        if self.full is not None and surnames_first is None:
            j = _joined(self.full.header)
            surnames_first = 'apellido' in j and ('nombre' not in j or j.index('apellido') < j.index('nombre'))
        self.surnames_first = bool(surnames_first)
        # a lone full-name column that does not split leaves nothing to compare
        self._full_only = self.full is not None and not self.columns
        kinds = list(self.columns)
        if self.full is not None:
            kinds = ['given_names', 'first_surname', 'second_surname'] + kinds
        self.fields = {k: _Field(k, self.columns.get(k, self.full)) for k in kinds}
        # (comparison code, column index or -1/-2/-3 for the full name's
        # given name/first/second surname, field)
        codes = {'first_surname': 0, 'second_surname': 1, 'given_names': 2, 'birth_date': 3, 'sex': 4, 'state': 5}
        parts = {'given_names': -3, 'first_surname': -2, 'second_surname': -1}
        self._plan = [
            (codes[k], self.columns[k].index if k in self.columns else parts[k], f) for k, f in self.fields.items()
        ]
        self.all_names = {'given_names', 'first_surname', 'second_surname'} <= self.fields.keys()
        self.need = max([c.index for c in self.columns.values()] + ([self.full.index] if self.full else [-1])) + 1

    def __bool__(self):
        return bool(self.fields)

    def row_check(self):
        """``check(row, curp_value)`` as fast as this check allows, with the
        same answers as calling the check itself.

        With a lone full-name column, a cell that does not split into three
        words (a list's «Alumno 123») compares nothing, so only the words
        are counted before the whole check runs.
        """
        if not self._full_only:
            return self.__call__
        index = self.full.index
        full = self.__call__

        def check(row, curp_value):
            if len(row) > index and len(row[index].replace(',', ' ').split()) == 3:
                return full(row, curp_value)
            return None

        return check

    def __call__(self, row, curp_value):
        """Issues (a list) or None for one row; *curp_value* as in the cell."""
        c = curp_value
        if len(c) != 18 or not c.isupper():
            c = _curp.compact(c) if c else ''
            if len(c) != 18:
                return None
        if len(row) < self.need:
            row = row + [''] * (self.need - len(row))
        named = None
        if self.full is not None:
            named = split_full_name(row[self.full.index], self.surnames_first)
            if named is None and self._full_only:
                return None
        # The hot path: per field one cached look-up and one or two slice
        # comparisons; values and arguments are gathered only on a mismatch.
        ok = True
        bad = None
        for code, index, field in self._plan:
            if index < 0:  # a part of the full name
                if named is None:
                    continue
                value = named[index + 3]
            else:
                value = row[index]
            r = field.cache.get(value)
            if r is None:
                r = field.get(value)
            key = r[0]
            if key is None:
                continue
            if key == 'error':
                bad = (bad or []) + [self._data_issue(field.kind, r[1], value)]
            elif not ok:
                continue
            elif code == 0:
                ok = c[0] == key[0] and c[1] == key[1] and c[13] == key[2]
            elif code == 1:
                ok = c[2] == key[0] and c[14] == key[1]
            elif code == 2:
                ok = c[3] == key[0] and c[15] == key[1]
            elif code == 3:
                ok = c[4:10] == key[:6] and (c[16] <= '9') == (key[6] == '0')
            elif code == 4:
                ok = c[10] == key
            else:
                ok = c[11:13] == key
        if ok and not (self.all_names and _curp.has_warnings(c)):
            return bad
        values, args = self._gather(row, named)
        if not args:
            return bad
        mismatches = self._compare(c, args)
        if mismatches:
            bad = (bad or []) + [self._mismatch(m, values, curp_value) for m in mismatches]
        return bad

    def _gather(self, row, named):
        """({field: cell text}, {field: compare() argument}) of one row."""
        values = {}
        if named is not None:
            values['given_names'], values['first_surname'], values['second_surname'] = named
        for kind, col in self.columns.items():
            values[kind] = row[col.index]
        args = {}
        for kind, value in values.items():
            key, arg = self.fields[kind].get(value)
            if key is not None and key != 'error':
                args[kind] = arg
        return values, args

    @staticmethod
    def _compare(c, args):
        try:
            return _curp.compare(c, **args)
        except InvalidInput:  # pragma: no cover - every field was accepted
            return []

    def _data_issue(self, kind, code, value):
        col = self.columns.get(kind, self.full)
        return Issue(col, 'warning', code, ISSUES[code].format(value=value.strip()[:40]), None, value)

    def _mismatch(self, m, values, curp_value):
        p = m['position']
        kind = _FIELD_OF[p]
        col = self.columns.get(kind, self.full)
        expected = m['expected']
        if p == 16:
            code, source = 'batch.curp_mismatch_kind', HOMOCLAVE[expected]
        elif p in (2, 14) and not values.get('second_surname', 'x').strip():
            code, source = 'batch.curp_mismatch', NO_SECOND_SURNAME
        elif p == 1 and expected == 'X' and 'X' not in values.get('first_surname', '').upper()[1:]:
            code, source = 'batch.curp_mismatch', INCONVENIENT
        else:
            code, source = 'batch.curp_mismatch', SOURCE[p]
        where = IN_COLUMN.format(the=ARTICLE.get(col.kind, 'el'), label=LABELS[col.kind], letter=col.letter)
        value = values.get(kind, '').strip() or '—'
        message = ISSUES[code].format(
            n=p + 1, found=m['found'], expected=expected, column=where, value=value[:40], source=source
        )
        return Issue(self.curp_column, 'invalid', 'batch.curp_mismatch', message, p, curp_value)


def resolve_mapping(header, mapping, header_row=1):
    """``{field: index}`` from ``--columnas``' ``{field: index or title}``.

    Titles match without case or accents; one that is not in the header
    raises :class:`BatchError` ``batch.mapping``.
    """
    from ..messages.lists import MAPPING

    titles = {}
    for index, title in enumerate(header):
        titles.setdefault(_joined(title), index)
    out = {}
    for field, column in (mapping or {}).items():
        if isinstance(column, int):
            out[field] = column
            continue
        index = titles.get(_joined(column))
        if index is None:
            label = LABELS.get(field, field.upper() if field != 'cp' else 'código postal')
            raise BatchError('batch.mapping', MAPPING['missing'].format(column=column, field=label, row=header_row))
        out[field] = index
    return out


def mapped_header(rows, mapping):
    """Index of the header row among *rows* when only ``--columnas`` knows it.

    With titles in *mapping*, the first row holding them all; with letters
    only, the first row that is not empty.  None when *mapping* names no
    CURP, NSS or CP column (there would be nothing to check).
    """
    if not mapping or not {'curp', 'nss', 'cp'} & mapping.keys():
        return None
    titles = {_joined(v) for v in mapping.values() if isinstance(v, str)}
    for index, row in enumerate(rows):
        cells = {_joined(c) for c in row}
        if titles <= cells if titles else any(c.strip() for c in row):
            return index
    return None


def apply_kind_mapping(columns, header, mapping):
    """Point the CURP/NSS/CP columns where ``--columnas`` says (in place)."""
    for kind in ('curp', 'nss', 'cp'):
        if kind not in mapping:
            continue
        index = mapping[kind]
        columns[:] = [c for c in columns if c.kind != kind and c.index != index]
        title = header[index].strip() if index < len(header) else ''
        columns.append(Column(index, kind, title or _letter(index), True))
    columns.sort(key=lambda c: c.index)


def person_check(header, columns, mapping=None, header_row=1):
    """The :class:`PersonCheck` for a header row, or None without data.

    *columns* are the run's CURP/NSS/CP columns; *mapping* ``{field: index
    or title}`` (from ``--columnas``) names columns explicitly (CURP, NSS
    and CP ones are changed in *columns* itself).
    """
    mapping = resolve_mapping(header, mapping, header_row)
    apply_kind_mapping(columns, header, mapping)
    curp = next((c for c in columns if c.kind == 'curp' and c.primary), None)
    if curp is None:
        return None
    mapping = {k: v for k, v in mapping.items() if k in PERSON_KINDS}
    found = find_person_columns(header, {c.index for c in columns}, mapping)
    check = PersonCheck(found, curp) if found else None
    return check if check else None


def report_lines(check):
    """The report's lines about what the CURP is compared with (once)."""
    from ..messages.person import REPORT

    if check is None:
        return []
    shown = dict(check.columns)
    if check.full is not None:
        shown['full_name'] = check.full
    order = [k for k in PERSON_KINDS if k in shown]
    fields = [f'{ARTICLE.get(k, "el")} {LABELS[k]}' for k in order]
    text = (
        (REPORT['compared_join'].join(fields[:-1]) + REPORT['compared_last'] + fields[-1])
        if len(fields) > 1
        else fields[0]
    )
    columns = REPORT['compared_join'].join(
        REPORT['column'].format(letter=shown[k].letter, header=shown[k].header) for k in order
    )
    lines = [REPORT['compared'].format(fields=text, columns=columns)]
    have = set(check.fields)
    missing = [
        LABELS[k]
        for k in ('given_names', 'first_surname', 'second_surname', 'birth_date', 'sex', 'state')
        if k not in have
    ]
    if missing:
        lines.append(REPORT['not_compared'].format(fields=REPORT['not_compared_join'].join(missing)))
    if check.full is not None:
        lines.append(REPORT['full_name'])
    return lines
