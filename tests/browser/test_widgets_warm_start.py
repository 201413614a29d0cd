"""A later visit starts Python as soon as a box is on screen (its files are in
the phone, so that spends no data); not with Save-Data, not before the box
is near the screen, and never on a first visit (test_widgets' prefetch tests)."""

from __future__ import annotations

import pytest
import test_widgets
from test_widgets import INPUT, describe, recording_server, wait_async

# test_widgets' fixtures: the demo pages next to freshly built shared assets, and phones
demo_root = test_widgets.demo_root
phone_factory = test_widgets.phone_factory

pytestmark = pytest.mark.browser

CURP = "HEGG560427MVZRRL04"
STARTED = "() => performance.getEntriesByName('guia:start').length > 0"
READY = "() => { const r = performance.getEntriesByName('guia:ready')[0]; return r ? r.detail.snapshot : null; }"
SNAPSHOT_KEPT = "async () => (await (await caches.open('guia-snapshot')).keys()).length > 0"
# Settled: the Service Worker's cache holds Python's files, none is left in the worker's.
WASM_KEPT = """async () => { let kept = false;
    for (const name of await caches.keys()) {
        const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
        if (name === 'guia-decoded' && urls.length) return false;
        if (name.startsWith('guia-nss-') && urls.some((u) => u.endsWith('/pyodide.asm.wasm'))) kept = true;
    }
    return kept; }"""
SAVE_DATA = (
    "Object.defineProperty(Navigator.prototype, 'connection', "
    "{configurable: true, get() { return {saveData: true, effectiveType: '2g'}; }});"
)
# Before the widgets' module runs: a tall block above the boxes, so none is near the screen.
BOXES_BELOW = """document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    const spacer = document.createElement('div');
    spacer.id = 'spacer';
    spacer.style.height = '4000px';
    document.body.prepend(spacer);
});"""


def _first_visit(phone, base):
    """A first visit that uses a box, then waits until Python's files and the snapshot are kept."""
    page = phone.page
    page.goto(base + "demo/")
    page.fill(INPUT.format(kind="curp"), CURP)
    phone.wait_message("curp", describe("curp", CURP)["message"])
    page.evaluate("() => navigator.serviceWorker.ready")
    wait_async(page, SNAPSHOT_KEPT, timeout=60000)
    wait_async(page, WASM_KEPT, timeout=60000)


def _pyodide(log, start):
    return [e["path"] for e in log[start:] if "pyodide" in e["path"] or ".zip" in e["path"] or ".xz" in e["path"]]


def test_a_later_visit_starts_python_once_a_box_is_on_screen(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        _first_visit(phone, base)
        page = phone.page
        before = len(log)
        page.reload()
        # Nobody touches the page: Python starts from the snapshot, with no download.
        page.wait_for_function(READY, timeout=60000)
        assert page.evaluate(READY) == "loaded"
        assert _pyodide(log, before) == []
        page.fill(INPUT.format(kind="nss"), "28138801999")
        phone.wait_message("nss", describe("nss", "28138801999")["message"])
        assert phone.errors == []


def test_a_later_visit_waits_until_a_box_is_near_the_screen(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory(init_script=BOXES_BELOW)
        page = phone.page
        page.goto(base + "demo/")
        page.wait_for_timeout(1500)
        assert not page.evaluate(STARTED)  # a first visit: nothing until the student uses a box
        _first_visit(phone, base)
        page.evaluate("() => window.scrollTo(0, 0)")  # (a reload keeps the scroll position)
        page.reload()
        page.wait_for_timeout(1500)
        assert not page.evaluate(STARTED), "started with every box far below the screen"
        page.evaluate("() => document.querySelector('[data-checker]').scrollIntoView()")
        page.wait_for_function(READY, timeout=60000)
        assert page.evaluate(READY) == "loaded"


def test_a_later_visit_with_save_data_waits_for_focus(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory(init_script=SAVE_DATA)
        _first_visit(phone, base)
        page = phone.page
        page.reload()
        page.wait_for_timeout(1500)
        assert not page.evaluate(STARTED)
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"])
        assert page.evaluate(READY) == "loaded"


WASM_FROM = "() => performance.getEntriesByName('guia:ready')[0].detail.wasm"


def test_a_later_visit_runs_the_wasm_the_page_compiled(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        _first_visit(phone, base)
        page = phone.page
        assert page.evaluate(WASM_FROM) == "worker"  # a first visit: the page compiles nothing
        before = len(log)
        page.reload()
        page.wait_for_function(READY, timeout=60000)
        assert page.evaluate(WASM_FROM) == "page"
        assert _pyodide(log, before) == []
        page.fill(INPUT.format(kind="curp"), "")  # (a reload may keep what was typed; the NSS checks against it)
        for kind, value in (("nss", "28138801999"), ("cp", "68000"), ("curp", CURP)):
            page.fill(INPUT.format(kind=kind), value)
            phone.wait_message(kind, describe(kind, value)["message"])
            assert phone.state(kind) == describe(kind, value)["state"], kind
        assert phone.errors == []


def test_a_page_that_cannot_compile_the_wasm_leaves_it_to_the_worker(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        # (init scripts run in the page, not in its workers)
        phone = phone_factory(init_script="WebAssembly.compileStreaming = () => Promise.reject(new Error('no'));")
        _first_visit(phone, base)
        page = phone.page
        page.reload()
        page.wait_for_function(READY, timeout=60000)
        assert page.evaluate(READY) == "loaded"
        assert page.evaluate(WASM_FROM) == "worker"
        page.fill(INPUT.format(kind="nss"), "28138801999")
        phone.wait_message("nss", describe("nss", "28138801999")["message"])
