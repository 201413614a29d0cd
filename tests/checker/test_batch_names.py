"""Each CURP of a list against its owner's data (issue 12, item 3), and the
bounded duplicate tables (item 4)."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import curp
from checker.batch import BatchError, check_rows, text_lines
from checker.batch.columns import Column
from checker.batch.lists import parse_mapping, report_list
from checker.batch.person import PersonCheck, classify_person_header, find_person_columns, split_full_name
from checker.batch.seen import SeenTable

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    'xlsx_fixtures', Path(__file__).parent / 'fixtures' / 'xlsx' / 'build.py'
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

GLORIA = 'HEGG560427MVZRRL04'
HEADER = 'Nombre(s),Primer apellido,Segundo apellido,Fecha de nacimiento,Sexo,Entidad de nacimiento,CURP\n'


def results(text, **kw):
    run = check_rows(text_lines(text), **kw)
    return {r.row: r for r in run}, run


def mismatches(result):
    return [(i.position, i.code) for i in result.issues if i.code == 'batch.curp_mismatch']


@pytest.mark.parametrize(
    'header, kind',
    [
        ('Nombre(s)', 'given_names'),
        ('NOMBRES', 'given_names'),
        ('Apellido Paterno', 'first_surname'),
        ('primer_apellido', 'first_surname'),
        ('Ap. Materno', 'second_surname'),
        ('Segundo apellido', 'second_surname'),
        ('Nombre completo', 'full_name'),
        ('Apellidos y nombre(s)', 'full_name'),
        ('Fecha de Nacimiento', 'birth_date'),
        ('F. nac.', 'birth_date'),
        ('Género', 'sex'),
        ('SEXO', 'sex'),
        ('Entidad de nacimiento', 'state'),
        ('Estado de nacimiento', 'state'),
        ('CURP', None),
        ('Domicilio', None),
    ],
)
def test_headers_match_without_case_or_accents(header, kind):
    assert classify_person_header(header) == kind


def test_a_lone_nombre_is_the_whole_name():
    cols = find_person_columns(['CURP', 'Nombre'], {0})
    assert list(cols) == ['full_name']
    cols = find_person_columns(['CURP', 'Nombre', 'Apellido paterno'], {0})
    assert sorted(cols) == ['first_surname', 'given_names']


def test_the_right_person_passes_and_every_format_of_date():
    for date in ('27/04/1956', '1956-04-27', '27-04-1956', '1956-04-27 00:00:00', '27/4/1956'):
        found, run = results(HEADER + f'Gloria,Hernández,García,{date},Mujer,Veracruz,{GLORIA}\n')
        assert found == {}, date
        assert run.summary.valid == 1


def test_a_siblings_curp_is_caught_character_by_character():
    # Gloria's brother Gerardo, born 1958, with Gloria's CURP pasted in
    found, run = results(HEADER + f'Gerardo,Hernández,García,12/10/1958,H,Veracruz,{GLORIA}\n')
    r = found[2]
    assert r.state == 'invalid'
    assert [p for p, _ in mismatches(r)] == [5, 6, 7, 8, 9, 10, 15]
    text = {i.position: i.message for i in r.issues}
    assert 'El carácter 11 de la CURP es «M», pero según el sexo de la columna E («H») debería ser «H»' in text[10]
    assert 'el acta de nacimiento del alumno' in text[10] and ' tu ' not in text[10]


def test_one_typo_in_the_birth_date_points_to_its_character():
    found, _ = results(HEADER + 'Gloria,Hernández,García,17/04/1956,M,VZ,' + GLORIA + '\n')
    assert mismatches(found[2]) == [(8, 'batch.curp_mismatch')]
    msg = found[2].issues[0].message
    assert msg.startswith('El carácter 9 de la CURP es «2», pero según la fecha de nacimiento de la columna D (')


def test_homoclave_kind_state_and_no_second_surname():
    c = curp.derive('Ana', 'Pérez', '', '2001-05-09', 'M', 'Jalisco') + '0'
    c += curp.calc_check_digit(c)
    found, _ = results(HEADER + f'Ana,Pérez,,09/05/2001,M,Jalisco,{c}\n')
    r = found[2]
    messages = {i.position: i.message for i in r.issues if i.position is not None}
    assert 16 in messages and 'una letra, porque el alumno nació en 2000 o después' in messages[16]
    ok = c[:16] + 'A'
    ok += curp.calc_check_digit(ok)
    found, _ = results(HEADER + f'Ana,Pérez,,09/05/2001,M,Jalisco,{ok}\n')
    assert found == {}
    found, _ = results(HEADER + f'Ana,Pérez,López,09/05/2001,M,Sonora,{ok}\n')
    positions = sorted(i.position for i in found[2].issues)
    assert positions == [2, 11, 12, 14]


def test_full_name_splits_only_one_way():
    assert split_full_name('Gloria Hernández García') == ('Gloria', 'Hernández', 'García')
    assert split_full_name('HERNANDEZ GARCIA GLORIA', surnames_first=True) == ('GLORIA', 'HERNANDEZ', 'GARCIA')
    assert split_full_name('María de la Luz Pérez') is None and split_full_name('Ana Pérez') is None
    found, _ = results(f'Apellidos y nombre,CURP\nHERNANDEZ GARCIA GLORIA,{GLORIA}\nLOPEZ GARCIA GLORIA,{GLORIA}\n')
    assert 2 not in found and [p for p, _ in mismatches(found[3])] == [0, 1, 13]  # L, O, P
    text = report_list(f'Nombre completo,CURP\nGloria de la Hernández,{GLORIA}\n'.encode())['text']
    assert 'El nombre completo se compara solo cuando tiene tres palabras' in text


def test_data_that_cannot_be_compared_is_a_warning_on_its_own_column():
    found, _ = results(HEADER + f'Gloria,Hernández,García,31/02/1956,Q,Narnia,{GLORIA}\n')
    r = found[2]
    assert r.state == 'warning'
    assert [(i.column.letter, i.code) for i in r.issues] == [
        ('D', 'batch.birth_date_range'),
        ('E', 'batch.sex'),
        ('F', 'batch.state'),
    ]
    text = report_list((HEADER + f'Gloria,Hernández,García,31/02/1956,Q,Narnia,{GLORIA}\n').encode())['text']
    assert 'Aviso en fecha de nacimiento (columna D) «31/02/1956»' in text


def test_missing_columns_are_said_once_and_checks_skip_empty_cells():
    text = report_list(f'CURP,Nombre(s),Fecha de nacimiento\n{GLORIA},Gloria,\n{GLORIA[:-1]}5,,27/04/1956\n'.encode())[
        'text'
    ]
    assert (
        text.count('Sin columna de primer apellido ni de segundo apellido ni de sexo ni de entidad de nacimiento') == 1
    )
    assert 'La CURP se compara con el nombre y la fecha de nacimiento de cada fila' in text
    assert 'La CURP se compara' not in report_list(f'CURP\n{GLORIA}\n'.encode())['text']


def test_an_excel_list_with_date_cells():
    data = fx.openpyxl_book(
        [fx.HEADER, fx.GLORIA, ['Gloria', 'Hernández', 'García', datetime.date(1956, 4, 28), 'M', 'VZ', GLORIA]]
    )
    r = report_list(data, 'l.xlsx')
    assert r['summary']['valid'] == 1 and r['summary']['invalid'] == 1
    assert (
        'El carácter 10 de la CURP es «7», pero según la fecha de nacimiento de la columna D («28/04/1956»)'
        in r['text']
    )


def test_columnas_maps_headers_and_letters():
    text = f'Clave,Alumno nombre,Paterno x,Nac\n{GLORIA},Gloria,López,27/04/1956\n'
    mapping = parse_mapping('curp=A,nombre=alumno NOMBRE,primer_apellido=C,fecha=Nac')
    found, run = results(text, mapping=mapping)
    assert [c.kind for c in run.summary.columns] == ['curp']
    assert [p for p, _ in mismatches(found[2])] == [0, 1, 13]
    with pytest.raises(BatchError) as exc:
        check_rows(text_lines(f'CURP,x\n{GLORIA},y\n'), mapping={'sex': 'Sexo del alumno'})
    assert exc.value.code == 'batch.mapping' and '«Sexo del alumno»' in exc.value.message
    with pytest.raises(ValueError, match='No conozco el campo «color»'):
        parse_mapping('color=B')
    with pytest.raises(ValueError, match='campo=COLUMNA'):
        parse_mapping('curp')


def test_columnas_on_the_command_line(tmp_path):
    path = tmp_path / 'l.csv'
    path.write_text(f'CURP,Nombre del niño\n{GLORIA},Pedro\n', encoding='utf-8')
    p = subprocess.run(
        [sys.executable, '-m', 'checker', str(path), '--columnas', 'nombre=B'], cwd=ROOT, capture_output=True, text=True
    )
    assert (
        p.returncode == 1
        and 'El carácter 4 de la CURP es «G», pero según el nombre de la columna B («Pedro»)' in p.stdout
    )
    p = subprocess.run(
        [sys.executable, '-m', 'checker', str(path), '--columnas', 'talla=B'], cwd=ROOT, capture_output=True, text=True
    )
    assert p.returncode == 2 and 'No conozco el campo «talla»' in p.stderr


# The fast path (per-cell caches) must say exactly what curp.compare says.
NAMES = st.sampled_from(
    ['Ana', 'María José', 'José Luis', 'Ñando', 'De la Cruz', 'Uribe', 'Íñigo', 'Mc Gregor', 'X', 'Óscar']
)
SURNAMES = st.sampled_from(['Pérez', 'Hernández', 'De la Garza', 'Ibarra', 'Ruiz', 'Ñúñez', 'Ochoa', 'Uc', 'Y', ''])
DATES = st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31))


@settings(max_examples=300, deadline=None)
@given(
    NAMES,
    SURNAMES,
    SURNAMES,
    DATES,
    st.sampled_from('HMX'),
    st.sampled_from(['VZ', 'Jalisco', 'NE', 'DF']),
    st.integers(0, 17),
    st.sampled_from('AEIOUX0189BHKZ'),
)
def test_row_check_agrees_with_curp_compare(given_names, first, second, born, sex, state, where, char):
    first = first or 'Soto'
    c = curp.derive(given_names, first, second, born, sex, state) + ('0' if born.year < 2000 else 'A')
    c += curp.calc_check_digit(c)
    c = c[:where] + char + c[where + 1 :]  # maybe a typo
    kinds = ['given_names', 'first_surname', 'second_surname', 'birth_date', 'sex', 'state']
    cols = {k: Column(i + 1, k, k) for i, k in enumerate(kinds)}
    check = PersonCheck(cols, Column(0, 'curp', 'CURP'))
    row = [c, given_names, first, second, born.strftime('%d/%m/%Y'), sex, state]
    got = sorted(i.position for i in check(row, c) or ())
    want = sorted(m['position'] for m in curp.compare(c, given_names, first, second, born, sex, state))
    assert got == want


# ------------------------------------------------------ bounded duplicates


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 10**11 - 1) | st.sampled_from([0, 1, 2, 28138801999]), max_size=300))
def test_seen_tables_are_a_dict_setdefault(keys):
    tables, ref = (SeenTable(capacity=16), SeenTable.for_nss(capacity=16)), {}
    for row, key in enumerate(keys, start=2):
        want = ref.setdefault(key, row)
        assert [t.setdefault(key, row) for t in tables] == [want, want]
    assert [len(t) for t in tables] == [len(ref)] * 2


def test_packed_nss_table_widens_past_its_row_bits():
    table = SeenTable.for_nss(capacity=4)
    assert [table.setdefault(k, r) for k, r in ((5, 2), (6, 3), (7, 4), (8, 5))] == [2, 3, 4, 5]
    assert table.setdefault(9, 2**27) == 2**27 and table.setdefault(5, 9) == 2
    assert table.setdefault(2**40, 10) == 10 and len(table) == 6


def test_seen_table_for_curps_and_rows_past_32_bits():
    table = SeenTable.for_curp(capacity=4)
    assert [table.setdefault(c, r) for c, r in ((GLORIA, 2), ('BACA000101HDFRRRA7', 3), (GLORIA, 9))] == [2, 3, 2]
    big = SeenTable(capacity=4)
    assert big.setdefault(7, 2**33) == 2**33 and big.setdefault(7, 5) == 2**33


def test_duplicates_on_a_long_list_report_their_first_row():
    import random

    rng = random.Random(5)
    values = []
    for _ in range(20000):
        if len(values) == 3000:
            break
        s = rng.choice('BCDFGHLMPRSTVZ') + rng.choice('AEIOU') + rng.choice('BCDFGHLMPRSTVZ') * 2 + '080315HDFRRRA'
        s = s[:2] + rng.choice('ABCDEFGHIJKLMNOPRSTUVZ') + s[3:]
        if curp.has_warnings(s) or not curp.is_valid(s + curp.calc_check_digit(s)):
            continue
        values.append(s + curp.calc_check_digit(s))
    values = list(dict.fromkeys(values))
    text = 'CURP\n' + '\n'.join(values + [values[10], values[2999 % len(values)]]) + '\n'
    found, run = results(text, expected_rows=10)
    dups = {r.row: r.issues[0].first_row for r in found.values() if r.codes == ['batch.duplicate_curp']}
    assert dups == {len(values) + 2: 12, len(values) + 3: (2999 % len(values)) + 2}


def test_columnas_finds_a_header_nothing_else_recognises():
    text = f'Clave única;Nacido el\n{GLORIA};27/04/1956\n{GLORIA[:-1]}0;17/04/1956\n'
    with pytest.raises(BatchError) as exc:
        check_rows(text_lines('Clave única;Nacido el\nx;y\n'))
    assert exc.value.code == 'batch.no_columns'
    found, run = results(text, mapping=parse_mapping('curp=Clave única,fecha=Nacido el'))
    assert run.summary.delimiter == ';' and run.summary.header_row == 1
    assert [(c.kind, c.letter, c.header) for c in run.summary.columns] == [('curp', 'A', 'Clave única')]
    assert 2 not in found and 8 in [i.position for i in found[3].issues]
    # letters only: the first row with data holds the titles
    found, run = results('Clave,Nota\nx,y\n', mapping=parse_mapping('curp=A'))
    assert run.summary.rows == 1 and found[2].codes == ['curp.length']
    data = fx.openpyxl_book([['Lista'], ['Clave única', 'Nacido el'], [GLORIA, '17/04/1956']])
    r = report_list(data, 'l.xlsx', mapping=parse_mapping('curp=clave unica,fecha=nacido el'))
    assert r['error'] is None and 'Hoja «Alumnos»; títulos en la fila 2.' in r['text']
    assert 'El carácter 9 de la CURP es «2»' in r['text']


# ------------------------------------------- the run's fast row check

_NAME_WORDS = st.sampled_from(['Gloria', 'Hernández', 'García', 'de', 'LA', 'Alumno', '12', 'Ñ', ''])
_NAME_GAPS = st.sampled_from([' ', ',', ', ', '  ', '\t', '\xa0', '\u2003', '\x1c', '\n', ''])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_NAME_WORDS, _NAME_GAPS), max_size=5),
    st.sampled_from([GLORIA, 'HEGG560427MVZRRL05', 'hegg560427mvzrrl04', 'HEGG 560427', '', 'x' * 18]),
    st.booleans(),
    st.integers(0, 2),
)
def test_row_check_answers_as_the_check_itself(parts, curp_value, surnames_first, cut):
    """With a lone full-name column the run calls row_check(), which skips
    the cells that cannot split: it must answer exactly as the check."""
    name = ''.join(w + g for w, g in parts)
    title = 'Apellidos y nombre' if surnames_first else 'Nombre completo'
    check = PersonCheck(find_person_columns(['CURP', 'Nota', title]), Column(0, 'curp', 'CURP'))
    row = [curp_value, 'x', name][: 3 - cut]
    got, want = check.row_check()(row, curp_value), check(row, curp_value)
    assert (got and [(i.code, i.position, i.message) for i in got]) == (
        want and [(i.code, i.position, i.message) for i in want]
    )


def test_row_check_is_the_check_when_there_is_more_than_a_full_name():
    check = PersonCheck(find_person_columns(['CURP', 'Nombre(s)', 'Sexo']), Column(0, 'curp', 'CURP'))
    assert check.row_check() == check.__call__
    full = PersonCheck(find_person_columns(['CURP', 'Nombre completo']), Column(0, 'curp', 'CURP'))
    row = [GLORIA, 'Gloria Pérez García']
    assert [i.position for i in full.row_check()(row, row[0])] == [0]
    assert full.row_check()([GLORIA, 'Alumno 12'], GLORIA) is None
