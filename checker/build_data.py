"""Build the postal-code data that :mod:`checker.postal` reads.

Run from the repository root::

    python -m checker.build_data                      # offline default (pinned packages)
    python -m checker.build_data --sepomex CPdescarga.txt [--date YYYY-MM-DD]

Standard library only; this module is a build step and is never shipped to the
browser.

Sources
-------
Default mode merges two catalogues taken from pinned PyPI packages:

* ``satcfdi==26.10.1``: the SAT's CFDI catalogues ``c_CodigoPostal``,
  ``c_Colonia``, ``c_Municipio`` and ``c_Localidad`` (about 2019), stored in
  ``satcfdi/catalogs/catalogs.db`` inside the wheel. The wheel is fetched with
  ``pip download --no-deps`` (cached in ``.downloads/``) and never installed;
  the SQLite file is read with :mod:`sqlite3`. Keys and values are pickles of
  plain str/list/tuple; they are read with :class:`SafeUnpickler`, which
  refuses every class, so a tampered file cannot run code.
  ``c_CodigoPostal`` pads whole blocks of 1,000 codes: a code exists only
  where it has a municipality (``00000``, with municipality ``000``, is a
  placeholder and is dropped).
* ``postalcodes-mexico==0.4.2``: the SEPOMEX (Correos de México) export of
  March 2018, an SQLite table ``places`` inside the installed package.

Merge rules (documented in ``meta.json`` too):

* the set of codes is the union of both catalogues;
* the state must agree on every shared code; any disagreement is printed
  loudly (there are none with the pinned versions) and SEPOMEX wins;
* for a code present in SEPOMEX 2018 its municipality, city and settlements
  come from SEPOMEX (official postal names, with settlement types);
  differences with the SAT are printed;
* codes only in the SAT catalogue (newer than March 2018) are added with the
  SAT's municipality, locality (as city) and colonias; the SAT does not give
  settlement types, so their type is ``""``.

``--sepomex FILE`` imports the official SEPOMEX download ``CPdescarga.txt``
alone (Latin-1, CRLF possible, a notice line, a header line, 15 ``|``
separated columns; see ``shared/formats/sepomex.md``). That is how a
maintainer refreshes the data. The catalogue date is ``--date``, else a date
found in the notice line, else the file's modification date.

Output (``checker/data/postal/`` by default; deterministic, byte-identical
across runs):

* ``meta.json``: catalogue date, sources, merge rules, counts, shard list;
* ``index.bin``: existence bitmap of the 100,000 codes ``00000``-``99999``,
  zlib-compressed; bit ``n`` (byte ``n >> 3``, bit ``n & 7``, least
  significant first) is set when code ``n`` exists;
* ``states.json``: INEGI key -> name, SAT key, CURP key, 2-digit prefixes;
* ``NN.json``: one shard per 2-digit prefix, compact JSON::

      {"format": 1, "prefix": "44", "state": "14", "state_name": "Jalisco",
       "places": [...],   # municipality and city names
       "types": [...],    # settlement types
       "codes": {"100": [[municipality, ...], city, type, [name, ...], type, [name, ...], ...]}}

  keyed by the last 3 digits; municipalities and city index ``places`` (city
  -1 when the code has none); each settlement type (an index into ``types``)
  is followed by the names of that type. Settlement names are inline: gzip
  compresses them better than a table of references.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import io
import json
import os
import pickle
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

SATCFDI_VERSION = "26.10.1"
SATCFDI_WHEEL = f"satcfdi-{SATCFDI_VERSION}-py3-none-any.whl"
SATCFDI_DB = "satcfdi/catalogs/catalogs.db"
POSTALCODES_MEXICO_VERSION = "0.4.2"

#: Catalogue date of the default (pinned packages) build. The SAT catalogue
#: in satcfdi carries no date of its own; it matches SAT's c_CodigoPostal of
#: about 2019, later than the SEPOMEX export of March 2018 it completes.
DEFAULT_CATALOGUE_DATE = "2019-01-01"
DEFAULT_SOURCE = (
    f"SAT c_CodigoPostal, c_Colonia, c_Municipio y c_Localidad (hacia 2019; paquete satcfdi {SATCFDI_VERSION}) "
    f"completado con la exportación de SEPOMEX / Correos de México de marzo de 2018 "
    f"(paquete postalcodes-mexico {POSTALCODES_MEXICO_VERSION})"
)

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(__file__).resolve().parent / "data" / "postal"
DEFAULT_DOWNLOADS = REPO_ROOT / ".downloads"

#: (INEGI key, SAT key, CURP key, official SEPOMEX name)
STATES = (
    ("01", "AGU", "AS", "Aguascalientes"),
    ("02", "BCN", "BC", "Baja California"),
    ("03", "BCS", "BS", "Baja California Sur"),
    ("04", "CAM", "CC", "Campeche"),
    ("05", "COA", "CL", "Coahuila de Zaragoza"),
    ("06", "COL", "CM", "Colima"),
    ("07", "CHP", "CS", "Chiapas"),
    ("08", "CHH", "CH", "Chihuahua"),
    ("09", "CMX", "DF", "Ciudad de México"),
    ("10", "DUR", "DG", "Durango"),
    ("11", "GUA", "GT", "Guanajuato"),
    ("12", "GRO", "GR", "Guerrero"),
    ("13", "HID", "HG", "Hidalgo"),
    ("14", "JAL", "JC", "Jalisco"),
    ("15", "MEX", "MC", "México"),
    ("16", "MIC", "MN", "Michoacán de Ocampo"),
    ("17", "MOR", "MS", "Morelos"),
    ("18", "NAY", "NT", "Nayarit"),
    ("19", "NLE", "NL", "Nuevo León"),
    ("20", "OAX", "OC", "Oaxaca"),
    ("21", "PUE", "PL", "Puebla"),
    ("22", "QUE", "QT", "Querétaro"),
    ("23", "ROO", "QR", "Quintana Roo"),
    ("24", "SLP", "SP", "San Luis Potosí"),
    ("25", "SIN", "SL", "Sinaloa"),
    ("26", "SON", "SR", "Sonora"),
    ("27", "TAB", "TC", "Tabasco"),
    ("28", "TAM", "TS", "Tamaulipas"),
    ("29", "TLA", "TL", "Tlaxcala"),
    ("30", "VER", "VZ", "Veracruz de Ignacio de la Llave"),
    ("31", "YUC", "YN", "Yucatán"),
    ("32", "ZAC", "ZS", "Zacatecas"),
)
STATE_BY_SAT = {sat: inegi for inegi, sat, _, _ in STATES}
STATE_BY_NAME = {name: inegi for inegi, _, _, name in STATES}
STATE_NAME = {inegi: name for inegi, _, _, name in STATES}

SEPOMEX_COLUMNS = (
    "d_codigo", "d_asenta", "d_tipo_asenta", "D_mnpio", "d_estado", "d_ciudad", "d_CP",
    "c_estado", "c_oficina", "c_CP", "c_tipo_asenta", "c_mnpio", "id_asenta_cpcons",
    "d_zona", "c_cve_ciudad",
)

_CODE_RE = re.compile(r"^[0-9]{5}$")


class DataError(Exception):
    """A source file is not in the expected shape."""


# --------------------------------------------------------------------------
# Safe pickle reading


class SafeUnpickler(pickle.Unpickler):
    """An unpickler for plain data only: it refuses every class.

    str, int, float, bool, None, list, tuple and dict (and, from protocol 3
    or 4 on, bytes and sets) need no class lookup, so they load; anything
    that names a class or function (``os.system``, ``builtins.eval``, a
    dataclass, ...) is refused.

    >>> safe_loads(pickle.dumps(["01000", ("a", 1)], protocol=4))
    ['01000', ('a', 1)]
    """

    def find_class(self, module, name):  # noqa: D401 - pickle API
        raise pickle.UnpicklingError(f"refusing to load class {module}.{name}")


def safe_loads(data: bytes):
    """Unpickle plain data with :class:`SafeUnpickler`."""
    return SafeUnpickler(io.BytesIO(data)).load()


# --------------------------------------------------------------------------
# The merged record


@dataclass
class Entry:
    state: str  # INEGI key, 2 digits
    municipalities: list = field(default_factory=list)
    city: str = ""
    settlements: list = field(default_factory=list)  # [(name, type)]


def _clean(text: str) -> str:
    """Collapse white space and normalise to NFC."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def _sort_key(text: str):
    folded = unicodedata.normalize("NFKD", text.casefold())
    return ("".join(c for c in folded if not unicodedata.combining(c)), text)


def _finish(entry: Entry) -> Entry:
    """Deduplicate and sort settlements and municipalities deterministically."""
    seen = set()
    settlements = []
    for name, kind in entry.settlements:
        pair = (_clean(name), _clean(kind))
        if pair[0] and pair not in seen:
            seen.add(pair)
            settlements.append(pair)
    settlements.sort(key=lambda p: (_sort_key(p[1]), _sort_key(p[0])))
    entry.settlements = settlements
    entry.municipalities = sorted({_clean(m) for m in entry.municipalities if _clean(m)}, key=_sort_key)
    entry.city = _clean(entry.city)
    return entry


# --------------------------------------------------------------------------
# SAT catalogues (satcfdi wheel)


def fetch_satcfdi_wheel(downloads: Path = DEFAULT_DOWNLOADS) -> Path:
    """Return the pinned satcfdi wheel, downloading it with pip when missing."""
    wheel = downloads / SATCFDI_WHEEL
    if wheel.is_file():
        return wheel
    downloads.mkdir(parents=True, exist_ok=True)
    print(f"descargando {SATCFDI_WHEEL} con pip (solo la rueda, sin dependencias)...", file=sys.stderr)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
         "--disable-pip-version-check", "--quiet",
         f"satcfdi=={SATCFDI_VERSION}", "-d", str(downloads)],
        check=True,
    )
    if not wheel.is_file():
        raise DataError(f"pip did not produce {wheel}")
    return wheel


def _read_table(conn: sqlite3.Connection, table: str) -> dict:
    out = {}
    for key, value in conn.execute(f'SELECT key, value FROM "{table}"'):
        out[safe_loads(key)] = safe_loads(value)
    return out


def read_sat_db(db_path: Path) -> dict:
    """Read the SAT catalogues from satcfdi's catalogs.db -> {code: Entry}."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def pick(suffix: str) -> str:
            found = sorted(t for t in tables if t.endswith("_" + suffix))
            if not found:
                raise DataError(f"no table *_{suffix} in {db_path}")
            return found[-1]

        codes = _read_table(conn, pick("c_CodigoPostal"))
        colonias = _read_table(conn, pick("c_Colonia"))
        municipios = _read_table(conn, pick("c_Municipio"))
        localidades = _read_table(conn, pick("c_Localidad"))
    finally:
        conn.close()

    result = {}
    for code, row in codes.items():
        # row: [state, municipality, locality, border-zone flag, time zone]
        if not (isinstance(code, str) and _CODE_RE.match(code) and isinstance(row, (list, tuple))):
            raise DataError(f"unexpected c_CodigoPostal row {code!r}: {row!r}")
        sat_state, mun, loc = row[0], row[1], row[2]
        if not mun or (mun, sat_state) not in municipios:
            continue  # padding of a 1,000 block, or the 00000 placeholder
        state = STATE_BY_SAT.get(sat_state)
        if state is None:
            raise DataError(f"unknown SAT state {sat_state!r} for {code}")
        result[code] = Entry(
            state=state,
            municipalities=[municipios[(mun, sat_state)]],
            city=localidades.get((loc, sat_state), "") if loc else "",
        )
    for key, name in colonias.items():
        # key: (colonia id, code)
        if isinstance(key, tuple) and len(key) == 2 and key[1] in result:
            result[key[1]].settlements.append((name, ""))
    return result


def read_sat(downloads: Path = DEFAULT_DOWNLOADS) -> dict:
    wheel = fetch_satcfdi_wheel(downloads)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "catalogs.db"
        with zipfile.ZipFile(wheel) as zf, zf.open(SATCFDI_DB) as src, open(db_path, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        return read_sat_db(db_path)


# --------------------------------------------------------------------------
# SEPOMEX 2018 (postalcodes-mexico package)


def find_postalcodes_mexico_db() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("postalcodes_mexico")
    if spec is None or not spec.submodule_search_locations:
        raise DataError(
            f"postalcodes-mexico=={POSTALCODES_MEXICO_VERSION} is not installed "
            "(pip install -r requirements.txt)"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "data" / "postalcodes.sqlite3"
        if candidate.is_file():
            return candidate
    raise DataError("postalcodes-mexico has no data/postalcodes.sqlite3")


def read_postalcodes_mexico(db_path: Path | None = None) -> dict:
    """Read the SEPOMEX 2018 export shipped by postalcodes-mexico -> {code: Entry}."""
    db_path = db_path or find_postalcodes_mexico_db()
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT cp, place, place_type, municipality, city, state FROM places ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return _group_rows(
        (cp, place, kind, mun, city, STATE_BY_NAME.get(_clean(state)) or _unknown_state(state, cp))
        for cp, place, kind, mun, city, state in rows
    )


def _unknown_state(name, code):
    raise DataError(f"unknown state name {name!r} for code {code}")


def _group_rows(rows) -> dict:
    """rows of (code, settlement, type, municipality, city, state key) -> {code: Entry}."""
    result = {}
    cities = collections.defaultdict(collections.Counter)
    for code, name, kind, mun, city, state in rows:
        code = str(code).strip()
        if len(code) == 4 and code.isdigit():
            code = "0" + code
        if not _CODE_RE.match(code):
            raise DataError(f"bad postal code {code!r}")
        entry = result.get(code)
        if entry is None:
            entry = result[code] = Entry(state=state)
        elif entry.state != state:
            print(f"!!! {code}: settlements in two states ({entry.state} and {state}); keeping {entry.state}",
                  file=sys.stderr)
        if mun:
            entry.municipalities.append(mun)
        if _clean(city):
            cities[code][_clean(city)] += 1
        entry.settlements.append((name, kind or ""))
    for code, counter in cities.items():
        # the most frequent city; several distinct cities are joined
        names = sorted(counter, key=lambda c: (-counter[c], _sort_key(c)))
        result[code].city = " / ".join(names)
    return result


# --------------------------------------------------------------------------
# The official SEPOMEX download (CPdescarga.txt)

_DATE_PATTERNS = (
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), (3, 2, 1)),
    (re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})"), (3, 2, 1)),
)
_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_SPANISH_DATE = re.compile(r"(\d{1,2})\s+de\s+([a-záéíóú]+)\s+(?:de|del)\s+(\d{4})", re.IGNORECASE)


def date_from_notice(notice: str) -> str | None:
    """Find a date in the SEPOMEX notice line, as ISO ``YYYY-MM-DD``.

    >>> date_from_notice("Catálogo actualizado al 15 de marzo de 2024")
    '2024-03-15'
    >>> date_from_notice("Actualizado: 02/01/2025") is None
    False
    >>> date_from_notice("sin fecha") is None
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


def read_sepomex_file(path: Path) -> tuple[dict, str, dict]:
    """Read ``CPdescarga.txt`` -> ({code: Entry}, notice line, {state key: name})."""
    text = Path(path).read_bytes().decode("latin-1")
    lines = text.splitlines()
    if len(lines) < 2:
        raise DataError(f"{path}: expected a notice line and a header line")
    notice, header = lines[0].strip(), lines[1].strip()
    columns = [c.strip() for c in header.split("|")]
    lower = [c.lower() for c in columns]
    missing = [c for c in SEPOMEX_COLUMNS if c.lower() not in lower]
    if missing:
        raise DataError(f"{path}: header line 2 lacks column(s) {', '.join(missing)}: {header!r}")
    at = {c: lower.index(c.lower()) for c in SEPOMEX_COLUMNS}
    state_names = {}
    rows = []
    for number, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        fields = line.split("|")
        if len(fields) < len(columns):
            fields += [""] * (len(columns) - len(fields))
        get = lambda name: fields[at[name]].strip()  # noqa: E731
        code, state_key = get("d_codigo"), get("c_estado").zfill(2)
        if not _CODE_RE.match(code.zfill(5)) or state_key not in STATE_NAME:
            raise DataError(f"{path}:{number}: bad postal code {code!r} or state key {state_key!r}")
        state_names.setdefault(state_key, _clean(get("d_estado")))
        rows.append((code.zfill(5), get("d_asenta"), get("d_tipo_asenta"), get("D_mnpio"),
                     get("d_ciudad"), state_key))
    if not rows:
        raise DataError(f"{path}: no settlements after the header")
    return _group_rows(rows), notice, state_names


# --------------------------------------------------------------------------
# Merge and cross-check


def _examples(items, n=5):
    items = list(items)
    return ", ".join(str(i) for i in items[:n]) + (" ..." if len(items) > n else "")


def merge(sat: dict, sep: dict, log=print) -> tuple[dict, dict]:
    """Merge SAT and SEPOMEX 2018 entries; print and return what differs."""
    sat_codes, sep_codes = set(sat), set(sep)
    shared = sorted(sat_codes & sep_codes)
    sat_only = sorted(sat_codes - sep_codes)
    sep_only = sorted(sep_codes - sat_codes)
    log(f"SAT c_CodigoPostal: {len(sat_codes):,} códigos; SEPOMEX 2018: {len(sep_codes):,}; "
        f"en ambos: {len(shared):,}")
    log(f"  solo en SAT (se agregan): {len(sat_only):,}  p. ej. {_examples(sat_only)}")
    log(f"  solo en SEPOMEX 2018 (se conservan): {len(sep_only):,}  p. ej. {_examples(sep_only)}")

    state_diff = [c for c in shared if sat[c].state != sep[c].state]
    if state_diff:
        bar = "!" * 72
        log(bar)
        log(f"!!! LOS ESTADOS NO COINCIDEN en {len(state_diff):,} códigos compartidos (gana SEPOMEX):")
        for c in state_diff[:10]:
            log(f"!!!   {c}: SAT {STATE_NAME[sat[c].state]} / SEPOMEX {STATE_NAME[sep[c].state]}")
        log(bar)
    else:
        log("  estados: coinciden en todos los códigos compartidos")

    mun_diff = [c for c in shared
                if set(map(_clean, sat[c].municipalities)) - set(map(_clean, sep[c].municipalities))]
    log(f"  municipio distinto: {len(mun_diff):,} códigos (gana SEPOMEX)  p. ej. " + _examples(
        f"{c} SAT {sat[c].municipalities[0]!r} / SEPOMEX {', '.join(sorted(set(sep[c].municipalities)))!r}"
        for c in mun_diff[:3]))
    city_diff = [c for c in shared
                 if _clean(sat[c].city) and _clean(sep[c].city) and _clean(sat[c].city) != _clean(sep[c].city)]
    log(f"  ciudad/localidad distinta: {len(city_diff):,} códigos (gana SEPOMEX)  p. ej. " + _examples(
        f"{c} SAT {sat[c].city!r} / SEPOMEX {sep[c].city!r}" for c in city_diff[:3]))
    set_diff = []
    for c in shared:
        a = {_clean(n) for n, _ in sat[c].settlements}
        b = {_clean(n) for n, _ in sep[c].settlements}
        if a != b:
            set_diff.append((c, sorted(a - b), sorted(b - a)))
    log(f"  asentamientos distintos: {len(set_diff):,} códigos (gana SEPOMEX, con tipos)  p. ej. " + _examples(
        f"{c} solo SAT {a[:2]} / solo SEPOMEX {b[:2]}" for c, a, b in set_diff[:3]))

    merged = {}
    for c in sorted(sat_codes | sep_codes):
        merged[c] = sep[c] if c in sep else sat[c]
    report = {
        "sat_codes": len(sat_codes),
        "sepomex_2018_codes": len(sep_codes),
        "shared_codes": len(shared),
        "sat_only_codes": len(sat_only),
        "sepomex_2018_only_codes": len(sep_only),
        "state_disagreements": len(state_diff),
        "municipality_differences": len(mun_diff),
        "city_differences": len(city_diff),
        "settlement_set_differences": len(set_diff),
    }
    return merged, report


# --------------------------------------------------------------------------
# Output


def _dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def build_shard(prefix: str, entries: dict, state_names: dict) -> bytes:
    """One prefix's codes as compact JSON (see the module docstring)."""
    states = {e.state for e in entries.values()}
    if len(states) != 1:
        raise DataError(f"prefix {prefix} spans states {sorted(states)}")
    state = states.pop()
    places = set()
    types = set()
    for e in entries.values():
        places.update(e.municipalities)
        if e.city:
            places.add(e.city)
        types.update(kind for _, kind in e.settlements)
    places = sorted(places, key=_sort_key)
    types = sorted(types, key=_sort_key)
    pi = {s: i for i, s in enumerate(places)}
    ti = {t: i for i, t in enumerate(types)}
    codes = {}
    for code, e in entries.items():
        record = [[pi[m] for m in e.municipalities], pi[e.city] if e.city else -1]
        for name, kind in e.settlements:  # sorted by type, then name
            if len(record) == 2 or record[-2] != ti[kind]:
                record += (ti[kind], [])
            record[-1].append(name)
        codes[code[2:]] = record
    return _dump({
        "codes": codes,
        "format": 1,
        "places": places,
        "prefix": prefix,
        "state": state,
        "state_name": state_names.get(state, STATE_NAME[state]),
        "types": types,
    })


def build_index(codes) -> bytes:
    bitmap = bytearray(100_000 // 8)
    for code in codes:
        n = int(code)
        bitmap[n >> 3] |= 1 << (n & 7)
    return zlib.compress(bytes(bitmap), 9)


def write_output(entries: dict, out: Path, *, catalogue_date: str, approximate: bool, source: str,
                 cross_check: dict | None = None, state_names: dict | None = None, notice: str = "",
                 log=print) -> dict:
    """Write meta.json, index.bin, states.json and the shards; return meta."""
    state_names = {**STATE_NAME, **(state_names or {})}
    entries = {c: _finish(e) for c, e in sorted(entries.items())}
    by_prefix = collections.defaultdict(dict)
    for code, e in entries.items():
        by_prefix[code[:2]][code] = e

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.json"):
        if re.fullmatch(r"\d\d\.json", old.name) and old.stem not in by_prefix:
            old.unlink()

    files = {}
    shard_sizes = []
    for prefix in sorted(by_prefix):
        data = build_shard(prefix, by_prefix[prefix], state_names)
        files[f"{prefix}.json"] = data
        shard_sizes.append((len(data), _gzip_size(data), prefix))
    index = build_index(entries)
    files["index.bin"] = index

    states = {}
    for inegi, sat, curp, name in STATES:
        states[inegi] = {"curp": curp, "name": state_names[inegi], "sat": sat,
                         "prefixes": sorted(p for p, es in by_prefix.items()
                                            if next(iter(es.values())).state == inegi)}
    files["states.json"] = _dump(states)

    settlements = sum(len(e.settlements) for e in entries.values())
    meta = {
        "catalogue_date": catalogue_date,
        "catalogue_date_approximate": approximate,
        "counts": {"codes": len(entries), "settlements": settlements, "shards": len(by_prefix),
                   "codes_without_settlements": sum(1 for e in entries.values() if not e.settlements)},
        "format": 1,
        "index": "index.bin: zlib; bitmap of 100000 bits, bit n (byte n>>3, bit n&7) set when code n exists",
        "merge": ("estado: SEPOMEX (deben coincidir); municipio, ciudad y asentamientos: SEPOMEX 2018 "
                  "donde existe el código, SAT para los códigos que solo tiene el SAT (sin tipo de asentamiento)")
        if cross_check is not None else "solo SEPOMEX",
        "shards": sorted(by_prefix),
        "source": source,
    }
    if cross_check is not None:
        meta["cross_check"] = cross_check
    if notice:
        meta["notice"] = notice
    files["meta.json"] = _dump(meta)

    for name, data in sorted(files.items()):
        path = out / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)

    raw = [s[0] for s in shard_sizes]
    gz = [s[1] for s in shard_sizes]
    log(f"códigos: {len(entries):,}; asentamientos: {settlements:,}; fragmentos: {len(by_prefix)}; "
        f"fecha del catálogo: {catalogue_date}{' (aprox.)' if approximate else ''}")
    bitmap_gz = _gzip_size(zlib.decompress(index))
    log(f"índice index.bin: {len(index):,} B (zlib; 12,500 B sin comprimir, {bitmap_gz:,} B gzip)")
    log(f"fragmentos: {sum(raw):,} B en total, {sum(gz):,} B gzip; promedio {sum(raw) // len(raw):,} B, "
        f"{sum(gz) // len(gz):,} B gzip; mayor {max(shard_sizes)[2]}.json {max(raw):,} B "
        f"({max(gz):,} B gzip); menor {min(shard_sizes)[2]}.json {min(raw):,} B")
    log(f"escrito en {out}")
    return meta


# --------------------------------------------------------------------------
# Command line


def _file_date(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).date().isoformat()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checker.build_data", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sepomex", type=Path, metavar="CPdescarga.txt",
                        help="import the official SEPOMEX download instead of the pinned packages")
    parser.add_argument("--date", help="catalogue date YYYY-MM-DD (with --sepomex)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output directory (default {DEFAULT_OUT})")
    parser.add_argument("--downloads", type=Path, default=DEFAULT_DOWNLOADS,
                        help="cache for the satcfdi wheel (default .downloads/)")
    args = parser.parse_args(argv)

    if args.date:
        try:
            args.date = datetime.strptime(args.date, "%Y-%m-%d").date().isoformat()
        except ValueError:
            parser.error("--date must be YYYY-MM-DD")

    try:
        if args.sepomex:
            entries, notice, state_names = read_sepomex_file(args.sepomex)
            date = args.date or date_from_notice(notice) or _file_date(args.sepomex)
            prefixes = collections.defaultdict(set)
            for code, e in entries.items():
                prefixes[code[:2]].add(e.state)
            split = {p: s for p, s in prefixes.items() if len(s) > 1}
            if split:
                print("!!! prefijos con más de un estado: " + _examples(sorted(split.items()), 10), file=sys.stderr)
                return 1
            write_output(entries, args.out, catalogue_date=date, approximate=False,
                         source=f"SEPOMEX / Correos de México, Catálogo Nacional de Códigos Postales "
                                f"({args.sepomex.name})",
                         state_names=state_names, notice=notice)
        else:
            if args.date:
                parser.error("--date only applies with --sepomex")
            sat = read_sat(args.downloads)
            sep = read_postalcodes_mexico()
            entries, report = merge(sat, sep)
            write_output(entries, args.out, catalogue_date=DEFAULT_CATALOGUE_DATE, approximate=True,
                         source=DEFAULT_SOURCE, cross_check=report)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
