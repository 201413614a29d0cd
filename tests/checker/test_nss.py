"""Rule-by-rule tests of checker.nss."""

from __future__ import annotations

import datetime
import string

import pytest

from checker import InvalidInput, curp, nss

TODAY = datetime.date(2026, 11, 23)
GUIDES = ['28138801999', '74927602404']  # printed in the source guides


def fix(s10: str) -> str:
    return s10 + nss.calc_check_digit(s10)


def curp_for(birth: str, homoclave: str) -> str:
    """A valid CURP born on ``birth`` ('YYMMDD')."""
    s17 = f'HEGG{birth}MVZRRL{homoclave}'
    return s17 + curp.calc_check_digit(s17)


def error(value) -> InvalidInput:
    with pytest.raises(InvalidInput) as info:
        nss.validate(value)
    assert not nss.is_valid(value)
    with pytest.raises(InvalidInput):
        nss.explain(value)
    return info.value


@pytest.mark.parametrize('value', GUIDES)
def test_guide_examples_are_valid(value):
    assert nss.validate(value) == value
    assert nss.is_valid(value)


def test_compact_keeps_a_string():
    assert nss.compact(' 2813-8801 999 ') == '28138801999'
    assert nss.compact('01_234') == '01234'
    assert isinstance(nss.validate(fix('0000000001')), str)
    assert nss.validate(fix('0000000001')).startswith('0')


@pytest.mark.parametrize('value', [28138801999, None, 2.5, b'28138801999'])
def test_not_a_string(value):
    with pytest.raises(InvalidInput) as info:
        nss.validate(value)
    assert info.value.code == 'nss.format'
    assert nss.is_valid(value) is False


@pytest.mark.parametrize('value,n', [('', 0), ('2813880199', 10), ('281388019990', 12), ('2', 1)])
def test_length(value, n):
    e = error(value)
    assert e.code == 'nss.length'
    assert e.position is None
    if n:
        assert f'tiene {n} ' in e.message and '11' in e.message


def test_length_names_the_bad_character():
    e = error('2813880199O9')
    assert (e.code, e.position) == ('nss.length', 10)
    assert 'carácter 11' in e.message


@pytest.mark.parametrize('char', ['٣', '３', '𝟑', '໓', '³', 'a', 'O', '.', '\u200b'])
@pytest.mark.parametrize('position', [0, 5, 10])
def test_only_ascii_digits(char, position):
    value = list(GUIDES[0])
    value[position] = char
    e = error(''.join(value))
    assert (e.code, e.position) == ('nss.digits', position)
    assert f'carácter {position + 1} ' in e.message


def test_unicode_digit_message_says_which_digit():
    e = error('2813880199٩')
    assert 'teclado normal (9)' in e.message


@pytest.mark.parametrize('value', GUIDES)
def test_check_digit(value):
    for d in string.digits:
        if d != value[10]:
            e = error(value[:10] + d)
            assert (e.code, e.position) == ('nss.check_digit', 10)
            assert f'debería ser {value[10]}, no {d}' in e.message


def test_check_digit_is_luhn_over_ten_digits():
    # Luhn detects every single-digit error and adjacent transpositions
    # except 09 <-> 90
    base = GUIDES[0]
    for i in range(11):
        for d in string.digits:
            if d != base[i]:
                assert not nss.is_valid(base[:i] + d + base[i + 1 :])


def test_explain_parts():
    info = nss.explain('28138801999', today=TODAY)
    assert info == {
        'nss': '28138801999',
        'subdelegacion': '28',
        'registration_year': '13',
        'birth_year': '88',
        'folio': '0199',
        'check_digit': '9',
        'registration_year_full': 2013,
        'warnings': [],
    }
    info = nss.explain('74927602404', today=TODAY)
    assert info['registration_year_full'] == 1992


def test_explain_matching_curp_has_no_warnings():
    value = fix('2813880199')
    assert nss.explain(value, curp=curp_for('880101', '0'), today=TODAY)['warnings'] == []


def test_explain_birth_year_mismatch():
    info = nss.explain('28138801999', curp=curp_for('870101', '0'), today=TODAY)
    assert [w['code'] for w in info['warnings']] == ['nss.birth_year_mismatch']
    assert '88' in info['warnings'][0]['message']
    assert '87' in info['warnings'][0]['message']


def test_no_naive_two_digit_comparison():
    # registered in 2005 ('05'), born in 1988 ('88'): fine although 05 < 88
    value = fix('0105880123')
    info = nss.explain(value, curp=curp_for('880101', '0'), today=TODAY)
    assert info['warnings'] == []
    assert info['registration_year_full'] == 2005


def test_registration_before_birth():
    # born in 2005 (letter homoclave), registered '03' -> 2003: impossible
    value = fix('0103050123')
    info = nss.explain(value, curp=curp_for('050101', 'A'), today=TODAY)
    assert [w['code'] for w in info['warnings']] == ['nss.registration_before_birth']
    assert '2003' in info['warnings'][0]['message']
    assert info['registration_year_full'] is None


def test_registration_future():
    # born in 2005, registered '30': 1930 is before birth, 2030 has not come
    value = fix('0130050123')
    info = nss.explain(value, curp=curp_for('050101', 'A'), today=TODAY)
    assert [w['code'] for w in info['warnings']] == ['nss.registration_future']
    assert '2030' in info['warnings'][0]['message']


def test_registration_same_year_as_birth_is_fine():
    value = fix('0105050123')
    assert nss.explain(value, curp=curp_for('050101', 'A'), today=TODAY)['warnings'] == []


def test_registration_uses_the_full_birth_year_from_the_curp():
    # birth '05' in 1905 (digit homoclave): a registration in '30' (1930)
    # is possible
    value = fix('0130050123')
    assert nss.explain(value, curp=curp_for('050101', '5'), today=TODAY)['warnings'] == []


def test_registration_year_depends_on_today(monkeypatch):
    value = fix('0127050123')
    monkeypatch.setattr(nss, '_today', lambda: datetime.date(2027, 6, 1))
    assert nss.explain(value)['registration_year_full'] == 2027
    monkeypatch.setattr(nss, '_today', lambda: datetime.date(2026, 6, 1))
    assert nss.explain(value)['registration_year_full'] == 1927


@pytest.mark.parametrize('bad_curp', ['', 'HEGG560427MVZRRL05', 'X' * 50, 12])
def test_invalid_curp_is_a_warning(bad_curp):
    info = nss.explain('28138801999', curp=bad_curp, today=TODAY)
    assert [w['code'] for w in info['warnings']] == ['nss.curp_invalid']
    assert info['nss'] == '28138801999'
    for w in info['warnings']:
        assert set(w) == {'code', 'message'}


def test_compare_curp_is_explains_comparison_and_depends_only_on_curp_key():
    today = datetime.date(2026, 6, 1)
    values = ['28138801999', '74927602404', '01000000009', '10998800002']
    values = [v[:10] + nss.calc_check_digit(v) for v in values]
    curps = ['HEGG560427MVZRRL04', 'MOSA010509MJCRNNA4', 'BOXW310820HNERXN09']
    by_key = {}
    for n in values:
        for c in curps:
            got = nss.compare_curp(n, c, today=today)
            assert got == nss.explain(n, curp=c, today=today)['warnings']
            by_key.setdefault(nss.curp_key(n, c), got)
            assert by_key[nss.curp_key(n, c)] == got
    assert nss.curp_key('28138801999', 'MOSA010509MJCRNNA4') == '138801A'
    with pytest.raises(InvalidInput):
        nss.compare_curp('1', curps[0])
