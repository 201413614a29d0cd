"""Write the postal catalogue that :mod:`checker.postal` reads, and read it back.

Output (``checker/data/postal/`` by default; deterministic, byte-identical
across runs):

* ``meta.json``: catalogue date, sources (newest first), merge rules,
  counts, the state of each 2-digit prefix, shard list;
* ``index.bin``: existence bitmap of the 100,000 codes ``00000``-``99999``,
  zlib-compressed; bit ``n`` (byte ``n >> 3``, bit ``n & 7``, least
  significant first) is set when code ``n`` exists;
* ``states.json``: INEGI key -> name, SAT key, CURP key, 2-digit prefixes;
* ``NN.json``: one shard per 2-digit prefix, compact JSON::

      {"format": 1, "prefix": "44", "state": "14", "state_name": "Jalisco",
       "places": [...],   # municipality and city names
       "types": [...],    # settlement types
       "codes": {"100": [[municipality, ...], city, type, [name, ...], type, [name, ...], ...]},
       "former": {"600": [place, ...]}}

  keyed by the last 3 digits; municipalities and city index ``places`` (city
  -1 when the code has none); the municipalities list the current names
  first, then the former ones; ``former`` names every older name of the
  code's municipality or city (still matched); each settlement type (an index
  into ``types``) is followed by the names of that type. Settlement names are
  inline: gzip compresses them better than a table of references.
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import zlib
from pathlib import Path

from .postal_sources import STATE_NAME, STATES, DataError, Entry, clean, fold, sort_key

__all__ = ['write_output', 'read_output']


def _dump(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(',', ':')).encode('utf-8')


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def finish(entry: Entry) -> Entry:
    """Deduplicate and sort settlements and names deterministically."""
    seen = set()
    settlements = []
    for name, kind in entry.settlements:
        pair = (clean(name), clean(kind))
        if pair[0] and pair not in seen:
            seen.add(pair)
            settlements.append(pair)
    settlements.sort(key=lambda p: (sort_key(p[1]), sort_key(p[0])))
    current = sorted({clean(m) for m in entry.municipalities if clean(m)}, key=sort_key)
    taken = {fold(m) for m in current} | {fold(entry.city)}

    def older(names):
        return sorted({clean(n) for n in names if clean(n) and fold(n) not in taken}, key=sort_key)

    return Entry(
        state=entry.state,
        municipalities=current,
        city=clean(entry.city),
        settlements=settlements,
        former=older(entry.former),
        former_cities=older(entry.former_cities),
    )


def build_shard(prefix: str, entries: dict, state_names: dict) -> bytes:
    """One prefix's codes as compact JSON (see the module docstring)."""
    states = {e.state for e in entries.values()}
    if len(states) != 1:
        raise DataError(f'prefix {prefix} spans states {sorted(states)}')
    state = states.pop()
    places, types = set(), set()
    for e in entries.values():
        places.update(e.municipalities, e.former, e.former_cities)
        if e.city:
            places.add(e.city)
        types.update(kind for _, kind in e.settlements)
    places = sorted(places, key=sort_key)
    types = sorted(types, key=sort_key)
    pi = {s: i for i, s in enumerate(places)}
    ti = {t: i for i, t in enumerate(types)}
    codes, former = {}, {}
    for code, e in entries.items():
        record = [[pi[m] for m in e.municipalities + e.former], pi[e.city] if e.city else -1]
        for name, kind in e.settlements:  # sorted by type, then name
            if len(record) == 2 or record[-2] != ti[kind]:
                record += (ti[kind], [])
            record[-1].append(name)
        codes[code[2:]] = record
        if e.former or e.former_cities:
            former[code[2:]] = [pi[m] for m in e.former + e.former_cities]
    shard = {
        'codes': codes,
        'format': 1,
        'places': places,
        'prefix': prefix,
        'state': state,
        'state_name': state_names.get(state, STATE_NAME[state]),
        'types': types,
    }
    if former:
        shard['former'] = former
    return _dump(shard)


def build_index(codes) -> bytes:
    bitmap = bytearray(100_000 // 8)
    for code in codes:
        n = int(code)
        bitmap[n >> 3] |= 1 << (n & 7)
    return zlib.compress(bytes(bitmap), 9)


def write_output(
    entries: dict,
    out: Path,
    *,
    catalogue_date: str,
    precision: str,
    sources: list,
    merge_rules: str,
    report: dict | None = None,
    state_names: dict | None = None,
    notice: str = '',
    log=print,
) -> dict:
    """Write meta.json, index.bin, states.json and the shards; return meta.

    ``precision`` of the date: ``day``, ``month`` or ``year`` (approximate);
    ``sources``: ``[{"name", "short", "date", "precision", ...}]``, newest first.
    """
    state_names = {**STATE_NAME, **(state_names or {})}
    entries = {c: finish(e) for c, e in sorted(entries.items())}
    by_prefix = collections.defaultdict(dict)
    for code, e in entries.items():
        by_prefix[code[:2]][code] = e

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob('*.json'):
        if re.fullmatch(r'\d\d\.json', old.name) and old.stem not in by_prefix:
            old.unlink()

    files = {}
    shard_sizes = []
    prefix_states = {}
    for prefix in sorted(by_prefix):
        data = build_shard(prefix, by_prefix[prefix], state_names)
        files[f'{prefix}.json'] = data
        shard_sizes.append((len(data), _gzip_size(data), prefix))
        prefix_states[prefix] = next(iter(by_prefix[prefix].values())).state
    index = build_index(entries)
    files['index.bin'] = index

    states = {}
    for inegi, sat, curp, _name in STATES:
        states[inegi] = {
            'curp': curp,
            'name': state_names[inegi],
            'sat': sat,
            'prefixes': sorted(p for p, s in prefix_states.items() if s == inegi),
        }
    files['states.json'] = _dump(states)

    settlements = sum(len(e.settlements) for e in entries.values())
    meta = {
        'catalogue_date': catalogue_date,
        'catalogue_date_approximate': precision != 'day',
        'catalogue_date_precision': precision,
        'counts': {
            'codes': len(entries),
            'settlements': settlements,
            'shards': len(by_prefix),
            'codes_without_settlements': sum(1 for e in entries.values() if not e.settlements),
            'codes_with_former_names': sum(1 for e in entries.values() if e.former or e.former_cities),
        },
        'format': 1,
        'index': 'index.bin: zlib; bitmap of 100000 bits, bit n (byte n>>3, bit n&7) set when code n exists',
        'merge': merge_rules,
        'prefix_states': prefix_states,
        'shards': sorted(by_prefix),
        'source': '; '.join(s['name'] for s in sources),
        'sources': sources,
        'state_names': {key: state_names[key] for key in sorted(set(prefix_states.values()))},
    }
    if report is not None:
        meta['cross_check'] = report
    if notice:
        meta['notice'] = notice
    files['meta.json'] = _dump(meta)

    for name, data in sorted(files.items()):
        path = out / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)

    raw = [s[0] for s in shard_sizes]
    gz = [s[1] for s in shard_sizes]
    log(
        f'códigos: {len(entries):,}; asentamientos: {settlements:,}; fragmentos: {len(by_prefix)}; '
        f'fecha del catálogo: {catalogue_date}{"" if precision == "day" else " (aprox.)"}'
    )
    log(
        f'índice index.bin: {len(index):,} B (zlib; 12,500 B sin comprimir, '
        f'{_gzip_size(zlib.decompress(index)):,} B gzip)'
    )
    log(
        f'fragmentos: {sum(raw):,} B en total, {sum(gz):,} B gzip; promedio {sum(raw) // len(raw):,} B, '
        f'{sum(gz) // len(gz):,} B gzip; mayor {max(shard_sizes)[2]}.json {max(raw):,} B '
        f'({max(gz):,} B gzip); menor {min(shard_sizes)[2]}.json {min(raw):,} B'
    )
    log(f'escrito en {out}')
    return meta


def read_output(out: Path) -> dict | None:
    """The catalogue a previous build wrote in ``out`` -> {code: Entry}, or ``None``."""
    meta_path = out / 'meta.json'
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_bytes())
        entries = {}
        for prefix in meta['shards']:
            shard = json.loads((out / f'{prefix}.json').read_bytes())
            places, types = shard['places'], shard['types']
            for rest, raw in shard['codes'].items():
                former = set(shard.get('former', {}).get(rest, ()))
                settlements = [(name, types[raw[i]]) for i in range(2, len(raw), 2) for name in raw[i + 1]]
                entries[prefix + rest] = Entry(
                    state=shard['state'],
                    municipalities=[places[m] for m in raw[0] if m not in former],
                    city=places[raw[1]] if raw[1] >= 0 else '',
                    settlements=settlements,
                    former=[places[m] for m in raw[0] if m in former],
                    former_cities=[places[m] for m in sorted(former - set(raw[0]))],
                )
        return entries
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DataError(f'{out}: the previous catalogue cannot be read ({exc})') from None
