"""Offline after one visit, in real Chromium: every page of a school opens
without a connection after the student opened one page online, also under a
sub-path (a GitHub Pages project site) and after a new build was deployed;
nothing incomplete is ever stored; Pyodide is not fetched on a plain visit."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
import time
from pathlib import Path

import pytest

from guide import pwa, serve

pytestmark = pytest.mark.browser

BANNER = "Sin conexión: estás viendo la guía guardada"
SCHOOL = "oaxaca-ems"
OTHER = "udg-cucs"


def sw_lists(site: Path) -> dict:
    text = (site / "sw.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const SCHOOLS = (\{.*?\});", text).group(1))


def version(site: Path) -> str:
    return re.search(r'const VERSION = "([0-9a-f]+)"', (site / "sw.js").read_text(encoding="utf-8")).group(1)


@contextlib.contextmanager
def serving(site: Path, tmp_path: Path, prefix: str = "", handler=serve.Handler):
    """The site at http://127.0.0.1:<port>/<prefix>, as a Pages project site is."""
    root = site
    if prefix:
        root = tmp_path / "pages-root"
        root.mkdir(exist_ok=True)
        (root / prefix.strip("/")).symlink_to(site, target_is_directory=True)
    with serve.running_server(root, handler=handler) as url:
        yield url + prefix


CACHED = """async () => { const out = {};
    for (const k of await caches.keys()) out[k] = (await (await caches.open(k)).keys()).map((r) => r.url);
    return out; }"""


def poll(page, script: str, arg=None, timeout: float = 30.0):
    """Evaluate an async predicate until it is true (Playwright's wait_for_function
    does not await a returned Promise: a pending one counts as true)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(script, arg)
        if value or time.monotonic() > deadline:
            assert value, f"not true after {timeout} s: {script[:80]}"
            return value
        time.sleep(0.2)


def wait_cached(page, urls: list[str], only_version: str | None = None, timeout: float = 30.0):
    """Until one cache (this build's, if given) holds every URL, and no other cache is left."""
    poll(
        page,
        """async ([urls, version]) => {
        const keys = (await caches.keys()).filter((k) => k.startsWith('guia-nss-'));  // the SW's, not the widgets' snapshot
        if (keys.length !== 1 || (version && keys[0] !== 'guia-nss-' + version)) return false;
        const have = new Set((await (await caches.open(keys[0])).keys()).map((r) => r.url));
        return urls.every((u) => have.has(u));
    }""",
        [urls, only_version],
        timeout,
    )


def visit_and_wait(page, url: str, urls: list[str], only_version: str | None = None):
    """Open one page online and wait until the Service Worker has cached *urls*."""
    page.goto(url)
    page.evaluate("() => navigator.serviceWorker.ready")
    wait_cached(page, urls, only_version)


def walk_offline(page, base: str, slug: str, files: list[str], expect_text: dict | None = None):
    pages = [f for f in files if f.endswith("/")]
    assert f"{slug}/" in pages and f"{slug}/buscar/" in pages and f"{slug}/contacto/" in pages
    assert any(p.startswith(f"{slug}/pasos/") for p in pages)
    for rel in pages:
        response = page.goto(base + rel)
        assert response is not None and response.ok, rel
        assert page.locator("h1").count() >= 1, rel
        if rel.endswith("/cartel/"):
            continue
        assert page.locator(".guia-offline").inner_text() == BANNER, rel
        for path, text in (expect_text or {}).items():
            if rel == path:
                assert text in page.content(), rel


@pytest.mark.parametrize("prefix", ["", "guia-nss/"])
def test_every_page_of_a_school_opens_offline_after_one_visit(built_site, browser, tmp_path, prefix):
    files = sw_lists(built_site)[SCHOOL]
    assert not any("pyodide" in f or f.endswith((".wasm", ".zip")) for f in files)
    requested = []
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="es-MX")
    page = context.new_page()
    page.on("request", lambda r: requested.append(r.url))
    with serving(built_site, tmp_path, prefix) as base:
        page.goto(base + f"{SCHOOL}/pasos/{files_step(files)}/")  # one page, not the home
        assert page.locator(".guia-offline").count() == 0 or page.locator(".guia-offline").is_hidden()
        page.evaluate("() => navigator.serviceWorker.ready")
        wait_cached(page, [base + f for f in files], version(built_site))
    context.set_offline(True)
    walk_offline(page, base, SCHOOL, files)
    assert not any(re.search(r"pyodide|\.wasm$|stdlib\.[0-9a-f]+\.zip", u) for u in requested)
    scope = page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == base
    context.close()


def files_step(files: list[str]) -> str:
    return next(f.split("/")[2] for f in files if f.startswith(f"{SCHOOL}/pasos/") and f.count("/") == 3)


def _rebuild(site: Path, marker: str) -> None:
    """A new deploy of the same site: a changed page and new lists (and VERSION) in sw.js."""
    page = site / SCHOOL / "contacto" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", f"</h1><p>{marker}</p>", 1), encoding="utf-8")
    pwa.write_service_worker(site)


def test_offline_survives_a_deploy_and_a_first_visit_after_it(built_site, browser, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site, symlinks=True)
    lists = sw_lists(site)
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="es-MX")
    page = context.new_page()
    with serving(site, tmp_path, "sub/") as base:
        visit_and_wait(page, base + f"{SCHOOL}/", [base + f for f in lists[SCHOOL]], version(site))
        old = version(site)
        _rebuild(site, "Versión nueva de la guía")
        assert version(site) != old
        # The first visit after the deploy opens another school: its pages are
        # posted while the old worker is still active, and must survive it.
        page.goto(base + f"{OTHER}/")
        wanted = [base + f for f in lists[SCHOOL] + lists[OTHER]]
        wait_cached(page, wanted, version(site))
    context.set_offline(True)
    walk_offline(page, base, SCHOOL, lists[SCHOOL], {f"{SCHOOL}/contacto/": "Versión nueva de la guía"})
    walk_offline(page, base, OTHER, lists[OTHER])
    context.close()


def test_an_empty_or_cut_response_is_never_kept(built_site, browser, tmp_path):
    lists = sw_lists(built_site)[SCHOOL]
    empty, cut = f"/{SCHOOL}/contacto/", f"/{SCHOOL}/search.json"
    served = {empty: 0, cut: 0}

    class Flaky(serve.Handler):
        def send_head(self):
            path = self.path.split("?")[0]
            if path in served and not served[path]:
                served[path] += 1
                body = b"" if path == empty else b"// cut"
                self.send_response(200)
                self.send_header("Content-Type", "text/html" if path == empty else "application/json")
                self.send_header("Content-Length", "0" if path == empty else "5000")
                self.end_headers()
                self.wfile.write(body)
                self.close_connection = True
                return None
            return super().send_head()

    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    with serving(built_site, tmp_path, handler=Flaky) as base:
        visit_and_wait(page, base + f"{SCHOOL}/", [base + f for f in lists if "/" + f not in served])
        page.wait_for_timeout(500)
        cached = [u for k, urls in page.evaluate(CACHED).items() if k.startswith("guia-nss-") for u in urls]
        assert base + empty[1:] not in cached and base + cut[1:] not in cached
        assert served == {empty: 1, cut: 1}
        page.reload()  # the next page view tries again, and now gets whole files
        wait_cached(page, [base + f for f in lists])
        sizes = page.evaluate(
            """(urls) => Promise.all(urls.map(async (u) =>
            (await (await caches.match(u)).arrayBuffer()).byteLength))""",
            [base + empty[1:], base + cut[1:]],
        )
    assert sizes == [
        (built_site / SCHOOL / "contacto" / "index.html").stat().st_size,
        (built_site / SCHOOL / "search.json").stat().st_size,
    ]
    context.close()


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Two real builds (pages only): the second adds a page to the school, as a deploy would.
    Only that school is built: the test walks only its pages."""
    from guide.build import build
    from guide.schools import SCHOOLS_DIR

    root = tmp_path_factory.mktemp("deploys")
    schools = root / "schools"
    schools.mkdir()
    shutil.copy(SCHOOLS_DIR / f"{SCHOOL}.py", schools)
    if (SCHOOLS_DIR / SCHOOL).is_dir():
        shutil.copytree(SCHOOLS_DIR / SCHOOL, schools / SCHOOL)
    build(site=root / "v1", work=root / "w1", schools_dir=schools, widgets=False)
    own = schools / SCHOOL
    own.mkdir(exist_ok=True)
    (own / "aviso.md").write_text("# Aviso\n\nVersión nueva de la guía: revisa tus fechas.\n", encoding="utf-8")
    build(site=root / "v2", work=root / "w2", schools_dir=schools, widgets=False)
    return root / "v1", root / "v2"


def test_offline_after_a_real_rebuild_is_deployed(two_builds, browser, tmp_path):
    v1, v2 = two_builds
    assert version(v1) != version(v2)
    root = tmp_path / "pages"
    root.mkdir()
    (root / "guia").symlink_to(v1, target_is_directory=True)
    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    with serve.running_server(root) as url:
        base = url + "guia/"
        visit_and_wait(page, base + f"{SCHOOL}/contacto/", [base + f for f in sw_lists(v1)[SCHOOL]], version(v1))
        (root / "guia").unlink()
        (root / "guia").symlink_to(v2, target_is_directory=True)  # the deploy
        page.goto(base + f"{SCHOOL}/")
        files = sw_lists(v2)[SCHOOL]
        assert f"{SCHOOL}/aviso/" in files
        wait_cached(page, [base + f for f in files], version(v2))
    context.set_offline(True)
    walk_offline(page, base, SCHOOL, files, {f"{SCHOOL}/aviso/": "Versión nueva de la guía"})
    context.close()


def test_a_deploy_carries_used_shared_files_and_drops_old_hashed_ones(built_site, browser, tmp_path):
    shared = sorted(p.relative_to(built_site).as_posix() for p in (built_site / "_shared").rglob("*") if p.is_file())
    wasm = next((f for f in shared if f.endswith("pyodide.asm.wasm")), None)
    shard = next((f for f in shared if re.search(r"/postal/68\.[0-9a-f]{10}\.json$", f)), None)
    if not (wasm and shard):
        pytest.skip("a site built with widgets is needed (GUIA_SITE)")
    site = tmp_path / "site"
    shutil.copytree(built_site, site, symlinks=True)
    stale = re.sub(r"\.[0-9a-f]{10}\.json$", ".0123456789.json", shard)  # the same shard from an older build
    log = []

    class Recording(serve.Handler):
        def send_head(self):
            log.append(self.path)
            return super().send_head()

    context = browser.new_context(locale="es-MX")
    page = context.new_page()
    with serving(site, tmp_path, handler=Recording) as base:
        visit_and_wait(page, base + f"{SCHOOL}/", [base + f for f in sw_lists(site)[SCHOOL]], version(site))
        # What a student who used a widget had: Pyodide (unchanged name) and an old shard.
        page.evaluate(
            """async ([wasm, stale]) => {
            const cache = await caches.open((await caches.keys()).find((k) => k.startsWith('guia-nss-')));
            await cache.put(wasm, new Response('used wasm', {headers: {'Content-Type': 'application/wasm'}}));
            await cache.put(stale, new Response('{"old": true}', {headers: {'Content-Type': 'application/json'}}));
        }""",
            [base + wasm, base + stale],
        )
        _rebuild(site, "Versión nueva de la guía")
        log.clear()
        page.goto(base + f"{SCHOOL}/problemas/")
        wait_cached(page, [base + f for f in sw_lists(site)[SCHOOL]] + [base + wasm, base + shard], version(site))
        cached = [u for k, urls in page.evaluate(CACHED).items() for u in urls]
        kept = page.evaluate("(u) => caches.match(u).then((r) => r.text())", base + wasm)
    assert base + stale not in cached, "an old hashed file leaked into the new cache"
    assert kept == "used wasm", "an unchanged hashed file is copied, not downloaded again"
    assert not any(p.endswith(".wasm") for p in log)
    assert "/" + shard in log  # the shard the student used, in this build's version
    context.close()
