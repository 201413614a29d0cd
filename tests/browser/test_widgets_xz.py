"""The xz copies of Pyodide's wasm and the stdlib zip (guide/xz.py), in real
headless Chromium: a first visit downloads them instead of the plain files and
decodes them in the worker; the Service Worker keeps the decoded files (no
second download) so later and offline visits need no network; a corrupt,
cut or missing .xz, or a decoder that does not load, falls back to the plain
files once and the widget still answers.
"""

from __future__ import annotations

import hashlib
import re
import shutil

import pytest
import test_widgets
from test_widgets import INPUT, describe, recording_server, wait_async

# test_widgets' fixtures: the demo pages next to freshly built shared assets, and phones
demo_root = test_widgets.demo_root
phone_factory = test_widgets.phone_factory

pytestmark = pytest.mark.browser

WASM = re.compile(r"/pyodide-[0-9a-f]+/pyodide\.asm\.wasm$")
STDLIB = re.compile(r"/stdlib\.[0-9a-f]+\.zip$")
DECODER = re.compile(r"/xzwasm\.[0-9a-f]+\.js$")
# The worker's decoded files, as the Service Worker keeps them: {url: sha256}.
KEPT = """async () => {
    const out = {};
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            if (!/pyodide\\.asm\\.wasm|stdlib\\.[0-9a-f]+\\.zip/.test(request.url)) continue;
            const bytes = await (await cache.match(request)).arrayBuffer();
            const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
            out[name + ' ' + request.url] = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
        }
    }
    return out;
}"""


def _paths(log, start=0):
    return [e["path"].split("?")[0] for e in log[start:]]


def _count(paths, rx):
    return sum(1 for p in paths if rx.search(p))


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wait_kept(page, root, base):
    """The Service Worker's own cache holds the plain wasm and stdlib zip, byte for byte; the worker's holds none."""
    wasm = next(root.glob("_shared/pyodide-*/pyodide.asm.wasm"))
    stdlib = next(p for p in root.glob("_shared/stdlib.*.zip") if STDLIB.search("/" + p.name))
    want = {base + p.relative_to(root).as_posix(): _sha(p) for p in (wasm, stdlib)}

    def done():
        kept = page.evaluate(KEPT)
        sw = {k.split(" ", 1)[1]: v for k, v in kept.items() if k.startswith("guia-nss-")}
        return sw == want and not any(k.startswith("guia-decoded ") for k in kept)

    wait_async(page, f"() => ({KEPT})().then((k) => Object.keys(k).length >= 2)", timeout=60000)
    for _ in range(240):
        if done():
            return
        page.wait_for_timeout(250)
    raise AssertionError(page.evaluate(KEPT))


def test_first_visit_fetches_the_xz_copies_and_later_visits_need_no_network(phone_factory, demo_root):
    with recording_server(demo_root) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"], timeout=120000)
        paths = _paths(log)
        assert any(p.endswith("pyodide.asm.wasm.xz") for p in paths)
        assert any(re.search(r"/stdlib\.[0-9a-f]+\.zip\.xz$", p) for p in paths)
        assert _count(paths, DECODER) == 1
        detail = page.evaluate("() => performance.getEntriesByName('guia:ready')[0].detail")
        decode = detail["phases"]["decode"]
        assert "pyodide.asm.wasm" in decode and any(n.startswith("stdlib.") for n in decode), decode
        assert all(t["ms"] >= t["afterDownload"] >= 0 for t in decode.values()), decode
        page.evaluate("() => navigator.serviceWorker.ready")
        _wait_kept(page, demo_root, base)
        # Neither plain file was downloaded, not even by the Service Worker keeping them.
        paths = _paths(log)
        assert _count(paths, WASM) == 0 and _count(paths, STDLIB) == 0, paths

        # A later visit: nothing under _shared/ from the server (no .xz, no decoder).
        before = len(log)
        page.reload()
        page.fill(INPUT.format(kind="curp"), "HEGG560427MVZRRL04")
        phone.wait_message("curp", describe("curp", "HEGG560427MVZRRL04")["message"])
        assert [p for p in _paths(log, before) if "/_shared/" in p] == []
        detail = page.evaluate("() => performance.getEntriesByName('guia:ready')[0].detail")
        assert "decode" not in detail["phases"], "a later visit decodes nothing"

        # And with no network at all once the page is shown: Python starts from the cache.
        page.reload()
        phone.context.set_offline(True)
        page.fill(INPUT.format(kind="nss"), "28138801999")
        phone.wait_message("nss", describe("nss", "28138801999")["message"])
        phone.context.set_offline(False)


def _damage(site, how):
    wasm_xz = next(site.glob("_shared/pyodide-*/pyodide.asm.wasm.xz"))
    stdlib_xz = next(site.glob("_shared/stdlib.*.zip.xz"))
    if how == "corrupt wasm":
        data = bytearray(wasm_xz.read_bytes())
        data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
        wasm_xz.write_bytes(bytes(data))
    elif how == "cut wasm":
        wasm_xz.write_bytes(wasm_xz.read_bytes()[: len(wasm_xz.read_bytes()) * 3 // 4])
    elif how == "corrupt stdlib":
        data = bytearray(stdlib_xz.read_bytes())
        data[-100:-36] = bytes(64)  # the last block's data and its check
        stdlib_xz.write_bytes(bytes(data))
    elif how == "missing":
        wasm_xz.unlink()
        stdlib_xz.unlink()
    elif how == "no decoder":
        next(site.glob("_shared/xzwasm.*.js")).unlink()


@pytest.mark.parametrize("how", ["corrupt wasm", "cut wasm", "corrupt stdlib", "missing", "no decoder"])
def test_a_bad_xz_copy_falls_back_to_the_plain_files_once(phone_factory, demo_root, tmp_path, how):
    site = tmp_path / "site"
    shutil.copytree(demo_root, site)
    _damage(site, how)
    with recording_server(site) as (base, log):
        phone = phone_factory()
        page = phone.page
        page.goto(base + "demo/")
        page.fill(INPUT.format(kind="cp"), "68000")
        phone.wait_message("cp", describe("cp", "68000")["message"], timeout=120000)
        page.fill(INPUT.format(kind="curp"), "HEGG560427MVZRRL04")
        phone.wait_message("curp", describe("curp", "HEGG560427MVZRRL04")["message"])
        paths = _paths(log)
        # One try with the .xz copy, then the plain files, once each.
        assert sum(p.endswith("pyodide.asm.wasm.xz") for p in paths) <= 1, paths
        if how in ("corrupt wasm", "cut wasm", "missing", "no decoder"):
            assert _count(paths, WASM) == 1, paths
        assert _count(paths, WASM) <= 1 and _count(paths, STDLIB) <= 1, paths
        if how == "no decoder":  # (the .xz is asked for with the decoder, and dropped)
            assert _count(paths, STDLIB) == 1, paths
        # What the phone keeps is the plain files, never a badly decoded one.
        page.evaluate("() => navigator.serviceWorker.ready")
        _wait_kept(page, site, base)
