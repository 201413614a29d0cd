"""Issues of one cell, the complete way, and hints for what spreadsheets do
to these values (scientific notation, a trailing ``.0``, a lost leading 0)."""

import re

from .. import curp as _curp
from .. import nss as _nss
from .. import postal as _postal
from ..exceptions import InvalidInput
from ..messages.batch import HINTS, ISSUES, LABELS
from ..text import NOTE_CODES
from .results import Issue

__all__ = ['value_issue', 'check_cell', 'curp_warnings', 'postal_warnings']

_SCIENTIFIC = re.compile(r'\s*\d+(?:[.,]\d+)?[eE]\+?\d+\s*\Z')

#: Digits of a complete NSS and postal code.
_WIDTH = {'nss': 11, 'cp': 5}


def _spreadsheet_hint(kind, value):
    v = value.strip()
    if kind not in _WIDTH:
        return None
    if _SCIENTIFIC.match(v):
        return HINTS['scientific']
    is_valid = _nss.is_valid if kind == 'nss' else _postal.is_valid
    width = _WIDTH[kind]
    if v.endswith('.0') and v[:-2].isdigit():
        v = v[:-2]
        if len(v) == width and is_valid(v):
            return HINTS['dot_zero'].format(value=v)
    if v.isascii() and v.isdigit() and 0 < len(v) < width:
        padded = v.zfill(width)
        if is_valid(padded):
            what = HINTS['nss_valid']
            if kind == 'cp':
                what = HINTS['cp_exists']
                try:
                    record = _postal.lookup(padded)
                    place = ', '.join(record.municipalities[:1] + [record.state])
                    what = HINTS['cp_exists_in'].format(place=place)
                except InvalidInput:  # pragma: no cover - is_valid
                    pass
            return HINTS['leading_zero'].format(padded=padded, what=what)
    return None


def value_issue(column, exc, value):
    """The :class:`Issue` of *value* that a validator rejected with *exc*."""
    message = exc.message
    if not value.strip():
        prefix = 'postal' if column.kind == 'cp' else column.kind
        return Issue(
            column, 'invalid', f'{prefix}.empty', ISSUES['empty'].format(label=LABELS[column.kind]), None, value
        )
    hint = _spreadsheet_hint(column.kind, value)
    if hint:
        message = f'{message} {hint}'
    return Issue(column, 'invalid', exc.code, message, exc.position, value)


_VALIDATORS = {'curp': _curp.validate, 'nss': _nss.validate}


def check_cell(column, value):
    """(compact value or None, issues) of a single cell of any kind."""
    try:
        if column.kind == 'cp':
            compact, warnings = _postal.check(value)
            return compact, postal_warnings(column, warnings, value)
        compact = _VALIDATORS[column.kind](value)
    except InvalidInput as exc:
        return None, [value_issue(column, exc, value)]
    issues = []
    if column.kind == 'curp':
        issues.extend(curp_warnings(column, compact, value))
    return compact, issues


def postal_warnings(column, warnings, value):
    """Issues of a possible postal code: ``postal.check``'s warnings (a code
    the catalogue lacks may be new, so it is an «Aviso», not an error)."""
    return [Issue(column, 'warning', w['code'], w['message'], None, value) for w in warnings]


def curp_warnings(column, compact, value):
    """Warnings of a valid compact CURP (the notes every CURP gets left out)."""
    try:
        explained = _curp.explain(compact)
    except InvalidInput:  # pragma: no cover - validate() accepted it
        return []
    return [
        Issue(column, 'warning', w['code'], w['message'], w.get('position'), value)
        for w in explained['warnings']
        if w['code'] not in NOTE_CODES
    ]
