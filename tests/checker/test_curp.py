"""Rule-by-rule tests of checker.curp (one test, or more, per rule)."""

from __future__ import annotations

import datetime
import itertools
import string

import pytest

from checker import InvalidInput, _curp_rules, curp
from checker._curp_data import INCONVENIENT_WORDS, STATES

TODAY = datetime.date(2026, 11, 23)
VALID = [
    'HEGG560427MVZRRL04',  # Gloria Hernández García (RENAPO's sample)
    'BOXW310820HNERXN09',  # python-stdnum's test value, born abroad
    'MOSA010509MJCRNNA4',  # letter homoclave: born in 2001
]


def fix(s17: str) -> str:
    """Complete 17 characters with their check digit."""
    return s17 + curp.calc_check_digit(s17)


def error(value, **kw) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        curp.validate(value, **kw)
    assert not curp.is_valid(value, **kw)
    with pytest.raises(InvalidInput) as again:
        curp.explain(value, **kw)
    assert again.value.code == info.value.code
    return info.value


# ----------------------------------------------------------------- compact


def test_compact_strips_separators_uppercases_and_normalizes():
    assert curp.compact(' hegg 560427-mvzrrl_04\t') == 'HEGG560427MVZRRL04'
    assert curp.compact('HEGG\u00a0560427\u2010MVZRRL04') == 'HEGG560427MVZRRL04'
    assert curp.compact('N\u0303') == 'Ñ'  # NFC
    assert curp.compact('\u212a') == 'K'  # KELVIN SIGN
    assert curp.compact('HEGG.5604') == 'HEGG.5604'  # a dot stays


@pytest.mark.parametrize('value', [None, 12, b'HEGG560427MVZRRL04', ['x']])
def test_not_a_string(value):
    with pytest.raises(InvalidInput) as info:
        curp.validate(value)
    assert info.value.code == 'curp.format'
    assert curp.is_valid(value) is False


# ------------------------------------------------------------------- valid


@pytest.mark.parametrize('value', VALID)
def test_valid(value):
    assert curp.validate(value) == value
    assert curp.is_valid(value)
    assert curp.is_valid(value.lower())


def test_valid_non_binary_and_every_state():
    for state in STATES:
        for sex in 'HMX':
            value = fix(f'HEGG560427{sex}{state}RRL0')
            assert curp.is_valid(value), value


# ------------------------------------------------------------------ length


def test_length_empty():
    e = error('')
    assert e.code == 'curp.length' and e.position is None
    assert 'No escribiste' in e.message
    assert error('  - _ ').code == 'curp.length'


@pytest.mark.parametrize(
    'value', ['HEGG560427MVZRRL0', 'HEGG560427MVZRRL045', 'H', 'HEGG560427MVZRRL04HEGG560427MVZRRL04']
)
def test_length(value):
    e = error(value)
    assert e.code == 'curp.length' and e.position is None
    assert f'tiene {len(value)} ' in e.message and '18' in e.message


def test_length_comes_first_and_names_a_bad_character():
    # the OCR-garbled sample of the source guides
    e = error('LAHG3880402MVZGRI.01')
    assert e.code == 'curp.length'
    assert e.position == 17
    assert 'carácter 18 (".")' in e.message


# -------------------------------------------------------------- characters


def error_at(position: int, char: str) -> InvalidInput:
    """The error for RENAPO's sample with *char* at *position*: it must point there."""
    e = error(VALID[0][:position] + char + VALID[0][position + 1 :])
    assert e.position == position
    return e


@pytest.mark.parametrize('position', range(18))
def test_enie_anywhere(position):
    e = error_at(position, 'Ñ')
    assert e.code == 'curp.enie'
    assert f'carácter {position + 1} ' in e.message and 'X' in e.message


def test_lowercase_and_decomposed_enie():
    assert error('HEGG560427MVZRRñ04').code == 'curp.enie'
    assert error('HEGG560427MVZRRN\u030304').position == 15


@pytest.mark.parametrize('char', ['.', '/', '&', '*', 'Ü', '٣', '５', '\u200b'])
@pytest.mark.parametrize('position', [0, 5, 16, 17])
def test_other_characters(char, position):
    e = error_at(position, char)
    assert e.code == 'curp.character'
    assert f'carácter {position + 1} ' in e.message


def test_accented_letter_hint():
    e = error('HÉGG560427MVZRRL04')
    assert e.position == 1 and 'escribe E en lugar de É' in e.message


def test_character_error_before_format_error():
    e = error('1EGG560427MVZRRL0.')
    assert (e.code, e.position) == ('curp.character', 17)


# ------------------------------------------------------------------ format


@pytest.mark.parametrize('position', range(4))
def test_no_digit_in_1_to_4(position):
    e = error_at(position, '0')
    assert e.code == 'curp.format'
    assert 'letra O' in e.message


@pytest.mark.parametrize('position', range(4, 10))
def test_no_letter_in_the_date(position):
    e = error_at(position, 'O')
    assert e.code == 'curp.format'
    assert 'número 0' in e.message


# -------------------------------------------------------------------- date


@pytest.mark.parametrize('month,position', [('00', 7), ('13', 7), ('20', 6), ('99', 6)])
def test_month(month, position):
    e = error(fix(f'HEGG56{month}27MVZRRL0'))
    assert (e.code, e.position) == ('curp.date', position)


@pytest.mark.parametrize('day,position', [('00', 9), ('32', 9), ('40', 8)])
def test_day(day, position):
    e = error(fix(f'HEGG5604{day}MVZRRL0'))
    assert (e.code, e.position) == ('curp.date', position)


@pytest.mark.parametrize('mmdd', ['0431', '0631', '0931', '1131', '0230', '0231'])
def test_days_in_month(mmdd):
    e = error(fix(f'HEGG56{mmdd}MVZRRL0'))
    assert (e.code, e.position) == ('curp.date', 8)


@pytest.mark.parametrize(
    'yy,homoclave,valid',
    [
        ('00', 'A', True),  # 2000 is a leap year
        ('00', '0', False),  # 1900 is not
        ('04', 'A', True),
        ('96', '0', True),
        ('04', '1', True),
        ('01', 'A', False),
        ('99', '9', False),
        ('23', 'B', False),
    ],
)
def test_29_february(yy, homoclave, valid):
    value = fix(f'HEGG{yy}0229MVZRRL{homoclave}')
    assert curp.is_valid(value, today=TODAY) is valid
    if not valid:
        e = error(value, today=TODAY)
        assert (e.code, e.position) == ('curp.date', 8)
        assert 'bisiesto' in e.message
        if yy == '00':
            assert 'carácter 17' in e.message  # the homoclave is what chose 1900


def test_century_comes_from_the_homoclave():
    assert curp.explain(fix('HEGG050101MVZRRL0'))['birth_date'] == '1905-01-01'
    assert curp.explain(fix('HEGG050101MVZRRLA'))['birth_date'] == '2005-01-01'


def test_future():
    value = fix('HEGG261124MVZRRLA')
    assert not curp.is_valid(value, today=TODAY)
    e = error(value, today=TODAY)
    assert (e.code, e.position) == ('curp.future', 4)
    assert '2026' in e.message and '1926' in e.message
    assert curp.is_valid(value, today=TODAY + datetime.timedelta(days=1))
    # born today is fine
    assert curp.is_valid(fix('HEGG261123MVZRRLA'), today=TODAY)


def test_future_uses_the_real_date_by_default():
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    value = fix(f'HEGG{tomorrow:%y%m%d}MVZRRLA')
    assert not curp.is_valid(value)
    assert error(value).code == 'curp.future'


def test_today_seam_can_be_monkeypatched(monkeypatch):
    value = fix('HEGG300101MVZRRLA')
    monkeypatch.setattr(curp, '_today', lambda: datetime.date(2031, 1, 1))
    assert curp.is_valid(value)
    monkeypatch.setattr(curp, '_today', lambda: datetime.date(2029, 1, 1))
    assert not curp.is_valid(value)


def test_valid_values_pass_without_reading_the_clock_again(monkeypatch):
    """is_valid() and validate() read today only for a birth date since the
    day before the cached one (or an invalid value): a list does not ask
    the clock once per CURP, and a CURP born today still passes."""
    reads = []

    def today():
        reads.append(1)
        return datetime.date(2031, 1, 1)

    monkeypatch.setattr(curp, '_today', today)
    old, born_today, born_tomorrow = fix('HEGG300101MVZRRLA'), fix('HEGG310101MVZRRLA'), fix('HEGG310102MVZRRLA')
    assert curp.is_valid(old) and len(reads) == 1
    for _ in range(5):
        assert curp.is_valid(old) and curp.validate(old) == old
    assert len(reads) == 1
    assert curp.is_valid(born_today) and curp.validate(born_today) == born_today
    assert not curp.is_valid(born_tomorrow) and error(born_tomorrow).code == 'curp.future'
    assert curp.is_valid(born_today, today=datetime.date(2031, 1, 1))
    assert not curp.is_valid(born_today, today=datetime.date(2030, 12, 31))


# --------------------------------------------------------------------- sex


@pytest.mark.parametrize('char', sorted(set(string.ascii_uppercase + '0') - set('HMX')))
def test_sex(char):
    e = error(fix(f'HEGG560427{char}VZRRL0'))
    assert (e.code, e.position) == ('curp.sex', 10)
    assert 'H' in e.message and 'M' in e.message and 'X' in e.message


# ------------------------------------------------------------------- state


def test_state_invalid_pairs():
    letters = string.ascii_uppercase
    for a, b in itertools.product(letters, letters):
        if a + b in STATES:
            continue
        e = error(fix(f'HEGG560427M{a}{b}RRL0'))
        assert e.code == 'curp.state', a + b
        first_ok = any(code[0] == a for code in STATES)
        assert e.position == (12 if first_ok else 11)


def test_state_digit():
    assert error(fix('HEGG560427M1ZRRL0')).code == 'curp.state'


# ------------------------------------------------------------- consonants


@pytest.mark.parametrize('position', [13, 14, 15])
@pytest.mark.parametrize('char', list('AEIOU5'))
def test_no_vowel_in_14_to_16(position, char):
    value = list(VALID[0][:17])
    value[position] = char
    e = error(fix(''.join(value)))
    assert (e.code, e.position) == ('curp.consonant', position)


def test_x_is_fine_in_14_to_16():
    assert curp.is_valid(fix('HEGG560427MVZXXX0'))


# -------------------------------------------------------------- homoclave


@pytest.mark.parametrize('homoclave', list(string.digits + string.ascii_uppercase))
def test_homoclave_any_digit_or_letter(homoclave):
    value = fix(f'HEGG050101MVZRRL{homoclave}')
    assert curp.is_valid(value, today=TODAY)
    year = curp.explain(value, today=TODAY)['birth_date'][:4]
    assert year == ('1905' if homoclave.isdigit() else '2005')


# ------------------------------------------------------------ check digit


@pytest.mark.parametrize('value', VALID)
def test_check_digit_every_wrong_digit(value):
    for d in string.digits:
        if d != value[17]:
            e = error(value[:17] + d)
            assert (e.code, e.position) == ('curp.check_digit', 17)
            assert f'debería ser {value[17]}, no {d}' in e.message


def test_check_digit_letter():
    e = error(VALID[0][:17] + 'O')
    assert (e.code, e.position) == ('curp.check_digit', 17)
    assert 'número 0' in e.message


def test_check_digit_dictionary_includes_enie():
    # Ñ (value 24) never appears in a valid CURP but has its place in the
    # dictionary: the letters after it are shifted by one.
    assert _curp_rules.VALUES['N'] == 23 and _curp_rules.VALUES['Ñ'] == 24
    assert _curp_rules.VALUES['O'] == 25 and _curp_rules.VALUES['Z'] == 36
    assert curp.calc_check_digit('HEGG560427MVZRRL0') == '4'


def test_check_digit_blind_spot_is_real():
    """Position 9 (weight 10) never changes the check digit; H <-> M
    (weight 8, values differ by 5) neither."""
    for value in VALID:
        for d in '0123':
            other = value[:8] + d + value[9:17]
            assert curp.calc_check_digit(other) == value[17]
        swapped = value[:10] + {'H': 'M', 'M': 'H'}[value[10]] + value[11:17]
        assert curp.calc_check_digit(swapped) == value[17]
    assert all((19 - 9) % 10 == 0 for _ in [0])
    weights = [19 - i for i in range(1, 18)]
    assert [i + 1 for i, w in enumerate(weights) if w % 10 == 0] == [9]


# ------------------------------------------------------------------ order


def test_errors_are_reported_left_to_right():
    # bad date and bad sex and bad check digit: the date wins
    e = error('HEGG561327QVZRRL05')
    assert e.code == 'curp.date'
    e = error('HEGG560427QVZARL05')
    assert e.code == 'curp.sex'
    e = error('HEGG560427MVZARL05')
    assert e.code == 'curp.consonant'


def test_every_message_is_spanish_and_names_a_position():
    samples = [
        '',
        'HEGG',
        'HEGG560427MVZRRÑ04',
        'HEGG560427MVZRR.04',
        '1EGG560427MVZRRL04',
        'HEGGA60427MVZRRL04',
        'HEGG561327MVZRRL04',
        'HEGG560427QVZRRL04',
        'HEGG560427MQQRRL04',
        'HEGG560427MVZAAL04',
        'HEGG560427MVZRRL05',
        'HEGG560427MVZRRL0A',
    ]
    for value in samples:
        e = error(value)
        assert e.code.startswith('curp.')
        assert e.message[0].isupper() and e.message.endswith('.')
        # says how to fix it, talking to the student (tú)
        assert any(verb in e.message for verb in ('Revisa', 'revisa', 'Cópiala', 'compárala', 'Escribe', 'Bórralo'))
        if e.position is not None:
            assert f'{e.position + 1}' in e.message


# ---------------------------------------------------------------- explain


def test_explain_parts():
    info = curp.explain('HEGG560427MVZRRL04')
    assert info['curp'] == 'HEGG560427MVZRRL04'
    assert info['birth_date'] == '1956-04-27'
    assert (info['sex'], info['sex_name']) == ('M', 'Mujer')
    assert (info['state'], info['state_name']) == ('VZ', 'Veracruz')
    assert (info['homoclave'], info['check_digit']) == ('0', '4')
    assert info['born_abroad'] is False
    info = curp.explain('BOXW310820HNERXN09')
    assert info['state_name'] == 'Nacido en el extranjero'
    assert info['sex_name'] == 'Hombre'
    assert curp.explain(fix('HEGG560427XVZRRL0'))['sex_name'] == 'No binario'


def test_explain_blind_spot_warning():
    info = curp.explain('HEGG560427MVZRRL04')
    codes = [w['code'] for w in info['warnings']]
    assert codes == ['curp.check_digit_blind_spot']
    text = info['warnings'][0]['message']
    assert 'día' in text and 'acta de nacimiento' in text
    assert 'carácter 9' in text and '07 o 17' in text
    assert 8 in info['unverified_positions']
    for w in info['warnings']:
        assert set(w) == {'code', 'message'}


def test_explain_blind_spot_state_pairs():
    # C (12) and M (22) differ by 10: CS (Chiapas) <-> MS (Morelos)
    info = curp.explain(fix('HEGG560427MCSRRL0'))
    assert 'MS (Morelos)' in info['warnings'][-1]['message']
    assert 11 in info['unverified_positions']


@pytest.mark.parametrize('word', sorted(INCONVENIENT_WORDS)[:10] + ['WUEY'])
def test_inconvenient_word_is_a_warning(word):
    value = fix(f'{word}560427MVZRRL0')
    assert curp.is_valid(value)
    codes = [w['code'] for w in curp.explain(value)['warnings']]
    assert 'curp.inconvenient_word' in codes


def test_explain_raises_like_validate():
    with pytest.raises(InvalidInput) as info:
        curp.explain('HEGG560427MVZRRL05')
    assert info.value.code == 'curp.check_digit'


# ----------------------------------------------------------------- derive

INSTRUCTIVO = [
    # RENAPO's Instructivo Normativo, worked examples of the exceptions
    (('ALBERTO', 'ÑANDO', 'RODRIGUEZ'), slice(0, 4), 'XARA'),
    (('MARIA LUISA', 'PEREZ', 'HERNANDEZ'), slice(0, 4), 'PEHL'),
    (('LUIS ENRIQUE', 'ROMERO', 'PALAZUELOS'), slice(0, 4), 'ROPL'),
    (('JUAN JOSE', 'D/AMICO', 'ALVAREZ'), slice(0, 4), 'DXAJ'),
    (('ROCIO', 'RIVA PALACIO', 'CRUZ'), slice(0, 4), 'RICR'),
    (('CARLOS', 'MC GREGOR', 'LOPEZ'), slice(0, 4), 'GELC'),
    (('OFELIA', 'PEDRERO', 'DOMINGUEZ'), slice(0, 4), 'PXDO'),
    (('ANDRES', 'ICH', 'RODRÍGUEZ'), slice(0, 4), 'IXRA'),
    (('ALBERTO', 'OÑATE', 'RODRIGUEZ'), slice(13, 16), 'XDL'),
    (('MA. DE LOS ANGELES', 'MORENO', 'SANCHEZ'), slice(13, 16), 'RNN'),
    (('RICARDO', 'ALAMÁN', 'PÉREZ'), slice(0, 16), 'AAPR630321HDFLRC'),
]


@pytest.mark.parametrize('names,part,expected', INSTRUCTIVO)
def test_derive_instructivo_examples(names, part, expected):
    assert curp.derive(*names, '1963-03-21', 'H', 'DF')[part] == expected


def test_derive_full_and_valid_prefix():
    assert (
        curp.derive('Gloria', 'Hernández', 'García', datetime.date(1956, 4, 27), 'M', 'Veracruz') == 'HEGG560427MVZRRL'
    )
    assert curp.derive('Ricardo', 'Alamán', 'Pérez', '1963-03-21', 'Hombre', 'Ciudad de México') == 'AAPR630321HDFLRC'


def test_derive_no_second_surname():
    value = curp.derive('Wong', 'Boo', '', '1931-08-20', 'H', 'NE')
    assert value[2] == 'X' and value[14] == 'X'
    assert curp.derive('Wong', 'Boo', None, '1931-08-20', 'H', 'NE') == value


def test_derive_rules():
    d = lambda g, f, s='LOPEZ': curp.derive(g, f, s, '2005-01-02', 'M', 'OC')
    assert d('MARIA', 'PEREZ')[3] == 'M'  # MARIA alone is used
    assert d('JOSE', 'PEREZ')[3] == 'J'
    assert d('J. ANTONIO', 'PEREZ')[3] == 'A'
    assert d('MA ELENA', 'PEREZ')[3] == 'E'
    assert d('JOSE MARIA', 'PEREZ')[3] == 'M'  # only the first skipped
    assert d('MARÍA DEL CARMEN', 'PEREZ')[3] == 'C'
    assert d('MARIA DE', 'PEREZ')[3] == 'M'  # nothing else follows
    assert d('ANA', 'DE LA CRUZ')[:2] == 'CU'
    assert d('ANA', 'VAN DER BERG')[:2] == 'BE'
    assert d('ANA', 'DEL')[:2] == 'DE'  # only particles: kept
    assert d('ANA', 'MUÑOZ')[13] == 'X'  # Ñ -> X
    assert d('ANA', 'ÑUÑEZ')[0] == 'X'
    assert d('ANA', 'GÜEMES')[:2] == 'GU'
    assert d('ANA', 'O\'HARA')[1] == 'X'  # apostrophe -> X
    assert d('ANA', 'PEREZ-LUNA')[13] == 'R'
    assert d('ANA', 'L3ON')[1] == 'X'  # a digit -> X
    assert d('ANA', 'ICH')[1] == 'X'  # no inner vowel
    assert d('ANA', 'PEREZ', 'AE')[14] == 'X'  # no inner consonant
    assert d('4NA', 'PEREZ')[3] == 'X'
    assert d('  ana  ', '  perez ')[:4] == 'PELA'


@pytest.mark.parametrize('word', sorted(INCONVENIENT_WORDS))
def test_derive_inconvenient_words(word):
    vowels = 'AEIOU'
    if word[1] not in vowels or any(c in vowels for c in word[1:1]):
        pytest.skip('not reachable from a surname')
    first = word[0] + word[1] + 'RR'
    value = curp.derive(word[3] + 'ANA', first, word[2] + 'OLIS', '2000-01-01', 'H', 'DF')
    assert value[:4] == word[0] + 'X' + word[2:4]


def test_derive_century_and_date_formats():
    assert curp.derive('A', 'B', 'C', '2000-02-29', 'X', 'ne')[4:13] == '000229XNE'
    assert curp.derive('A', 'B', 'C', datetime.datetime(1999, 12, 31, 23), 'M', 'YN')[4:10] == '991231'


@pytest.mark.parametrize(
    'args,code',
    [
        (('', 'PEREZ', 'LOPEZ', '2000-01-01', 'H', 'DF'), 'curp.given_names'),
        (('ANA', ' ', 'LOPEZ', '2000-01-01', 'H', 'DF'), 'curp.first_surname'),
        (('ANA', None, 'LOPEZ', '2000-01-01', 'H', 'DF'), 'curp.first_surname'),
        ((1, 'PEREZ', 'LOPEZ', '2000-01-01', 'H', 'DF'), 'curp.given_names'),
        (('ANA', 'PEREZ', 5, '2000-01-01', 'H', 'DF'), 'curp.second_surname'),
        (('ANA', 'PEREZ', 'LOPEZ', '2000-02-30', 'H', 'DF'), 'curp.birth_date'),
        (('ANA', 'PEREZ', 'LOPEZ', '01/02/2000', 'H', 'DF'), 'curp.birth_date'),
        (('ANA', 'PEREZ', 'LOPEZ', '1899-12-31', 'H', 'DF'), 'curp.birth_date'),
        (('ANA', 'PEREZ', 'LOPEZ', None, 'H', 'DF'), 'curp.birth_date'),
        (('ANA', 'PEREZ', 'LOPEZ', '2000-01-01', 'F', 'DF'), 'curp.sex'),
        (('ANA', 'PEREZ', 'LOPEZ', '2000-01-01', None, 'DF'), 'curp.sex'),
        (('ANA', 'PEREZ', 'LOPEZ', '2000-01-01', 'H', 'Texas'), 'curp.state'),
        (('ANA', 'PEREZ', 'LOPEZ', '2000-01-01', 'H', 3), 'curp.state'),
    ],
)
def test_derive_unusable_input(args, code):
    with pytest.raises(InvalidInput) as info:
        curp.derive(*args)
    assert info.value.code == code
    assert info.value.message


def test_derive_state_names():
    for code, name in STATES.items():
        assert curp.derive('A', 'B', 'C', '2000-01-01', 'H', name)[11:13] == code
        assert curp.derive('A', 'B', 'C', '2000-01-01', 'H', code.lower())[11:13] == code
    for alias, code in [
        ('CDMX', 'DF'),
        ('Distrito Federal', 'DF'),
        ('Estado de México', 'MC'),
        ('extranjero', 'NE'),
        ('Nuevo Leon', 'NL'),
    ]:
        assert curp.derive('A', 'B', 'C', '2000-01-01', 'H', alias)[11:13] == code


# ---------------------------------------------------------------- compare

FULL = dict(
    given_names='Gloria',
    first_surname='Hernández',
    second_surname='García',
    birth_date='1956-04-27',
    sex='M',
    state='VZ',
)


def test_compare_agrees():
    assert curp.compare('HEGG560427MVZRRL04', **FULL) == []
    assert curp.compare('hegg-560427-mvzrrl04', **FULL) == []
    assert curp.compare('HEGG560427MVZRRL04') == []  # nothing given


def test_compare_finds_the_typo_even_with_a_bad_check_digit():
    found = curp.compare('HEGG560427MVZRRT04', **FULL)
    assert [(m['position'], m['expected'], m['found']) for m in found] == [(15, 'L', 'T')]
    assert 'carácter 16' in found[0]['message']
    assert 'GLORIA' in found[0]['message']


def test_compare_day_tens_blind_spot():
    # the check digit cannot see this one, compare() can
    assert curp.is_valid('HEGG560417MVZRRL04')
    found = curp.compare('HEGG560417MVZRRL04', birth_date='1956-04-27')
    assert [(m['position'], m['expected'], m['found']) for m in found] == [(8, '2', '1')]


def test_compare_several_parts():
    found = curp.compare('HEGG560427MVZRRL04', **{**FULL, 'sex': 'H', 'state': 'Jalisco', 'second_surname': ''})
    assert [m['position'] for m in found] == [2, 10, 11, 12, 14]
    for m in found:
        assert set(m) == {'position', 'expected', 'found', 'message'}
        assert m['message'].startswith(f'El carácter {m["position"] + 1} ')


def test_compare_century_of_the_homoclave():
    found = curp.compare('HEGG560427MVZRRL04', birth_date='2056-04-27')
    assert [(m['position'], m['expected']) for m in found] == [(16, 'A-Z')]
    found = curp.compare('MOSA010509MJCRNNA4', birth_date='1901-05-09')
    assert [(m['position'], m['expected']) for m in found] == [(16, '0-9')]


def test_compare_inconvenient_word_with_partial_data():
    value = fix('PXDO600101MDFDMF0')
    assert curp.compare(value, first_surname='Pedrero') == []
    assert curp.compare(value, given_names='Ofelia', first_surname='Pedrero', second_surname='Domínguez') == []


def test_compare_wrong_length_and_bad_data():
    with pytest.raises(InvalidInput) as info:
        curp.compare('HEGG560427', **FULL)
    assert info.value.code == 'curp.length'
    with pytest.raises(InvalidInput) as info:
        curp.compare('HEGG560427MVZRRL04', sex='Q')
    assert info.value.code == 'curp.sex'


# ------------------------------------------------ python-stdnum's test list

STDNUM_LIST = '''
AAAA000101HDFCCC09 AAMG890608HDFLJL00 BAAA890317HDFRLL03 BAAD890419HMNRRV07
BEML920313HMCLNS09 HEGG560427MVZRRL04 HEGR891009HMNRRD09 MARR890512HMNRMN09
MESJ890928HMNZNS00 OOMG890727HMNRSR06 PEGL890909MJCRMS08 TOMA880125HMNRRN02
VIAA900930MMNCLL08
'''.split()


@pytest.mark.parametrize('value', STDNUM_LIST)
def test_stdnum_examples(value):
    assert curp.validate(value, today=TODAY) == value


def test_stdnum_example_with_letter_o_in_the_homoclave():
    # stdnum accepts it (born 25 January 2088); the check digit cannot tell
    # O from 0 there, but the birth date can
    e = error('TOMA880125HMNRRNO2', today=TODAY)
    assert (e.code, e.position) == ('curp.future', 4)
    assert 'Si naciste en 1988, el carácter 17 debe ser un número' in e.message


def test_explain_warns_about_0_and_o_in_the_homoclave():
    value = fix('HEGG050101MVZRRL0')
    assert curp.calc_check_digit(value[:16] + 'O') == value[17]
    info = curp.explain(value, today=TODAY)
    assert 16 in info['unverified_positions']
    assert 'una O en lugar de 0 en el carácter 17' in info['warnings'][-1]['message']
    assert '2005' in info['warnings'][-1]['message']
    # born in 1956: the letter would mean 2056, in the future: no warning
    assert 16 not in curp.explain(VALID[0], today=TODAY)['unverified_positions']


@pytest.mark.parametrize(
    'sample',
    [
        ('BACA890909MJCRMS05', 'curp.inconvenient_word'),  # stdnum rejects it
    ],
)
def test_stdnum_rejections_we_warn_about(sample):
    value, code = sample
    value = fix(value[:17])
    assert code in [w['code'] for w in curp.explain(value)['warnings']]


@pytest.mark.parametrize('word', sorted(INCONVENIENT_WORDS) + ['HEGG', 'BXCA', 'PXDO'])
def test_has_warnings_is_exactly_when_explain_warns(word):
    # the cheap test the list check uses must agree with explain()
    value = fix(word + '000101HDFRRRA')
    warned = [w['code'] for w in curp.explain(value)['warnings'] if w['code'] != 'curp.check_digit_blind_spot']
    assert curp.has_warnings(value) is bool(warned)


def _mutations(seed=7, n=20000):
    import random

    rnd = random.Random(seed)
    alphabet = string.ascii_uppercase + string.digits + 'Ñ.- '
    base = [fix(v[:17]) for v in VALID] + [fix('MOSA000229MJCRNNA'), fix('MOSA000229MJCRNN0')]
    for _ in range(n):
        s = list(rnd.choice(base))
        for _ in range(rnd.choice((1, 1, 2))):
            s[rnd.randrange(18)] = rnd.choice(alphabet)
        yield curp.compact(''.join(s))


def test_fast_path_and_rules_agree():
    # the rules are written once (_curp_rules.RULES); the regular expression
    # of the fast path is built from the same tables and must never disagree
    for today in (TODAY, datetime.date(2000, 2, 28), datetime.date(2026, 1, 1)):
        key = today.year * 10000 + today.month * 100 + today.day
        for s in _mutations():
            assert _curp_rules.fast_ok(s, key) is (_curp_rules.diagnose(s, key) is None), s


def test_fast_path_finds_29_february_only_as_the_date():
    # fast_ok() looks for '0229' anywhere: placed at every position (and
    # the check digit made right), it must agree with the rules
    for base in ('MOSA000229MJCRNNA', 'MOSA040229MJCRNN0', 'HEGG560427MVZRRL0', 'XEXX010101HNEXXXA'):
        for p in range(14):
            s = fix((base[:p] + '0229' + base[p + 4 :])[:17])
            for key in (20261203, 20000228):
                assert _curp_rules.fast_ok(s, key) is (_curp_rules.diagnose(s, key) is None), (s, key)


def test_every_error_code_comes_from_the_catalogue():
    from checker.messages.curp import MESSAGES

    codes = {k.partition('#')[0] for k in MESSAGES}
    seen = set()
    for s in _mutations(n=5000):
        try:
            curp.validate(s, today=TODAY)
        except InvalidInput as e:
            assert e.code in codes and e.message
            seen.add(e.code)
    assert {'curp.length', 'curp.character', 'curp.format', 'curp.date', 'curp.check_digit', 'curp.consonant'} <= seen


def test_long_names_are_refused_with_a_clear_message_and_parsing_is_linear():
    from checker import curp_names

    with pytest.raises(InvalidInput) as info:
        curp.compare(VALID[0], given_names='DE ' * 80000)
    assert info.value.code == 'curp.given_names'
    assert 'límite es 200' in info.value.message and '240000 caracteres' in info.value.message
    for field in ('first_surname', 'second_surname', 'sex', 'state'):
        with pytest.raises(InvalidInput) as info:
            curp.compare(VALID[0], **{field: 'x' * (curp_names.MAX_LENGTH + 1)})
        assert 'límite' in info.value.message
    # at the limit: particles skipped however many there are
    name = 'DE ' * ((curp_names.MAX_LENGTH - 6) // 3) + 'GLORIA'
    assert len(name) <= curp_names.MAX_LENGTH
    assert curp.compare(VALID[0], given_names=name) == []
    # _main_word itself is linear: 100,000 particles in one list
    assert curp_names._main_word(['DE'] * 100_000 + ['ANA']) == 'ANA'
