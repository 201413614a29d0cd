"""The sources of the postal-code catalogue, each read into ``{code: Entry}``.

* :func:`read_sat`: the SAT's CFDI catalogues ``c_CodigoPostal``,
  ``c_Colonia``, ``c_Municipio`` and ``c_Localidad`` from the pinned wheel
  ``satcfdi==26.10.1`` (about 2019). The wheel is fetched with
  ``pip download --no-deps`` (cached in ``.downloads/``) and never installed;
  its SQLite file is read with :mod:`sqlite3`. Keys and values are pickles of
  plain str/list/tuple, read with :class:`SafeUnpickler`, which refuses every
  class, so a tampered file cannot run code. ``c_CodigoPostal`` pads whole
  blocks of 1,000 codes: a code exists only where it has a municipality
  (``00000``, municipality ``000``, is a placeholder and is dropped).
* :func:`read_postalcodes_mexico`: the SEPOMEX (Correos de México) export of
  March 2018 inside the installed package ``postalcodes-mexico==0.4.2``.
* :func:`read_sepomex_file`: the official download ``CPdescarga.txt`` (a
  notice line, a header line, 15 ``|``-separated columns, Latin-1; see
  ``shared/formats/sepomex.md``).
* :func:`read_snapshot` / :func:`write_snapshot`: an imported official file
  kept as ``update/data/sepomex.json.gz`` (what ``--sepomex`` leaves behind
  for later builds).

Standard library only.
"""

from __future__ import annotations

import collections
import functools
import gzip
import importlib.util
import io
import json
import pickle
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from checker._mexico import MONTHS
from checker._mexico import STATES as _MEXICO_STATES

SATCFDI_VERSION = '26.10.1'
SATCFDI_WHEEL = f'satcfdi-{SATCFDI_VERSION}-py3-none-any.whl'
SATCFDI_DB = 'satcfdi/catalogs/catalogs.db'
POSTALCODES_MEXICO_VERSION = '0.4.2'

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOWNLOADS = REPO_ROOT / '.downloads'

#: (INEGI key, SAT key, CURP key, official SEPOMEX name), from the project's one table of states
STATES = tuple((inegi, sat, curp, official) for inegi, sat, curp, _name, official in _MEXICO_STATES)
STATE_BY_SAT = {sat: inegi for inegi, sat, _, _ in STATES}
STATE_BY_NAME = {name: inegi for inegi, _, _, name in STATES}
STATE_NAME = {inegi: name for inegi, _, _, name in STATES}

SEPOMEX_COLUMNS = (
    'd_codigo',
    'd_asenta',
    'd_tipo_asenta',
    'D_mnpio',
    'd_estado',
    'd_ciudad',
    'd_CP',
    'c_estado',
    'c_oficina',
    'c_CP',
    'c_tipo_asenta',
    'c_mnpio',
    'id_asenta_cpcons',
    'd_zona',
    'c_cve_ciudad',
)

CODE_RE = re.compile(r'^[0-9]{5}$')


class DataError(Exception):
    """A source file is not in the expected shape."""


@dataclass
class Entry:
    """One postal code as one source (or the merge) has it."""

    state: str  # INEGI key, 2 digits
    municipalities: list = field(default_factory=list)
    city: str = ''
    settlements: list = field(default_factory=list)  # [(name, type)]
    former: list = field(default_factory=list)  # older municipality names, still matched
    former_cities: list = field(default_factory=list)  # older city names, still matched


@functools.lru_cache(maxsize=1 << 18)  # names repeat: a build cleans each one many times
def clean(text: str) -> str:
    """Collapse white space and normalise to NFC.

    >>> clean('  San  Pedro\\tTlaquepaque ')
    'San Pedro Tlaquepaque'
    """
    return ' '.join(unicodedata.normalize('NFC', text or '').split())


@functools.lru_cache(maxsize=1 << 18)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used to compare names across sources.

    >>> fold('Tecpatán') == fold('TECPATAN')
    True
    """
    folded = unicodedata.normalize('NFKD', clean(text).casefold())
    return ''.join(c for c in folded if not unicodedata.combining(c))


def sort_key(text: str):
    return (fold(text), text)


# --------------------------------------------------------------------------
# Safe pickle reading


class SafeUnpickler(pickle.Unpickler):
    """An unpickler for plain data only: it refuses every class.

    str, int, float, bool, None, list, tuple and dict (and, from protocol 3
    or 4 on, bytes and sets) need no class lookup, so they load; anything
    that names a class or function (``os.system``, ``builtins.eval``, a
    dataclass, ...) is refused.

    >>> safe_loads(pickle.dumps(['01000', ('a', 1)], protocol=4))
    ['01000', ('a', 1)]
    """

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f'refusing to load class {module}.{name}')


def safe_loads(data: bytes):
    """Unpickle plain data with :class:`SafeUnpickler`."""
    return SafeUnpickler(io.BytesIO(data)).load()


# --------------------------------------------------------------------------
# SAT catalogues (satcfdi wheel)


def fetch_satcfdi_wheel(downloads: Path = DEFAULT_DOWNLOADS) -> Path:
    """Return the pinned satcfdi wheel, downloading it with pip when missing."""
    wheel = downloads / SATCFDI_WHEEL
    if wheel.is_file():
        return wheel
    downloads.mkdir(parents=True, exist_ok=True)
    print(f'descargando {SATCFDI_WHEEL} con pip (solo la rueda, sin dependencias)...', file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            '-m',
            'pip',
            'download',
            '--no-deps',
            '--only-binary=:all:',
            '--disable-pip-version-check',
            '--quiet',
            f'satcfdi=={SATCFDI_VERSION}',
            '-d',
            str(downloads),
        ],
        check=True,
    )
    if not wheel.is_file():
        raise DataError(f'pip did not produce {wheel}')
    return wheel


def _read_table(conn: sqlite3.Connection, table: str) -> dict:
    return {safe_loads(key): safe_loads(value) for key, value in conn.execute(f'SELECT key, value FROM "{table}"')}


def read_sat_db(db_path: Path) -> dict:
    """Read the SAT catalogues from satcfdi's catalogs.db -> {code: Entry}."""
    conn = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def pick(suffix: str) -> str:
            found = sorted(t for t in tables if t.endswith('_' + suffix))
            if not found:
                raise DataError(f'no table *_{suffix} in {db_path}')
            return found[-1]

        codes = _read_table(conn, pick('c_CodigoPostal'))
        colonias = _read_table(conn, pick('c_Colonia'))
        municipios = _read_table(conn, pick('c_Municipio'))
        localidades = _read_table(conn, pick('c_Localidad'))
    finally:
        conn.close()

    result = {}
    for code, row in codes.items():
        # row: [state, municipality, locality, border-zone flag, time zone]
        if not (isinstance(code, str) and CODE_RE.match(code) and isinstance(row, (list, tuple))):
            raise DataError(f'unexpected c_CodigoPostal row {code!r}: {row!r}')
        sat_state, mun, loc = row[0], row[1], row[2]
        if not mun or (mun, sat_state) not in municipios:
            continue  # padding of a 1,000 block, or the 00000 placeholder
        state = STATE_BY_SAT.get(sat_state)
        if state is None:
            raise DataError(f'unknown SAT state {sat_state!r} for {code}')
        result[code] = Entry(
            state=state,
            municipalities=[municipios[(mun, sat_state)]],
            city=localidades.get((loc, sat_state), '') if loc else '',
        )
    for key, name in colonias.items():
        # key: (colonia id, code)
        if isinstance(key, tuple) and len(key) == 2 and key[1] in result:
            result[key[1]].settlements.append((name, ''))
    return result


def read_sat(downloads: Path = DEFAULT_DOWNLOADS) -> dict:
    wheel = fetch_satcfdi_wheel(downloads)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / 'catalogs.db'
        with zipfile.ZipFile(wheel) as zf, zf.open(SATCFDI_DB) as src, open(db_path, 'wb') as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        return read_sat_db(db_path)


# --------------------------------------------------------------------------
# SEPOMEX 2018 (postalcodes-mexico package)


def find_postalcodes_mexico_db() -> Path:
    spec = importlib.util.find_spec('postalcodes_mexico')
    if spec is None or not spec.submodule_search_locations:
        raise DataError(
            f'postalcodes-mexico=={POSTALCODES_MEXICO_VERSION} is not installed (pip install -r requirements.txt)'
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / 'data' / 'postalcodes.sqlite3'
        if candidate.is_file():
            return candidate
    raise DataError('postalcodes-mexico has no data/postalcodes.sqlite3')


def read_postalcodes_mexico(db_path: Path | None = None) -> dict:
    """Read the SEPOMEX 2018 export shipped by postalcodes-mexico -> {code: Entry}."""
    db_path = db_path or find_postalcodes_mexico_db()
    conn = sqlite3.connect(f'file:{db_path}?mode=ro', uri=True)
    try:
        rows = conn.execute(
            'SELECT cp, place, place_type, municipality, city, state FROM places ORDER BY rowid'
        ).fetchall()
    finally:
        conn.close()
    return group_rows(
        (cp, place, kind, mun, city, STATE_BY_NAME.get(clean(state)) or _unknown_state(state, cp))
        for cp, place, kind, mun, city, state in rows
    )


def _unknown_state(name, code):
    raise DataError(f'unknown state name {name!r} for code {code}')


def group_rows(rows) -> dict:
    """rows of (code, settlement, type, municipality, city, state key) -> {code: Entry}."""
    result = {}
    cities = collections.defaultdict(collections.Counter)
    for code, name, kind, mun, city, state in rows:
        code = str(code).strip()
        if len(code) == 4 and code.isdigit():
            code = '0' + code
        if not CODE_RE.match(code):
            raise DataError(f'bad postal code {code!r}')
        entry = result.get(code)
        if entry is None:
            entry = result[code] = Entry(state=state)
        elif entry.state != state:
            print(
                f'!!! {code}: settlements in two states ({entry.state} and {state}); keeping {entry.state}',
                file=sys.stderr,
            )
        if mun:
            entry.municipalities.append(mun)
        if clean(city):
            cities[code][clean(city)] += 1
        entry.settlements.append((name, kind or ''))
    for code, counter in cities.items():
        # the most frequent city; several distinct cities are joined
        names = sorted(counter, key=lambda c: (-counter[c], sort_key(c)))
        result[code].city = ' / '.join(names)
    return result


# --------------------------------------------------------------------------
# The official SEPOMEX download (CPdescarga.txt)

_DATE_PATTERNS = (
    (re.compile(r'(\d{4})-(\d{2})-(\d{2})'), (1, 2, 3)),
    (re.compile(r'(\d{1,2})/(\d{1,2})/(\d{4})'), (3, 2, 1)),
    (re.compile(r'(\d{1,2})-(\d{1,2})-(\d{4})'), (3, 2, 1)),
)
# SEPOMEX notices sometimes spell September «setiembre».
_MONTHS = {name: n for n, name in enumerate(MONTHS, 1)} | {'setiembre': 9}
_SPANISH_DATE = re.compile(r'(\d{1,2})\s+de\s+([a-záéíóú]+)\s+(?:de|del)\s+(\d{4})', re.IGNORECASE)


def date_from_notice(notice: str) -> str | None:
    """Find a date in the SEPOMEX notice line, as ISO ``YYYY-MM-DD``.

    >>> date_from_notice('Catálogo actualizado al 15 de marzo de 2024')
    '2024-03-15'
    >>> date_from_notice('Actualizado: 02/01/2025') is None
    False
    >>> date_from_notice('sin fecha') is None
    True
    """
    candidates = []
    for pattern, (y, m, d) in _DATE_PATTERNS:
        for match in pattern.finditer(notice):
            candidates.append((int(match.group(y)), int(match.group(m)), int(match.group(d))))
    for match in _SPANISH_DATE.finditer(notice):
        month = _MONTHS.get(match.group(2).lower())
        if month:
            candidates.append((int(match.group(3)), month, int(match.group(1))))
    for year, month, day in candidates:
        try:
            return datetime(year, month, day).date().isoformat()
        except ValueError:
            continue
    return None


def decode_sepomex(raw: bytes) -> str:
    """The file's text: Latin-1 as Correos publishes it, UTF-8 if re-saved so.

    A Latin-1 file with accents is almost never valid UTF-8, so trying UTF-8
    first cannot turn «México» into «MÃ©xico».

    >>> decode_sepomex('México'.encode('latin-1')), decode_sepomex('México'.encode('utf-8'))
    ('México', 'México')
    """
    try:
        return raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        return raw.decode('latin-1')


def parse_sepomex(text: str, name: str = 'CPdescarga.txt') -> tuple[dict, str, dict]:
    """Parse the file's text -> ({code: Entry}, notice line, {state key: name})."""
    lines = text.splitlines()
    if len(lines) < 2:
        raise DataError(f'{name}: expected a notice line and a header line')
    notice, header = lines[0].strip(), lines[1].strip()
    columns = [c.strip() for c in header.split('|')]
    lower = [c.lower() for c in columns]
    missing = [c for c in SEPOMEX_COLUMNS if c.lower() not in lower]
    if missing:
        raise DataError(f'{name}: header line 2 lacks column(s) {", ".join(missing)}: {header[:120]!r}')
    at = {c: lower.index(c.lower()) for c in SEPOMEX_COLUMNS}
    state_names = {}
    rows = []
    for number, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        fields = line.split('|')
        if len(fields) < len(columns):
            # a cut-off download ends in a short line
            raise DataError(f'{name}:{number}: {len(fields)} columns instead of {len(columns)} (truncated file?)')
        code, state_key = fields[at['d_codigo']].strip(), fields[at['c_estado']].strip().zfill(2)
        if not CODE_RE.match(code.zfill(5)) or state_key not in STATE_NAME:
            raise DataError(f'{name}:{number}: bad postal code {code!r} or state key {state_key!r}')
        state_names.setdefault(state_key, clean(fields[at['d_estado']]))
        rows.append(
            (
                code.zfill(5),
                fields[at['d_asenta']].strip(),
                fields[at['d_tipo_asenta']].strip(),
                fields[at['D_mnpio']].strip(),
                fields[at['d_ciudad']].strip(),
                state_key,
            )
        )
    if not rows:
        raise DataError(f'{name}: no settlements after the header')
    return group_rows(rows), notice, state_names


def read_sepomex_file(path: Path) -> tuple[dict, str, dict]:
    """Read ``CPdescarga.txt`` -> ({code: Entry}, notice line, {state key: name})."""
    return parse_sepomex(decode_sepomex(Path(path).read_bytes()), str(path))


# --------------------------------------------------------------------------
# The imported official catalogue, kept for later builds


@dataclass
class Snapshot:
    """An imported official file: its entries and where they came from."""

    entries: dict
    date: str
    notice: str = ''
    state_names: dict = field(default_factory=dict)
    file_name: str = 'CPdescarga.txt'
    sha256: str = ''


def write_snapshot(snapshot: Snapshot, path: Path) -> bool:
    """Write the snapshot (gzip, deterministic); return whether it changed."""
    codes = {}
    for code, e in sorted(snapshot.entries.items()):
        codes[code] = [
            e.state,
            sorted(set(map(clean, e.municipalities)), key=sort_key),
            clean(e.city),
            sorted({(clean(n), clean(k)) for n, k in e.settlements}, key=lambda p: (sort_key(p[1]), sort_key(p[0]))),
        ]
    body = json.dumps(
        {
            'codes': codes,
            'date': snapshot.date,
            'file_name': snapshot.file_name,
            'format': 1,
            'notice': snapshot.notice,
            'sha256': snapshot.sha256,
            'state_names': snapshot.state_names,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(',', ':'),
    ).encode('utf-8')
    data = gzip.compress(body, compresslevel=9, mtime=0)
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def read_snapshot(path: Path) -> Snapshot | None:
    """The snapshot at ``path``, or ``None`` when there is none."""
    if not path.is_file():
        return None
    try:
        raw = json.loads(gzip.decompress(path.read_bytes()))
        entries = {
            code: Entry(state=s, municipalities=list(m), city=c, settlements=[tuple(p) for p in st])
            for code, (s, m, c, st) in raw['codes'].items()
        }
        return Snapshot(
            entries=entries,
            date=raw['date'],
            notice=raw.get('notice', ''),
            state_names=raw.get('state_names', {}),
            file_name=raw.get('file_name', 'CPdescarga.txt'),
            sha256=raw.get('sha256', ''),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(f'{path}: not a snapshot written by update.postal ({exc})') from None
