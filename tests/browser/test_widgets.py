"""The CURP, NSS and postal-code widgets in real headless Chromium (Debian's),
driven by Playwright, against pages served on localhost by guide.serve (gzip,
application/wasm, GitHub-Pages-like caching).

The pages: the widget demo pages that guide.widget_demo.write_demo writes
next to the shared assets (always), and, when the full site was built
(GUIA_SITE, as `make test` does), the site's own page holding all three
widgets.  Expected messages come from checker.text.describe in CPython: the
widget must say exactly what `python -m checker` says.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.testing import ROOT, run_axe

pytestmark = pytest.mark.browser

STATUS = '[data-checker="{kind}"] [role="status"]'
INPUT = '[data-checker="{kind}"] input[data-guia-input]'
FINAL = ("valid", "warning", "invalid", "error")
CURP_OK = "HEGG560427MVZRRL04"


# ----------------------------------------------------------------- serving


@contextlib.contextmanager
def recording_server(root: Path, cut=None):
    """guide.serve's server, also recording every request line and body size.

    ``cut(path) -> bool``: send only half of that response's body, then hang
    up (a download cut short by a flaky network)."""
    from guide import serve

    log: list[dict] = []

    class Recording(serve.Handler):
        def parse_request(self):
            ok = super().parse_request()
            if ok:
                log.append(
                    {"line": self.requestline, "path": self.path, "body": int(self.headers.get("Content-Length") or 0)}
                )
            return ok

        def copyfile(self, source, outputfile):
            if cut and cut(self.path):
                data = source.read()
                outputfile.write(data[: len(data) // 2])
                self.close_connection = True
                return
            super().copyfile(source, outputfile)

    with serve.running_server(root, handler=Recording) as url:
        yield url, log


@pytest.fixture(scope="session")
def demo_root(tmp_path_factory):
    from guide import shared_assets, widget_demo

    root = tmp_path_factory.mktemp("widgets") / "site"
    manifest = shared_assets.build(root)
    widget_demo.write_demo(root, manifest)
    return root


@pytest.fixture(scope="session")
def demo(demo_root):
    with recording_server(demo_root) as (url, log):
        yield url, log


def _site_pages_with_widgets():
    """{kind: page path} in the built site (GUIA_SITE), preferring a page with all three."""
    given = os.environ.get("GUIA_SITE")
    if not given or not (Path(given) / "_shared").is_dir():
        return None
    pages = {}
    for path in sorted(Path(given).rglob("index.html"), key=lambda p: (len(p.parts), str(p))):
        html = path.read_text(encoding="utf-8", errors="replace")
        kinds = [k for k in ("curp", "nss", "cp") if f'data-checker="{k}"' in html]
        rel = path.relative_to(given).parent.as_posix() + "/"
        if len(kinds) == 3:
            return Path(given), {k: rel for k in kinds}
        for k in kinds:
            pages.setdefault(k, rel)
    return (Path(given), pages) if pages else None


@pytest.fixture(scope="session", params=["demo", "site"])
def widget_page(request, demo):
    """(base URL, {kind: path of a page with that widget}, request log)."""
    if request.param == "demo":
        yield demo[0], {k: "demo/" for k in ("curp", "nss", "cp")}, demo[1]
        return
    found = _site_pages_with_widgets()
    if not found:
        pytest.skip("no built site with widgets (GUIA_SITE)")
    with recording_server(found[0]) as (url, log):
        yield url, found[1], log


class Phone:
    """A fresh browser context at 360×740 that records what could leak."""

    def __init__(self, browser, init_script=None, offline_ok=False):
        self.context = browser.new_context(
            viewport={"width": 360, "height": 740}, locale="es-MX", is_mobile=True, has_touch=True
        )
        if init_script:
            self.context.add_init_script(init_script)
        self.requests: list[dict] = []
        self.errors: list[str] = []
        self.context.on("request", lambda r: self.requests.append({"url": r.url, "body": r.post_data}))
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def state(self, kind):
        return self.page.get_attribute(STATUS.format(kind=kind), "data-state")

    def message(self, kind):
        return self.page.inner_text(STATUS.format(kind=kind)).strip()

    def wait_message(self, kind, message, timeout=60000):
        self.page.wait_for_function(
            "([sel, msg]) => { const s = document.querySelector(sel); return s && s.textContent.trim() === msg; }",
            arg=[STATUS.format(kind=kind), message],
            timeout=timeout,
        )

    def wait_final(self, kind, timeout=60000):
        self.page.wait_for_function(
            "(sel) => ['valid','warning','invalid','error'].includes(document.querySelector(sel).dataset.state)",
            arg=STATUS.format(kind=kind),
            timeout=timeout,
        )

    def close(self):
        self.context.close()


@pytest.fixture
def phone_factory(browser):
    made = []

    def make(**kw):
        p = Phone(browser, **kw)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


def wait_async(page, js, arg=None, timeout=30000):
    """Poll an async page function until it gives a truthy value (Playwright's
    wait_for_function does not wait for a promise: a pending one is truthy)."""
    deadline = time.monotonic() + timeout / 1000
    while True:
        value = page.evaluate(js, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {js[:80]}")
        page.wait_for_timeout(250)


def describe(kind, value, curp=None):
    from checker import text

    return text.describe(kind, value, curp=curp)


def _cp_with_warning():
    """A catalogue code whose description carries a warning (if any)."""
    from checker import postal

    data = ROOT / "checker" / "data" / "postal"
    for shard in sorted(data.glob("[0-9][0-9].json")):
        for code in sorted(json.loads(shard.read_text(encoding="utf-8"))["codes"])[:400]:
            code = code if len(code) == 5 else shard.stem + code
            try:
                if postal.explain(code)["warnings"]:
                    return code
            except Exception:
                break
    return None


def _curp_with_inconvenient_word():
    from checker import curp

    base = "BUEY560427HVZRRL0"
    return base + curp.calc_check_digit(base)


def _cases():
    cases = {
        # HKGG560427MVZRRL02: a consonant in position 2, a warning that marks character 2
        "curp": [
            ("valid", CURP_OK, None),
            ("warning", _curp_with_inconvenient_word(), None),
            ("warning", "HKGG560427MVZRRL02", None),
            ("invalid", "HEGG560427MVZRRL05", None),
        ],
        "nss": [("valid", "28138801999", None), ("warning", "28138801999", CURP_OK), ("invalid", "28138801998", None)],
        # 44109: Jalisco's range, not in the catalogue (a warning: the catalogue may be behind)
        "cp": [("valid", "68000", None), ("warning", "44109", None), ("invalid", "4410", None)],
    }
    warn = _cp_with_warning()
    if warn and warn != "44109":
        cases["cp"].insert(1, ("warning", warn, None))
    return cases


# ----------------------------------------------------------------- tests


@pytest.mark.parametrize("kind", ["curp", "nss", "cp"])
def test_valid_warning_invalid_give_the_command_lines_verdict(phone_factory, widget_page, kind):
    base, paths, log = widget_page
    if kind not in paths:
        pytest.skip(f"no page with the {kind} widget")
    phone = phone_factory()
    page = phone.page
    page.goto(base + paths[kind])
    has_curp = page.locator(INPUT.format(kind="curp")).count() == 1
    typed = []
    for expected_state, value, curp in _cases()[kind]:
        if curp and not has_curp:
            continue
        if has_curp:
            page.fill(INPUT.format(kind="curp"), curp or "")
        expected = describe(kind, value, curp=curp)
        assert expected["state"] == expected_state, (value, expected)
        page.fill(INPUT.format(kind=kind), value)
        typed.append(value)
        phone.wait_message(kind, expected["message"])
        assert phone.state(kind) == expected_state
        if expected_state != "valid" and expected["position"] is not None:
            mark = page.inner_text(f'[data-checker="{kind}"] [data-guia-echo] mark')
            assert mark == expected["value"][expected["position"]]
            invalid = page.get_attribute(INPUT.format(kind=kind), "aria-invalid")
            assert invalid == ("true" if expected_state == "invalid" else None)
        if kind == "curp" and expected_state == "valid":
            details = page.inner_text('[data-checker="curp"] [data-guia-details]')
            assert "27 de abril de 1956" in details and "Mujer" in details and "Veracruz" in details
        if kind == "cp" and expected_state == "valid":
            details = page.inner_text('[data-checker="cp"] [data-guia-details]')
            parts = expected["parts"]
            assert parts["state"] in details and parts["municipalities"][0] in details
            for name, _type in parts["settlements"]:
                assert name in details
            assert "Catálogo de códigos postales" in details
        if kind == "cp" and expected_state != "invalid":
            # the catalogue's date and sources, also for a code it lacks
            details = page.inner_text('[data-checker="cp"] [data-guia-details]')
            assert expected["parts"]["catalogue"] in details and "fuentes: " in details
            for source in expected["sources"]:
                assert source in details
    assert phone.errors == []
    _assert_nothing_typed_left_the_page(phone, log, typed)


def _assert_nothing_typed_left_the_page(phone, log, typed):
    needles = set()
    for value in typed:
        for v in (value, value.lower(), re.sub(r"[\s-]", "", value)):
            if len(v) >= 4:
                needles.add(v)
    for r in phone.requests:
        assert not any(n in r["url"] for n in needles), r["url"]
        assert not r["body"] or not any(n in r["body"] for n in needles), r["url"]
    for entry in log:
        assert not any(n in entry["line"] for n in needles), entry["line"]
        assert entry["body"] == 0, entry["line"]
        assert entry["line"].startswith(("GET ", "HEAD ")), entry["line"]
    stored = phone.page.evaluate(
        """async (needles) => ({
        local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        cached: await (async () => { const urls = [];
            for (const k of await caches.keys()) for (const r of await (await caches.open(k)).keys()) urls.push(r.url);
            return urls; })(),
        inSnapshot: await (async () => {
            const found = [];
            for (const hit of await (await caches.open('guia-snapshot')).matchAll()) {
                const heap = new TextDecoder('latin1').decode(await hit.arrayBuffer());
                found.push(...needles.filter((n) => heap.includes(n)));
            }
            return found;
        })(),
    })""",
        sorted(needles),
    )
    assert stored["local"] == 0 and stored["session"] == 0 and stored["cookie"] == "" and stored["idb"] == 0
    for url in stored["cached"]:
        assert not any(n in url for n in needles), url
    assert [n for n in stored["inSnapshot"] if n not in _shipped_text()] == [], "the snapshot holds something typed"


def _shipped_text() -> str:
    """The checker's sources: a value found there (an example in a docstring) is
    in Python's heap whatever was typed, so it proves nothing about a snapshot."""
    files = sorted((ROOT / "checker").rglob("*.py")) + [ROOT / "overrides" / "widgets" / "guia_bridge.py"]
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def _fresh_curp() -> str:
    """A valid CURP made up for this run: in no file, so in no heap unless typed."""
    import random

    from checker import curp

    rng = random.Random()
    consonants = "BCDFGHJKLMNPQRSTVWXYZ"
    while True:
        base = (
            "P"
            + rng.choice("AEIOU")
            + rng.choice(consonants)
            + rng.choice(consonants)
            + f"{rng.randrange(100):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}"
            + rng.choice("HM")
            + "OC"
            + "".join(rng.choice(consonants) for _ in range(3))
            + "0"
        )
        value = base + curp.calc_check_digit(base)
        if value not in _shipped_text() and describe("curp", value)["state"] == "valid":
            return value


def test_nss_cross_checks_the_curp_typed_on_the_same_page(phone_factory, demo):
    base, log = demo
    phone = phone_factory()
    phone.page.goto(base + "demo/")
    phone.page.fill(INPUT.format(kind="nss"), "28138801999")
    phone.wait_message("nss", describe("nss", "28138801999")["message"])
    phone.page.fill(INPUT.format(kind="curp"), CURP_OK)  # typing the CURP re-checks the NSS
    phone.wait_message("nss", describe("nss", "28138801999", curp=CURP_OK)["message"])
    assert phone.state("nss") == "warning"


def test_curp_compare_form_lists_each_mismatch(phone_factory, demo):
    from checker import curp

    base, log = demo
    phone = phone_factory()
    page = phone.page
    page.goto(base + "demo/")
    page.fill(INPUT.format(kind="curp"), CURP_OK)
    phone.wait_message("curp", describe("curp", CURP_OK)["message"])
    page.click('[data-guia-compare] summary')
    page.fill('[data-field="given_names"]', "Gloria")
    page.fill('[data-field="first_surname"]', "Hernández")
    page.fill('[data-field="second_surname"]', "García")
    page.fill('[data-field="birth_date"]', "1956-04-17")
    page.select_option('[data-field="sex"]', "M")
    page.select_option('[data-field="state"]', "VZ")
    page.click('[data-guia-compare] button')
    expected = curp.compare(CURP_OK, "Gloria", "Hernández", "García", "1956-04-17", "M", "VZ")
    assert len(expected) == 1
    page.wait_for_selector('[data-guia-compare-result] li')
    items = page.locator('[data-guia-compare-result] li').all_inner_texts()
    assert items == [m["message"] for m in expected]
    page.fill('[data-field="birth_date"]', "1956-04-27")
    page.click('[data-guia-compare] button')
    page.wait_for_selector('[data-guia-compare-result] .guia-widget__ok')
    assert phone.errors == []


def test_text_typed_before_python_is_ready_gets_its_verdict(phone_factory, demo):
    base, log = demo
    phone = phone_factory()
    page = phone.page

    delayed = []

    def slow_wasm(route):
        if not delayed:  # only the first download: Python cannot be ready early
            delayed.append(1)
            time.sleep(1.5)
        route.continue_()

    phone.context.route(re.compile(r".*pyodide\.asm\.wasm(\.xz)?$"), slow_wasm)  # .xz: what a first visit fetches
    page.goto(base + "demo/")
    page.click(INPUT.format(kind="curp"))
    page.keyboard.type(CURP_OK, delay=25)
    assert phone.state("curp") == "loading"
    assert "Preparando" in phone.message("curp") or "Casi listo" in phone.message("curp")
    phone.wait_message("curp", describe("curp", CURP_OK)["message"])
    assert page.input_value(INPUT.format(kind="curp")) == CURP_OK  # no keystroke lost
    # Keep typing while ready: each change is answered, the last one wins.
    page.keyboard.press("Backspace")
    page.keyboard.type("5", delay=10)
    phone.wait_message("curp", describe("curp", CURP_OK[:-1] + "5")["message"])
    assert phone.errors == []
    phone.context.unroute_all(behavior="ignoreErrors")


# What the page posts to the worker, in order, with the time it did.
RECORD_POSTS = """(() => {
  const post = Worker.prototype.postMessage;
  window.guiaPosted = [];
  Worker.prototype.postMessage = function (m, ...rest) {
    if (m && m.type) window.guiaPosted.push([m.type, m.value ?? null, performance.now()]);
    return post.call(this, m, ...rest);
  };
})();"""


def test_a_value_pasted_while_python_starts_is_asked_before_it_is_ready(phone_factory, demo):
    # The worker answers the moment Python is up: the page does not wait to
    # hear "ready" to ask, nor asks the same question twice.
    base, log = demo
    phone = phone_factory()
    page = phone.page
    page.add_init_script(RECORD_POSTS)
    held = []

    def slow_wasm(route):
        if not held:
            held.append(1)
            time.sleep(1.5)
        route.continue_()

    phone.context.route(re.compile(r".*pyodide\.asm\.wasm(\.xz)?$"), slow_wasm)
    page.goto(base + "demo/")
    page.fill(INPUT.format(kind="curp"), CURP_OK)  # a paste: the whole value at once
    assert phone.state("curp") == "loading"
    phone.wait_message("curp", describe("curp", CURP_OK)["message"])
    ready = page.evaluate("performance.getEntriesByName('guia:ready')[0].startTime")
    asked = [(value, at) for kind, value, at in page.evaluate("window.guiaPosted") if kind == "describe"]
    assert [value for value, _ in asked] == [CURP_OK]
    assert asked[0][1] < ready
    assert phone.errors == []
    phone.context.unroute_all(behavior="ignoreErrors")


@pytest.fixture(params=["demo", "site"])
def offline_target(request, demo_root):
    """(site root, page path, kind): a page whose widget is used offline."""
    if request.param == "demo":
        return demo_root, "demo/", "cp"
    found = _site_pages_with_widgets()
    if not found or "cp" not in found[1]:
        pytest.skip("no built site with a postal-code widget (GUIA_SITE)")
    return found[0], found[1]["cp"], "cp"


def test_repeat_and_offline_visits_need_no_network(phone_factory, offline_target):
    root, path, kind = offline_target
    with recording_server(root) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + path)
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"])
        page.evaluate("() => navigator.serviceWorker.ready")
        # (a demo page is no school's: the Service Worker keeps only the widgets' files for it)
        wait_async(
            page,
            """(path) => (async () => {
            const keys = (await caches.keys()).filter((k) => k.startsWith('guia-nss-'));
            if (!keys.length) return false;
            const cache = await caches.open(keys[0]);
            const urls = (await cache.keys()).map((r) => r.url);
            return (path.startsWith('demo/') || urls.some((u) => u.endsWith(path))) && urls.some((u) => u.endsWith('pyodide.asm.wasm'))
                && urls.some((u) => /\\/68\\.[0-9a-f]+\\.json$/.test(u));
        })()""",
            path,
            timeout=30000,
        )
        # Repeat visit online: nothing under _shared/ is requested from the server.
        before = len(log)
        page.reload()
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"])
        shared_hits = [e["path"] for e in log[before:] if "/_shared/" in e["path"]]
        assert shared_hits == []
    if path.startswith("demo/"):
        return  # not a school's page: the Service Worker keeps only schools' pages for offline reloads
    # The server is gone and the context is offline: the page still answers.
    phone.context.set_offline(True)
    page.reload()
    page.fill(INPUT.format(kind="cp"), "68000")
    phone.wait_message("cp", describe("cp", "68000")["message"])
    if page.locator(INPUT.format(kind="curp")).count():
        page.fill(INPUT.format(kind="curp"), CURP_OK)
        phone.wait_message("curp", describe("curp", CURP_OK)["message"])
    assert phone.errors == [] or all("Failed to load resource" in e for e in phone.errors)


def test_a_new_build_replaces_the_old_cache(phone_factory, demo_root, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_root, site)
    with recording_server(site) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        page.fill(INPUT.format(kind="nss"), "28138801999")
        phone.wait_message("nss", describe("nss", "28138801999")["message"])
        page.evaluate("() => navigator.serviceWorker.ready")
        old = [k for k in page.evaluate("() => caches.keys()") if k not in ("guia-snapshot", "guia-decoded")]
        assert len(old) == 1 and old[0].startswith("guia-nss-")
        sw = (site / "sw.js").read_text(encoding="utf-8")
        version = re.search(r'const VERSION = "([0-9a-f]+)"', sw).group(1)
        (site / "sw.js").write_text(sw.replace(version, "0" * len(version)), encoding="utf-8")
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        wait_async(
            page,
            "() => caches.keys().then((keys) => { const k = keys.filter((n) => n.startsWith('guia-nss-'));"
            " return k.length === 1 && k[0].endsWith('000000'); })",
        )


def test_no_wcag_violation_with_results_shown(phone_factory, widget_page):
    base, paths, log = widget_page
    values = {"curp": "HEGG560427MVZRRL05", "nss": "28138801999", "cp": "68000"}
    for path in sorted(set(paths.values())):
        phone = phone_factory()
        page = phone.page
        page.goto(base + path)
        for kind, value in values.items():
            if page.locator(INPUT.format(kind=kind)).count():
                page.fill(INPUT.format(kind=kind), value)
                phone.wait_final(kind)
        if page.locator("[data-guia-compare] summary").count():
            page.click("[data-guia-compare] summary")
        assert run_axe(page) == [], path
        if page.evaluate("() => !!document.body.dataset.mdColorScheme"):
            # Material's dark scheme, as a phone set to dark mode gets it: the
            # widgets themselves (the page's text is the site tests' business).
            page.emulate_media(color_scheme="dark")
            page.reload()
            for kind, value in values.items():
                if page.locator(INPUT.format(kind=kind)).count():
                    page.fill(INPUT.format(kind=kind), value)
                    phone.wait_final(kind)
            assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
            run_axe(page)
            dark = page.evaluate("""() => axe.run({include: [['.guia-widget']]},
                {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})
                .then((r) => r.violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))""")
            assert dark == [], (path, "slate")


def test_without_webassembly_the_fallback_shows(phone_factory, demo):
    base, log = demo
    phone = phone_factory(init_script="delete globalThis.WebAssembly;")
    page = phone.page
    page.goto(base + "demo/")
    page.fill(INPUT.format(kind="curp"), CURP_OK)
    page.wait_for_selector('[data-checker="curp"] [role="status"][data-state="error"]', timeout=10000)
    assert "WebAssembly" in phone.message("curp")
    assert page.get_attribute('[data-checker="curp"] a[href="https://www.gob.mx/curp/"]', "href")
    assert phone.state("nss") == "error"
    assert page.locator('[data-checker="nss"] a[href="https://www.imss.gob.mx/tramites/imss02008"]').count() == 1
    assert page.input_value(INPUT.format(kind="curp")) == CURP_OK


def test_a_failed_load_shows_the_fallback_not_a_spinner(phone_factory, demo_root, tmp_path):
    broken = tmp_path / "site"
    shutil.copytree(demo_root, broken, ignore=shutil.ignore_patterns("pyodide.asm.wasm*"))  # and its .xz copy
    with recording_server(broken) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        page.fill(INPUT.format(kind="cp"), "68000")
        page.wait_for_selector('[data-checker="cp"] [role="status"][data-state="error"]', timeout=20000)
        assert "No pude preparar la revisión" in phone.message("cp")
        assert page.input_value(INPUT.format(kind="cp")) == "68000"


def _pyodide_requests(log, start=0):
    return [e["path"] for e in log[start:] if "pyodide" in e["path"] or ".zip" in e["path"]]


def test_no_pyodide_byte_before_focus_and_the_box_says_how_big_it_is(phone_factory, demo_root):
    """A widget in view or scrolled to costs nothing: Pyodide comes only on focus or typing."""
    config_js = next(demo_root.glob("_shared/js-*/config.js")).read_text(encoding="utf-8")
    config = json.loads(re.search(r"^export default (\{.*\});$", config_js, re.M).group(1))
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/largo/")  # the widget is far below the first screen
        page.locator('[data-checker="curp"]').scroll_into_view_if_needed()
        page.wait_for_timeout(2000)
        assert _pyodide_requests(log) == []
        assert phone.state("curp") == "idle"
        note = page.inner_text('[data-checker="curp"] [data-guia-download-size]')
        mb = config["downloadBytes"] / 1e6
        assert f"unos {mb:.1f} MB" in note and "solo la primera vez" in note, note
        page.focus(INPUT.format(kind="curp"))
        page.wait_for_function(
            "() => document.querySelector('[data-checker=\"curp\"] [role=status]').dataset.state !== 'idle'"
        )
        page.keyboard.type(CURP_OK)
        phone.wait_message("curp", describe("curp", CURP_OK)["message"])
        assert any(p.endswith(".wasm.xz") for p in _pyodide_requests(log))
        assert page.locator("[data-guia-download-size]").count() == 0  # said before the download only


_CONNECTION = "Object.defineProperty(Navigator.prototype, 'connection', {configurable: true, get() { return %s; }});"


@pytest.mark.parametrize(
    "connection, prefetch",
    [
        ("{type: 'wifi', saveData: false}", True),
        ("{type: 'ethernet', saveData: false}", True),
        ("{type: 'wifi', saveData: true}", False),
        ("{type: 'cellular', saveData: false}", False),
        ("undefined", False),
    ],
)
def test_prefetch_only_on_wifi_or_ethernet_without_save_data(phone_factory, demo_root, connection, prefetch):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory(init_script=_CONNECTION % connection)
        page = phone.page
        page.goto(base + "demo/")
        if prefetch:
            page.wait_for_function("() => performance.getEntriesByName('guia:ready').length", timeout=60000)
            assert any(p.endswith(".wasm.xz") for p in _pyodide_requests(log))
        else:
            page.wait_for_timeout(2500)
            assert _pyodide_requests(log) == []


def test_save_data_waits_for_focus(phone_factory, demo_root):
    save_data = (
        "Object.defineProperty(Navigator.prototype, 'connection', "
        "{configurable: true, get() { return {saveData: true, effectiveType: '2g'}; }});"
    )
    with recording_server(demo_root) as (base, log):
        phone = phone_factory(init_script=save_data)
        page = phone.page
        page.goto(base + "demo/")  # widgets in view
        page.wait_for_timeout(1500)
        assert _pyodide_requests(log) == []
        page.focus(INPUT.format(kind="nss"))
        page.keyboard.type("28138801999")
        phone.wait_message("nss", describe("nss", "28138801999")["message"])
        assert _pyodide_requests(log)


def test_csv_page_report_matches_the_command_line(phone_factory, demo, tmp_path):
    base, log = demo
    csv_text = (
        "Nombre,CURP,NSS,CP\n"
        f"Gloria,{CURP_OK},74927602404,68000\n"
        "Ana,HEGG560427MVZRRL05,28138801998,44109\n"
        f"Luis,{CURP_OK},28138801999,4410\n"
    )
    path = tmp_path / "lista.csv"
    path.write_text(csv_text, encoding="utf-8")
    cli = subprocess.run(
        [sys.executable, "-m", "checker", "lista.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )
    assert cli.returncode == 1, cli.stderr
    phone = phone_factory()
    page = phone.page
    page.goto(base + "demo/lista/")
    page.set_input_files('[data-checker-batch] input[type="file"]', str(path))
    page.wait_for_selector('[data-checker-batch] [role="status"][data-state="invalid"]', timeout=60000)
    report = page.eval_on_selector("[data-guia-report]", "e => e.textContent")
    assert report == cli.stdout
    summary = page.inner_text("[data-guia-summary]")
    assert "Filas revisadas: 3" in summary
    with page.expect_download() as info:
        page.click("[data-guia-download]")
    assert Path(info.value.path()).read_text(encoding="utf-8") == cli.stdout
    assert phone.errors == []
    assert not any("lista.csv" in e["line"] or "Gloria" in e["line"] or e["body"] for e in log)


def test_each_widget_root_has_one_input_and_one_status(phone_factory, demo):
    """The contract schools and tests rely on: locate the input and status by the root."""
    url, _ = demo
    page = phone_factory().page
    page.goto(url + "demo/")
    for kind in ("curp", "nss", "cp"):
        root = page.locator(f'[data-checker="{kind}"]')
        assert root.count() == 1
        assert root.locator("input").count() == 1
        status = root.locator('[role="status"]')
        assert status.count() == 1
        assert status.get_attribute("data-state") in ("loading", "idle", "valid", "warning", "invalid", "error")
        described = root.locator("input").get_attribute("aria-describedby")
        assert described == status.get_attribute("id")


def test_a_broken_widget_shows_its_fallback_and_the_others_still_work(phone_factory, demo):
    base, log = demo
    phone = phone_factory()
    page = phone.page

    def without_curp_input(route):
        html = route.fetch().text()
        html = re.sub(r'<input id="guia-curp"[^>]*>', "", html, count=1)
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    page.route(re.compile(r".*/demo/$"), without_curp_input)
    page.goto(base + "demo/")
    page.wait_for_selector('[data-checker="curp"] [role="status"][data-state="error"]')
    assert "no pudo iniciar" in phone.message("curp")
    assert page.locator('[data-checker="curp"] a[href="https://www.gob.mx/curp/"]').count() == 1
    page.fill(INPUT.format(kind="nss"), "28138801999")
    phone.wait_message("nss", describe("nss", "28138801999")["message"])


def test_a_cut_wasm_download_shows_the_fallback_at_once(phone_factory, demo_root):
    """Not after the 45 s stall timer: an error is an error."""
    # (both the .xz copy a first use fetches and the plain .wasm it falls back to)
    with recording_server(demo_root, cut=lambda path: path.endswith((".wasm", ".wasm.xz"))) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        started = time.monotonic()
        page.fill(INPUT.format(kind="cp"), "68000")
        page.wait_for_selector('[data-checker="cp"] [role="status"][data-state="error"]', timeout=20000)
        assert time.monotonic() - started < 20
        assert "No pude preparar la revisión" in phone.message("cp")
        assert page.input_value(INPUT.format(kind="cp")) == "68000"
        paths = [e["path"] for e in log]
        assert any(p.endswith(".wasm.xz") for p in paths) and any(p.endswith(".wasm") for p in paths), paths


def test_a_cut_shard_download_is_not_kept_and_the_next_keystroke_retries(phone_factory, demo_root):
    cuts = []
    cutting = [True]  # every copy of the shard is cut until the first answer is read:
    # the Service Worker may fetch it too, and must not take the only cut

    def cut_first_shard(path):
        if re.search(r"/postal/68\.[0-9a-f]+\.json$", path) and cutting[0]:
            cuts.append(path)
            return True
        return False

    with recording_server(demo_root, cut=cut_first_shard) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_final("cp")
        assert cuts, "the shard was not requested"
        assert "No pude cargar el catálogo" in phone.message("cp")
        cutting[0] = False
        page.fill(INPUT.format(kind="cp"), "6800")
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"])
        assert phone.state("cp") == "valid"


_READY = "() => { const r = performance.getEntriesByName('guia:ready')[0]; return r && r.detail.snapshot; }"
_SNAPSHOT_BUILD = """async () => { const c = await caches.open('guia-snapshot');
    const [r] = await c.matchAll(); return r ? r.headers.get('x-guia-build') : null; }"""


def _verdict(phone, kind="curp", value=CURP_OK):
    phone.page.fill(INPUT.format(kind=kind), value)
    phone.wait_message(kind, describe(kind, value)["message"])
    return phone.page.evaluate(_READY)


def test_later_visits_start_from_a_snapshot_made_in_the_phone(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        typed = _fresh_curp()
        assert _verdict(phone, "curp", typed) == "made"
        wait_async(page, _SNAPSHOT_BUILD)
        _assert_nothing_typed_left_the_page(phone, log, [typed])
        page.reload()
        assert _verdict(phone, "nss", "28138801999") == "loaded"
        assert _verdict(phone, "cp", "68000") == "loaded"
        assert phone.errors == []


def test_a_stale_or_corrupt_snapshot_falls_back_to_a_normal_start(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        assert _verdict(phone) == "made"
        build = wait_async(page, _SNAPSHOT_BUILD)
        # Another build's snapshot: deleted unread, a new one made.
        page.evaluate("""async () => { const c = await caches.open('guia-snapshot'); const [k] = await c.keys();
            const r = await c.match(k); await c.put(k, new Response(await r.arrayBuffer(),
            {headers: {'x-guia-build': 'another-build'}})); }""")
        page.reload()
        assert _verdict(phone) == "made"
        wait_async(page, f"async () => (await ({_SNAPSHOT_BUILD})()) === {json.dumps(build)}")
        # This build's tag on garbage: refused, then a normal start.
        page.evaluate(
            """async (build) => { const c = await caches.open('guia-snapshot'); const [k] = await c.keys();
            await c.put(k, new Response(new Uint8Array(4096).fill(7), {headers: {'x-guia-build': build}})); }""",
            build,
        )
        page.reload()
        assert _verdict(phone) == "failed"
        assert _verdict(phone, "cp", "68000") == "failed"


def test_widgets_work_with_snapshots_disabled(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory(init_script="window.guiaWidgetsSnapshots = false;")
        page = phone.page
        page.goto(base + "demo/")
        for kind, cases in _cases().items():
            for expected_state, value, curp in cases:
                page.fill(INPUT.format(kind="curp"), curp or "")
                expected = describe(kind, value, curp=curp)
                page.fill(INPUT.format(kind=kind), value)
                phone.wait_message(kind, expected["message"])
                assert phone.state(kind) == expected_state
        assert page.evaluate(_READY) == "off"
        page.wait_for_timeout(3500)
        assert page.evaluate(_SNAPSHOT_BUILD) is None
        assert phone.errors == []
