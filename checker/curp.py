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

Equal: length, alphabet, date existence and century rule, state list,
check digit.  Like stdnum, position 2 is not required to be a vowel: RENAPO
puts X there in several cases (no inner vowel, a special character, a
palabra inconveniente) and old CURPs do not always follow the rule.
:func:`compare` is the tool to check positions 1-16 against a person's data.

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
import re
import time
import unicodedata
from operator import mul

from ._curp_data import INCONVENIENT_WORDS, PARTICLES, SKIPPED_GIVEN_NAMES, STATE_ALIASES, STATES
from ._mexico import MONTHS as _MONTHS
from .exceptions import InvalidInput, warning

__all__ = ['compact', 'validate', 'is_valid', 'explain', 'has_warnings',
           'derive', 'compare', 'calc_check_digit', 'InvalidInput']

# ---------------------------------------------------------------- tables

_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ'
_VALUES = {c: i for i, c in enumerate(_ALPHABET)}
_WEIGHTS = tuple(19 - i for i in range(1, 18))          # 18, 17, ..., 2
# bytes.translate table: ASCII code of a digit/letter -> its value
_BYTE_VALUES = bytes(_VALUES.get(chr(b), 0) if b < 128 else 0
                     for b in range(256))
_DIGITS = '0123456789'
_ASCII_ALNUM = frozenset('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')
_UPPER = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
_VOWELS = frozenset('AEIOU')
_CONSONANTS = _UPPER - _VOWELS
_STATE_FIRST = frozenset(code[0] for code in STATES)

_SEX_NAMES = {'H': 'Hombre', 'M': 'Mujer', 'X': 'No binario'}
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# Everything but 29 February of common years and future dates, in one
# regular expression: the happy path of is_valid() is this match, a leap
# year test for ...0229..., one comparison with today and the check digit.
_FAST_MATCH = re.compile(
    '[A-Z]{4}'
    '[0-9]{2}'
    '(?:(?:0[13578]|1[02])(?:0[1-9]|[12][0-9]|3[01])'
    '|(?:0[469]|11)(?:0[1-9]|[12][0-9]|30)'
    '|02(?:0[1-9]|1[0-9]|2[0-9]))'
    '[HMX]'
    '(?:' + '|'.join(sorted(STATES)) + ')'
    '[B-DF-HJ-NP-TV-Z]{3}'
    '[0-9A-Z]'
    '[0-9]').fullmatch

# compact(): ASCII hyphen, underscore and a few Unicode hyphens are removed
# (together with every kind of white space).
_REMOVE = dict.fromkeys(map(ord, '-_\u2010\u2011\u2012\u2013\u2014\u2015'
                                 '\u2212\ufe63\uff0d'))


# ------------------------------------------------------------ today (cached)

def _today() -> datetime.date:
    """Today's date (a seam: tests may monkeypatch it)."""
    return datetime.date.today()


_today_cache = [0, 0.0, None]      # yyyymmdd, valid until (time.time()), fn


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
    midnight = datetime.datetime.combine(
        d + datetime.timedelta(days=1), datetime.time()).timestamp()
    cache[:] = [key, min(midnight, now + 60.0), _today]
    return key


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
        raise InvalidInput(
            'curp.format',
            'Escribe tu CURP como texto: 18 letras y números, tal como '
            'aparecen en tu constancia de CURP.')
    if number.isascii():
        s = number.upper()
        if not s.isalnum():
            s = ''.join(s.split()).replace('-', '').replace('_', '')
        return s
    s = ''.join(number.split()).translate(_REMOVE)
    return unicodedata.normalize('NFC', s.upper())


# ----------------------------------------------------------- check digit

def calc_check_digit(number: str) -> str:
    """Calculate the check digit from the first 17 characters.

    >>> calc_check_digit('HEGG560427MVZRRL0')
    '4'
    """
    try:
        total = sum(map(mul, map(_VALUES.__getitem__, number[:17]), _WEIGHTS))
    except (KeyError, TypeError):
        raise InvalidInput(
            'curp.character',
            'La CURP solo lleva letras de la A a la Z y números.') from None
    return _DIGITS[-total % 10]


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _fast_ok(s: str, today_key: int) -> bool:
    """The complete set of rules, as fast as we can make them."""
    if _FAST_MATCH(s) is None:
        return False
    if s[6:10] == '0229':
        yy = int(s[4:6])
        if yy % 4 or (yy == 0 and s[16] <= '9'):
            return False
    if int(s[4:10]) + (19000000 if s[16] <= '9' else 20000000) > today_key:
        return False
    return _DIGITS[-sum(map(mul, s.encode().translate(_BYTE_VALUES),
                            _WEIGHTS)) % 10] == s[17]


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
    if number.__class__ is str and number.isascii():
        s = number.upper()
        if not s.isalnum():
            s = ''.join(s.split()).replace('-', '').replace('_', '')
    else:
        try:
            s = compact(number)
        except InvalidInput:
            return False
    return _fast_ok(s, _today_key(today))


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
    s = compact(number)
    today_key = _today_key(today)
    if _fast_ok(s, today_key):
        return s
    raise _diagnose(s, today_key)


# ---- detailed diagnosis (only on failure) ----

def _show(c: str) -> str:
    """A character as shown inside a message."""
    if c.isprintable() and not c.isspace():
        return f'"{c}"'
    return f'un carácter invisible (U+{ord(c):04X})'


def _accent_base(c: str) -> str | None:
    base = unicodedata.normalize('NFD', c)[0]
    return base if base != c and base in _UPPER else None


_LETTER_FOR_DIGIT = {'0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z',
                     '6': 'G'}
_DIGIT_FOR_LETTER = {'O': '0', 'Q': '0', 'D': '0', 'I': '1', 'L': '1',
                     'S': '5', 'B': '8', 'Z': '2', 'G': '6', 'T': '7'}


def _date_text(year: int, month: int, day: int) -> str:
    return f'{day} de {_MONTHS[month - 1]} de {year}'


def _bad_character(s: str, i: int) -> InvalidInput:
    c = s[i]
    k = i + 1
    if c == 'Ñ':
        return InvalidInput(
            'curp.enie',
            f'El carácter {k} es una Ñ, pero la CURP nunca lleva Ñ: RENAPO '
            f'la cambia por X. Escribe X en su lugar y revisa tu constancia '
            f'de CURP.', i)
    base = _accent_base(c)
    if base:
        hint = (f' Las letras de la CURP no llevan acento: escribe {base} '
                f'en lugar de {c}.')
    else:
        hint = (' Bórralo o cámbialo por el que aparece en tu constancia de '
                'CURP.')
    return InvalidInput(
        'curp.character',
        f'El carácter {k} ({_show(c)}) no puede ir en una CURP: solo lleva '
        f'letras de la A a la Z (sin Ñ) y números.{hint}', i)


def _diagnose(s: str, today_key: int) -> InvalidInput:
    """Explain why ``s`` (already compact) is not a valid CURP."""
    n = len(s)
    bad = next((i for i, c in enumerate(s) if c not in _ASCII_ALNUM), None)
    if n != 18:
        if n == 0:
            return InvalidInput(
                'curp.length',
                'No escribiste ninguna CURP. Cópiala tal como aparece en tu '
                'constancia de CURP: son 18 letras y números.')
        extra = ''
        if bad is not None:
            extra = (f' Además, el carácter {bad + 1} ({_show(s[bad])}) no '
                     f'puede ir en una CURP.')
        many = 'carácter' if n == 1 else 'caracteres'
        return InvalidInput(
            'curp.length',
            f'Tu CURP tiene {n} {many}, pero debe tener 18.{extra} Revisa '
            f'que no te falte ni te sobre ninguno: cópiala tal como aparece '
            f'en tu constancia de CURP.', bad)
    if bad is not None:
        return _bad_character(s, bad)

    # 1-4: letters from the names
    for i in range(4):
        c = s[i]
        if c not in _UPPER:
            hint = _LETTER_FOR_DIGIT.get(c)
            hint = f' ¿Quizá es la letra {hint}?' if hint else ''
            return InvalidInput(
                'curp.format',
                f'El carácter {i + 1} es el número "{c}", pero los primeros '
                f'4 caracteres de la CURP son letras de tus apellidos y tu '
                f'nombre.{hint} Revisa tu constancia de CURP.', i)
    # 5-10: the birth date, digits only
    for i in range(4, 10):
        c = s[i]
        if c not in _DIGITS:
            hint = _DIGIT_FOR_LETTER.get(c)
            hint = f' ¿Quizá es el número {hint}?' if hint else ''
            return InvalidInput(
                'curp.format',
                f'El carácter {i + 1} es la letra "{c}", pero los caracteres '
                f'5 al 10 son tu fecha de nacimiento (año, mes y día: '
                f'AAMMDD) y solo llevan números.{hint} Revisa tu constancia '
                f'de CURP.', i)
    yy, mm, dd = int(s[4:6]), int(s[6:8]), int(s[8:10])
    letter_century = s[16] not in _DIGITS
    year = (2000 if letter_century else 1900) + yy
    if not 1 <= mm <= 12:
        return InvalidInput(
            'curp.date',
            f'Los caracteres 7 y 8 son tu mes de nacimiento y dicen '
            f'"{s[6:8]}", pero el mes va de 01 a 12. Revisa tu fecha de '
            f'nacimiento en tu constancia de CURP.',
            6 if s[6] not in '01' else 7)
    if not 1 <= dd <= 31:
        return InvalidInput(
            'curp.date',
            f'Los caracteres 9 y 10 son tu día de nacimiento y dicen '
            f'"{s[8:10]}", pero el día va de 01 a 31. Revisa tu fecha de '
            f'nacimiento en tu constancia de CURP.',
            8 if s[8] not in '0123' else 9)
    if dd > _DAYS_IN_MONTH[mm]:
        return InvalidInput(
            'curp.date',
            f'Según tu CURP naciste el {dd} de {_MONTHS[mm - 1]}, pero '
            f'{_MONTHS[mm - 1]} solo tiene {_DAYS_IN_MONTH[mm]} días. Revisa '
            f'los caracteres 7 al 10 (mes y día) con tu acta de nacimiento.',
            8)
    if mm == 2 and dd == 29 and not _is_leap(year):
        if year == 1900:
            # The date does not exist; the homoclave is what chose 1900.
            return InvalidInput(
                'curp.date',
                'Según tu CURP naciste el 29 de febrero de 1900, una fecha '
                'que no existe (1900 no fue bisiesto). El carácter 17 es un '
                'número, y eso indica que naciste antes de 2000; si naciste '
                'el 29 de febrero de 2000, el carácter 17 debe ser una '
                'letra. Revisa tu constancia de CURP.', 8)
        return InvalidInput(
            'curp.date',
            f'Según tu CURP naciste el 29 de febrero de {year}, pero {year} '
            f'no fue bisiesto: ese febrero tuvo 28 días. Revisa los '
            f'caracteres 5 al 10 (tu fecha de nacimiento) con tu acta de '
            f'nacimiento.', 8)
    if year * 10000 + mm * 100 + dd > today_key:
        hint = ''
        if letter_century:
            hint = (f' Si naciste en {year - 100}, el carácter 17 debe ser '
                    f'un número: una letra ahí indica que naciste en 2000 o '
                    f'después.')
        return InvalidInput(
            'curp.future',
            f'Según tu CURP naciste el {_date_text(year, mm, dd)}, una fecha '
            f'que todavía no llega. Revisa los caracteres 5 al 10 (tu fecha '
            f'de nacimiento, AAMMDD).{hint}', 4)
    # 11: sex
    if s[10] not in _SEX_NAMES:
        return InvalidInput(
            'curp.sex',
            f'El carácter 11 indica el sexo y debe ser H (hombre), M (mujer) '
            f'o X (no binario), pero es "{s[10]}". Revisa tu constancia de '
            f'CURP.', 10)
    # 12-13: state
    state = s[11:13]
    if state not in STATES:
        return InvalidInput(
            'curp.state',
            f'Los caracteres 12 y 13 son la clave de tu entidad de '
            f'nacimiento y dicen "{state}", que no corresponde a ninguna '
            f'entidad (por ejemplo, VZ es Veracruz, DF es Ciudad de México y '
            f'NE es nacido en el extranjero). Revisa tu constancia de CURP.',
            11 if s[11] not in _STATE_FIRST else 12)
    # 14-16: inner consonants
    for i in range(13, 16):
        c = s[i]
        if c not in _CONSONANTS:
            kind = 'una vocal' if c in _VOWELS else 'un número'
            return InvalidInput(
                'curp.consonant',
                f'El carácter {i + 1} es "{c}" ({kind}), pero los caracteres '
                f'14 al 16 son consonantes de tus apellidos y tu nombre (o '
                f'X): nunca son vocales ni números. Revisa tu constancia de '
                f'CURP.', i)
    # 18: check digit
    c = s[17]
    if c not in _DIGITS:
        hint = _DIGIT_FOR_LETTER.get(c)
        hint = f' ¿Quizá es el número {hint}?' if hint else ''
        return InvalidInput(
            'curp.check_digit',
            f'El último carácter (el 18) es el dígito verificador y siempre '
            f'es un número, pero es la letra "{c}".{hint} Revisa tu '
            f'constancia de CURP.', 17)
    expected = calc_check_digit(s)
    if expected != c:
        return InvalidInput(
            'curp.check_digit',
            f'El dígito verificador (carácter 18) no coincide con el resto '
            f'de la CURP: con los primeros 17 caracteres debería ser '
            f'{expected}, no {c}. Casi siempre significa que algún carácter '
            f'se copió mal; compárala letra por letra con tu constancia de '
            f'CURP.', 17)
    # Not reached: _fast_ok() and the rules above agree (tested), but never
    # let a bug become another exception type.
    return InvalidInput(  # pragma: no cover
        'curp.format',
        'Esta CURP no es válida. Compárala letra por letra con tu constancia '
        'de CURP.')


# ---------------------------------------------------------------- explain

_HOMOCLAVE_LOOKALIKE = {'0': 'O', 'O': '0', '6': 'G', 'G': '6'}


def _blind_spots(s: str, today_key: int) -> tuple[list[int], str]:
    """Single changes in date, sex and state the check digit cannot see.

    Returns the 0-based positions concerned and a Spanish sentence.
    """
    positions = [8]
    day = s[8:10]
    alternatives = []
    for t in '0123':
        if t != s[8]:
            other = s[:8] + t + s[9:]
            if _fast_ok(other, today_key):
                alternatives.append(t + s[9])
    text = ('El dígito verificador no puede confirmar tu día de nacimiento: '
            'no nota si el carácter 9 (las decenas del día) está mal')
    if alternatives:
        listed = (', '.join(alternatives[:-1]) + ' o ' + alternatives[-1]
                  if len(alternatives) > 1 else alternatives[0])
        text += (' (con el día ' + listed +
                 f' en lugar de {day} daría el mismo resultado)')
    text += '.'
    others = []
    # year tens: weight 14, a change of 5 goes unnoticed
    year_tens = s[4]
    alt = str((int(year_tens) + 5) % 10)
    other = s[:4] + alt + s[5:]
    if _fast_ok(other, today_key):
        century = 1900 if s[16] in _DIGITS else 2000
        others.append(f'el año {century + int(other[4:6])} en lugar de '
                      f'{century + int(s[4:6])}')
        positions.append(4)
    # sex: weight 8, H (17) and M (22) differ by 5
    if s[10] in 'HM':
        alt = 'M' if s[10] == 'H' else 'H'
        others.append(f'una {alt} en lugar de una {s[10]} en el sexo '
                      f'(carácter 11)')
        positions.append(10)
    # homoclave: weight 2, so a change of value 5, 10, ... goes unnoticed,
    # and 0/O (0 and 25) and 6/G (6 and 16) look alike: the century flips
    alt = _HOMOCLAVE_LOOKALIKE.get(s[16])
    if alt:
        other = s[:16] + alt + s[17]
        if _fast_ok(other, today_key):
            year = (1900 if alt in _DIGITS else 2000) + int(s[4:6])
            kind = 'un' if alt in _DIGITS else 'una'
            others.append(f'{kind} {alt} en lugar de {s[16]} en el carácter '
                          f'17, que cambia tu año de nacimiento a {year}')
            positions.append(16)
    # state: weights 7 and 6
    for i in (11, 12):
        w = _WEIGHTS[i]
        v = _VALUES[s[i]]
        for c in sorted(_UPPER):
            if c != s[i] and (_VALUES[c] - v) * w % 10 == 0:
                code = c + s[12] if i == 11 else s[11] + c
                if code in STATES:
                    others.append(f'{code} ({STATES[code]}) en lugar de '
                                  f'{s[11:13]} en la entidad')
                    if i not in positions:
                        positions.append(i)
    if others:
        text += (' Tampoco notaría ' + ', ni '.join(others) + '.')
    text += (' Compara tu fecha de nacimiento, tu sexo y tu entidad con tu '
             'acta de nacimiento.')
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
    (the first four letters spell a word of Anexo 2) and
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
    century = 1900 if s[16] in _DIGITS else 2000
    birth = datetime.date(century + int(s[4:6]), int(s[6:8]), int(s[8:10]))
    warnings = []
    if has_warnings(s):
        warnings.append(warning(
            'curp.inconvenient_word',
            f'Las primeras 4 letras de tu CURP ({s[:4]}) forman una palabra '
            f'que RENAPO normalmente evita cambiando la segunda letra por X '
            f'({s[0]}X{s[2:4]}). Si así aparece en tu constancia de CURP, '
            f'está bien; si no, revisa los primeros 4 caracteres.'))
    positions, text = _blind_spots(s, today_key)
    warnings.append(warning('curp.check_digit_blind_spot', text))
    return {
        'curp': s,
        'initials': s[:4],
        'birth_date': birth.isoformat(),
        'birth_date_text': _date_text(birth.year, birth.month, birth.day),
        'sex': s[10],
        'sex_name': _SEX_NAMES[s[10]],
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
    >>> has_warnings('BACA000101HDFRRRA7')
    True
    """
    return number[:4] in INCONVENIENT_WORDS


# ----------------------------------------------------------------- derive

_SPECIAL = '\x00'     # marks a special character inside a cleaned word


def _words(value, code: str, what: str) -> list[str]:
    """Uppercase, accent-free words of a name (special characters kept)."""
    if value is None:
        value = ''
    if not isinstance(value, str):
        raise InvalidInput(code, f'Escribe {what} como texto.')
    value = unicodedata.normalize('NFC', value).upper().replace('Ñ', 'X')
    out = []
    for ch in unicodedata.normalize('NFD', value):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return ''.join(out).split()


def _clean_word(word: str) -> str:
    """A–Z letters stay; anything else becomes the special marker."""
    return ''.join(c if c in _UPPER else _SPECIAL for c in word)


def _main_word(words: list[str], given: bool = False) -> str:
    if given and words[0] in SKIPPED_GIVEN_NAMES and any(
            w not in PARTICLES for w in words[1:]):
        words = words[1:]
    rest = words
    while rest and rest[0] in PARTICLES:
        rest = rest[1:]
    if not rest:             # a name made only of particles: keep the last
        rest = words[-1:]
    return _clean_word(rest[0])


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
    elif isinstance(value, str) and re.fullmatch(
            r'[0-9]{4}-[0-9]{2}-[0-9]{2}', value.strip()):
        v = value.strip()
        try:
            d = datetime.date(int(v[:4]), int(v[5:7]), int(v[8:10]))
        except ValueError:
            raise InvalidInput(
                'curp.birth_date',
                f'La fecha de nacimiento "{v}" no existe. Escríbela como '
                f'AAAA-MM-DD, por ejemplo 2007-03-15.') from None
    else:
        raise InvalidInput(
            'curp.birth_date',
            'Escribe la fecha de nacimiento como AAAA-MM-DD, por ejemplo '
            '2007-03-15.')
    if not 1900 <= d.year <= 2099:
        raise InvalidInput(
            'curp.birth_date',
            'La CURP solo puede representar fechas de nacimiento de 1900 a '
            '2099. Revisa el año.')
    return d


_SEX_INPUT = {'H': 'H', 'HOMBRE': 'H', 'MASCULINO': 'H',
              'M': 'M', 'MUJER': 'M', 'FEMENINO': 'M',
              'X': 'X', 'NO BINARIO': 'X', 'NO BINARIE': 'X',
              'NB': 'X'}


def _parse_sex(value) -> str:
    if isinstance(value, str):
        key = ' '.join(_words(value, 'curp.sex', 'el sexo'))
        if key in _SEX_INPUT:
            return _SEX_INPUT[key]
    raise InvalidInput(
        'curp.sex',
        'El sexo debe ser H (hombre), M (mujer) o X (no binario).')


def _parse_state(value) -> str:
    if isinstance(value, str):
        key = ' '.join(_words(value, 'curp.state', 'la entidad'))
        if key in STATES:
            return key
        if key in _STATE_BY_NAME:
            return _STATE_BY_NAME[key]
    raise InvalidInput(
        'curp.state',
        'No reconozco esa entidad de nacimiento. Escribe su nombre (por '
        'ejemplo, Veracruz) o su clave de dos letras (VZ); si naciste fuera '
        'de México, usa NE.')


def _strip_accents(text: str) -> str:
    return ''.join(c for c in unicodedata.normalize('NFD', text.upper())
                   if not unicodedata.combining(c))


_STATE_BY_NAME = {_strip_accents(name): code for code, name in STATES.items()}
_STATE_BY_NAME.update(STATE_ALIASES)


def _name_word(value, code: str, what: str, given: bool = False,
               required: bool = True) -> str | None:
    words = _words(value, code, what)
    if not words:
        if required:
            raise InvalidInput(
                code, f'Falta {what}. Escríbelo tal como aparece en tu acta '
                      f'de nacimiento.')
        return None
    return _main_word(words, given)


def derive(given_names: str, first_surname: str, second_surname: str,
           birth_date, sex: str, state: str) -> str:
    """The 16 characters of a CURP that follow from a person's data.

    Follows RENAPO's Instructivo: uppercase, no accents, Ñ -> X, leading
    particles (DE, DEL, LA, MC, VAN, Y, ...) dropped, the first word of a
    compound surname, MARIA/MA./MA/JOSE/J/J. skipped when another given name
    follows, special characters -> X, and the second letter of a palabra
    inconveniente -> X.  ``second_surname`` may be ``''``; ``birth_date`` is
    a :class:`datetime.date` or ``'YYYY-MM-DD'``; ``sex`` is H, M or X (or
    Hombre/Mujer/No binario); ``state`` a two-letter code or a state name.
    The homoclave and the check digit are RENAPO's and cannot be derived.

    >>> derive('Alberto', 'Ñando', 'Rodríguez', '1980-01-31', 'H', 'OC')[:4]
    'XARA'
    >>> derive('Ma. de los Ángeles', 'Moreno', 'Sánchez', '2001-05-09', 'M', 'Jalisco')
    'MOSA010509MJCRNN'
    >>> derive('Ofelia', 'Pedrero', 'Domínguez', datetime.date(1960, 1, 1), 'M', 'DF')[:4]
    'PXDO'
    """
    parts = _derive_parts(given_names, first_surname, second_surname,
                          birth_date, sex, state, partial=False)
    return ''.join(parts[i][0] for i in range(16))


_WHAT = {
    'given_names': 'tu nombre',
    'first_surname': 'tu primer apellido',
    'second_surname': 'tu segundo apellido',
}


def _derive_parts(given_names, first_surname, second_surname, birth_date,
                  sex, state, partial: bool) -> dict:
    """position -> (expected, reason).  With ``partial``, ``None`` means
    "not given" and those positions are left out."""
    parts: dict[int, tuple[str, str]] = {}
    if not partial or first_surname is not None:
        w = _name_word(first_surname, 'curp.first_surname',
                       'tu primer apellido')
        shown = w.replace(_SPECIAL, '?')
        parts[0] = (_first_letter(w),
                    f'la primera letra de tu primer apellido ({shown})')
        parts[1] = (_inner(w, _VOWELS),
                    f'la primera vocal interna de tu primer apellido '
                    f'({shown}), o X si no tiene')
        parts[13] = (_inner(w, _CONSONANTS),
                     f'la primera consonante interna de tu primer apellido '
                     f'({shown}), o X si no tiene')
    if not partial or second_surname is not None:
        w = _name_word(second_surname, 'curp.second_surname',
                       'tu segundo apellido', required=False)
        if w is None:
            parts[2] = ('X', 'una X porque no tienes segundo apellido')
            parts[14] = ('X', 'una X porque no tienes segundo apellido')
        else:
            shown = w.replace(_SPECIAL, '?')
            parts[2] = (_first_letter(w),
                        f'la primera letra de tu segundo apellido ({shown})')
            parts[14] = (_inner(w, _CONSONANTS),
                         f'la primera consonante interna de tu segundo '
                         f'apellido ({shown}), o X si no tiene')
    if not partial or given_names is not None:
        w = _name_word(given_names, 'curp.given_names', 'tu nombre',
                       given=True)
        shown = w.replace(_SPECIAL, '?')
        parts[3] = (_first_letter(w),
                    f'la primera letra de tu nombre ({shown})')
        parts[15] = (_inner(w, _CONSONANTS),
                     f'la primera consonante interna de tu nombre ({shown}), '
                     f'o X si no tiene')
    if all(i in parts for i in range(4)):
        word = ''.join(parts[i][0] for i in range(4))
        if word in INCONVENIENT_WORDS:
            parts[1] = ('X', f'una X: RENAPO cambia la segunda letra porque '
                             f'{word} es una palabra inconveniente')
    if not partial or birth_date is not None:
        d = _parse_date(birth_date)
        text = _date_text(d.year, d.month, d.day)
        digits = f'{d.year % 100:02d}{d.month:02d}{d.day:02d}'
        names = ('el año', 'el año', 'el mes', 'el mes', 'el día', 'el día')
        for k in range(6):
            parts[4 + k] = (digits[k], f'{names[k]} de tu fecha de nacimiento '
                                       f'({text})')
        parts[16] = ('0-9' if d.year < 2000 else 'A-Z',
                     'un número porque naciste antes de 2000' if d.year < 2000
                     else 'una letra porque naciste en 2000 o después')
    if not partial or sex is not None:
        x = _parse_sex(sex)
        parts[10] = (x, f'tu sexo ({_SEX_NAMES[x]})')
    if not partial or state is not None:
        code = _parse_state(state)
        parts[11] = (code[0], f'tu entidad de nacimiento ({STATES[code]}: '
                              f'{code})')
        parts[12] = (code[1], f'tu entidad de nacimiento ({STATES[code]}: '
                              f'{code})')
    return parts


def compare(curp: str, given_names: str | None = None,
            first_surname: str | None = None,
            second_surname: str | None = None, birth_date=None,
            sex: str | None = None, state: str | None = None) -> list[dict]:
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
    :class:`InvalidInput` too.

    >>> compare('HEGG560427MVZRRL04', 'Gloria', 'Hernández', 'García', '1956-04-27', 'M', 'VZ')
    []
    >>> [(m['position'], m['expected'], m['found']) for m in compare('HEGG560427MVZRRL04', birth_date='1956-04-17')]
    [(8, '1', '2')]
    """
    s = compact(curp)
    if len(s) != 18:
        raise _diagnose(s, _today_key())
    parts = _derive_parts(given_names, first_surname, second_surname,
                          birth_date, sex, state, partial=True)
    # An inconvenient word can only be spotted with all four letters; with
    # some of them missing, accept the X if it would make sense.
    if 1 in parts and parts[1][0] != 'X' and s[1] == 'X' and not all(
            i in parts for i in range(4)):
        word = ''.join(parts[i][0] if i in parts else s[i] for i in range(4))
        if word in INCONVENIENT_WORDS:
            parts[1] = ('X', f'una X: RENAPO cambia la segunda letra porque '
                             f'{word} es una palabra inconveniente')
    mismatches = []
    for i in sorted(parts):
        expected, reason = parts[i]
        found = s[i]
        if i == 16:
            ok = (found in _DIGITS) if expected == '0-9' else (
                found in _UPPER)
            if ok:
                continue
            message = (f'El carácter 17 es "{found}", pero debería ser '
                       f'{reason}. Revisa tu fecha de nacimiento y tu '
                       f'constancia de CURP.')
        else:
            if found == expected:
                continue
            message = (f'El carácter {i + 1} es "{found}", pero debería ser '
                       f'"{expected}": {reason}. Revisa ese dato con tu acta '
                       f'de nacimiento y tu constancia de CURP.')
        mismatches.append({'position': i, 'expected': expected,
                           'found': found, 'message': message})
    return mismatches
