"""The rules of a valid CURP, written once (used by :mod:`checker.curp`).

``RULES`` lists them in the order their errors are reported: each takes the
compact value and today as an int yyyymmdd and returns the
:class:`~checker.InvalidInput` it finds, or None.  :func:`fast_ok` is the
same set of rules as one regular expression built from the same tables
(plus the leap-year, future-date and check-digit tests), for speed; the
tests check on generated values that both always agree.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate
from operator import mul

from ._curp_data import ALPHABET, CONSONANTS, DIGITS, STATES, UPPER, VOWELS
from ._mexico import MONTHS
from .exceptions import InvalidInput, catalogue_errors
from .messages.curp import MESSAGES, SEX_NAMES, date_text, show

VALUES = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = tuple(19 - i for i in range(1, 18))  # 18, 17, ..., 2
# bytes.translate table: ASCII code of a digit/letter -> its value
_BYTEVALUES = bytes(VALUES.get(chr(b), 0) if b < 128 else 0 for b in range(256))
_DIGIT_SET = frozenset(DIGITS)
_ASCII_ALNUM = _DIGIT_SET | UPPER
_STATE_FIRST = frozenset(code[0] for code in STATES)
# days of each month (index 1-12); 29 February is checked against leap years
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

error = catalogue_errors(MESSAGES)  # InvalidInput for a key of the CURP catalogue


# ----------------------------------------------------------- check digit


def calc_check_digit(number: str) -> str:
    """Calculate the check digit from the first 17 characters.

    >>> calc_check_digit('HEGG560427MVZRRL0')
    '4'
    """
    try:
        total = sum(map(mul, map(VALUES.__getitem__, number[:17]), WEIGHTS))
    except (KeyError, TypeError):
        raise error('curp.character#check_digit') from None
    return DIGITS[-total % 10]


# ------------------------------------------------------------------ rules


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def year_of(s: str) -> int:
    """The birth year: character 17 is a digit before 2000, a letter after."""
    return (1900 if s[16] in DIGITS else 2000) + int(s[4:6])


def _feb29_ok(s: str) -> bool:
    """29 February only in a leap year (1900 was not one)."""
    return s[6:10] != '0229' or _leap(year_of(s))


def _born_key(s: str) -> int:
    """The birth date as yyyymmdd, to compare with today (as year_of)."""
    return int(s[4:10]) + (19000000 if s[16] <= '9' else 20000000)


_LETTER_FOR_DIGIT = {'0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G'}
_DIGIT_FOR_LETTER = {'O': '0', 'Q': '0', 'D': '0', 'I': '1', 'L': '1', 'S': '5', 'B': '8', 'Z': '2', 'G': '6', 'T': '7'}


def _hint(key: str, table: dict, c: str) -> str:
    other = table.get(c)
    return MESSAGES[key].format(c=other) if other else ''


def _first_not_in(s: str, allowed: frozenset, start: int = 0, end: int | None = None):
    """Index of the first character of ``s[start:end]`` not in *allowed*."""
    for i in range(start, len(s) if end is None else end):
        if s[i] not in allowed:
            return i
    return None


def _rule_length(s, today_key):
    n = len(s)
    if n == 18:
        return None
    if n == 0:
        return error('curp.length#empty')
    bad = None if _ASCII_ALNUM.issuperset(s) else _first_not_in(s, _ASCII_ALNUM)
    extra = ''
    if bad is not None:
        extra = MESSAGES['curp.length#extra'].format(k=bad + 1, shown=show(s[bad]))
    return error('curp.length', bad, n=n, chars='carácter' if n == 1 else 'caracteres', extra=extra)


def _rule_alphabet(s, today_key):
    if _ASCII_ALNUM.issuperset(s):
        return None
    i = _first_not_in(s, _ASCII_ALNUM)
    c = s[i]
    if c == 'Ñ':
        return error('curp.enie', i, k=i + 1)
    base = unicodedata.normalize('NFD', c)[0]
    if base != c and base in UPPER:
        hint = MESSAGES['curp.character#accent'].format(base=base, c=c)
    else:
        hint = MESSAGES['curp.character#other']
    return error('curp.character', i, k=i + 1, shown=show(c), hint=hint)


def _rule_letters(s, today_key):
    """1-4: letters from the names."""
    if UPPER.issuperset(s[:4]):
        return None
    i = _first_not_in(s, UPPER, 0, 4)
    return error('curp.format#letters', i, k=i + 1, c=s[i], hint=_hint('hint#letter', _LETTER_FOR_DIGIT, s[i]))


def _rule_digits(s, today_key):
    """5-10: the birth date, digits only."""
    if _DIGIT_SET.issuperset(s[4:10]):
        return None
    i = _first_not_in(s, _DIGIT_SET, 4, 10)
    return error('curp.format#digits', i, k=i + 1, c=s[i], hint=_hint('hint#digit', _DIGIT_FOR_LETTER, s[i]))


_MAX_DAY = max(_DAYS_IN_MONTH)


def _rule_date(s, today_key):
    mm, dd = int(s[6:8]), int(s[8:10])
    if not 1 <= mm < len(_DAYS_IN_MONTH):
        return error('curp.date#month', 6 if s[6] not in '01' else 7, mm=s[6:8])
    if not 1 <= dd <= _MAX_DAY:
        return error('curp.date#day', 8 if s[8] not in '0123' else 9, dd=s[8:10])
    if dd > _DAYS_IN_MONTH[mm]:
        month = MONTHS[mm - 1]
        return error('curp.date#days_in_month', 8, day=dd, month=month, days=_DAYS_IN_MONTH[mm])
    if dd == 29 and mm == 2 and not _feb29_ok(s):
        year = year_of(s)
        if year == 1900:
            # The date does not exist; the homoclave is what chose 1900.
            return error('curp.date#1900', 8)
        return error('curp.date#leap', 8, year=year)
    return None


def _rule_future(s, today_key):
    if _born_key(s) <= today_key:
        return None
    year = year_of(s)
    hint = ''
    if s[16] not in DIGITS:
        hint = MESSAGES['curp.future#century'].format(year=year - 100)
    return error('curp.future', 4, hint=hint, date=date_text(year, int(s[6:8]), int(s[8:10])))


def _rule_sex(s, today_key):
    if s[10] in SEX_NAMES:
        return None
    return error('curp.sex', 10, c=s[10])


def _rule_state(s, today_key):
    state = s[11:13]
    if state in STATES:
        return None
    return error('curp.state', 11 if s[11] not in _STATE_FIRST else 12, state=state)


def _rule_consonants(s, today_key):
    """14-16: inner consonants (or X)."""
    if CONSONANTS.issuperset(s[13:16]):
        return None
    i = _first_not_in(s, CONSONANTS, 13, 16)
    kind = MESSAGES['curp.consonant#vowel' if s[i] in VOWELS else 'curp.consonant#digit']
    return error('curp.consonant', i, k=i + 1, c=s[i], kind=kind)


def _rule_check_digit(s, today_key):
    c = s[17]
    if c not in DIGITS:
        return error('curp.check_digit#letter', 17, c=c, hint=_hint('hint#digit', _DIGIT_FOR_LETTER, c))
    expected = calc_check_digit(s)
    if expected == c:
        return None
    return error('curp.check_digit', 17, expected=expected, c=c)


RULES = (
    _rule_length,
    _rule_alphabet,
    _rule_letters,
    _rule_digits,
    _rule_date,
    _rule_future,
    _rule_sex,
    _rule_state,
    _rule_consonants,
    _rule_check_digit,
)


#: What the shape (the fast path's expression) does not express: 29
#: February in a common year, a future date and the check digit.
_BEYOND_SHAPE = (_rule_date, _rule_future, _rule_check_digit)


def diagnose(s: str, today_key: int, shaped: bool | None = None) -> InvalidInput | None:
    """The first error of ``s`` (already compact), or None if it is valid.

    ``shaped``: whether ``s`` matches the fast path's expression, when the
    caller already knows (None: find out here).
    """
    # A value of the right shape passes every rule the expression is built
    # from (same tables, tested), so only the others can find something.
    if shaped is None:
        shaped = _FAST_MATCH(s) is not None
    rules = _BEYOND_SHAPE if shaped else RULES
    for rule in rules:
        found = rule(s, today_key)
        if found is not None:
            return found
    return None


# ---- the fast path: the same tables as one regular expression


def _chars(allowed) -> str:
    return '[' + ''.join(sorted(allowed)) + ']'


def _month_days() -> str:
    """Month and day (MMDD) of _DAYS_IN_MONTH as one pattern."""
    by_days = {}
    for month, days in enumerate(_DAYS_IN_MONTH[1:], 1):
        by_days.setdefault(days, []).append(f'{month:02d}')
    out = []
    for days, months in sorted(by_days.items()):
        day = '0[1-9]|[12][0-9]' + (f'|3[0-{days - 30}]' if days >= 30 else '')
        out.append(f'(?:{"|".join(months)})(?:{day})')
    return '(?:' + '|'.join(out) + ')'


_FAST_MATCH = re.compile(
    _chars(UPPER)
    + '{4}'
    + _chars(DIGITS)
    + '{2}'
    + _month_days()
    + _chars(SEX_NAMES)
    + '(?:'
    + '|'.join(sorted(STATES))
    + ')'
    + _chars(CONSONANTS)
    + '{3}'
    + _chars(_ASCII_ALNUM)
    + _chars(DIGITS)
).fullmatch


def check(s: str, today_key: int) -> InvalidInput | None:
    """The first error of ``s`` (compact), or None: the fast path first."""
    if fast_ok(s, today_key):
        return None
    return diagnose(s, today_key)


def fast_ok(s: str, today_key: int) -> bool:
    """All of _RULES, as fast as we can make them (tests check they agree).

    The shape is the expression; _BEYOND_SHAPE follows, inlined.  A value
    of that shape holds '0229' only as its month and day (elsewhere a
    month 22 or 29, or a sex 9, would not match).  The check digit: the
    sum of the running sums of the 18 values weighs the first 17 by 18
    down to 2 and the check digit itself by 1, so a right check digit
    makes it a multiple of 10.
    """
    return (
        _FAST_MATCH(s) is not None
        and ('0229' not in s or _feb29_ok(s))
        and int(s[4:10]) + (19000000 if s[16] <= '9' else 20000000) <= today_key  # _rule_future (_born_key)
        and not sum(accumulate(s.encode().translate(_BYTEVALUES))) % 10
    )
