"""What each page downloads of the checker, in real Chromium against the built
site: a page with the CURP/NSS/CP boxes fetches only the boxes' zip; «Revisa
tu lista» fetches the list's zips for a CSV and the Excel zip only once an
.xlsx is chosen; after that first use both kinds of list are checked offline.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide import serve
from guide.testing import ROOT

_spec = importlib.util.spec_from_file_location(
    "xlsx_fixtures", ROOT / "tests" / "checker" / "fixtures" / "xlsx" / "build.py"
)
fx = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fx)

pytestmark = pytest.mark.browser

BATCH = "[data-checker-batch]"
STATUS = '[data-checker="{kind}"] [role="status"]'
INPUT = '[data-checker="{kind}"] input[data-guia-input]'
FINAL = "['valid', 'warning', 'invalid', 'error'].includes(document.querySelector(sel)?.dataset.state)"
# The list page's zips, by their hashed names (guide/shared_assets.py).
LISTS = re.compile(r"/_shared/(stdlib-extra|lists)\.[0-9a-f]{10}\.zip$")
EXCEL = re.compile(r"/_shared/excel\.[0-9a-f]{10}\.zip$")
BOXES = re.compile(r"/_shared/checker\.[0-9a-f]{10}\.zip$")


@pytest.fixture(scope="module")
def site(built_site):
    if not (built_site / "_shared").is_dir():
        pytest.skip("the built site has no widgets")
    return built_site


@contextlib.contextmanager
def recording(root: Path):
    """guide.serve's server, recording each path asked for."""
    log: list[str] = []

    class Recording(serve.Handler):
        def send_head(self):
            log.append(self.path.split("?")[0])
            return super().send_head()

    with serve.running_server(root, handler=Recording) as url:
        yield url, log


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1024, "height": 800}, locale="es-MX")
    errors: list[str] = []
    ctx.on("weberror", lambda e: errors.append(str(e.error)))
    ctx.errors = errors
    yield ctx
    ctx.close()


# (the NSS first: with a CURP typed on the same page its message names it too)
VALUES = {"nss": "28138801999", "cp": "44100", "curp": "HEGG560427MVZRRL04"}


def _boxes_pages(site: Path) -> dict[str, list[str]]:
    """{page path: its boxes}: one school's step pages with boxes, and the index's «Revisa tus datos»."""
    pages = {}
    slug = sorted(p.parent.name for p in site.glob("*/manifest.webmanifest"))[0]
    for path in sorted(site.glob(f"{slug}/pasos/*/index.html")) + [site / "revisa-tus-datos" / "index.html"]:
        html = path.read_text(encoding="utf-8") if path.is_file() else ""
        kinds = [k for k in VALUES if f'data-checker="{k}"' in html]
        if kinds:
            pages[path.relative_to(site).parent.as_posix() + "/"] = kinds
    if {k for kinds in pages.values() for k in kinds} != set(VALUES):
        pytest.skip("the built site lacks a page with one of the boxes")
    return pages


def _cli(tmp_path: Path, name: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "checker", name], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def _poll(page, script: str, timeout: float = 30.0):
    """Evaluate an async predicate until it is true (wait_for_function takes a pending Promise for true)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"not true after {timeout} s: {script[:80]}"
        time.sleep(0.3)


def _check_list(page, path: Path) -> str:
    """Choose the file on the list page (its handler shows «loading» at once); the report it shows."""
    page.set_input_files(f'{BATCH} input[type="file"]', str(path))
    page.wait_for_function(f"(sel) => {FINAL}", arg=f"{BATCH} [role=status]", timeout=120_000)
    return page.eval_on_selector("[data-guia-report]", "e => e.textContent")


def _lists(tmp_path: Path) -> tuple[Path, Path]:
    csv_path = tmp_path / "alumnos.csv"
    csv_path.write_text(
        "Nombre(s),Primer apellido,Segundo apellido,Fecha de nacimiento,Sexo,Entidad,CURP,NSS\n"
        "Gloria,Hernández,García,27/04/1956,M,Veracruz,HEGG560427MVZRRL04,28138801999\n"
        "Ana,x,y,,,,HEGG560427MVZRRL05,2813880199\n",
        encoding="utf-8",
    )
    xlsx_path = tmp_path / "alumnos.xlsx"
    xlsx_path.write_bytes(fx.openpyxl_book([fx.HEADER, fx.GLORIA, ["Ana", "x", "y", None, None, None, "HEGG56"]]))
    return csv_path, xlsx_path


def test_pages_with_boxes_never_fetch_the_list_zips(site, context):
    from checker import text

    with recording(site) as (base, log):
        page = context.new_page()
        for path, kinds in _boxes_pages(site).items():
            page.goto(base + path)
            for kind in kinds:
                page.fill(INPUT.format(kind=kind), VALUES[kind])
                page.wait_for_function(
                    "([sel, msg]) => document.querySelector(sel)?.textContent.trim() === msg",
                    arg=[STATUS.format(kind=kind), text.describe(kind, VALUES[kind])["message"]],
                    timeout=120_000,
                )
        page.wait_for_timeout(1000)  # anything fetched after the verdicts too
    assert len([p for p in log if BOXES.search(p)]) == 1, log  # once: later pages take it from the cache
    assert not [p for p in log if LISTS.search(p) or EXCEL.search(p)]
    assert context.errors == []


def test_a_csv_list_fetches_the_lists_zip_an_excel_list_also_the_excel_zip_and_both_work_offline(
    site, context, tmp_path
):
    csv_path, xlsx_path = _lists(tmp_path)
    want_csv, want_xlsx = _cli(tmp_path, csv_path.name), _cli(tmp_path, xlsx_path.name)
    assert "HEGG56" in want_xlsx  # the Excel list's own report, not the CSV's
    with recording(site) as (base, log):
        page = context.new_page()
        page.goto(base + "revisa-tu-lista/")
        assert _check_list(page, csv_path) == want_csv
        fetched = [p for p in log if LISTS.search(p)]
        assert len(fetched) == 2, log  # the stdlib's second zip and the list's, once each
        assert not [p for p in log if EXCEL.search(p)], "a CSV list fetched the Excel zip"
        assert _check_list(page, xlsx_path) == want_xlsx
        assert len([p for p in log if EXCEL.search(p)]) == 1
        assert len([p for p in log if LISTS.search(p)]) == 2, "the list's zips fetched again"
        # the Service Worker keeps what the worker fetched (it posts the names)
        _poll(
            page,
            """async () => {
                const keys = (await caches.keys()).filter((k) => k.startsWith('guia-nss-'));
                if (keys.length !== 1) return false;
                const urls = (await (await caches.open(keys[0])).keys()).map((r) => r.url);
                return [/\\/lists\\.[0-9a-f]+\\.zip$/, /\\/excel\\.[0-9a-f]+\\.zip$/, /\\/revisa-tu-lista\\/$/]
                    .every((re) => urls.some((u) => re.test(u)));
            }""",
        )
        offline_from = len(log)
        context.set_offline(True)
        page.reload()
        assert _check_list(page, xlsx_path) == want_xlsx
        assert _check_list(page, csv_path) == want_csv
        # Chromium's own update check of the Service Worker script is made
        # outside the page's emulated network (a phone really offline just
        # fails it); nothing else may reach the server.
        assert [p for p in log[offline_from:] if p != "/sw.js"] == []
    assert context.errors == []
