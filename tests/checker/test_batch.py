"""checker.batch: the CSV check for school offices."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import batch, curp, nss
from checker.batch import BatchError, check_rows, classify_header, open_lines

LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ'


def make_curp(i: int, year: int = 2008) -> str:
    """The i-th of many distinct valid CURPs (no palabra inconveniente)."""
    a, b, c = i % 26, i // 26 % 26, i // 676 % 26
    d1, d2, d3 = (i // 17576 % 21, i // 369096 % 21, i // 7751016 % 21)
    s = (
        LETTERS[a]
        + 'A'
        + LETTERS[b]
        + LETTERS[c]
        + f'{year % 100:02d}0315H'
        + 'DF'
        + CONSONANTS[d1]
        + CONSONANTS[d2]
        + CONSONANTS[d3]
        + ('0' if year < 2000 else 'A')
    )
    if s[:4] in curp.INCONVENIENT_WORDS:
        s = s[0] + 'E' + s[2:]
    return s + curp.calc_check_digit(s)


def make_nss(i: int, year: int = 2008) -> str:
    s = f'{i % 97 + 1:02d}{(year + 10) % 100:02d}{year % 100:02d}{i % 10000:04d}'
    return s + nss.calc_check_digit(s)


CURP1, CURP2, CURP3 = make_curp(1), make_curp(2), make_curp(3)
NSS1, NSS2, NSS3 = make_nss(1), make_nss(2), make_nss(3)


def run(text: str, **kw):
    r = check_rows(batch.text_lines(text), **kw)
    results = list(r)
    return results, r.summary


def report(text, name='lista.csv'):
    out, status = batch.report_text(text, name)
    return out, status


# --------------------------------------------------------------- headers


@pytest.mark.parametrize(
    'header, kind',
    [
        ('CURP', 'curp'),
        ('curp', 'curp'),
        (' Curp del alumno ', 'curp'),
        ('CURP_ALUMNO', 'curp'),
        ('NSS', 'nss'),
        ('nss', 'nss'),
        ('Número de Seguridad Social', 'nss'),
        ('NUMERO DE SEGURIDAD SOCIAL', 'nss'),
        ('num_seguro_social', 'nss'),
        ('No. IMSS', 'nss'),
        ('NSS (IMSS)', 'nss'),
        ('CP', 'cp'),
        ('C.P.', 'cp'),
        ('c.p', 'cp'),
        ('Código postal', 'cp'),
        ('CODIGO POSTAL', 'cp'),
        ('codigo_postal', 'cp'),
        ('Cód. Postal', 'cp'),
        ('CP domicilio', 'cp'),
        ('Nombre', None),
        ('Capacidad', None),
        ('', None),
        ('Grupo', None),
        ('Correo', None),
        ('Teléfono', None),
    ],
)
def test_classify_header(header, kind):
    assert classify_header(header) == kind


def test_exact_header_is_primary():
    cols = batch.find_columns(['CURP del tutor', 'Nombre', 'CURP'])
    assert [(c.index, c.primary) for c in cols] == [(0, False), (2, True)]


def test_column_letters():
    assert [batch.Column(i, 'cp', 'x').letter for i in (0, 25, 26, 27, 701)] == ['A', 'Z', 'AA', 'AB', 'ZZ']


# --------------------------------------------------------- reading files


def test_utf8_bom_and_semicolons(tmp_path):
    path = tmp_path / 'lista.csv'
    path.write_bytes(
        (f'\ufeffNombre;CURP;NSS;Código postal\r\nAna;{CURP1};{NSS1};44100\r\nLuis;{CURP2};{NSS2};29000\r\n').encode()
    )
    r = check_rows(open_lines(path))
    assert list(r) == []
    s = r.summary
    assert s.delimiter == ';'
    assert [(c.kind, c.letter, c.header) for c in s.columns] == [
        ('curp', 'B', 'CURP'),
        ('nss', 'C', 'NSS'),
        ('cp', 'D', 'Código postal'),
    ]
    assert (s.rows, s.valid, s.warnings, s.invalid, s.duplicates) == (2, 2, 0, 0, 0)
    assert s.exit_status == 0


def test_latin1_file(tmp_path):
    path = tmp_path / 'lista.csv'
    path.write_bytes(
        (f'Nombre,Número de Seguridad Social,Código Postal\r\nPeña Núñez,{NSS1},4410\r\n').encode('latin-1')
    )
    out, status = batch.report_text(path.read_bytes(), 'lista.csv')
    assert status == 1
    assert 'NSS en la columna B («Número de Seguridad Social»)' in out
    assert 'código postal en la columna C («Código Postal»)' in out
    assert 'Fila 2:' in out
    # the same through a path, lazily
    results, s = run_path(path)
    assert [r.row for r in results] == [2]
    assert results[0].issues[0].code == 'postal.length'


def run_path(path):
    r = check_rows(open_lines(path))
    return list(r), r.summary


def test_windows_1252_and_utf8_mixed(tmp_path):
    # A spreadsheet export in Windows-1252 with a curly quote, and a line
    # pasted in UTF-8: every line is read, nothing raises.
    data = 'CURP,Observación\r\n'.encode() + f'{CURP1},“ok”\r\n'.encode('cp1252') + f'{CURP2},Sí\r\n'.encode()
    lines = list(open_lines(data))
    assert lines[1] == f'{CURP1},“ok”\r\n'
    assert lines[2] == f'{CURP2},Sí\r\n'
    results, s = run(''.join(lines))
    assert s.rows == 2 and s.invalid == 0


def test_utf16_with_bom(tmp_path):
    path = tmp_path / 'lista.txt'
    path.write_bytes(f'CURP\tNSS\r\n{CURP1}\t{NSS1}\r\n'.encode('utf-16'))
    results, s = run_path(path)
    assert s.delimiter == '\t' and s.rows == 1 and s.valid == 1


def test_tabs():
    results, s = run(f'curp\tnss\tcp\n{CURP1}\t{NSS1}\t44100\n')
    assert s.delimiter == '\t'
    assert len(s.columns) == 3 and s.valid == 1


def test_excel_sep_line():
    text = f'sep=;\nCURP;NSS\n{CURP1};{NSS1}\n{CURP2};123\n'
    results, s = run(text)
    assert s.delimiter == ';'
    assert s.header_row == 2
    assert [r.row for r in results] == [4]


def test_title_lines_before_the_header():
    text = (
        'Escuela Secundaria 12,,\n'
        'Lista de alumnos 2025,,\n'
        ',,\n'
        f'Nombre,CURP,NSS\nAna,{CURP1},{NSS1}\nBeto,{CURP2}X,{NSS2}\n'
    )
    results, s = run(text)
    assert s.header_row == 4
    assert [r.row for r in results] == [6]


def test_quoted_fields_and_row_numbers():
    text = (
        f'Nombre,Domicilio,CURP\n"Ana","Calle 1,\ncolonia Centro",{CURP1}\n"Beto, el ""güero""",Calle 2,{CURP2[:-1]}\n'
    )
    results, s = run(text)
    # rows are CSV records (as a spreadsheet numbers them), not lines
    assert [r.row for r in results] == [3]
    assert results[0].issues[0].code == 'curp.length'


def test_blank_rows_are_skipped_but_keep_numbering():
    text = f'CURP,NSS\n{CURP1},{NSS1}\n\n,\n  ,  \n{CURP2},1\n'
    results, s = run(text)
    assert s.rows == 2
    assert [r.row for r in results] == [6]


def test_short_rows_have_empty_cells():
    text = f'CURP,Nombre,NSS\n{CURP1},Ana\n'
    results, s = run(text)
    (r,) = results
    assert r.row == 2 and r.state == 'invalid'
    assert [(i.kind, i.code) for i in r.issues] == [('nss', 'nss.empty')]
    assert 'está vacía' in r.issues[0].message


def test_empty_file_and_no_columns():
    with pytest.raises(BatchError) as info:
        check_rows(open_lines(b''))
    assert info.value.code == 'batch.empty'
    with pytest.raises(BatchError) as info:
        check_rows(batch.text_lines('Nombre,Grupo\nAna,3A\n'))
    assert info.value.code == 'batch.no_columns'
    assert 'CURP' in info.value.message and 'NSS' in info.value.message
    out, status = batch.report_text('Nombre,Grupo\nAna,3A\n')
    assert status == 2 and out.startswith('No encontré ninguna columna')


def test_header_only():
    out, status = report('CURP,NSS\n')
    assert status == 0
    assert 'Filas revisadas: 0' in out
    assert 'ninguna fila con datos' in out


def test_only_one_kind_of_column():
    out, status = report('CP\n44100\n06600\n99999\n18000\n')
    assert status == 1
    assert 'Sin columna de CURP ni de NSS: esa parte no se revisó.' in out
    # 99999 may be a new code: an «Aviso»; 18000 cannot exist: an error
    assert 'Fila 4:\n  Aviso en código postal (columna A) «99999»: El código postal 99999' in out
    assert 'Fila 5:\n  Error en código postal (columna A) «18000»' in out
    assert 'Con advertencias: 1' in out and 'Con errores: 1' in out


def test_a_code_missing_from_the_catalogue_is_only_a_warning():
    out, status = report('CP\n44100\n44109\n')
    assert status == 0
    assert 'no aparece en el catálogo de códigos postales' in out
    assert 'Con advertencias: 1' in out and 'Con errores: 0' in out


def test_unclosed_quote_is_a_friendly_error():
    text = 'CURP,Nombre\n' + f'{CURP1},"Ana\n' + ('x' * 200_000) + '\n'
    out, status = report(text)
    assert status == 2
    assert 'comillas' in out


# --------------------------------------------------------------- the check


def test_invalid_values_with_positions():
    bad_curp = CURP1[:17] + ('0' if CURP1[17] != '0' else '1')
    bad_nss = NSS1[:10] + str((int(NSS1[10]) + 1) % 10)
    text = f'CURP,NSS,CP\n{CURP2},{NSS2},44100\n{bad_curp},{bad_nss},44109\n'
    results, s = run(text)
    (r,) = results
    assert r.row == 3 and r.state == 'invalid'
    got = [(i.kind, i.code, i.position, i.severity) for i in r.issues]
    assert got == [
        ('curp', 'curp.check_digit', 17, 'invalid'),
        ('nss', 'nss.check_digit', 10, 'invalid'),
        ('cp', 'postal.unknown', None, 'warning'),
    ]
    assert (s.rows, s.valid, s.invalid, s.exit_status) == (2, 1, 1, 1)
    lines = batch.format_result(r)
    assert lines[0] == 'Fila 3:'
    assert lines[1].startswith(f'  Error en CURP (columna A) «{bad_curp}»: El dígito verificador (carácter 18)')


def test_cross_check_warning_does_not_fail_the_file():
    other_year = make_nss(5, year=1999)  # birth year 99, CURP says 08
    text = f'CURP,NSS\n{CURP1},{other_year}\n{CURP2},{NSS2}\n'
    results, s = run(text)
    (r,) = results
    assert r.state == 'warning'
    assert [i.code for i in r.issues] == ['nss.birth_year_mismatch']
    assert r.issues[0].kind == 'nss'
    assert (s.valid, s.warnings, s.invalid, s.exit_status) == (1, 1, 0, 0)
    out, status = report(text)
    assert status == 0
    assert 'Aviso en NSS (columna B)' in out
    assert 'No hay errores; revisa los avisos' in out


def test_cross_check_matches_nss_explain():
    # The cache must never change what nss.explain says.
    pairs = [
        (make_curp(i, year), make_nss(i * 7, ny))
        for i, (year, ny) in enumerate(
            itertools.product((1958, 1999, 2000, 2008, 2019), (1958, 1988, 2000, 2008, 2019, 2024))
        )
    ]
    text = 'CURP,NSS\n' + ''.join(f'{c},{n}\n' for c, n in pairs) * 2
    results, s = run(text, duplicates=False)
    by_row = {r.row: [i.code for i in r.issues] for r in results}
    for k, (c, n) in enumerate(pairs * 2):
        expected = [w['code'] for w in nss.explain(n, curp=c)['warnings']]
        assert by_row.get(k + 2, []) == expected, (c, n)


def test_duplicates_report_the_first_row():
    text = (
        f'CURP,NSS\n{CURP1},{NSS1}\n{CURP2},{NSS2}\n'
        f'{CURP1.lower()},{NSS3}\n{CURP3},{NSS2[:5]} {NSS2[5:]}\n'
        f'{CURP1},{NSS1}\n'
    )
    results, s = run(text)
    got = [(r.row, [(i.code, i.first_row) for i in r.issues]) for r in results]
    assert got == [
        (4, [('batch.duplicate_curp', 2)]),
        (5, [('batch.duplicate_nss', 3)]),
        (6, [('batch.duplicate_curp', 2), ('batch.duplicate_nss', 2)]),
    ]
    assert (s.rows, s.duplicates, s.duplicate_curp, s.duplicate_nss) == (5, 3, 2, 2)
    assert s.invalid == 3 and s.exit_status == 1
    out, _ = report(text)
    assert 'CURP repetida: ya aparece en la fila 2.' in out
    assert 'NSS repetido: ya aparece en la fila 3.' in out
    assert 'Duplicados: 3 (CURP: 2, NSS: 2)' in out


def test_duplicates_can_be_turned_off():
    text = f'CURP\n{CURP1}\n{CURP1}\n'
    assert run(text, duplicates=False)[1].duplicates == 0


def test_inconvenient_word_warning():
    s17 = 'BACA080315HDFRRL' + 'A'
    value = s17 + curp.calc_check_digit(s17)
    results, s = run(f'CURP\n{value}\n')
    (r,) = results
    assert r.state == 'warning'
    assert [i.code for i in r.issues] == ['curp.inconvenient_word']


@pytest.mark.parametrize(
    'value, hint',
    [
        ('1000', '01000 existe (Álvaro Obregón, Ciudad de México)'),
        ('6600', '06600 existe (Cuauhtémoc, Ciudad de México)'),
    ],
)
def test_spreadsheet_dropped_leading_zero_cp(value, hint):
    results, _ = run(f'CP\n{value}\n')
    message = results[0].issues[0].message
    assert f'la hoja de cálculo pudo quitarlo: {hint}.' in message
    assert 'formato de Texto' in message


def test_spreadsheet_dropped_leading_zero_nss():
    value = make_nss(3)
    value = '0' + value[1:11]
    value = value[:10] + nss.calc_check_digit(value)
    assert nss.is_valid(value) and value[0] == '0'
    results, _ = run(f'NSS\n{value[1:]}\n')
    assert f'{value} es un NSS válido' in results[0].issues[0].message


@pytest.mark.parametrize('value', ['2.81388E+10', '2,81388E+10', '28138801999.0'])
def test_spreadsheet_number_formats(value):
    results, _ = run(f'NSS;Nombre\n{value};x\n')
    message = results[0].issues[0].message
    assert 'formato de Texto' in message


def test_extra_columns_of_the_same_kind_are_checked():
    text = f'CURP alumno,CURP tutor\n{CURP1},{CURP2[:-1]}\n{CURP1},{CURP2}\n'
    results, s = run(text)
    # duplicates only in the primary column; the tutor column is validated
    assert [(r.row, [i.code for i in r.issues]) for r in results] == [
        (2, ['curp.length']),
        (3, ['batch.duplicate_curp']),
    ]


def test_results_stream_lazily():
    consumed = 0

    def lines():
        nonlocal consumed
        yield 'CURP,NSS\n'
        for i in range(1_000_000):
            consumed += 1
            yield f'{CURP1 if i != 40 else "X"},{NSS1}\n'

    r = check_rows(lines(), duplicates=False)
    first = next(r)
    assert first.row == 42
    assert consumed < 200  # the header search reads a few lines ahead
    assert r.summary.rows == 41 and r.summary.invalid == 1


def test_summary_lines_are_spanish():
    lines = batch.format_summary(run(f'CURP\n{CURP1}\n')[1])
    assert lines == [
        'Resumen',
        '  Filas revisadas: 1',
        '  Válidas: 1',
        '  Con advertencias: 0',
        '  Con errores: 0',
        '  Duplicados: 0',
        'Todo en orden: todas las filas son válidas.',
    ]


def test_report_text_and_check_source_agree(tmp_path):
    text = f'CURP,NSS,CP\n{CURP1},{NSS1},44100\n{CURP2},{NSS2},1\n'
    path = tmp_path / 'lista.csv'
    path.write_text(text, encoding='utf-8')
    out1, status1 = batch.report_text(path.read_bytes(), 'lista.csv')
    chunks = []
    status2 = batch.check_source(path, chunks.append, 'lista.csv')
    assert (out1, status1) == (''.join(chunks), status2)
    assert out1.startswith('Revisión de lista.csv\n')
    assert out1.rstrip().endswith('corrígelas y vuelve a revisar el archivo.')


# ----------------------------------------------------------- memory
#
# Peak resident memory of a fresh process checking the first 50,000 and
# then all 200,000 rows of the same generated file (tracemalloc would be
# more precise but makes the check ten times slower).  Linux counts in a
# child's peak the memory of the process that forked it, so a small
# launcher (a fresh interpreter, far smaller than pytest) spawns the check
# and reports that child's own peak (os.wait4).

CHILD = r"""
import itertools, sys
from checker import batch
n, duplicates = int(sys.argv[2]), sys.argv[3] == '1'
run = batch.check_rows(itertools.islice(batch.open_lines(sys.argv[1]), n + 1),
                       duplicates=duplicates)
problems = sum(1 for _ in run)
assert run.summary.rows == n and problems >= n // 50, (run.summary, problems)
"""

LAUNCHER = r"""
import os, sys
pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ)
_pid, status, usage = os.wait4(pid, 0)
assert os.waitstatus_to_exitcode(status) == 0, status
print(usage.ru_maxrss)
"""


@pytest.fixture(scope='module')
def big_csv(tmp_path_factory):
    """200,000 rows with distinct CURPs and NSSs, 2 % invalid."""
    path = tmp_path_factory.mktemp('big') / 'lista.csv'
    cps = ('44100', '29000', '06600', '68000', '01000')
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write('Nombre,CURP,NSS,CP\r\n')
        for i in range(200_000):
            c = make_curp(i)
            n = f'{i // 10000 + 1:02d}1808{i % 10000:04d}'
            n += nss.calc_check_digit(n)
            if i % 50 == 0:
                c = c[:-1]
            f.write(f'Alumno {i},{c},{n},{cps[i % 5]}\r\n')
    return path


def _peak_kib(path, n, duplicates):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(batch.__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, '-c', LAUNCHER, sys.executable, '-c', CHILD, str(path), str(n), '1' if duplicates else '0'],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.split()[-1])  # KiB on Linux


@pytest.mark.skipif(__import__('sys').platform != 'linux', reason='ru_maxrss in KiB on Linux')
def test_memory_is_flat_without_duplicate_tables(big_csv):
    small = _peak_kib(big_csv, 50_000, False)
    large = _peak_kib(big_csv, 200_000, False)
    # 150,000 more rows cost nothing: no row is ever kept.
    assert large - small < 2048, (small, large)


@pytest.mark.skipif(__import__('sys').platform != 'linux', reason='ru_maxrss in KiB on Linux')
def test_memory_grows_only_by_the_duplicate_tables(big_csv):
    small = _peak_kib(big_csv, 50_000, True)
    large = _peak_kib(big_csv, 200_000, True)
    per_row = (large - small) * 1024 / 150_000
    # One compact CURP (str), one NSS (int), the first row number and two
    # dict entries per distinct value: about 200 bytes on 64-bit CPython.
    assert per_row < 320, (small, large, per_row)


# ------------------------------------------------- the browser's entry point


def test_report_dict_for_the_page():
    r = batch.report(f'CURP,NSS\n{CURP1},{NSS1}\n{CURP1},1\n'.encode(), 'lista.csv')
    assert r['exit_status'] == 1 and r['error'] is None
    assert r['summary'] == {
        'rows': 2,
        'valid': 1,
        'warnings': 0,
        'invalid': 1,
        'duplicates': 1,
        'duplicate_curp': 1,
        'duplicate_nss': 0,
        'exit_status': 1,
    }
    assert r['text'] == batch.report_text(f'CURP,NSS\n{CURP1},{NSS1}\n{CURP1},1\n', 'lista.csv')[0]
    bad = batch.report(b'Nombre\nAna\n')
    assert (bad['exit_status'], bad['error'], bad['summary']) == (2, 'batch.no_columns', None)


FIELDS = st.one_of(
    st.sampled_from(
        [CURP1, CURP2, NSS1, NSS2, '44100', '', ' ', '"', 'CURP', 'NSS', 'CP', 'Código postal', '\ufeff', 'ñ']
    ),
    st.text(max_size=25),
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.lists(FIELDS, max_size=6), max_size=12),
    delimiter=st.sampled_from([',', ';', '\t']),
    newline=st.sampled_from(['\n', '\r\n', '\r']),
    encoding=st.sampled_from(['utf-8', 'utf-8-sig', 'latin-1', 'utf-16']),
)
def test_any_table_gives_a_report(rows, delimiter, newline, encoding):
    text = newline.join(delimiter.join(r) for r in [['CURP', 'NSS', 'CP']] + rows)
    data = text.encode(encoding, 'replace')
    r = batch.report(data, 'x.csv')
    assert r['exit_status'] in (0, 1, 2)
    assert r['text'].endswith('\n')


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=600))
def test_any_bytes_give_a_report(data):
    r = batch.report(data)
    assert r['exit_status'] in (0, 1, 2)
    r = batch.report(b'CURP;NSS\n' + data)
    assert r['exit_status'] in (0, 1, 2)


def test_fast_path_keys_are_compact_values():
    k = make_curp(10)
    assert k[0] == 'K'
    kelvin = '\u212a' + k[1:]  # KELVIN SIGN, NFC -> K
    text = f'CURP,NSS\n{k},{NSS1}\n{kelvin},{NSS2}\n{k[:9]}-{k[9:]},{NSS3}\n{CURP2}, {NSS1[:3]} {NSS1[3:]}\n'
    results, s = run(text)
    assert [(r.row, [(i.code, i.first_row) for i in r.issues]) for r in results] == [
        (3, [('batch.duplicate_curp', 2)]),
        (4, [('batch.duplicate_curp', 2)]),
        (5, [('batch.duplicate_nss', 2)]),
    ]


def test_a_plain_list_without_titles():
    text = f'\n{CURP1}\n{CURP2}\n{CURP3[:-1]}\n'
    results, s = run(text)
    assert s.header_row is None
    assert [(c.kind, c.letter) for c in s.columns] == [('curp', 'A')]
    assert s.rows == 3
    assert [r.row for r in results] == [4]
    out, status = report(text)
    assert 'el archivo no tiene fila de títulos' in out
    assert status == 1


def test_titles_missing_but_values_recognised():
    text = f'Ana;{CURP1};{NSS1};44100\nBeto;{CURP2};{NSS2};44100\n'
    results, s = run(text)
    assert s.delimiter == ';'
    assert [(c.kind, c.index) for c in s.columns] == [('curp', 1), ('nss', 2)]
    assert s.rows == 2 and s.valid == 2 and results == []


def test_no_titles_and_no_recognisable_values():
    with pytest.raises(BatchError) as info:
        check_rows(batch.text_lines('Ana,44100\nBeto,29000\n'))
    assert info.value.code == 'batch.no_columns'


def test_unrecognised_titles_are_not_data():
    text = f'Alumno,Clave,Seguro\nAna,{CURP1},{NSS1}\nBeto,{CURP2},{NSS2}\nCarla,{CURP3},x\n'
    results, s = run(text)
    assert s.header_row == 1
    assert [(c.kind, c.header) for c in s.columns] == [('curp', 'Clave'), ('nss', 'Seguro')]
    assert [(r.row, r.issues[0].code) for r in results] == [(4, 'nss.length')]


def test_one_huge_cell_does_not_stop_the_list(tmp_path):
    from checker import batch

    text = "CURP,NSS,CP\n" + '"' + "A" * 200_000 + '",28138801999,44100\nHEGG560427MVZRRL04,74927602404,44100\n'
    result = batch.report(text.encode("utf-8"), "lista.csv")
    assert result["summary"]["rows"] == 2
    assert "Fila 2" in result["text"] and "Fila 3" in result["text"]
    assert "(200000 caracteres)" in result["text"] and len(result["text"]) < 5000


def test_batch_uses_only_public_names_of_the_validators():
    # batch must not know nss's or curp's internals (issue 10)
    import ast
    from pathlib import Path

    for path in Path(batch.__file__).parent.glob('*.py'):
        tree = ast.parse(path.read_text(encoding='utf-8'))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in ('_curp', '_nss', '_postal', 'curp', 'nss', 'postal')
            ):
                assert not node.attr.startswith('_'), (path.name, node.attr)
