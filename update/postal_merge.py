"""Merge the postal-code sources: the newest source wins on names.

Rules (also written into ``meta.json``):

* **codes**: the codes of the newest *official* source (a full Correos de
  México download imported with ``--sepomex``) when there is one, else the
  union of all sources;
* **state, municipality, city**: from the newest source that has the code
  (a city from the newest source that names one); a different name in an
  older source stays as a *former* name, so a lookup matches both
  (``municipalities`` lists the current names first);
* **settlements**: the union of all sources; the spelling and the type come
  from the newest source that gives the settlement a type (the SAT gives
  none; a name only the SAT has keeps the type ``""``).

>>> old = Source('SEPOMEX 2018', '2018-03-01', {'29600': Entry('07', ['Tecpatán'], '', [('Zona C', 'Barrio')])})
>>> new = Source('SAT', '2019-01-01', {'29600': Entry('07', ['Mezcalapa'], '', [('Zona C', ''), ('Dique I', '')])})
>>> merged, report = merge([old, new], log=lambda line: None)
>>> e = merged['29600']
>>> e.municipalities, e.former, e.settlements
(['Mezcalapa'], ['Tecpatán'], [('Zona C', 'Barrio'), ('Dique I', '')])
>>> report['names_changed']['municipality']
1
"""

from __future__ import annotations

from dataclasses import dataclass

from .postal_sources import STATE_NAME, Entry, clean, fold, sort_key

__all__ = ['Source', 'merge', 'RULES']

RULES = (
    'códigos: los del catálogo oficial más reciente importado con --sepomex, si lo hay; si no, la unión '
    'de las fuentes. Estado, municipio y ciudad: los de la fuente más reciente que tiene el código (el '
    'nombre anterior queda como alias). Asentamientos: la unión de todas las fuentes, con el tipo de '
    'SEPOMEX.'
)


@dataclass
class Source:
    label: str  # how the build's printout names it
    date: str  # ISO; sources are ranked by it, newest wins
    entries: dict  # {code: Entry}
    official: bool = False  # a full current Correos de México catalogue: its codes are the codes


def _examples(items, n=5):
    items = list(items)
    if not items:
        return '—'
    return ', '.join(str(i) for i in items[:n]) + (' ...' if len(items) > n else '')


def _unique(names):
    out, seen = [], set()
    for name in names:
        name = clean(name)
        if name and fold(name) not in seen:
            seen.add(fold(name))
            out.append(name)
    return out


def _settlements(entries):
    """Union of the settlements of ``entries`` (newest first); see the module docstring."""
    typed, untyped = {}, {}
    for e in entries:
        for name, kind in e.settlements:
            name, kind = clean(name), clean(kind)
            if not name:
                continue
            if kind:
                typed.setdefault((fold(name), fold(kind)), (name, kind))
            else:
                untyped.setdefault(fold(name), (name, ''))
    names_with_type = {key[0] for key in typed}
    return list(typed.values()) + [p for key, p in untyped.items() if key not in names_with_type]


def merge(sources: list, log=print) -> tuple[dict, dict]:
    """Merge ``sources`` (any order); print and return what the rules decided."""
    ranked = sorted(sources, key=lambda s: s.date, reverse=True)  # newest first
    official = next((s for s in ranked if s.official), None)
    codes = sorted(official.entries) if official else sorted(set().union(*(s.entries for s in ranked)))
    log(
        'fuentes, de la más reciente a la más antigua: '
        + '; '.join(f'{s.label} ({s.date}, {len(s.entries):,} códigos)' for s in ranked)
    )
    if official:
        dropped = sorted(set().union(*(s.entries for s in ranked)) - set(official.entries))
        log(
            f'  códigos: los {len(codes):,} de {official.label}; {len(dropped):,} de fuentes anteriores ya no '
            f'existen y no se aceptan  p. ej. {_examples(dropped)}'
        )
    else:
        for s in ranked:
            only = sorted(set(s.entries).difference(*(o.entries for o in ranked if o is not s)))
            log(f'  solo en {s.label}: {len(only):,}  p. ej. {_examples(only)}')

    merged = {}
    changed = {'state': [], 'municipality': [], 'city': []}
    added_settlements = 0
    for code in codes:
        have = [s.entries[code] for s in ranked if code in s.entries]
        newest = have[0]
        municipalities = sorted(_unique(newest.municipalities), key=sort_key)
        city = next((clean(e.city) for e in have if clean(e.city)), '')
        current = {fold(m) for m in municipalities} | {fold(city)}
        former = [m for m in _unique(m for e in have[1:] for m in e.municipalities) if fold(m) not in current]
        former_cities = [c for c in _unique(e.city for e in have[1:]) if fold(c) not in current]
        settlements = _settlements(have)
        merged[code] = Entry(
            state=newest.state,
            municipalities=municipalities,
            city=city,
            settlements=settlements,
            former=former,
            former_cities=former_cities,
        )
        if len(have) > 1:
            oldest = have[-1]
            if oldest.state != newest.state:
                changed['state'].append(f'{code} {STATE_NAME[oldest.state]} → {STATE_NAME[newest.state]}')
            before = _unique(oldest.municipalities)
            if {fold(m) for m in before} != {fold(m) for m in municipalities}:
                changed['municipality'].append(f'{code} {" / ".join(before)} → {" / ".join(municipalities)}')
            if clean(oldest.city) and city and fold(oldest.city) != fold(city):
                changed['city'].append(f'{code} {clean(oldest.city)} → {city}')
            added_settlements += len(settlements) - len(_settlements([oldest]))

    if len(ranked) > 1:
        log(
            f'  la fuente más reciente gana en los nombres; el anterior queda como alias. Cambió frente a '
            f'{ranked[-1].label}:'
        )
        labels = {'state': 'estado', 'municipality': 'municipio', 'city': 'ciudad'}
        for key, label in labels.items():
            log(f'    {label}: {len(changed[key]):,} códigos  p. ej. {_examples(changed[key], 4)}')
        log(f'    asentamientos que suma la unión: {added_settlements:,}')
        if changed['state']:
            log('!!! ' + '!' * 68)
            log(f'!!! EL ESTADO CAMBIÓ en {len(changed["state"]):,} códigos: revisa la fuente')
            log('!!! ' + '!' * 68)
    report = {
        'sources': [{'label': s.label, 'date': s.date, 'codes': len(s.entries)} for s in ranked],
        'names_changed': {key: len(value) for key, value in changed.items()},
        'names_changed_examples': {key: value[:5] for key, value in changed.items()},
        'settlements_added_by_union': added_settlements,
    }
    return merged, report
