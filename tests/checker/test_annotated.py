"""The annotated copy of a list: --salida LISTA-revisada.csv|.xlsx (issue 12, item 2)."""

from __future__ import annotations

import csv
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.batch.lists import report_list
from checker.cellsafe import neutralise

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    'xlsx_fixtures', Path(__file__).parent / 'fixtures' / 'xlsx' / 'build.py'
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

GOOD = 'HEGG560427MVZRRL04'
BAD = 'HEGG560427MVZRRL05'  # check digit
NSS = '28138801999'  # its birth year (88) disagrees with the CURP: a warning

LIST = (
    'Lista de alumnos 2026\r\n'
    'Nombre,CURP,Grupo\r\n'
    f'Gloria,{GOOD},3A\r\n'
    f'Beto,{BAD},=HYPERLINK("http://x")\r\n'
    '\r\n'
    f'Ana,{GOOD},+1\r\n'  # repeats row 3's CURP
    f'Luis,{GOOD[:17]}X,\t-2\r\n'
)


def copy_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b'\xef\xbb\xbf')  # Excel reads the accents right
    return list(csv.reader(io.StringIO(data.decode('utf-8-sig'), newline='')))


def test_csv_copy_keeps_every_row_and_column_in_order():
    r = report_list(LIST.encode(), 'lista.csv', copy='csv')
    rows = copy_rows(r['copy'])
    assert [row[:2] for row in rows] == [
        ['Lista de alumnos 2026', ''],
        ['Nombre', 'CURP'],
        ['Gloria', GOOD],
        ['Beto', BAD],
        ['', ''],
        ['Ana', GOOD],
        ['Luis', GOOD[:17] + 'X'],
    ]
    assert rows[1] == ['Nombre', 'CURP', 'Grupo', 'Revisión', 'Detalle']
    assert [row[3] for row in rows] == ['', 'Revisión', 'Válida', 'Con errores', '', 'Con errores', 'Con errores']
    assert rows[3][4].startswith('Error en CURP (columna B): ')
    assert rows[5][4] == 'Error en CURP (columna B): CURP repetida: ya aparece en la fila 3.'
    # the report stays, and says the same
    assert 'Fila 4:' in r['text'] and 'Fila 5:' not in r['text']


def test_warnings_and_the_column_each_message_is_about():
    text = f'CURP,NSS\n{GOOD},{NSS}\n'
    rows = copy_rows(report_list(text.encode(), copy='csv')['copy'])
    assert rows[1][2] == 'Con avisos'
    assert rows[1][3].startswith('Aviso en NSS (columna B): ')


def test_formula_like_cells_are_neutralised_in_csv():
    rows = copy_rows(report_list(LIST.encode(), copy='csv')['copy'])
    assert rows[3][2] == '\'=HYPERLINK("http://x")'
    assert rows[5][2] == "'+1"
    assert rows[6][2] == "'\t-2"
    assert rows[2][2] == '3A'


def test_xlsx_copy_highlights_freezes_and_filters():
    data = fx.openpyxl_book(
        [
            ['Nombre', 'CURP', 'Grupo'],
            ['Gloria', GOOD, '=A1'],
            ['Beto', BAD, '@x'],
            [None, None, None],
            ['Ana', GOOD, 'ok'],
        ]
    )
    r = report_list(data, 'lista.xlsx', copy='xlsx')
    wb = openpyxl.load_workbook(io.BytesIO(r['copy']))
    ws = wb.active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ['Nombre', 'CURP', 'Grupo', 'Revisión', 'Detalle']
    assert [v[3] for v in values] == ['Revisión', 'Válida', 'Con errores', None, 'Con errores']
    assert len(values) == 5
    assert ws.freeze_panes == 'A2' and ws.auto_filter.ref == 'A1:E5'
    assert ws['B3'].fill.fgColor.rgb == 'FFFFC7CE'  # the flagged cell
    assert ws['B2'].fill.fgColor.rgb in (None, '00000000')
    assert ws['A1'].font.b
    # a formula cell without its value outside the checked columns stays; «@x» shown as text
    assert ws['C3'].value == '@x' and ws['C3'].quotePrefix


def test_xlsx_copy_of_a_csv_and_csv_copy_of_an_xlsx():
    r = report_list(LIST.encode(), copy='xlsx')
    ws = openpyxl.load_workbook(io.BytesIO(r['copy'])).active
    assert ws.max_row == 7 and ws.freeze_panes == 'A3'
    assert ws['C4'].value == '=HYPERLINK("http://x")' and ws['C4'].quotePrefix and ws['C4'].data_type == 's'
    data = fx.openpyxl_book([['CURP', 'Nota'], [GOOD, 'ok']])
    rows = copy_rows(report_list(data, copy='csv')['copy'])
    assert rows == [['CURP', 'Nota', 'Revisión', 'Detalle'], [GOOD, 'ok', 'Válida', '']]


def test_cells_past_the_titles_are_kept_after_the_two_new_columns():
    text = f'CURP\n{GOOD},extra,,\n{BAD}\n'
    rows = copy_rows(report_list(text.encode(), copy='csv')['copy'])
    assert rows[0] == ['CURP', 'Revisión', 'Detalle']
    assert rows[1] == [GOOD, 'Válida', '', 'extra']
    assert rows[2][:2] == [BAD, 'Con errores']


def test_sep_line_and_headerless_lists():
    rows = copy_rows(report_list(f'sep=;\nCURP;Nota\n{GOOD};x\n'.encode(), copy='csv')['copy'])
    assert rows == [['CURP;Nota;Revisión;Detalle'], [f'{GOOD};x;Válida;']] or rows == [
        ['CURP', 'Nota', 'Revisión', 'Detalle'],
        [GOOD, 'x', 'Válida', ''],
    ]
    rows = copy_rows(report_list(f'{GOOD}\n{BAD}\n'.encode(), copy='csv')['copy'])
    assert [r[:2] for r in rows] == [[GOOD, 'Válida'], [BAD, 'Con errores']]


# ----------------------------------------------------------- rows in = rows out

CELLS = st.one_of(
    st.sampled_from([GOOD, BAD, '', ' ', NSS, '44100', '=1+1', '-', 'Ana', 'a,b', 'x"y', 'dos\nlíneas', '\t@']),
    st.text(alphabet=st.characters(blacklist_categories=('Cs',), blacklist_characters='\x00'), max_size=8),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELLS, min_size=0, max_size=4), max_size=12), st.sampled_from(['csv', 'xlsx']))
def test_the_copy_has_as_many_data_rows_as_the_input(rows, fmt):
    buf = io.StringIO(newline='')
    w = csv.writer(buf, lineterminator='\r\n')
    w.writerow(['CURP', 'NSS', 'Nota'])
    w.writerows(rows)
    text = buf.getvalue()
    records = list(csv.reader(io.StringIO(text, newline='')))
    r = report_list(text.encode(), 'l.csv', copy=fmt)
    if r['error'] is not None:  # nothing to check: no copy, never a half one
        assert r['copy'] is None
        return
    if fmt == 'csv':
        out = copy_rows(r['copy'])
    else:
        out = list(openpyxl.load_workbook(io.BytesIO(r['copy'])).active.iter_rows(values_only=True))
        # trailing empty rows are not stored by Excel; blank ones in between are
        out += [()] * (len(records) - len(out))
    assert len(out) == len(records)
    summary = r['summary']
    marks = [row[3] if len(row) > 3 else None for row in out[1:]]
    assert sum(m in ('Válida', 'Con avisos', 'Con errores') for m in marks) == summary['rows']
    assert marks.count('Con errores') == summary['invalid']
    assert marks.count('Con avisos') == summary['warnings']


# ------------------------------------------------------------------ the CLI


def cli(*args):
    p = subprocess.run([sys.executable, '-m', 'checker', *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def test_cli_writes_the_copy_and_still_prints_the_report(tmp_path):
    src = tmp_path / 'alumnos.csv'
    src.write_text(LIST, encoding='utf-8')
    status, out, err = cli(src, '--salida', tmp_path / 'alumnos-revisada.xlsx')
    assert status == 1, err
    assert 'Fila 4:' in out and '«' + str(tmp_path / 'alumnos-revisada.xlsx') + '»' in out
    ws = openpyxl.load_workbook(tmp_path / 'alumnos-revisada.xlsx').active
    assert ws.max_row == 7
    status, out, err = cli(src, '-o', tmp_path / 'r.csv')
    assert copy_rows((tmp_path / 'r.csv').read_bytes())[3][3] == 'Con errores'
    assert not list(tmp_path.glob('.revision-*'))


def test_cli_leaves_no_half_copy_when_the_list_breaks(tmp_path):
    src = tmp_path / 'rota.csv'
    src.write_text(f'CURP,Nota\n{GOOD},"sin cerrar\n{GOOD},x\n', encoding='utf-8')
    status, out, err = cli(src, '--salida', tmp_path / 'rota-revisada.csv')
    assert status == 2
    assert not (tmp_path / 'rota-revisada.csv').exists() and not list(tmp_path.glob('.revision-*'))


def test_both_copies_in_one_pass_say_the_same():
    both = report_list(LIST.encode(), 'lista.csv', copy=('csv', 'xlsx'))
    alone = report_list(LIST.encode(), 'lista.csv', copy='csv')
    assert both['copy']['csv'] == alone['copy'] and both['text'] == alone['text']
    ws = openpyxl.load_workbook(io.BytesIO(both['copy']['xlsx'])).active
    # the same cells; the CSV neutralises formulas with an apostrophe, the XLSX with its quote prefix
    assert [[neutralise(c.value or '') for c in row] for row in ws.iter_rows()] == copy_rows(alone['copy'])


def test_the_report_speaks_to_the_office():
    import re

    from checker import curp as _curp

    bad_curps = [
        '',
        'HEGG560427MVZRRL0',
        'HEGG560427MVZRRL05',
        'HEGG561327MVZRRL04',
        'HEGG560230MVZRRL04',
        'HEGG000229MVZRRL04',
        'HEGG560427QVZRRL04',
        'HEGG560427MQQRRL04',
        'HEGG560427MVZAAL04',
        'HEGG990427MVZRRLA4',
        'HEGG560427MVZRRL0Ñ',
        'BACA000101HDFRRRA7',
        'HEG@560427MVZRRL04',
        'HEGG560427MVZRRLO4',
        'HAGG560427MVZRRL04',
        'HEGG300101MVZRRL04',
    ]
    bad_nss = ['', '2813880199', '28138801998', '28138801999', '74927602404', '2813880l999', '99999999999']
    rows = [
        f'{c},{n},{p},Gloria,Hernández,García,27/04/1956,M,Veracruz'
        for c, n, p in zip(bad_curps, bad_nss * 3, ['', '00001', '4410', 'abcde', '99999', '44100'] * 3)
    ]
    text = 'CURP,NSS,CP,Nombre(s),Primer apellido,Segundo apellido,Fecha de nacimiento,Sexo,Entidad de nacimiento\n'
    text += (
        '\n'.join(rows) + f'\n{_curp.derive("Ana", "Uc", "", "2001-01-01", "M", "YN")}A1,,,Ana,Uc,,01/01/2001,M,YN\n'
    )
    r = report_list(text.encode(), copy='csv')
    detail = '\n'.join(row[-1] for row in copy_rows(r['copy']))
    for out in (r['text'], detail):
        assert out.count('Error') > 20
        student = re.findall(r'\b(?:[Tt]us?|tuy[oa]|naciste|tienes|escribiste|te)\b[^.]{0,30}', out)
        assert student == []


def test_a_copy_checked_again_gets_fresh_columns_not_two_more():
    first = report_list(LIST.encode(), 'lista.csv', copy='csv')['copy']
    again = report_list(first, 'lista-revisada.csv', copy='csv')['copy']
    assert copy_rows(again) == copy_rows(first)
    data = report_list(LIST.encode(), copy='xlsx')['copy']
    ws = openpyxl.load_workbook(io.BytesIO(report_list(data, copy='xlsx')['copy'])).active
    assert [c.value for c in ws[2]] == ['Nombre', 'CURP', 'Grupo', 'Revisión', 'Detalle']
