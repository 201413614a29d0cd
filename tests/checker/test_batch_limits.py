"""checker.batch on hostile or broken files (issue 9, item 7): what the
report echoes, blank rows, bounded memory, Unicode without BOM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker import batch
from checker.batch import read

ROOT = Path(batch.__file__).resolve().parents[2]
MAX_LINE, MAX_RECORD = read.MAX_LINE, read.MAX_RECORD
CURP = 'HEGG560427MVZRRL04'


def report(data, **kw):
    return batch.report(data, 'lista.csv', **kw)


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize('codec', ['utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be'])
def test_utf16_and_32_without_bom_ask_for_utf8(codec):
    data = f'Grupo,CURP\n3A,{CURP}\n3B,{CURP[:-1]}5\n'.encode(codec)
    r = report(data)
    assert r['error'] == 'batch.utf16' and r['exit_status'] == 2
    assert 'guárdalo como UTF-8' in r['text']
    assert 'U+0000' not in r['text']


@pytest.mark.parametrize('codec', ['utf-32', 'utf-16'])
def test_utf16_and_32_with_bom_are_read(codec):
    r = report(f'Grupo,CURP\n3A,{CURP}\n'.encode(codec))
    assert r['error'] is None and r['summary']['rows'] == 1
    assert r['summary']['valid'] == 1


# ---------------------------------------------------------------- memory


def test_a_too_big_header_gets_a_clear_message():
    r = report(b',' * 200_000 + b'CURP\n' + CURP.encode() + b'\n')
    assert r['error'] == 'batch.header_too_big'
    assert 'La fila de títulos es demasiado grande' in r['text']


def test_a_too_big_row_gets_a_clear_message():
    data = f'CURP\n{CURP}\n'.encode() + b'"' + b'A' * (MAX_LINE + 10) + b'"\n'
    r = report(data)
    assert r['error'] == 'batch.row_too_big'
    assert 'línea 3' in r['text'] and 'demasiado grande' in r['text']


def test_an_unclosed_quote_over_many_lines_is_a_too_big_row():
    data = f'CURP,Nota\n{CURP},"abre\n'.encode() + b'x,y\n' * (MAX_RECORD // 4 + 10)
    r = report(data)
    assert r['error'] == 'batch.row_too_big' and 'línea 2' in r['text']


def test_a_huge_cell_under_the_limit_still_checks_the_list():
    data = f'CURP,Nota\n{CURP},"'.encode() + b'A' * 1_000_000 + b'"\n' + f'{CURP[:-1]}5,\n'.encode()
    r = report(data)
    assert r['error'] is None and r['summary']['rows'] == 2


PEAK = r"""
import os, sys
pid = os.posix_spawn(sys.executable, [sys.executable, '-c', sys.argv[1], sys.argv[2]], os.environ)
_pid, status, usage = os.wait4(pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""

CHILD = r"""
import sys
from checker import batch
from checker.batch import read
status = batch.check_source(sys.argv[1], lambda s: None)
assert status == 2, status
"""


@pytest.mark.skipif(sys.platform != 'linux', reason='ru_maxrss in KiB on Linux')
@pytest.mark.parametrize('kind', ['row', 'header', 'fields'])
def test_pathological_files_stay_under_256_mb(tmp_path, kind):
    path = tmp_path / 'lista.csv'
    with open(path, 'wb') as f:
        if kind == 'header':  # 33 million fields in the title row
            f.write(b'CURP' + b',' * 33_000_000 + b'\n')
        else:
            f.write(f'CURP,Nota\n{CURP},'.encode())
            if kind == 'row':  # a 100 MB row
                f.write(b'A' * 100_000_000)
            else:  # as many fields as a row may hold
                f.write(b'ab,' * (MAX_LINE // 3 - 10))
                f.write(b'\n' + b'x,' * 50_000_000)
            f.write(b'\n')
    out = subprocess.run(
        [sys.executable, '-c', PEAK, CHILD, str(path)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    status, peak_kib = map(int, out.stdout.split())
    assert status == 0, out.stderr
    assert peak_kib < 256 * 1024, peak_kib


# ---------------------------------------------------------------- the report echoes


def test_control_and_invisible_characters_are_escaped_never_raw():
    text = (
        'Grupo,CURP\n'
        f'3A,\x1b[2J{CURP}\n'  # ESC sequence
        f'3B,"{CURP}\r\nFila 9: todo bien"\n'  # CR/LF inside a quoted cell
        f'3C,\t=HYPERLINK("x"){CURP}\n'  # TAB + formula
        f'3D,{CURP[:5]}\u200b{CURP[5:]}\n'
    )  # zero-width space
    out = report(text)['text']
    assert '\x1b' not in out and '\t' not in out and '\u200b' not in out and '\r' not in out
    assert '«\\x1b[2J' in out
    assert '\\r\\nFila 9: todo bien' in out
    assert '«=HYPERLINK' in out  # the TAB trimmed: no cell of its own
    assert '[U+200B]' in out
    # no forged line: every line of the report is one of ours
    assert not any(line.startswith('Fila 9') for line in out.splitlines())
    assert sum(line.startswith('Fila ') for line in out.splitlines()) == 4


def test_titles_and_file_name_are_escaped_too():
    r = batch.report('CURP\x1b[1mx\x07\n' + CURP + '\n', 'lista\r\nFila 2: ok.csv')
    assert '\x1b' not in r['text'] and '\x07' not in r['text'] and '\r' not in r['text']
    assert '\\x1b[1mx\\x07' in r['text'] and 'lista\\r\\nFila 2: ok.csv' in r['text']


# ---------------------------------------------------------------- blank rows


@pytest.mark.parametrize(
    'text',
    [
        'Nombre,CP\n,\nAna,\n,\n,\n',
        'Nombre,CP\nAna, \n, \n , \n',
        'Grupo,NSS\n,\n3A,\n,\n, \n',
        'Grupo,CURP\n,\n3A,\n,\n,\n',
        'Grupo,CURP,NSS,CP\n,,,\n3A,,,\n,,,\n , ,\n\n',
    ],
)
def test_blank_rows_are_skipped_whatever_the_columns(text):
    s = report(text)['summary']
    assert (s['rows'], s['invalid']) == (1, 1), s


def test_a_first_line_over_the_row_limit_is_a_too_big_header():
    r = report(b'CURP' + b',' * (MAX_LINE + 1) + b'\n')
    assert r['error'] == 'batch.header_too_big'


def test_text_and_unbuffered_sources_are_bounded_too(tmp_path):
    import io

    big = 'CURP\n' + CURP + '\n' + 'A' * (MAX_LINE + 1) + '\n'
    out = []
    assert batch.check_source(io.StringIO(big, newline=''), out.append) == 2
    assert 'línea 3' in out[-1]
    path = tmp_path / 'lista.csv'
    path.write_bytes(f'CURP\n{CURP}\n'.encode())
    with open(path, 'rb', buffering=0) as raw:
        assert batch.check_source(raw, out.append) == 0


def test_a_stray_quote_in_a_cell_does_not_make_a_big_file_one_row():
    # csv reads «3"A» as text; the record limit must not count the rest of
    # the file as one record
    rows = f'3A,{CURP}\n' * (MAX_RECORD // 20)
    data = (f'Grupo,CURP\n3"A,{CURP}\n' + rows).encode()
    assert len(data) > MAX_RECORD
    r = report(data, duplicates=False)
    assert r['error'] is None and r['summary']['rows'] == MAX_RECORD // 20 + 1
