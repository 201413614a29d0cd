"""checker.xlsx_read and Excel lists in the list checker (issue 12, item 1)."""

from __future__ import annotations

import datetime
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import xlsx_read
from checker.batch import BatchError
from checker.batch.lists import report_list
from checker.batch.sheet import check_workbook
from checker.xlsx_read import XlsxError, open_sheet
from checker.xlsx_write import XlsxWriter

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    'xlsx_fixtures', Path(__file__).parent / 'fixtures' / 'xlsx' / 'build.py'
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

CURP = 'HEGG560427MVZRRL04'


def rows_of(data, sheet=None):
    return list(open_sheet(data, sheet, 'lista.xlsx').rows())


def cli(path, *args):
    p = subprocess.run(
        [sys.executable, '-m', 'checker', str(path), *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )
    return p.returncode, p.stdout, p.stderr


# ------------------------------------------------------------ cell values


def test_openpyxl_values_as_excel_shows_them():
    data = fx.openpyxl_book(
        [
            ['Texto', 'Entero', 'Real', 'Fecha', 'Booleano', 'NSS'],
            ['Peña & Hijos <1>', 44100, 2.5, datetime.date(2007, 3, 15), True, 4149963862],
            [None, None, None, datetime.datetime(1999, 12, 31, 8, 30), False, '04149963862'],
        ]
    )
    assert rows_of(data) == [
        ['Texto', 'Entero', 'Real', 'Fecha', 'Booleano', 'NSS'],
        ['Peña & Hijos <1>', '44100', '2.5', '15/03/2007', 'VERDADERO', '4149963862'],
        ['', '', '', '31/12/1999', 'FALSO', '04149963862'],
    ]


def test_custom_date_format_and_text_number_formats():
    data = fx.openpyxl_book(
        [['A', 'B', 'C'], [39156, 39156, 39156]],
        number_formats={'A2': 'dd/mm/yyyy', 'B2': '0', 'C2': '[$-80A]d" de "mmmm" de "yyyy'},
    )
    assert rows_of(data)[1] == ['15/03/2007', '39156', '15/03/2007']


def test_shared_strings_rich_text_phonetic_entities_and_escapes():
    shared = [
        '<t>CURP</t>',
        '<r><rPr><b/></rPr><t>Her</t></r><r><t xml:space="preserve">nández </t></r><rPh sb="0" eb="1"><t>ヘ</t></rPh>',
        '<t>A&amp;M _x0009_ tab</t>',
        '<t/>',
    ]
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
        '<row r="4"><c r="B4" t="s"><v>2</v></c><c r="A4" t="s"><v>3</v></c></row>'
        '</sheetData>'
    )
    assert rows_of(fx.raw_xlsx(sheet, shared)) == [['CURP', '', 'Hernández '], [], [], ['', 'A&M \t tab']]


def test_prefixed_namespace_inline_strings_and_odd_spellings():
    sheet = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>NSS</x:t></x:is></x:c></x:row>'
        "<x:row r='2'><x:c t='n' r='A2'><x:v>28138801999</x:v></x:c></x:row>"
        '<x:row r="3" spans="1:2"><x:c r="A3" t="str" s="0"><x:f>B3</x:f><x:v>cached &lt;ok&gt;</x:v></x:c></x:row>'
        '</x:sheetData>'
    )
    assert rows_of(fx.raw_xlsx(sheet, prefix='x:')) == [['NSS'], ['28138801999'], ['cached <ok>']]


def test_1904_dates_and_builtin_date_style():
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    sheet = '<row r="1"><c r="A1" s="1"><v>37694</v></c><c r="B1"><v>37694</v></c></row></sheetData>'
    assert rows_of(fx.raw_xlsx(sheet, styles=styles, date1904=True)) == [['15/03/2007', '37694']]
    assert rows_of(fx.raw_xlsx(sheet, styles=styles)) == [['14/03/2003', '37694']]


def test_named_sheet_and_a_missing_one():
    data = fx.openpyxl_book([['x']], title='Portada', sheets={'Alumnos 2026': [['CURP'], [CURP]]})
    assert rows_of(data, 'alumnos 2026') == [['CURP'], [CURP]]
    with pytest.raises(XlsxError) as exc:
        rows_of(data, 'Hoja9')
    assert exc.value.code == 'xlsx.no_such_sheet'
    assert '«Hoja9»' in exc.value.message and '«Portada», «Alumnos 2026»' in exc.value.message


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), max_size=5), min_size=1, max_size=6))
def test_writer_and_reader_round_trip(rows):
    import io

    buf = io.BytesIO()
    with XlsxWriter(buf, 'Prueba') as w:
        for row in rows:
            w.row(row)
    back = rows_of(buf.getvalue())
    expected = []
    for row in rows:
        row = list(row)
        while row and not row[-1]:
            row.pop()
        # XML cannot hold a lone surrogate or U+FFFE/U+FFFF: those are written escaped
        expected.append(row)
    assert back == expected


# ------------------------------------------------------- the list checker


def test_an_excel_list_is_checked_like_a_csv():
    data = fx.openpyxl_book([['Lista de 3.º A'], [], ['Nombre', 'CURP', 'NSS', 'CP'], ['Ana', CURP, 4149963862, 1000]])
    r = report_list(data, 'lista.xlsx')
    assert r['error'] is None and r['summary']['rows'] == 1
    assert 'Hoja «Sheet»; títulos en la fila 3.' in r['text'].replace('Alumnos', 'Sheet')
    # the spreadsheet dropped the leading zeros: the same hint as the CSV path
    assert 'Si empieza con cero, la hoja de cálculo pudo quitarlo: 04149963862' in r['text']
    assert 'Fila 4:' in r['text']


def test_a_title_banner_merged_above_the_header_is_fine():
    data = fx.openpyxl_book(
        [['Lista de alumnos', None, None], ['Nombre', 'CURP', 'CP'], ['Gloria', CURP, '44100']], merged=['A1:C1']
    )
    run = check_workbook(data, name='lista.xlsx')
    assert list(run) == [] and run.summary.header_row == 2


def test_cli_reads_xlsx_and_the_sheet_option(tmp_path):
    path = tmp_path / 'alumnos.xlsx'
    path.write_bytes(fx.openpyxl_book([['x']], title='Portada', sheets={'Alumnos': [fx.HEADER, fx.GLORIA]}))
    status, out, err = cli(path, '--hoja', 'Alumnos')
    assert status == 0, err
    assert 'Hoja «Alumnos»; títulos en la fila 1.' in out and 'Válidas: 1' in out
    status, out, err = cli(path)
    assert status == 2 and 'No encontré ninguna columna' in err and '«Portada»' in err


# ---------------------------------------------------------------- bad input

BAD = {
    'antigua.xls': ('xlsx.old_format', ['«antigua.xls»', 'antigua (.xls)']),
    'protegida.xlsx': ('xlsx.encrypted', ['«protegida.xlsx»', 'contraseña']),
    'danada.xlsx': ('xlsx.corrupt', ['«danada.xlsx»', 'dañada']),
    'combinada.xlsx': ('xlsx.merged_header', ['«combinada.xlsx»', 'hoja «Alumnos»', 'A1:B1']),
    'formula.xlsx': ('xlsx.formula', ['«formula.xlsx»', 'hoja «Alumnos»', 'celda B2', '=CONCAT']),
    'vacia.xlsx': ('xlsx.empty', ['«vacia.xlsx»', 'hoja «Alumnos»', 'celda A1']),
}


@pytest.mark.parametrize('name', sorted(BAD))
def test_bad_workbooks_get_one_spanish_message(name):
    code, words = BAD[name]
    data = fx.all_fixtures()[name]
    with pytest.raises(BatchError) as exc:
        run = check_workbook(data, name=name)
        list(run)
    assert exc.value.code == code
    for w in words:
        assert w in exc.value.message
    r = report_list(data, name)
    assert r['exit_status'] == 2 and r['error'] == code and r['text'] == exc.value.message + '\n'


@pytest.mark.parametrize('name', sorted(BAD))
def test_bad_workbooks_on_the_command_line_never_a_traceback(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(fx.all_fixtures()[name])
    status, out, err = cli(path)
    assert status == 2
    assert 'Traceback' not in err and err.startswith(f'{name}: ')
    assert BAD[name][1][0] in err


def test_formula_without_value_outside_the_checked_columns_is_just_empty():
    data = fx.openpyxl_book([['Nota', 'CURP'], ['=1+1', CURP]])
    r = report_list(data, 'l.xlsx')
    assert r['error'] is None and r['summary']['valid'] == 1


def test_formula_without_value_after_the_first_rows(tmp_path):
    rows = [['CURP']] + [[CURP]] + [[None]] * 40 + [['=A1']]
    with pytest.raises(BatchError) as exc:
        list(check_workbook(fx.openpyxl_book(rows), name='l.xlsx'))
    assert exc.value.code == 'xlsx.formula' and 'celda A43' in exc.value.message


def test_a_word_document_and_a_sheet_without_rows():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('word/document.xml', '<w:document/>')
    with pytest.raises(XlsxError) as exc:
        open_sheet(buf.getvalue(), name='carta.docx')
    assert exc.value.code == 'xlsx.not_excel'
    with pytest.raises(BatchError) as exc:
        check_workbook(fx.raw_xlsx('<row r="1"/><row r="2"><c r="A2"/></row></sheetData>'), name='l.xlsx')
    assert exc.value.code == 'xlsx.empty'


def test_broken_xml_inside_a_sheet():
    data = fx.raw_xlsx('<row r="1"><c r="A1" t="s"><v>9</v></c></row></sheetData>', shared=['<t>CURP</t>'])
    with pytest.raises(BatchError) as exc:
        check_workbook(data, name='l.xlsx')
    assert exc.value.code == 'xlsx.corrupt' and 'celda A1' in exc.value.message


def test_reader_and_writer_are_small_and_stdlib_only():
    import ast

    from checker import xlsx_sheet, xlsx_write

    for mod in (xlsx_read, xlsx_sheet, xlsx_write):
        source = Path(mod.__file__).read_text(encoding='utf-8')
        assert source.count('\n') < 600
        tree = ast.parse(source)
        names = {a.name.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split('.')[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 0}
        assert names <= set(sys.stdlib_module_names), names


def test_less_common_cells():
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    sheet = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b>&c]]></t></is></c>'
        '<c r="b1" t="d"><v>2007-03-15T00:00:00</v></c><c r="C1" t="d"><v>mañana</v></c>'
        '<c r="D1" t="e"><v>#REF!</v></c><c r="E1"><v>1E+20</v></c><c r="F1"><v>-0.25</v></c>'
        '<c r="G1" s="1"><v>59</v></c><c r="H1" s="1"><v>no</v></c><c r="AB1" t="b"><v>0</v></c></row>'
        '<row><c t="inlineStr"><is><t>sin referencia</t></is></c></row>'
        '</sheetData>'
    )
    row1, row2 = rows_of(fx.raw_xlsx(sheet, styles=styles))
    assert row1[:8] == ['a<b>&c', '15/03/2007', 'mañana', '#REF!', '1e+20', '-0.25', '28/02/1900', 'no']
    assert row1[27] == 'FALSO' and row2 == ['sin referencia']


def test_rows_out_of_order_and_absurd_columns_are_corrupt():
    for body in (
        '<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>',
        '<row r="1"><c r="XFE1"><v>1</v></c></row>',
    ):
        with pytest.raises(XlsxError) as exc:
            rows_of(fx.raw_xlsx(body + '</sheetData>'))
        assert exc.value.code == 'xlsx.corrupt' and 'hoja «Hoja1»' in exc.value.message


def test_a_long_cell_is_cut_at_excels_limit():
    long = 'x' * 40_000
    sheet = f'<row r="1"><c r="A1" t="inlineStr"><is><t>{long}</t></is></c></row></sheetData>'
    assert len(rows_of(fx.raw_xlsx(sheet))[0][0]) == xlsx_read.MAX_CELL
