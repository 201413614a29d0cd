"""What a new postal catalogue changes, and whether an official file looks whole.

:func:`summarize` compares the catalogue a build is about to write with the
one it replaces (codes added, removed and renamed; settlements added and
removed); :func:`markdown` is that summary as the body of the refresh pull
request. :func:`sanity_problems` is the refresh's safety net: an official
download that is too small, lacks a state or loses more than 2 % of a
state's codes is refused before anything is written.

>>> from update.postal_sources import Entry
>>> old = {'29600': Entry('07', ['Tecpatán'], '', [('Zona C', 'Barrio')]), '29001': Entry('07', ['Tuxtla'])}
>>> new = {'29600': Entry('07', ['Mezcalapa'], '', [('Zona C', 'Barrio'), ('Dique I', 'Barrio')]),
...        '29053': Entry('07', ['Tuxtla'])}
>>> s = summarize(old, new)
>>> s['added'], s['removed'], s['renamed'], s['settlements_added']
(['29053'], ['29001'], ['29600: municipio Tecpatán → Mezcalapa'], ['29600: Dique I (Barrio)'])
"""

from __future__ import annotations

import collections

from .postal_sources import STATE_NAME, fold

__all__ = ['summarize', 'markdown', 'text', 'sanity_problems', 'MIN_CODES', 'MAX_STATE_LOSS']

#: An official national file has about 32,000 codes; fewer than this is a cut-off download.
MIN_CODES = 30_000
#: The largest share of a state's codes one refresh may remove.
MAX_STATE_LOSS = 0.02


def _names(names):
    return {fold(n) for n in names if n}


def summarize(old: dict | None, new: dict) -> dict:
    """Differences between two ``{code: Entry}`` catalogues (``old`` may be ``None``)."""
    old = old or {}
    added = sorted(set(new) - set(old))
    removed = sorted(set(old) - set(new))
    renamed, settlements_added, settlements_removed = [], [], []
    for code in sorted(set(old) & set(new)):
        a, b = old[code], new[code]
        if a.state != b.state:
            renamed.append(f'{code}: estado {STATE_NAME[a.state]} → {STATE_NAME[b.state]}')
        if _names(a.municipalities) != _names(b.municipalities):
            renamed.append(
                f'{code}: municipio {" / ".join(a.municipalities) or "—"} → {" / ".join(b.municipalities) or "—"}'
            )
        if fold(a.city) != fold(b.city):
            renamed.append(f'{code}: ciudad {a.city or "—"} → {b.city or "—"}')
        before = {(fold(n), fold(k)) for n, k in a.settlements}
        after = {(fold(n), fold(k)) for n, k in b.settlements}
        settlements_added += [
            f'{code}: {n} ({k})' if k else f'{code}: {n}' for n, k in b.settlements if (fold(n), fold(k)) not in before
        ]
        settlements_removed += [
            f'{code}: {n} ({k})' if k else f'{code}: {n}' for n, k in a.settlements if (fold(n), fold(k)) not in after
        ]
    return {
        'old_codes': len(old),
        'new_codes': len(new),
        'added': added,
        'removed': removed,
        'renamed': renamed,
        'settlements_added': settlements_added,
        'settlements_removed': settlements_removed,
        'settlements_in_added_codes': sum(len(new[c].settlements) for c in added),
    }


_SECTIONS = (
    ('added', 'Códigos nuevos'),
    ('removed', 'Códigos que ya no están'),
    ('renamed', 'Códigos con otro estado, municipio o ciudad'),
    ('settlements_added', 'Asentamientos nuevos en códigos que ya existían'),
    ('settlements_removed', 'Asentamientos que ya no están'),
)


def text(summary: dict, limit: int = 5) -> list[str]:
    """The summary as the build prints it, one line per kind of change."""
    lines = [f'cambios frente al catálogo anterior ({summary["old_codes"]:,} → {summary["new_codes"]:,} códigos):']
    for key, title in _SECTIONS:
        items = summary[key]
        shown = ', '.join(items[:limit]) + (' ...' if len(items) > limit else '')
        lines.append(f'  {title.lower()}: {len(items):,}' + (f'  p. ej. {shown}' if items else ''))
    return lines


def markdown(summary: dict, heading: str, limit: int = 200) -> str:
    """The summary as the refresh pull request's body (Markdown)."""
    out = [
        f'## {heading}',
        '',
        f'Códigos: {summary["old_codes"]:,} → {summary["new_codes"]:,}. '
        f'Los códigos nuevos traen {summary["settlements_in_added_codes"]:,} asentamientos.',
        '',
    ]
    for key, title in _SECTIONS:
        items = summary[key]
        out.append(f'### {title}: {len(items):,}')
        if items:
            out.append('')
            out += [f'- {item}' for item in items[:limit]]
            if len(items) > limit:
                out.append(f'- … y {len(items) - limit:,} más')
        out.append('')
    return '\n'.join(out)


def sanity_problems(new: dict, previous: dict | None) -> list[str]:
    """Why an official national file looks wrong (empty list: it looks whole).

    ``previous`` is the last official catalogue imported (``None`` the first
    time: the loss check then has nothing to compare with).
    """
    problems = []
    if len(new) < MIN_CODES:
        problems.append(f'solo {len(new):,} códigos (un archivo nacional completo tiene más de {MIN_CODES:,})')
    per_state = collections.Counter(e.state for e in new.values())
    missing = sorted(set(STATE_NAME) - set(per_state))
    if missing:
        problems.append(f'faltan {len(missing)} estados: ' + ', '.join(STATE_NAME[k] for k in missing))
    if previous:
        before = collections.Counter(e.state for e in previous.values())
        lost_by_state = collections.Counter(e.state for c, e in previous.items() if c not in new)
        for state, count in sorted(before.items()):
            lost = lost_by_state[state]
            if count and lost / count > MAX_STATE_LOSS:
                problems.append(
                    f'{STATE_NAME[state]} pierde {lost:,} de sus {count:,} códigos '
                    f'({lost / count:.1%}; el máximo es {MAX_STATE_LOSS:.0%})'
                )
    return problems
