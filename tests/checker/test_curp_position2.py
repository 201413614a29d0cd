"""CURP position 2: RENAPO's first inner vowel of the first surname, or X.

A consonant there is accepted (old CURPs exist) but warned about, with the
position, in the API, in what the widget shows and in the list check; the
check digit cannot tell A from K or T, I from R, O from F or Y, U from B or L
there (weight 17 misses changes of value 10).
"""

import pytest

from checker import batch, curp, text
from checker._curp_rules import calc_check_digit


def _curp(first17):
    return first17 + str(calc_check_digit(first17))


MARA = _curp('MARA800101HDFRRN0')  # María, Ramírez...: A in position 2
SLIPS = {'A': 'KT', 'I': 'R', 'O': 'FY', 'U': 'BL'}


@pytest.mark.parametrize('vowel, consonants', sorted(SLIPS.items()))
def test_the_check_digit_misses_these_slips(vowel, consonants):
    base = _curp(f'M{vowel}RA800101HDFRRN0')
    for c in consonants:
        slipped = base[0] + c + base[2:]
        assert curp.is_valid(slipped)  # same check digit: only the warning can catch it
        (w,) = [w for w in curp.explain(slipped)['warnings'] if w['code'] == 'curp.inner_vowel']
        assert w['position'] == 1
        assert f'«{c}», una consonante' in w['message']
        assert f'Si ahí dice {vowel}, corrígelo' in w['message']


def test_vowels_and_x_are_what_renapo_puts_there():
    for c in 'AEIOUX':
        value = _curp(f'M{c}RA800101HDFRRN0')
        assert curp.is_valid(value)
        assert 'curp.inner_vowel' not in [w['code'] for w in curp.explain(value)['warnings']]
        assert curp.has_warnings(value) is (value[:4] in curp.INCONVENIENT_WORDS)


def test_a_consonant_without_a_look_alike_vowel_still_warns():
    value = _curp('MCRA800101HDFRRN0')
    (w,) = [w for w in curp.explain(value)['warnings'] if w['code'] == 'curp.inner_vowel']
    assert w['position'] == 1 and 'corrígelo' not in w['message']
    assert curp.has_warnings(value)


def test_the_widget_text_is_a_warning_pointing_at_character_2():
    d = text.describe('curp', MARA[0] + 'K' + MARA[2:])
    assert d['state'] == 'warning' and d['position'] == 1
    assert [w['code'] for w in d['warnings']] == ['curp.inner_vowel']
    assert d['warnings'][0]['position'] == 1
    assert '^ carácter 2' in text.render(d)
    assert text.describe('curp', MARA)['position'] is None


def test_the_list_check_gives_an_aviso_with_the_position():
    slipped = MARA[0] + 'K' + MARA[2:]
    results = list(batch.check_rows(['CURP\n', f'{MARA}\n', f'{slipped}\n']))
    (r,) = results
    assert r.row == 3 and r.state == 'warning'
    (issue,) = r.issues
    assert (issue.code, issue.severity, issue.position) == ('curp.inner_vowel', 'warning', 1)
    out, status = batch.report_text(f'CURP\n{MARA}\n{slipped}\n')
    assert status == 0 and 'Aviso en CURP (columna A)' in out and 'Con advertencias: 1' in out
