"""NSS (Número de Seguridad Social, IMSS social security number).

The IMSS (Instituto Mexicano del Seguro Social) gives every worker and
student one NSS for life: 11 digits, always written as text (it may start
with 0)::

    positions 1-2   subdelegación that registered you
              3-4   year of registration (last two digits)
              5-6   birth year (last two digits)
              7-10  folio
              11    check digit: Luhn over the first 10 digits

Sources:

* IMSS, "Asignación o localización del Número de Seguridad Social"
  (https://www.imss.gob.mx/ — trámite IMSS-02-008) and the school guides of
  this project, which print the valid examples 28138801999 and 74927602404.
* python-stdnum's ``stdnum.luhn`` (the check digit algorithm).

Only ASCII digits are accepted (other Unicode digits such as ٣ or ３ are
reported with their position) and the value always stays a ``str``.
:func:`compact` removes white space, hyphens and underscores.

Differences from python-stdnum's ``stdnum.luhn.is_valid`` (asserted by
``tests/checker/test_differential.py``): stricter, we require exactly 11
digits (Luhn alone accepts any length); kinder, we first remove spaces,
hyphens and underscores.  Otherwise the check digit is the same.

The year digits only give warnings in :func:`explain`, never errors: the
birth year may differ from the CURP's (``nss.birth_year_mismatch``), and the
registration year may be impossible for the CURP's full birth year
(``nss.registration_before_birth``, ``nss.registration_future``).  The two
digit registration year is read as the latest year up to today that ends in
those digits; no naive two-digit "registration >= birth" comparison is made.

>>> validate('2813 8801 999')
'28138801999'
>>> validate('28138801990')
Traceback (most recent call last):
    ...
checker.exceptions.InvalidInput: El último dígito de tu NSS (el 11) no coincide con los otros 10: debería ser 9, no 0. Casi siempre significa que algún dígito se copió mal; compáralo con tu documento del IMSS.
>>> is_valid('74927602404')
True
"""

from __future__ import annotations

import datetime
import unicodedata

from . import curp as _curp
from .exceptions import InvalidInput, catalogue_errors, warning
from .messages.curp import show
from .messages.nss import MESSAGES

__all__ = ['compact', 'validate', 'is_valid', 'explain', 'compare_curp', 'curp_key', 'calc_check_digit', 'InvalidInput']

_DIGITS = '0123456789'
_REMOVE = dict.fromkeys(map(ord, '-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d'))
# bytes.translate table for the doubled Luhn digits: '0'..'9' -> the ASCII
# code of the digit sum of 2 x d (so sums keep a constant 48 offset).
_DOUBLE = bytes(48 + sum(divmod(2 * (b - 48), 10)) if 48 <= b <= 57 else b for b in range(256))
# 11 digits, each carrying an offset of 48 (ord('0')): 11 * 48 = 528 = 8 mod 10
_OFFSET = (11 * 48) % 10


def _today() -> datetime.date:
    """Today's date (a seam: tests may monkeypatch it)."""
    return datetime.date.today()


def compact(number: str) -> str:
    """Remove white space, hyphens and underscores; keep it a string.

    >>> compact(' 28-13-88-01999 ')
    '28138801999'
    """
    if not isinstance(number, str):
        raise _error('nss.format')
    if number.isascii():
        if number.isdigit():
            return number
        return ''.join(number.split()).replace('-', '').replace('_', '')
    return unicodedata.normalize('NFC', ''.join(number.split()).translate(_REMOVE))


def calc_check_digit(number: str) -> str:
    """The Luhn check digit of the first 10 digits.

    >>> calc_check_digit('2813880199')
    '9'
    """
    if not isinstance(number, str) or not all(c in _DIGITS for c in number[:10]):
        raise _error('nss.digits#check_digit')
    total = 0
    for i, c in enumerate(reversed(number[:10])):
        d = ord(c) - 48
        total += sum(divmod(2 * d, 10)) if i % 2 == 0 else d
    return _DIGITS[-total % 10]


def _fast_ok(s: str) -> bool:
    if len(s) != 11 or not s.isascii() or not s.isdigit():
        return False
    b = s.encode()
    return (sum(b[0::2]) + sum(b[1::2].translate(_DOUBLE))) % 10 == _OFFSET


def is_valid(number: str) -> bool:
    """Check if the number is a valid NSS (never raises).

    >>> is_valid('28138801999'), is_valid('28138801998'), is_valid(28138801999)
    (True, False, False)
    """
    if number.__class__ is str and len(number) == 11 and number.isascii() and number.isdigit():
        b = number.encode()
        return (sum(b[0::2]) + sum(b[1::2].translate(_DOUBLE))) % 10 == _OFFSET
    try:
        return _fast_ok(compact(number))
    except InvalidInput:
        return False


_error = catalogue_errors(MESSAGES)


def _bad_digit(s: str, i: int) -> tuple[str, str]:
    """What is wrong with the non-digit ``s[i]`` and how to fix it."""
    c = s[i]
    if c.isdigit():
        digit = unicodedata.digit(c, None)
        kind = 'other_number' if digit is None else 'other_script'
    else:
        digit, kind = None, 'not_a_digit'
    key = 'nss.digits#' + kind
    return (MESSAGES[key].format(digit=digit, shown=show(c)), MESSAGES[key + '_fix'].format(digit=digit))


def _diagnose(s: str) -> InvalidInput:
    n = len(s)
    bad = next((i for i, c in enumerate(s) if c not in _DIGITS), None)
    if n != 11:
        if n == 0:
            return _error('nss.length#empty')
        extra = ''
        if bad is not None:
            what, _fix = _bad_digit(s, bad)
            extra = MESSAGES['nss.length#extra'].format(k=bad + 1, what=what)
        return _error('nss.length', bad, n=n, extra=extra, chars='carácter' if n == 1 else 'caracteres')
    if bad is not None:
        what, fix = _bad_digit(s, bad)
        return _error('nss.digits', bad, k=bad + 1, what=what, fix=fix)
    return _error('nss.check_digit', 10, expected=calc_check_digit(s), found=s[10])


def validate(number: str) -> str:
    """Check if the number is a valid NSS and return its compact form.

    Errors, the first found wins: ``nss.format`` (not a string),
    ``nss.length`` (the message also names the first character that is not
    a digit, and ``position`` points at it), ``nss.digits`` (a character
    that is not an ASCII digit 0-9, e.g. ٣ or ３) and ``nss.check_digit``.

    >>> try:
    ...     validate('2813880199')
    ... except InvalidInput as e:
    ...     print(e.code, e.message)
    nss.length Tu NSS tiene 10 caracteres, pero debe tener 11 dígitos. Revisa que no te falte ni te sobre ninguno (los ceros del inicio también cuentan).
    """
    s = compact(number)
    if _fast_ok(s):
        return s
    raise _diagnose(s)


def _resolve_year(yy: int, today_year: int) -> int:
    """The latest year up to ``today_year`` that ends in ``yy``."""
    year = today_year - today_year % 100 + yy
    return year if year <= today_year else year - 100


def explain(number: str, curp: str | None = None, *, today: datetime.date | None = None) -> dict:
    """Split a valid NSS into its parts, cross-checked with a CURP.

    Raises :class:`InvalidInput` like :func:`validate` for an invalid NSS.
    An invalid ``curp`` only adds a ``nss.curp_invalid`` warning.

    >>> info = explain('28138801999', curp='HEGG560427MVZRRL04')
    >>> info['subdelegacion'], info['registration_year'], info['birth_year']
    ('28', '13', '88')
    >>> [w['code'] for w in info['warnings']]
    ['nss.birth_year_mismatch']
    """
    s = validate(number)
    if today is None:
        today = _today()
    registration = _resolve_year(int(s[2:4]), today.year)
    info = {
        'nss': s,
        'subdelegacion': s[0:2],
        'registration_year': s[2:4],
        'birth_year': s[4:6],
        'folio': s[6:10],
        'check_digit': s[10],
        'registration_year_full': registration,
        'warnings': [],
    }
    if curp is None:
        return info
    info['warnings'] = warnings = _compare(s, curp, today, registration)
    if any(w['code'] in _YEAR_CODES for w in warnings):
        info['registration_year_full'] = None
    return info


# the registration year cannot be read: explain() gives no full year
_YEAR_CODES = frozenset({'nss.registration_future', 'nss.registration_before_birth'})


def compare_curp(number: str, curp: str, *, today: datetime.date | None = None) -> list[dict]:
    """The warnings of comparing an NSS with a CURP (those of :func:`explain`).

    Raises :class:`InvalidInput` for an invalid NSS; an invalid ``curp``
    gives the ``nss.curp_invalid`` warning.  For a valid NSS and CURP the
    result depends only on :func:`curp_key` and today's year.

    >>> [w['code'] for w in compare_curp('28138801999', 'HEGG560427MVZRRL04')]
    ['nss.birth_year_mismatch']
    """
    s = validate(number)
    if today is None:
        today = _today()
    return _compare(s, curp, today, _resolve_year(int(s[2:4]), today.year))


def curp_key(number: str, curp: str) -> str:
    """What :func:`compare_curp` reads of a valid compact NSS and CURP.

    The NSS's registration and birth years (digits 3-6), the CURP's birth
    year (characters 5-6) and its century (character 17: a digit before
    2000).  Equal keys give equal warnings on the same day, so a caller
    comparing many pairs (a whole list) can cache them under this key.

    >>> curp_key('28138801999', 'HEGG560427MVZRRL04')
    '1388560'
    """
    return f'{number[2:6]}{curp[4:6]}{"0" if curp[16] <= "9" else "A"}'  # one string built, not two


def _warning(code: str, **values) -> dict:
    return warning(code, MESSAGES[code].format(**values))


def _compare(s: str, curp: str, today: datetime.date, registration: int) -> list[dict]:
    warnings = []
    try:
        c = _curp.validate(curp, today=today)
    except InvalidInput as e:
        warnings.append(_warning('nss.curp_invalid', reason=e.message))
        return warnings
    century = 1900 if c[16] in _DIGITS else 2000
    born = century + int(c[4:6])
    if c[4:6] != s[4:6]:
        warnings.append(_warning('nss.birth_year_mismatch', nss_year=s[4:6], curp_year=c[4:6], born=born))
    if registration < born:
        later = registration + 100
        # the nearest impossible reading decides which message to give
        if later - today.year < born - registration:
            warnings.append(
                _warning('nss.registration_future', digits=s[2:4], later=later, registration=registration, born=born)
            )
        else:
            warnings.append(
                _warning('nss.registration_before_birth', digits=s[2:4], registration=registration, born=born)
            )
    return warnings
