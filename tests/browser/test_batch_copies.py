"""«Revisa tu lista» in real Chromium: an Excel list in, the same report as the
command line, both annotated copies out (issue 12); nothing of the list sent."""

from __future__ import annotations

import csv
import importlib.util
import io
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from guide.testing import ROOT

_spec = importlib.util.spec_from_file_location(
    'xlsx_fixtures', ROOT / 'tests' / 'checker' / 'fixtures' / 'xlsx' / 'build.py'
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

ROOT_SEL = '[data-checker-batch]'
GLORIA = 'HEGG560427MVZRRL04'


@pytest.fixture(scope='module')
def served(built_site):
    from guide.serve import running_server

    if not (built_site / '_shared').is_dir():
        pytest.skip('the built site has no widgets')
    with running_server(built_site) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={'width': 1024, 'height': 800}, locale='es-MX', accept_downloads=True)
    requests = []
    context.on('request', lambda r: requests.append((r.url, r.post_data)))
    p = context.new_page()
    errors = []
    p.on('pageerror', lambda e: errors.append(str(e)))
    p.requests, p.errors = requests, errors
    yield p
    context.close()


def _choose(page, url, path, state):
    page.goto(url + 'revisa-tu-lista/')
    page.set_input_files(f'{ROOT_SEL} input[type="file"]', str(path))
    page.wait_for_selector(f'{ROOT_SEL} [role="status"][data-state="{state}"]', timeout=120_000)


def test_an_excel_list_gives_the_report_and_both_copies(page, served, tmp_path):
    rows = [
        fx.HEADER + ['Teléfono'],
        fx.GLORIA + ['2281234567'],
        ['Gerardo', 'Hernández', 'García', fx.GLORIA[3], 'H', 'Veracruz', GLORIA, '+52 228 123 4567'],
        ['Ana', 'x', 'y', None, None, None, 'HEGG560427MVZRRL05', '@ana'],
    ]
    path = tmp_path / 'alumnos.xlsx'
    path.write_bytes(fx.openpyxl_book(rows))
    cli = subprocess.run([sys.executable, '-m', 'checker', path.name], cwd=tmp_path, capture_output=True, text=True)
    assert cli.returncode == 1, cli.stderr
    _choose(page, served, path, 'invalid')
    assert page.eval_on_selector('[data-guia-report]', 'e => e.textContent') == cli.stdout
    with page.expect_download() as info:
        page.click('[data-guia-copy-xlsx]')
    assert info.value.suggested_filename == 'alumnos-revisada.xlsx'
    ws = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active
    assert [r[8] for r in ws.iter_rows(values_only=True)] == ['Revisión', 'Válida', 'Con errores', 'Con errores']
    assert ws.freeze_panes == 'A2' and ws['G3'].fill.fgColor.rgb == 'FFFFC7CE'
    with page.expect_download() as info:
        page.click('[data-guia-copy-csv]')
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b'\xef\xbb\xbf')
    copy = list(csv.reader(io.StringIO(data.decode('utf-8-sig'), newline='')))
    assert len(copy) == 4 and copy[2][7] == "'+52 228 123 4567" and copy[3][7] == "'@ana"
    assert page.errors == []
    # the list never left the page
    assert not any(body for _, body in page.requests)
    assert not any('alumnos' in u or 'Gloria' in u for u, _ in page.requests)


def test_a_password_protected_workbook_gets_its_message(page, served, tmp_path):
    path = tmp_path / 'protegida.xlsx'
    path.write_bytes(fx.all_fixtures()['protegida.xlsx'])
    _choose(page, served, path, 'error')
    status = page.inner_text(f'{ROOT_SEL} [role="status"]')
    assert 'protegido con contraseña' in status and '«protegida.xlsx»' in status
    assert page.locator('[data-guia-copy-xlsx]').count() == 0
    assert page.errors == []
