"""CURP (Clave Única de Registro de Población, Mexican personal ID).

The CURP is the 18-character key that RENAPO (Registro Nacional de
Población) assigns to every person registered in Mexico.  Sixteen characters
come from the person's data, the last two are RENAPO's::

    position  1   first letter of the first surname
              2   its first inner vowel (X if none)
              3   first letter of the second surname (X if none)
              4   first letter of the given name
              5-10  birth date, YYMMDD
              11  sex: H (hombre), M (mujer) or X (no binario, since 2022)
              12-13 state of birth (two letters, NE = born abroad)
              14-16 first inner consonant of first surname, second surname
                    and given name (X if none)
              17  homoclave: a digit for births before 2000, a letter from
                  2000 on (so it also gives the century of the birth date)
              18  check digit

Sources:

* RENAPO, *Instructivo Normativo para la Asignación de la Clave Única de
  Registro de Población* (Secretaría de Gobernación, DOF), including its
  Anexo 2 "palabras inconvenientes" and the worked examples reproduced in
  the tests (ÑANDO -> XARA, D/AMICO -> DXAJ, MC GREGOR -> GELC, ...).
* https://www.gob.mx/curp/
* python-stdnum's ``stdnum.mx.curp`` (module layout and test values).

Check digit: with the dictionary ``0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ``,
sum value x (19 - i) over the first 17 characters (i = 1..17); the check
digit is ``(10 - sum mod 10) mod 10``.  Its blind spots follow from the
weights: position 9 has weight 10, so *any* change of the tens of the birth
day goes unnoticed; weights 18, 16, 14, 12, 8, 6, 4, 2 miss changes of
value 5 (H <-> M in the sex, a year 50 years off, some state pairs, and in
the homoclave 0 <-> O and 6 <-> G, which flips the century: python-stdnum's
test list has TOMA880125HMNRRN02 next to TOMA880125HMNRRNO2); and every
position misses a change of value 10 (0/A/K/T, 1/B/L/U, ...).
:func:`explain` therefore tells the student to compare the birth date, sex
and state with the birth certificate.

Errors are :class:`checker.InvalidInput` with a stable ``code``, a Spanish
``message`` and the 0-based ``position`` in the compact value.  They are
reported in this order (the first one found wins): ``curp.format`` (not a
``str`` at all), ``curp.length`` (also for an empty value; the message also
names the first impossible character and ``position`` points at it, else it
is ``None``),
``curp.enie`` (an Ñ anywhere) / ``curp.character`` (anything that is not
A-Z or 0-9), ``curp.format`` (a digit in 1-4, a letter in 5-10), ``curp.date``
(month, day, days in month, 29 February of a common year, including
29-02-1900, whose message explains that the digit in position 17 chose the
1900s), ``curp.future``,
``curp.sex``, ``curp.state``, ``curp.consonant`` (a vowel or digit in 14-16)
and ``curp.check_digit``.  :func:`explain` raises the same errors as
:func:`validate` for an invalid CURP.

Documented differences from python-stdnum 2.2 (``stdnum.mx.curp.is_valid``);
``tests/checker/test_differential.py`` asserts that every disagreement over
100,000+ generated values is one of these:

Stricter (stdnum accepts, we reject):

* ``future``: stdnum accepts birth dates after today.
* ``consonant``: stdnum accepts any letter in positions 14-16; RENAPO puts
  consonants there (or X), never vowels.
* ``lookalike``: stdnum silently turns fullwidth and mathematical digits
  into ASCII digits and deletes look-alike dashes such as the macron,
  overline and en/em dash variants; we only take ASCII letters and digits
  (and remove ASCII hyphens, a few Unicode hyphens and white space), so such
  a character is reported with its position.

Kinder (we accept, stdnum rejects):

* ``sex_x``: stdnum only accepts H and M; RENAPO issues X (no binario)
  since 2022.
* ``inconvenient_word``: stdnum rejects CURPs whose first four characters
  are one of the 81 palabras inconvenientes; real CURPs like that exist, so
  we accept them and warn in :func:`explain`.
* ``compact``: we also remove tabs, line breaks and other Unicode white
  space inside the value and apply Unicode NFC (so e.g. KELVIN SIGN becomes
  K), where stdnum keeps them.

Same verdict, plus a warning:

* ``inner_vowel``: like stdnum we accept any letter in position 2, since old
  CURPs do not always follow the rule; but RENAPO puts there the first inner
  vowel of the first surname, or X (no inner vowel, a special character, a
  palabra inconveniente), so a consonant there gets the warning
  ``curp.inner_vowel`` with ``position`` 1 (in :func:`explain`, the widget
  and the list check).  The check digit cannot catch a slip there: weight 17
  misses changes of value 10, such as A <-> K or T, I <-> R, O <-> F or Y and
  U <-> B or L.

Equal: length, alphabet, date existence and century rule, state list,
check digit.  :func:`compare` is the tool to check positions 1-16 against a
person's data.

The rules are written once, as the ordered list ``_RULES`` (each names its
error); the fast path of :func:`is_valid` is a regular expression built
from the same tables, and the tests check that both agree.  The Spanish
texts are in :mod:`checker.messages.curp`; :func:`derive` and
:func:`compare` live in :mod:`checker.curp_names`.

>>> validate('bOXW 310820-HNERXN09')
'BOXW310820HNERXN09'
>>> validate('BOXW310820HNERXN08')
Traceback (most recent call last):
    ...
checker.exceptions.InvalidInput: El dígito verificador (carácter 18) no coincide con el resto de la CURP: con los primeros 17 caracteres debería ser 9, no 8. Casi siempre significa que algún carácter se copió mal; compárala letra por letra con tu constancia de CURP.
>>> try:
...     validate('HEGG560427MVZRRÑ04')
... except InvalidInput as e:
...     print(e.code, e.position)
curp.enie 15
>>> is_valid('HEGG560427MVZRRL04')
True
>>> derive('Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'Veracruz')
'HEGG560427MVZRRL'
>>> explain('HEGG560427MVZRRL04')['state_name']
'Veracruz'
"""

from __future__ import annotations

import datetime
import time
import unicodedata

from ._curp_data import DIGITS, INCONVENIENT_WORDS, STATES, UPPER
from ._curp_rules import VALUES, WEIGHTS, calc_check_digit, error, fast_ok, year_of
from ._curp_rules import check as _check
from .exceptions import InvalidInput, warning
from .messages.curp import MESSAGES, SEX_NAMES, date_text

__all__ = [
    'compact',
    'validate',
    'is_valid',
    'explain',
    'has_warnings',
    'derive',
    'compare',
    'calc_check_digit',
    'InvalidInput',
]

# ------------------------------------------------------------ today (cached)


def _today() -> datetime.date:
    """Today's date (a seam: tests may monkeypatch it)."""
    return datetime.date.today()


# yyyymmdd, valid until (time.time()), fn, and the key of the day before:
# the birth dates up to it are past whenever the cache is read again, as
# days only go forward (bar a clock set back by more than a day), so a
# valid CURP passes with it without reading the clock (is_valid, validate).
_today_cache = [0, 0.0, None, 0]


def _today_key(today: datetime.date | None = None) -> int:
    """Today as an int yyyymmdd; cached until the next local midnight."""
    if today is not None:
        return today.year * 10000 + today.month * 100 + today.day
    cache = _today_cache
    now = time.time()
    if now < cache[1] and cache[2] is _today:
        return cache[0]
    d = _today()
    key = d.year * 10000 + d.month * 100 + d.day
    midnight = datetime.datetime.combine(d + datetime.timedelta(days=1), datetime.time()).timestamp()
    cache[:] = [key, min(midnight, now + 60.0), _today, key - 1]
    return key


# compact(): ASCII hyphen, underscore and a few Unicode hyphens are removed
# (together with every kind of white space).
_REMOVE = dict.fromkeys(map(ord, '-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d'))


# --------------------------------------------------------------- compact


def compact(number: str) -> str:
    """Convert the CURP to its minimal representation.

    Strips surrounding and inner white space, hyphens and underscores,
    uppercases and applies Unicode NFC.  Any other character (a dot, an
    accented letter, ...) stays, so :func:`validate` can name its position.

    >>> compact(' hegg-560427_mvzrrl04 ')
    'HEGG560427MVZRRL04'
    >>> compact('HEGG.560427')
    'HEGG.560427'
    """
    if not isinstance(number, str):
        raise error('curp.format#type')
    if number.isascii():
        s = number.upper()
        if not s.isalnum():
            s = ''.join(s.split()).replace('-', '').replace('_', '')
        return s
    s = ''.join(number.split()).translate(_REMOVE)
    return unicodedata.normalize('NFC', s.upper())


# ------------------------------------------------------------ validation


def is_valid(number: str, *, today: datetime.date | None = None) -> bool:
    """Check if the number is a valid CURP (never raises).

    ``today`` (keyword-only) replaces today's date for the future-date rule.

    >>> is_valid('HEGG560427MVZRRL04')
    True
    >>> is_valid('HEGG560427MVZRRL05')
    False
    >>> is_valid('MOSA010509MJCRNNA4')
    True
    >>> is_valid('MOSA010509MJCRNNA4', today=datetime.date(2001, 5, 8))
    False
    """
    # compact() inlined where it only uppercases (the usual value)
    s = number.upper() if number.__class__ is str and number.isascii() else ''
    if not s.isalnum():  # '' too: compact() decides
        try:
            s = compact(number)
        except InvalidInput:
            return False
    cache = _today_cache  # the day before: no clock read for a valid value
    if today is None and cache[2] is _today and fast_ok(s, cache[3]):
        return True
    return fast_ok(s, _today_key(today))


def validate(number: str, *, today: datetime.date | None = None) -> str:
    """Check if the number is a valid CURP and return its compact form.

    Raises :class:`InvalidInput` naming the first problem (see the module
    docstring for the order and the codes).

    >>> validate('HEGG560427MVZRRL04')
    'HEGG560427MVZRRL04'
    >>> try:
    ...     validate('HEGG561327MVZRRL04')
    ... except InvalidInput as e:
    ...     print(e.code, e.position, e.message)
    curp.date 7 Los caracteres 7 y 8 son tu mes de nacimiento y dicen "13", pero el mes va de 01 a 12. Revisa tu fecha de nacimiento en tu constancia de CURP.
    """
    s = number.upper() if number.__class__ is str and number.isascii() else ''
    if not s.isalnum():  # as in is_valid()
        s = compact(number)
    cache = _today_cache
    if today is None and cache[2] is _today and fast_ok(s, cache[3]):
        return s
    error = _check(s, _today_key(today))
    if error is not None:
        raise error
    return s


# ---------------------------------------------------------------- explain

_HOMOCLAVE_LOOKALIKE = {'0': 'O', 'O': '0', '6': 'G', 'G': '6'}

#: What RENAPO puts in position 2: the first inner vowel of the first
#: surname, or X.
_SECOND = frozenset('AEIOUX')


def _inner_vowel(s: str) -> dict | None:
    """The ``curp.inner_vowel`` warning of a consonant in position 2, or None.

    >>> _inner_vowel('HKGG560427MVZRRL02')['position']
    1
    >>> _inner_vowel('HEGG560427MVZRRL04') is None
    True
    """
    c = s[1]
    if c in _SECOND:
        return None
    text = MESSAGES['curp.inner_vowel'].format(c=c)
    # vowels a slip would turn into this consonant without changing the check digit
    twins = [v for v in 'AEIOU' if (VALUES[c] - VALUES[v]) * WEIGHTS[1] % 10 == 0]
    if twins:
        text += MESSAGES['curp.inner_vowel#twin'].format(vowels=' o '.join(twins))
    return warning('curp.inner_vowel', text, 1)


def _blind_spots(s: str, today_key: int) -> tuple[list[int], str]:
    """Single changes in date, sex and state the check digit cannot see.

    Returns the 0-based positions concerned and a Spanish sentence.
    """
    key = 'curp.check_digit_blind_spot#'
    positions = [8]
    day = s[8:10]
    alternatives = []
    for t in '0123':
        if t != s[8]:
            other = s[:8] + t + s[9:]
            if fast_ok(other, today_key):
                alternatives.append(t + s[9])
    days = ''
    if alternatives:
        listed = ', '.join(alternatives[:-1]) + ' o ' + alternatives[-1] if len(alternatives) > 1 else alternatives[0]
        days = MESSAGES[key + 'days'].format(listed=listed, day=day)
    others = []
    # year tens: weight 14, a change of 5 goes unnoticed
    year_tens = s[4]
    alt = str((int(year_tens) + 5) % 10)
    other = s[:4] + alt + s[5:]
    if fast_ok(other, today_key):
        others.append(MESSAGES[key + 'year'].format(other=year_of(other), year=year_of(s)))
        positions.append(4)
    # sex: weight 8, H (17) and M (22) differ by 5
    if s[10] in 'HM':
        alt = 'M' if s[10] == 'H' else 'H'
        others.append(MESSAGES[key + 'sex'].format(alt=alt, c=s[10]))
        positions.append(10)
    # homoclave: weight 2, so a change of value 5, 10, ... goes unnoticed,
    # and 0/O (0 and 25) and 6/G (6 and 16) look alike: the century flips
    alt = _HOMOCLAVE_LOOKALIKE.get(s[16])
    if alt:
        other = s[:16] + alt + s[17]
        if fast_ok(other, today_key):
            others.append(
                MESSAGES[key + 'homoclave'].format(
                    article='un' if alt in DIGITS else 'una', alt=alt, c=s[16], year=year_of(other)
                )
            )
            positions.append(16)
    # state: weights 7 and 6
    for i in (11, 12):
        w = WEIGHTS[i]
        v = VALUES[s[i]]
        for c in sorted(UPPER):
            if c != s[i] and (VALUES[c] - v) * w % 10 == 0:
                code = c + s[12] if i == 11 else s[11] + c
                if code in STATES:
                    others.append(MESSAGES[key + 'state'].format(code=code, name=STATES[code], state=s[11:13]))
                    if i not in positions:
                        positions.append(i)
    if others:
        others = MESSAGES[key + 'others'].format(others=', ni '.join(others))
    text = MESSAGES['curp.check_digit_blind_spot'].format(days=days, others=others or '')
    return sorted(positions), text


def explain(number: str, *, today: datetime.date | None = None) -> dict:
    """Split a valid CURP into parts for display, with warnings.

    Keys: ``curp``, ``initials`` (1-4), ``birth_date`` (ISO
    ``YYYY-MM-DD``), ``birth_date_text`` (in Spanish), ``sex`` (H/M/X),
    ``sex_name`` (Hombre/Mujer/No binario), ``state`` (code), ``state_name``
    (e.g. Veracruz, or Nacido en el extranjero for NE), ``born_abroad``,
    ``consonants`` (14-16), ``homoclave``, ``check_digit``,
    ``unverified_positions`` and ``warnings`` (a list of ``{code,
    message}``).

    Raises :class:`InvalidInput` (exactly like :func:`validate`) when the
    CURP is not valid.  Warnings never block: ``curp.inconvenient_word``
    (the first four letters spell a word of Anexo 2), ``curp.inner_vowel``
    (a consonant in position 2; the warning carries ``position`` 1) and
    ``curp.check_digit_blind_spot`` (always: the check digit cannot confirm
    the day of birth).  ``unverified_positions`` lists the 0-based positions
    of the date, sex and state where a wrong character would still give the
    same check digit.

    >>> info = explain('BOXW310820HNERXN09')
    >>> info['birth_date'], info['sex_name'], info['state_name']
    ('1931-08-20', 'Hombre', 'Nacido en el extranjero')
    >>> [w['code'] for w in info['warnings']]
    ['curp.check_digit_blind_spot']
    """
    today_key = _today_key(today)
    s = validate(number, today=today)
    birth = datetime.date(year_of(s), int(s[6:8]), int(s[8:10]))
    warnings = []
    if s[:4] in INCONVENIENT_WORDS:
        warnings.append(
            warning(
                'curp.inconvenient_word',
                MESSAGES['curp.inconvenient_word'].format(word=s[:4], replaced=f'{s[0]}X{s[2:4]}'),
            )
        )
    inner = _inner_vowel(s)
    if inner:
        warnings.append(inner)
    positions, text = _blind_spots(s, today_key)
    warnings.append(warning('curp.check_digit_blind_spot', text))
    return {
        'curp': s,
        'initials': s[:4],
        'birth_date': birth.isoformat(),
        'birth_date_text': date_text(birth.year, birth.month, birth.day),
        'sex': s[10],
        'sex_name': SEX_NAMES[s[10]],
        'state': s[11:13],
        'state_name': STATES[s[11:13]],
        'born_abroad': s[11:13] == 'NE',
        'consonants': s[13:16],
        'homoclave': s[16],
        'check_digit': s[17],
        'unverified_positions': positions,
        'warnings': warnings,
    }


def has_warnings(number: str) -> bool:
    """Whether :func:`explain` warns about a valid, compact CURP.

    True exactly when ``explain(number)['warnings']`` holds more than the
    ``curp.check_digit_blind_spot`` note every CURP gets: a cheap test for
    callers that check many values (a whole list) and only want the
    detailed explanation when there is something to say.

    >>> has_warnings('HEGG560427MVZRRL04'), has_warnings('BXCA000101HDFRRRA9')
    (False, False)
    >>> has_warnings('BACA000101HDFRRRA7'), has_warnings('HKGG560427MVZRRL02')
    (True, True)
    """
    return number[:4] in INCONVENIENT_WORDS or number[1] not in _SECOND


# The name tools build on this module (compact, validate); re-exported here.
from .curp_names import compare, derive  # noqa: E402
