"""checker.text: the Spanish text the widget shows and the command line prints."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import curp, nss, postal, text
from checker.exceptions import InvalidInput

VALID_CURP = 'HEGG560427MVZRRL04'  # Gloria Hernández García, VZ 1956
INCONVENIENT_CURP = 'BACA560427MVZRRL0' + curp.calc_check_digit('BACA560427MVZRRL0')
GUIDE_NSS = '28138801999'  # printed in the source guides


def nss_for(curp_value: str) -> str:
    """A valid NSS registered at 18 whose birth year matches the CURP's."""
    yy = curp_value[4:6]
    born = (1900 if curp_value[16].isdigit() else 2000) + int(yy)
    s = f'01{(born + 18) % 100:02d}{yy}0042'
    return s + nss.calc_check_digit(s)


STATES = {'valid', 'warning', 'invalid', 'error'}
KEYS = {'kind', 'state', 'message', 'details', 'warnings', 'notes', 'position', 'code', 'value'}


def check_shape(d, kind):
    assert KEYS <= set(d)
    assert d['kind'] == kind
    assert d['state'] in STATES
    assert isinstance(d['message'], str) and d['message']
    assert '\n' not in d['message']
    assert all(isinstance(x, str) for x in d['details'])
    assert all(isinstance(x, str) for x in d['notes'])
    # a warning about one character also names its position
    assert all(set(w) in ({'code', 'message'}, {'code', 'message', 'position'}) for w in d['warnings'])
    assert d['position'] is None or isinstance(d['position'], int)
    if d['state'] in ('invalid', 'error'):
        assert d['code']
    else:
        assert d['code'] is None
        assert d['position'] == next((w['position'] for w in d['warnings'] if 'position' in w), None)
    json.dumps(d)  # the widget hands it to JavaScript


# ------------------------------------------------------------------ CURP


def test_curp_valid():
    d = text.describe('curp', VALID_CURP)
    check_shape(d, 'curp')
    assert d['state'] == 'valid'
    assert d['message'] == 'Tu CURP es válida.'
    assert d['details'] == [
        'Fecha de nacimiento: 27/04/1956',
        'Sexo: Mujer',
        'Entidad de nacimiento: Veracruz (VZ)',
    ]
    assert d['warnings'] == []
    assert d['value'] == VALID_CURP


def test_curp_blind_spot_is_a_note_not_a_warning():
    # curp.explain always warns that the check digit cannot confirm the day;
    # a valid CURP must still show as valid, with that note.
    d = text.describe('curp', VALID_CURP)
    assert any('día' in n for n in d['notes'])
    assert d['state'] == 'valid'


def test_curp_compacts_what_the_student_typed():
    d = text.describe('curp', ' hegg-560427 mvzrrl04 ')
    assert d['state'] == 'valid'
    assert d['value'] == VALID_CURP


def test_curp_inconvenient_word_is_a_warning():
    d = text.describe('curp', INCONVENIENT_CURP)
    check_shape(d, 'curp')
    assert d['state'] == 'warning'
    assert [w['code'] for w in d['warnings']] == ['curp.inconvenient_word']
    assert d['message'] == 'Tu CURP es válida, pero revisa el aviso.'
    assert d['details'][0] == 'Fecha de nacimiento: 27/04/1956'


def test_curp_invalid_gives_code_message_and_position():
    d = text.describe('curp', 'HEGG560427MVZRRL05')
    check_shape(d, 'curp')
    assert d['state'] == 'invalid'
    assert d['code'] == 'curp.check_digit'
    assert d['position'] == 17
    with pytest.raises(InvalidInput) as info:
        curp.validate('HEGG560427MVZRRL05')
    assert d['message'] == info.value.message
    assert d['details'] == []


@pytest.mark.parametrize(
    'value, code, position',
    [
        ('', 'curp.length', None),
        ('HEGG560427MVZRRL0', 'curp.length', None),
        ('HEGG561327MVZRRL04', 'curp.date', 7),
        ('HEGG560427MVZRRÑ04', 'curp.enie', 15),
    ],
)
def test_curp_invalid_cases(value, code, position):
    d = text.describe('curp', value)
    assert (d['state'], d['code'], d['position']) == ('invalid', code, position)


def test_position_points_into_value():
    d = text.describe('curp', 'hegg 5604.27MVZRRL04')
    assert d['state'] == 'invalid'
    assert d['value'] == 'HEGG5604.27MVZRRL04'
    assert d['value'][d['position']] == '.'


# ------------------------------------------------------------------- NSS


def test_nss_valid_without_curp():
    d = text.describe('nss', GUIDE_NSS)
    check_shape(d, 'nss')
    assert d['state'] == 'valid'
    assert d['message'] == 'Tu NSS es válido.'
    assert 'Subdelegación del IMSS: 28' in d['details']
    assert 'Año de nacimiento: 88' in d['details']
    assert 'Folio: 0199' in d['details']
    assert any(x.startswith('Año de alta en el IMSS: 13') for x in d['details'])


def test_nss_matching_curp():
    value = nss_for(VALID_CURP)
    d = text.describe('nss', value, curp=VALID_CURP)
    assert d['state'] == 'valid'
    assert d['message'] == 'Tu NSS es válido y coincide con tu CURP.'


def test_nss_cross_check_warning():
    d = text.describe('nss', GUIDE_NSS, curp=VALID_CURP)
    check_shape(d, 'nss')
    assert d['state'] == 'warning'
    assert 'nss.birth_year_mismatch' in [w['code'] for w in d['warnings']]
    assert d['message'] == 'Tu NSS es válido, pero revisa el aviso.'


def test_nss_with_unfinished_curp_is_not_a_warning():
    # The widget passes whatever is in the CURP box, maybe half typed.
    d = text.describe('nss', GUIDE_NSS, curp='HEGG56')
    assert d['state'] == 'valid'
    assert d['message'] == 'Tu NSS es válido.'
    assert d['notes']


@pytest.mark.parametrize('empty', [None, '', '   '])
def test_nss_empty_curp_means_no_cross_check(empty):
    d = text.describe('nss', GUIDE_NSS, curp=empty)
    assert d['state'] == 'valid' and d['notes'] == []


def test_nss_invalid():
    d = text.describe('nss', '28138801998')
    check_shape(d, 'nss')
    assert (d['state'], d['code'], d['position']) == ('invalid', 'nss.check_digit', 10)


# ------------------------------------------------------------ postal code


def test_cp_valid():
    d = text.describe('cp', '44100')
    check_shape(d, 'cp')
    assert d['state'] == 'valid'
    assert d['message'] == 'El código postal 44100 existe: Guadalajara, Jalisco.'
    assert d['details'][:3] == ['Estado: Jalisco', 'Municipio: Guadalajara', 'Ciudad: Guadalajara']
    record = postal.lookup('44100')
    n = len(record.settlements)
    assert any(x.startswith(f'{n} colonia') for x in d['details'])
    assert any(x.startswith('Catálogo de códigos postales:') for x in d['details'])
    assert d['catalogue_date'] == postal.catalogue_date()
    assert len(d['settlements']) == n


def test_cp_many_settlements_are_summarised():
    d = text.describe('postal', '29000')  # Tuxtla: the alias works too
    assert d['kind'] == 'cp'
    record = postal.lookup('29000')
    line = next(x for x in d['details'] if 'colonia' in x)
    assert line.startswith(f'{len(record.settlements)} ')
    assert len(d['settlements']) == len(record.settlements)


def test_cp_unknown_is_a_warning_naming_catalogue_date():
    d = text.describe('cp', '44109')
    check_shape(d, 'cp')
    assert d['state'] == 'warning' and d['code'] is None
    assert 'Jalisco' in d['message'] and 'no aparece en el catálogo' in d['message']
    (w,) = d['warnings']
    assert w['code'] == 'postal.unknown' and 'Correos de México' in w['message']
    assert postal.catalogue_date()[:4] in w['message']
    assert d['catalogue_date'] == postal.catalogue_date()
    assert d['sources'] == postal.catalogue()['sources']


def test_cp_details_name_catalogue_date_and_sources():
    d = text.describe('cp', '44100')
    line = next(x for x in d['details'] if x.startswith('Catálogo de códigos postales: '))
    assert postal.catalogue()['words'] in line
    for source in postal.catalogue()['sources']:
        assert source in line


def test_cp_short_code():
    d = text.describe('cp', '4410')
    assert (d['state'], d['code']) == ('invalid', 'postal.length')


def test_cp_catalogue_unavailable_is_an_error_state():
    def broken(name):
        raise OSError('offline')

    postal.set_loader(broken)
    try:
        d = text.describe('cp', '44100')
    finally:
        postal.set_loader(None)
    check_shape(d, 'cp')
    assert d['state'] == 'error'
    assert d['code'] == 'postal.data_unavailable'
    assert d['catalogue_date'] is None
    assert text.describe('cp', '44100')['state'] == 'valid'


# ------------------------------------------------------------- robustness


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        text.describe('rfc', 'XAXX010101000')


@pytest.mark.parametrize('kind', ['curp', 'nss', 'cp'])
@pytest.mark.parametrize('value', [None, 12345, b'HEGG', 3.5, ['x']])
def test_non_strings_are_invalid_not_errors(kind, value):
    d = text.describe(kind, value)
    assert d['state'] == 'invalid'
    check_shape(d, kind)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(['curp', 'nss', 'cp']), value=st.text(), other=st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_gives_a_description(kind, value, other):
    d = text.describe(kind, value, curp=other)
    check_shape(d, kind)
    out = text.render(d)
    assert out.startswith(d['message'])


def test_huge_input():
    d = text.describe('curp', 'A' * 1_000_000)
    assert d['state'] == 'invalid' and d['code'] == 'curp.length'
    assert len(text.render(d)) < 2_000_000


# ----------------------------------------------------------------- render


def test_render_valid():
    out = text.render(text.describe('curp', VALID_CURP))
    lines = out.splitlines()
    assert lines[0] == 'Tu CURP es válida.'
    assert '  Fecha de nacimiento: 27/04/1956' in lines
    assert any(x.startswith('Nota: ') for x in lines)


def test_render_points_at_the_wrong_character():
    out = text.render(text.describe('curp', 'HEGG560427MVZRRL05'))
    lines = out.splitlines()
    assert lines[1] == '  HEGG560427MVZRRL05'
    assert lines[2] == '  ' + ' ' * 17 + '^ carácter 18'


def test_render_warning():
    out = text.render(text.describe('nss', GUIDE_NSS, curp=VALID_CURP))
    assert '\nAviso: Los dígitos 5 y 6 de tu NSS (88)' in out


def test_cp_mexico_city_has_alcaldias():
    d = text.describe('cp', '06600')
    assert d['details'][0] == 'Estado: Ciudad de México'
    assert d['details'][1] == 'Alcaldía: Cuauhtémoc'
    assert d['message'] == ('El código postal 06600 existe: Cuauhtémoc, Ciudad de México.')
