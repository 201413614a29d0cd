"""The 16 characters of a CURP that follow from a person's data.

:func:`derive` builds them and :func:`compare` says where a CURP disagrees
with them; both are re-exported by :mod:`checker.curp`.  Names follow
RENAPO's Instructivo: uppercase, no accents, Ñ -> X, leading particles (DE,
DEL, LA, MC, VAN, Y, ...) dropped, the first word of a compound surname,
MARIA/MA./MA/JOSE/J/J. skipped when another given name follows, special
characters -> X, and the second letter of a palabra inconveniente -> X.

Each name, the sex and the state may have at most :data:`MAX_LENGTH`
characters (a real name is far shorter; the limit keeps a pasted page from
freezing the check), else :class:`~checker.InvalidInput` says so.  Parsing
is linear in the length of the input.

>>> derive('Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'Veracruz')
'HEGG560427MVZRRL'
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from ._curp_data import (
    CONSONANTS,
    DIGITS,
    INCONVENIENT_WORDS,
    PARTICLES,
    SKIPPED_GIVEN_NAMES,
    STATE_ALIASES,
    STATES,
    UPPER,
    VOWELS,
)
from .curp import compact, validate
from .exceptions import InvalidInput
from .messages.curp import MESSAGES, REASONS, SEX_NAMES, WHAT, date_text

__all__ = ['derive', 'compare', 'MAX_LENGTH']

#: The longest name, sex or state accepted, in characters.
MAX_LENGTH = 200

_SPECIAL = '\x00'  # marks a special character inside a cleaned word


def _words(value, code: str, what: str) -> list[str]:
    """Uppercase, accent-free words of a name (special characters kept)."""
    if value is None:
        value = ''
    if not isinstance(value, str):
        raise InvalidInput(code, MESSAGES['name#type'].format(what=what))
    if len(value) > MAX_LENGTH:
        raise InvalidInput(
            code,
            MESSAGES['name#too_long'].format(
                What=what[0].upper() + what[1:], what=what, n=len(value), limit=MAX_LENGTH
            ),
        )
    value = unicodedata.normalize('NFC', value).upper().replace('Ñ', 'X')
    value = ''.join(c for c in unicodedata.normalize('NFD', value) if not unicodedata.combining(c))
    return value.split()


def _clean_word(word: str) -> str:
    """A–Z letters stay; anything else becomes the special marker."""
    return ''.join(c if c in UPPER else _SPECIAL for c in word)


def _main_word(words: list[str], given: bool = False) -> str:
    start = 0
    if given and words[0] in SKIPPED_GIVEN_NAMES and any(w not in PARTICLES for w in words[1:]):
        start = 1
    # leading particles are skipped by index: linear however many there are
    i = start
    while i < len(words) and words[i] in PARTICLES:
        i += 1
    if i == len(words):  # a name made only of particles: keep the last
        i = len(words) - 1
    return _clean_word(words[i])


def _first_letter(word: str) -> str:
    c = word[0]
    return 'X' if c == _SPECIAL else c


def _inner(word: str, wanted: frozenset) -> str:
    for c in word[1:]:
        if c == _SPECIAL:
            return 'X'
        if c in wanted:
            return c
    return 'X'


def _parse_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        d = value
    elif isinstance(value, str) and re.fullmatch(r'[0-9]{4}-[0-9]{2}-[0-9]{2}', value.strip()):
        v = value.strip()
        try:
            d = datetime.date(int(v[:4]), int(v[5:7]), int(v[8:10]))
        except ValueError:
            raise InvalidInput('curp.birth_date', MESSAGES['curp.birth_date#missing_day'].format(value=v)) from None
    else:
        raise InvalidInput('curp.birth_date', MESSAGES['curp.birth_date'])
    if not 1900 <= d.year <= 2099:
        raise InvalidInput('curp.birth_date', MESSAGES['curp.birth_date#range'])
    return d


_SEX_INPUT = {
    'H': 'H',
    'HOMBRE': 'H',
    'MASCULINO': 'H',
    'M': 'M',
    'MUJER': 'M',
    'FEMENINO': 'M',
    'X': 'X',
    'NO BINARIO': 'X',
    'NO BINARIE': 'X',
    'NB': 'X',
}


def _parse_sex(value) -> str:
    if isinstance(value, str):
        key = ' '.join(_words(value, 'curp.sex', WHAT['sex']))
        if key in _SEX_INPUT:
            return _SEX_INPUT[key]
    raise InvalidInput('curp.sex', MESSAGES['curp.sex#input'])


def _strip_accents(text: str) -> str:
    return ''.join(c for c in unicodedata.normalize('NFD', text.upper()) if not unicodedata.combining(c))


_STATE_BY_NAME = {_strip_accents(name): code for code, name in STATES.items()}
_STATE_BY_NAME.update(STATE_ALIASES)


def _parse_state(value) -> str:
    if isinstance(value, str):
        key = ' '.join(_words(value, 'curp.state', WHAT['state']))
        if key in STATES:
            return key
        if key in _STATE_BY_NAME:
            return _STATE_BY_NAME[key]
    raise InvalidInput('curp.state', MESSAGES['curp.state#input'])


def _name_word(value, field: str, given: bool = False, required: bool = True) -> str | None:
    code, what = f'curp.{field}', WHAT[field]
    words = _words(value, code, what)
    if not words:
        if required:
            raise InvalidInput(code, MESSAGES['name#missing'].format(what=what))
        return None
    return _main_word(words, given)


def derive(given_names: str, first_surname: str, second_surname: str, birth_date, sex: str, state: str) -> str:
    """The 16 characters of a CURP that follow from a person's data.

    ``second_surname`` may be ``''``; ``birth_date`` is a
    :class:`datetime.date` or ``'YYYY-MM-DD'``; ``sex`` is H, M or X (or
    Hombre/Mujer/No binario); ``state`` a two-letter code or a state name.
    The homoclave and the check digit are RENAPO's and cannot be derived.

    >>> derive('Alberto', 'Ñando', 'Rodríguez', '1980-01-31', 'H', 'OC')[:4]
    'XARA'
    >>> derive('Ma. de los Ángeles', 'Moreno', 'Sánchez', '2001-05-09', 'M', 'Jalisco')
    'MOSA010509MJCRNN'
    >>> derive('Ofelia', 'Pedrero', 'Domínguez', datetime.date(1960, 1, 1), 'M', 'DF')[:4]
    'PXDO'
    """
    parts = _derive_parts(given_names, first_surname, second_surname, birth_date, sex, state, partial=False)
    return ''.join(parts[i][0] for i in range(16))


def _inconvenient(word: str) -> tuple[str, str]:
    return ('X', REASONS['inconvenient'].format(word=word))


def _derive_parts(given_names, first_surname, second_surname, birth_date, sex, state, partial: bool) -> dict:
    """position -> (expected, reason).  With ``partial``, ``None`` means
    "not given" and those positions are left out."""
    parts: dict[int, tuple[str, str]] = {}
    # a name over the limit is what to report, even if another one is missing
    for field, value in (
        ('first_surname', first_surname),
        ('second_surname', second_surname),
        ('given_names', given_names),
    ):
        if isinstance(value, str) and len(value) > MAX_LENGTH:
            _words(value, f'curp.{field}', WHAT[field])  # raises
    if not partial or first_surname is not None:
        w = _name_word(first_surname, 'first_surname')
        named = {'whose': WHAT['first_surname'], 'word': w.replace(_SPECIAL, '?')}
        parts[0] = (_first_letter(w), REASONS['first_letter'].format(**named))
        parts[1] = (_inner(w, VOWELS), REASONS['inner_vowel'].format(**named))
        parts[13] = (_inner(w, CONSONANTS), REASONS['inner_consonant'].format(**named))
    if not partial or second_surname is not None:
        w = _name_word(second_surname, 'second_surname', required=False)
        if w is None:
            parts[2] = parts[14] = ('X', REASONS['no_second_surname'])
        else:
            named = {'whose': WHAT['second_surname'], 'word': w.replace(_SPECIAL, '?')}
            parts[2] = (_first_letter(w), REASONS['first_letter'].format(**named))
            parts[14] = (_inner(w, CONSONANTS), REASONS['inner_consonant'].format(**named))
    if not partial or given_names is not None:
        w = _name_word(given_names, 'given_names', given=True)
        named = {'whose': WHAT['given_names'], 'word': w.replace(_SPECIAL, '?')}
        parts[3] = (_first_letter(w), REASONS['first_letter'].format(**named))
        parts[15] = (_inner(w, CONSONANTS), REASONS['inner_consonant'].format(**named))
    if all(i in parts for i in range(4)):
        word = ''.join(parts[i][0] for i in range(4))
        if word in INCONVENIENT_WORDS:
            parts[1] = _inconvenient(word)
    if not partial or birth_date is not None:
        d = _parse_date(birth_date)
        text = date_text(d.year, d.month, d.day)
        digits = f'{d.year % 100:02d}{d.month:02d}{d.day:02d}'
        for k, part in enumerate(REASONS['date_parts']):
            parts[4 + k] = (digits[k], REASONS['date'].format(part=part, text=text))
        parts[16] = ('0-9', REASONS['before_2000']) if d.year < 2000 else ('A-Z', REASONS['from_2000'])
    if not partial or sex is not None:
        x = _parse_sex(sex)
        parts[10] = (x, REASONS['sex'].format(name=SEX_NAMES[x]))
    if not partial or state is not None:
        code = _parse_state(state)
        reason = REASONS['state'].format(name=STATES[code], code=code)
        parts[11] = (code[0], reason)
        parts[12] = (code[1], reason)
    return parts


def compare(
    curp: str,
    given_names: str | None = None,
    first_surname: str | None = None,
    second_surname: str | None = None,
    birth_date=None,
    sex: str | None = None,
    state: str | None = None,
) -> list[dict]:
    """Where a CURP disagrees with a person's data.

    Returns a list (empty when everything agrees) of dicts ``{position,
    expected, found, message}`` with the 0-based ``position``.  Only the
    parts you give are compared (``None`` = not given; ``second_surname=''``
    means "no second surname").  Positions 0-15 come from :func:`derive`;
    for position 16 (the homoclave) only its kind is checked against the
    birth year: ``expected`` is then ``'0-9'`` or ``'A-Z'``.  The check
    digit is not compared.  The CURP does not have to be valid (that is the
    point: ``compare`` finds the typo), but it must have 18 characters, or
    :class:`InvalidInput` ``curp.length`` is raised; unusable data raises
    :class:`InvalidInput` too (a name longer than :data:`MAX_LENGTH`, for
    one).

    >>> compare('HEGG560427MVZRRL04', 'Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'VZ')
    []
    >>> [(m['position'], m['expected'], m['found']) for m in compare('HEGG560427MVZRRL04', birth_date='1956-04-17')]
    [(8, '1', '2')]
    """
    s = compact(curp)
    if len(s) != 18:
        validate(s)  # raises curp.length, with its full diagnosis
    parts = _derive_parts(given_names, first_surname, second_surname, birth_date, sex, state, partial=True)
    # An inconvenient word can only be spotted with all four letters; with
    # some of them missing, accept the X if it would make sense.
    if 1 in parts and parts[1][0] != 'X' and s[1] == 'X' and not all(i in parts for i in range(4)):
        word = ''.join(parts[i][0] if i in parts else s[i] for i in range(4))
        if word in INCONVENIENT_WORDS:
            parts[1] = _inconvenient(word)
    mismatches = []
    for i in sorted(parts):
        expected, reason = parts[i]
        found = s[i]
        if i == 16:
            if found in (DIGITS if expected == '0-9' else UPPER):
                continue
            message = MESSAGES['mismatch#homoclave'].format(found=found, reason=reason)
        else:
            if found == expected:
                continue
            message = MESSAGES['mismatch'].format(k=i + 1, found=found, expected=expected, reason=reason)
        mismatches.append({'position': i, 'expected': expected, 'found': found, 'message': message})
    return mismatches
