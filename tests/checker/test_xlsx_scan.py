"""The .xlsx reader's fast paths (issue 12, items 4 and 5): the shared-strings
table packed and spilled to a temporary file, and the sheet read a region at a
time, give exactly what the general patterns give."""

from __future__ import annotations

import importlib.util
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import xlsx_read, xlsx_shape, xlsx_sheet
from checker.xlsx_read import _Strings, open_sheet
from checker.xlsx_write import XlsxWriter

_spec = importlib.util.spec_from_file_location(
    'xlsx_fixtures', Path(__file__).parent / 'fixtures' / 'xlsx' / 'build.py'
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)


def rows_of(data):
    return list(open_sheet(data, None, 'lista.xlsx').rows())


@pytest.fixture
def small_table(monkeypatch):
    """A table that spills after its first block and caches one."""
    monkeypatch.setattr(_Strings, 'RESIDENT', 4000)
    monkeypatch.setattr(_Strings, 'HOT', 2000)


def test_a_big_table_spills_to_a_file_and_reads_back_in_any_order(small_table):
    rng = random.Random(5)
    texts = [f'Alumno {i} ñ' if i % 7 else f'x\0y\1z{i}' for i in range(3000)] + ['', '\1\2\3', 'ẞ' * 300]
    table = _Strings()
    for t in texts:
        table.append(t)
    table.finish()
    assert table._file is not None and table._first_spilled >= 1
    assert len(table) == len(texts)
    order = list(range(len(texts)))
    rng.shuffle(order)
    assert [table[i] for i in order] == [texts[i] for i in order]
    assert len(table._hot) < len(texts) // table.BLOCK  # only a few blocks kept as lists
    for bad in (-1, len(texts), 10**9):
        with pytest.raises(IndexError):
            table[bad]


def test_a_temporary_file_that_cannot_be_written_keeps_the_table_in_memory(small_table, monkeypatch):
    import tempfile

    def refuse(*_a, **_k):
        raise OSError(28, 'No space left on device')

    monkeypatch.setattr(tempfile, 'TemporaryFile', refuse)
    table = _Strings()
    table.extend(str(i) for i in range(2000))
    table.finish()
    assert table._file is None and [table[i] for i in (0, 999, 1999)] == ['0', '999', '1999']


def test_a_workbook_whose_strings_spill_reads_like_one_that_does_not(small_table):
    rows = [['Nombre', 'CURP', 'Grupo']] + [[f'Alumna {i}', f'CURP{i:06d}', f'{i % 3}.º A'] for i in range(2500)]
    buf = io.BytesIO()
    with XlsxWriter(buf) as w:
        for row in rows:
            w.row(row)
    assert rows_of(buf.getvalue()) == rows


def test_shared_strings_in_plain_and_rich_regions_keep_their_order():
    shared = []
    for i in range(40_000):  # several regions: some plain, one with rich text and entities
        if i == 20_000:
            shared.append('<r><t>Ric</t></r><r><t>o</t></r>')
        elif i == 30_000:
            shared.append('<t>A&amp;B</t>')
        else:
            shared.append(f'<t>s{i}</t>')
    cells = ''.join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for c, i in zip('ABCDE', (0, 19_999, 20_000, 30_000, 39_999)))
    sheet = f'<row r="1">{cells}</row></sheetData>'
    assert rows_of(fx.raw_xlsx(sheet, shared)) == [['s0', 's19999', 'Rico', 'A&B', 's39999']]


# ----------------------------------------------- fast scan == general scan

CELLS = st.one_of(
    st.tuples(st.just('s'), st.integers(0, 5)),
    st.tuples(st.just('n'), st.sampled_from(['0', '7', '4149963862', '2.5', '1E+20', '-3', '007'])),
    st.tuples(st.just('d'), st.sampled_from(['37694', '59', 'no'])),
    st.tuples(st.just('inline'), st.sampled_from(['Peña &amp; Hijos', 'x_x0009_y', ''])),
    st.tuples(st.just('f'), st.sampled_from(['<f>A1</f><v>3</v>', '<f>A1</f>'])),
    st.tuples(st.just('b'), st.sampled_from(['0', '1'])),
    st.tuples(st.just('empty'), st.just('')),
)
ROWS = st.lists(
    st.tuples(st.integers(0, 2), st.lists(st.tuples(st.integers(0, 2), CELLS), max_size=6)), min_size=1, max_size=8
)
SHARED = ['<t>CURP</t>', '<t>Ana</t>', '<r><t>Ri</t></r><r><t>ch</t></r>', '<t/>', '<t>A&amp;B</t>', '<t>último</t>']
STYLES = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'


def _sheet_xml(rows, p=''):
    out, rowno = [], 0
    for skip, cells in rows:
        rowno += 1 + skip
        col, parts = 0, []
        for gap, (kind, value) in cells:
            col += gap
            ref = f'{chr(65 + col % 26) * (1 + col // 26)}{rowno}'
            col += 1
            head = f'<{p}c r="{ref}"'
            if kind == 's':
                parts.append(f'{head} t="s"><{p}v>{value}</{p}v></{p}c>')
            elif kind == 'n':
                parts.append(f'{head}><{p}v>{value}</{p}v></{p}c>')
            elif kind == 'd':
                parts.append(f'{head} s="1"><{p}v>{value}</{p}v></{p}c>')
            elif kind == 'inline':
                parts.append(f'{head} t="inlineStr"><{p}is><{p}t>{value}</{p}t></{p}is></{p}c>')
            elif kind == 'f':
                parts.append(f'{head}>{value.replace("<", "<" + p).replace("<" + p + "/", "</" + p)}</{p}c>')
            elif kind == 'b':
                parts.append(f'{head} t="b"><{p}v>{value}</{p}v></{p}c>')
            else:
                parts.append(f'{head}/>')
        out.append(f'<{p}row r="{rowno}" spans="1:9">{"".join(parts)}</{p}row>')
    return ''.join(out) + f'</{p}sheetData>'


@settings(max_examples=80, deadline=None)
@given(ROWS)
def test_the_fast_scan_reads_what_the_general_patterns_read(rows):
    fast = rows_of(fx.raw_xlsx(_sheet_xml(rows), SHARED, styles=STYLES))
    general = rows_of(fx.raw_xlsx(_sheet_xml(rows, 'x:'), SHARED, styles=STYLES, prefix='x:'))
    assert fast == general
    assert len(fast) == sum(1 + skip for skip, _ in rows)


def test_rows_cut_across_reading_chunks(monkeypatch):
    from checker import xlsx_sheet

    monkeypatch.setattr(xlsx_sheet, 'CHUNK', 97)  # cuts tags, rows and UTF-8 characters
    rows = [[f'Ñandú {i}', str(10 * i + 1), 'x' * (i % 50)] for i in range(300)]
    buf = io.BytesIO()
    with XlsxWriter(buf) as w:
        for row in rows:
            w.row(row)
    assert rows_of(buf.getvalue()) == [[c for c in r if c] if not r[2] else r for r in rows]


def test_a_region_with_an_unusual_spelling_is_read_by_the_general_patterns():
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2" spans="1:2"><c s="0" r="A2" t="s"><v>1</v></c><c r="B2"><v>5</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>'
        '<row><c r="A4"><v>4</v></c></row>'
        '</sheetData><mergeCells count="1"><mergeCell ref="A9:B9"/></mergeCells><rowBreaks count="0"/>'
    )
    data = fx.raw_xlsx(sheet, SHARED)
    assert rows_of(data) == [['CURP'], ['Ana', '5'], ['a<b'], ['4']]
    assert open_sheet(data).merged == [(9, 0, 9, 1)]


def test_a_zip_bomb_of_shared_strings_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_read, 'MAX_SHEET_BYTES', 50_000)
    data = fx.raw_xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', ['<t>x</t>'] * 20_000)
    with pytest.raises(xlsx_read.XlsxError) as exc:
        open_sheet(data, name='bomba.xlsx')
    assert exc.value.code == 'xlsx.too_big' and '«bomba.xlsx»' in exc.value.message


def test_the_stored_zip_is_what_the_reader_opens():
    # the fixtures writer really deflates (the bomb test above relies on it)
    info = zipfile.ZipFile(io.BytesIO(fx.raw_xlsx('</sheetData>', ['<t>x</t>'] * 100))).getinfo('xl/sharedStrings.xml')
    assert info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size < info.file_size


def test_cdata_that_holds_a_row_tag_is_read_whole():
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[<row r="9">]]></t></is></c><c r="B2"><v>7</v></c></row>'
        '<row r="3"><c r="A3"><v>3</v></c></row></sheetData>'
    )
    assert rows_of(fx.raw_xlsx(sheet, SHARED)) == [['CURP'], ['<row r="9">', '7'], ['3']]


# ------------------------------------- rows of one shape, read by one pattern

SHAPED = st.tuples(
    st.lists(CELLS, min_size=1, max_size=5),  # the shape most rows repeat
    st.lists(st.tuples(st.integers(0, 59), ROWS.map(lambda rows: rows[0])), max_size=4),  # rows that differ
)


def _shaped_rows(shape, odd):
    def vary(kind, value, i):  # shared strings change from row to row
        return (kind, (value + i) % len(SHARED)) if kind == 's' else (kind, value)

    rows = [(0, [(0, vary(*cell, i)) for cell in shape]) for i in range(60)]
    for at, row in odd:
        rows[at] = row
    return rows


@settings(max_examples=60, deadline=None)
@given(SHAPED)
def test_rows_of_one_shape_read_as_the_general_patterns_read_them(shaped):
    rows = _shaped_rows(*shaped)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(xlsx_sheet, 'CHUNK', 300)  # many regions: shapes are learnt and used
        fast = rows_of(fx.raw_xlsx(_sheet_xml(rows), SHARED, styles=STYLES))
        general = rows_of(fx.raw_xlsx(_sheet_xml(rows, 'x:'), SHARED, styles=STYLES, prefix='x:'))
    assert fast == general
    assert len(fast) == sum(1 + skip for skip, _ in rows)


def _list_xml(rows, bad_at=None, p=''):
    out = []
    for r in range(1, rows + 1):
        shared = 9 if r == bad_at else r % 5
        out.append(
            f'<{p}row r="{r}"><{p}c r="A{r}" t="s"><{p}v>{shared}</{p}v></{p}c>'
            f'<{p}c r="B{r}" s="1"><{p}v>{37000 + r}</{p}v></{p}c><{p}c r="C{r}"><{p}v>{r:05d}</{p}v></{p}c></{p}row>'
        )
    return ''.join(out) + f'</{p}sheetData>'


def test_a_regular_list_is_read_a_row_at_a_time_by_its_shape(monkeypatch):
    monkeypatch.setattr(xlsx_sheet, 'CHUNK', 2000)
    general = rows_of(fx.raw_xlsx(_list_xml(500, p='x:'), SHARED, styles=STYLES, prefix='x:'))
    used = []
    read = xlsx_shape.Shape.read
    monkeypatch.setattr(xlsx_shape.Shape, 'read', lambda self, region: used.append(r := read(self, region)) or r)
    rows = rows_of(fx.raw_xlsx(_list_xml(500), SHARED, styles=STYLES))
    assert sum(map(len, filter(None, used))) > 400  # most rows went by the shape
    assert rows == general and len(rows) == 500
    assert rows[0] == ['Ana', '20/04/2001', '1'] and rows[499] == ['CURP', '01/09/2002', '500']


def test_a_bad_shared_string_in_a_shaped_row_names_its_cell(monkeypatch):
    monkeypatch.setattr(xlsx_sheet, 'CHUNK', 2000)
    with pytest.raises(xlsx_read.XlsxError) as exc:
        rows_of(fx.raw_xlsx(_list_xml(500, bad_at=400), SHARED, styles=STYLES))
    assert 'A400' in exc.value.message
