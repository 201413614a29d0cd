"""Hypothesis fuzzing: any str (Unicode, huge, empty) gives a value or
InvalidInput, never another exception, for every public function of
checker.curp and checker.nss; plus consistency properties."""

from __future__ import annotations

import datetime
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import InvalidInput, curp, curp_names, nss
from checker._curp_data import STATES

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = datetime.date(2026, 11, 23)
FALLBACK = 'Esta CURP no es válida. Compárala letra por letra'

# any text, plus text made of the characters that matter
RELEVANT = string.ascii_letters + string.digits + 'ÑñÁÉ .-_/\t\u00a0\u212a３٣'
texts = st.one_of(st.text(), st.text(alphabet=RELEVANT, max_size=40))


def _valid_curp(draw) -> str:
    born = draw(st.dates(datetime.date(1900, 1, 1), TODAY))
    letters = st.sampled_from(string.ascii_uppercase)
    consonants = st.sampled_from('BCDFGHJKLMNPQRSTVWXYZ')
    s17 = (
        ''.join(draw(letters) for _ in range(4))
        + born.strftime('%y%m%d')
        + draw(st.sampled_from('HMX'))
        + draw(st.sampled_from(sorted(STATES)))
        + ''.join(draw(consonants) for _ in range(3))
        + draw(st.sampled_from(string.digits if born.year < 2000 else string.ascii_uppercase))
    )
    return s17 + curp.calc_check_digit(s17)


@st.composite
def near_curps(draw) -> str:
    """Valid CURPs and single mutations of them: they reach every rule."""
    s = _valid_curp(draw)
    if draw(st.booleans()):
        i = draw(st.integers(0, 17))
        c = draw(st.sampled_from(RELEVANT))
        s = s[:i] + c + s[i + 1 :]
    return s


def _value_or_invalid(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except InvalidInput as e:
        assert isinstance(e.code, str) and e.code
        assert isinstance(e.message, str) and e.message
        assert e.position is None or isinstance(e.position, int)
        return e


def _check_curp(value):
    ok = curp.is_valid(value, today=TODAY)
    assert isinstance(ok, bool)
    result = _value_or_invalid(curp.validate, value, today=TODAY)
    assert ok == (not isinstance(result, InvalidInput))
    if ok:
        assert curp.compact(result) == result and len(result) == 18
    else:
        assert FALLBACK not in result.message
        assert result.code.startswith('curp.')
        if result.position is not None:
            assert 0 <= result.position < len(curp.compact(value))
    info = _value_or_invalid(curp.explain, value, today=TODAY)
    assert isinstance(info, dict) == ok
    _value_or_invalid(curp.compact, value)
    _value_or_invalid(curp.calc_check_digit, value)
    _value_or_invalid(curp.compare, value, 'Ana', 'Pérez', '', '2000-01-01', 'M', 'DF')


@SETTINGS
@given(texts)
def test_curp_any_text(value):
    _check_curp(value)


@SETTINGS
@given(near_curps())
def test_curp_near_valid(value):
    _check_curp(value)


@SETTINGS
@given(texts, texts, texts, st.one_of(texts, st.dates()), texts, texts)
def test_derive_and_compare_any_text(given_names, first, second, born, sex, state):
    result = _value_or_invalid(curp.derive, given_names, first, second, born, sex, state)
    if not isinstance(result, InvalidInput):
        assert len(result) == 16 and result.isascii()
    _value_or_invalid(curp.compare, 'HEGG560427MVZRRL04', given_names, first, second, born, sex, state)


@SETTINGS
@given(
    st.text(min_size=1),
    st.text(),
    st.text(),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)),
    st.sampled_from(['H', 'M', 'X', 'Mujer', 'hombre']),
    st.sampled_from(sorted(STATES)),
)
def test_derive_valid_data(given_names, first, second, born, sex, state):
    result = _value_or_invalid(curp.derive, given_names, first, second, born, sex, state)
    if isinstance(result, InvalidInput):
        too_long = {
            code
            for code, v in (
                ('curp.given_names', given_names),
                ('curp.first_surname', first),
                ('curp.second_surname', second),
            )
            if len(v) > curp_names.MAX_LENGTH
        }
        if too_long:  # a name longer than the documented limit
            assert result.code in too_long and 'límite' in result.message
            return
        # only a name with nothing in it can be refused
        assert result.code in ('curp.given_names', 'curp.first_surname')
        return
    assert len(result) == 16
    s17 = result + ('0' if born.year < 2000 else 'A')
    value = s17 + curp.calc_check_digit(s17)
    # the derived prefix always makes a CURP that passes every rule but the
    # future date, and compare() agrees with it
    assert curp.is_valid(value, today=datetime.date(2100, 1, 1))
    assert curp.compare(value, given_names, first, second, born, sex, state) == []


@SETTINGS
@given(st.one_of(texts, st.text(alphabet='0123456789 -', max_size=20)))
def test_nss_any_text(value):
    ok = nss.is_valid(value)
    result = _value_or_invalid(nss.validate, value)
    assert ok == (not isinstance(result, InvalidInput))
    if ok:
        assert isinstance(result, str) and len(result) == 11
        assert result.isascii() and result.isdigit()
    _value_or_invalid(nss.compact, value)
    _value_or_invalid(nss.calc_check_digit, value)
    _value_or_invalid(nss.explain, value)
    _value_or_invalid(nss.explain, '28138801999', curp=value, today=TODAY)


@SETTINGS
@given(st.text(alphabet='0123456789', min_size=10, max_size=10), near_curps())
def test_nss_explain_with_curp(digits, curp_value):
    value = digits + nss.calc_check_digit(digits)
    info = nss.explain(value, curp=curp_value, today=TODAY)
    assert info['nss'] == value
    for w in info['warnings']:
        assert set(w) == {'code', 'message'} and w['code'].startswith('nss.')


def test_huge_and_odd_inputs():
    odd = [
        '',
        ' ',
        '\x00' * 18,
        'A' * 1_000_000,
        '9' * 1_000_000,
        'Ñ' * 100_000,
        '\U0001f600' * 18,
        'ß' * 9,
        '\u0301' * 18,
        'ﬃ' * 6,
        ' \t\n' * 1000,
        '-' * 500_000,
    ]
    for value in odd:
        _check_curp(value)
        assert nss.is_valid(value) is False
        _value_or_invalid(nss.explain, value)
        _value_or_invalid(curp.derive, value, value, value, value, value, value)


def test_a_name_over_the_limit_wins_over_a_missing_one():
    # found by test_derive_valid_data: an empty first surname was reported
    # before the second surname of 201 characters
    with pytest.raises(InvalidInput) as info:
        curp.derive('0', '', '0' * 201, datetime.date(2000, 1, 1), 'H', 'AS')
    assert info.value.code == 'curp.second_surname' and 'límite' in info.value.message
