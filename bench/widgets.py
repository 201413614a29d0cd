"""Widget figures: first paint, time to the first verdict, per-keystroke latency
and bytes, in Debian's Chromium, next to stock Pyodide loaded the common way.

    python -m bench.widgets [--runs N] [--site SITE_DIR]

Prints figures; it is never a timed test.  What it does:

* builds the shared assets (guide.shared_assets) and the widget demo pages into
  a temporary folder, plus a baseline page that loads STOCK Pyodide the common
  way: pyodide.mjs from the npm package with its stock python_stdlib.zip and
  pyodide-lock.json fetched, on the main thread, the checker's .py sources in
  a zip unpacked into the file system;
* serves it with guide.serve (gzip, application/wasm; GitHub Pages' max-age=600
  for unhashed files), counting the bytes actually sent per file;
* "Slow 4G + 4× CPU": Chrome DevTools Protocol network throttling (1.6 Mbit/s
  down, 750 kbit/s up, 150 ms RTT) and CPU throttling rate 4 on the page; the
  dedicated worker's requests follow the page's network throttling (Chrome
  answers "Not supported" when asked on the worker itself), and the Service
  Worker gets the same settings.  Chrome refuses CPU throttling on workers
  ("Operation is only supported for pages, not workers"), so the Python
  start-up inside our worker runs at full CPU speed while the stock baseline,
  on the main thread, is slowed 4×: the bench therefore also prints a
  pessimistic figure with the worker's own time multiplied by 4;
* cold = fresh browser profile (empty HTTP cache, no Service Worker), time
  from navigation start to the first verdict shown, the value being typed as
  soon as the box exists; warm = the same profile reloading the page;
  without throttling each side runs --runs fresh profiles, ours and stock
  alternating, and the run with the median warm start is reported;
* first contentful paint of a step page with and without widgets (the demo
  pages, and with --site a real built step page and the same page with the
  widget tags and markup removed), --fcp-runs rounds of all pages, in
  alternating order;
* per-keystroke latency: after the checker is ready, a CURP, an NSS and a
  postal code typed one character at a time, time from the input event to the
  verdict on screen.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import statistics
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from guide import serve, shared_assets, widget_demo
from guide.testing import CHROMIUM, ROOT
from guide.testing import CHROMIUM_ARGS as ARGS

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 0.75e6 / 8}
CURP = "HEGG560427MVZRRL04"
NSS = "28138801999"
CP = "68000"

STOCK_PAGE = """<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Revisa tus datos (Pyodide de serie)</title>
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>Revisa tus datos</h1>
<p>Esta página de prueba muestra los recuadros que revisan tus datos. El texto de la guía se lee
aunque la revisión no haya cargado.</p>
<ol><li>Ten a la mano tu CURP.</li><li>Escríbela en el recuadro.</li><li>Revisa lo que dice.</li></ol>
<div data-checker="curp"><label for="c">Revisa tu CURP</label> <input id="c" data-guia-input autocomplete="off">
<p role="status" data-state="loading">Cargando…</p></div>
</main>
<script type="module" src="stock.js"></script>
</body>
</html>
"""

STOCK_JS = """// Stock Pyodide, the common way: default stdlib and lock file, main thread.
import { loadPyodide } from "../../_stock/pyodide/pyodide.mjs";
const root = document.querySelector("[data-checker]");
const input = root.querySelector("input");
const status = root.querySelector("[role=status]");
const py = await loadPyodide({ indexURL: new URL("../../_stock/pyodide/", import.meta.url).href });
const src = await (await fetch(new URL("../../_stock/checker-src.zip", import.meta.url))).arrayBuffer();
py.unpackArchive(src, "zip", { extractDir: "/home/pyodide" });
const text = py.pyimport("checker.text");
let n = 0;
function check() {
  const t0 = performance.now();
  const r = text.describe("curp", input.value).toJs({ dict_converter: Object.fromEntries });
  status.dataset.state = r.get ? r.get("state") : r.state;
  status.textContent = r.get ? r.get("message") : r.message;
  root.dataset.latency = String(performance.now() - t0);
  root.dataset.verdicts = String(++n);
  if (!performance.getEntriesByName("guia:first-verdict").length) performance.mark("guia:first-verdict");
}
input.addEventListener("input", check);
if (input.value) check();
else status.textContent = "Listo.";
"""


class Counter:
    def __init__(self):
        self.bytes: dict[str, int] = {}
        self.lock = threading.Lock()

    def add(self, path, n):
        with self.lock:
            self.bytes[path] = self.bytes.get(path, 0) + n

    def snapshot(self):
        with self.lock:
            return dict(self.bytes)


@contextlib.contextmanager
def counting_server(root: Path, counter: Counter):
    class Counting(serve.Handler):
        def copyfile(self, source, outputfile):
            data = source.read()
            counter.add(self.path.split("?")[0], len(data))
            outputfile.write(data)

    with serve.running_server(root, handler=Counting) as url:
        yield url


def strip_widgets(html: str) -> str:
    """The same page without the widgets: their CSS/JS tags and their markup."""
    html = re.sub(r'<link rel="stylesheet" href="[^"]*_shared/widgets\.[0-9a-f]+\.css">\s*', "", html)
    html = re.sub(r'<script type="module"[^>]* src="[^"]*_shared/js-[0-9a-f]+/main\.js"></script>\s*', "", html)
    while True:
        start = html.find('<div class="guia-widget')
        if start < 0:
            return html
        depth, i = 0, start
        for m in re.finditer(r"<div\b|</div>", html[start:]):
            depth += 1 if m.group(0) == "<div" else -1
            if depth == 0:
                i = start + m.end()
                break
        html = html[:start] + html[i:]


def prepare(tmp: Path, site: Path | None) -> tuple[Path, dict]:
    root = tmp / "site"
    if site:
        shutil.copytree(site, root)
        manifest = None
    else:
        root.mkdir()
    manifest = shared_assets.build(root)
    widget_demo.write_demo(root, manifest)
    stock = root / "_stock" / "pyodide"
    stock.mkdir(parents=True)
    for name in shared_assets.PYODIDE_CORE + ("python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy2(shared_assets.PYODIDE_DIR / name, stock / name)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for rel, path in sorted(shared_assets.checker_files().items()):
            zf.write(path, rel)
    (root / "_stock" / "checker-src.zip").write_bytes(buf.getvalue())
    (root / "demo" / "stock").mkdir(parents=True)
    (root / "demo" / "stock" / "index.html").write_text(
        STOCK_PAGE.replace("{csp}", widget_demo.PAGE_CSP), encoding="utf-8"
    )
    (root / "demo" / "stock" / "stock.js").write_text(STOCK_JS, encoding="utf-8")
    pages = {"demo_with": "demo/", "demo_without": "demo/sin-widgets/"}
    if site:
        step = next(
            (
                p
                for p in sorted(root.rglob("pasos/*/index.html"))
                if 'data-checker="curp"' in p.read_text(encoding="utf-8")
            ),
            None,
        )
        if step:
            without = step.parent / "sin-widgets.html"
            without.write_text(strip_widgets(step.read_text(encoding="utf-8")), encoding="utf-8")
            pages["step_with"] = step.relative_to(root).parent.as_posix() + "/"
            pages["step_without"] = without.relative_to(root).as_posix()
    return root, pages


class Run:
    """One browser profile; throttling applied to the page and its workers."""

    def __init__(self, browser, throttle: bool):
        self.context = browser.new_context(viewport={"width": 360, "height": 740}, locale="es-MX")
        self.page = self.context.new_page()
        self.throttle = throttle
        self.sessions = []
        self.next_id = 1000
        if throttle:
            self._throttle(self.page)

    def _throttle(self, target):
        cdp = self.context.new_cdp_session(target)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

        def attached(event):
            sid = event["sessionId"]
            # non-flattened child session: commands go through the parent session
            for method, params in (
                ("Network.enable", {}),
                ("Network.emulateNetworkConditions", SLOW_4G),
                ("Emulation.setCPUThrottlingRate", {"rate": 4}),
                ("Runtime.runIfWaitingForDebugger", {}),
            ):
                self.next_id += 1
                try:
                    cdp.send(
                        "Target.sendMessageToTarget",
                        {
                            "sessionId": sid,
                            "message": json.dumps({"id": self.next_id, "method": method, "params": params}),
                        },
                    )
                except Exception:
                    pass
            self.sessions.append(sid)

        cdp.on("Target.attachedToTarget", attached)
        self.cdp = cdp

    def close(self):
        self.context.close()


def first_verdict(run: Run, url: str, value: str = CURP, timeout=240000) -> float:
    page = run.page
    page.goto(url, wait_until="commit")
    page.wait_for_selector('[data-checker="curp"] input', state="attached", timeout=timeout)
    page.fill('[data-checker="curp"] input', value)
    page.wait_for_function(
        "() => ['valid','warning','invalid','error'].includes("
        "document.querySelector('[data-checker=\"curp\"] [role=status]').dataset.state)",
        timeout=timeout,
    )
    state = page.get_attribute('[data-checker="curp"] [role=status]', "data-state")
    if state == "error":
        raise RuntimeError(page.inner_text('[data-checker="curp"] [role=status]'))
    return page.evaluate("""() => {
        const v = performance.getEntriesByName('guia:first-verdict')[0].startTime;
        const r = performance.getEntriesByName('guia:ready')[0];
        const s = performance.getEntriesByName('guia:start')[0];
        return r ? {verdict: v, start: s.startTime, ready: r.startTime, detail: r.detail} : {verdict: v};
    }""")


def fcp(run: Run, url: str) -> float:
    run.page.goto(url, wait_until="load")
    return run.page.evaluate("""() => new Promise((resolve) => {
        const e = performance.getEntriesByName('first-contentful-paint')[0];
        if (e) return resolve(e.startTime);
        new PerformanceObserver((l) => resolve(l.getEntries()[0].startTime)).observe({type: 'paint', buffered: true});
    })""")


KEYSTROKES_JS = """async ([kind, value]) => {
  const root = document.querySelector(`[data-checker="${kind}"]`);
  const input = root.querySelector('input');
  const out = [];
  input.value = '';
  input.dispatchEvent(new Event('input', {bubbles: true}));
  await new Promise((r) => setTimeout(r, 50));
  for (let i = 1; i <= value.length; i++) {
    const n = Number(root.dataset.verdicts || 0);
    const done = new Promise((resolve) => {
      const mo = new MutationObserver(() => {
        if (Number(root.dataset.verdicts || 0) !== n) { mo.disconnect(); resolve(performance.now()); }
      });
      mo.observe(root, {attributes: true, attributeFilter: ['data-verdicts']});
    });
    const t0 = performance.now();
    input.value = value.slice(0, i);
    input.dispatchEvent(new Event('input', {bubbles: true}));
    out.push((await done) - t0);
    await new Promise((r) => setTimeout(r, 30));
  }
  return out;
}"""


def keystrokes(run: Run, kinds=(("curp", CURP), ("nss", NSS), ("cp", CP))) -> list[float]:
    lat = []
    for kind, value in kinds:
        if run.page.locator(f'[data-checker="{kind}"] input').count():
            lat += run.page.evaluate(KEYSTROKES_JS, [kind, value])
    return lat


def wait_for_snapshot(run: Run) -> None:
    """Let the Service Worker finish installing before the warm visit and the
    memory snapshot be stored (made on first use, see snapshot.js)."""
    run.page.evaluate("() => navigator.serviceWorker.ready.then(() => new Promise(r => setTimeout(r, 1500)))")
    for _ in range(240):  # (wait_for_function would not wait for a promise)
        if run.page.evaluate("() => caches.open('guia-snapshot').then((c) => c.keys()).then((k) => k.length > 0)"):
            break
        run.page.wait_for_timeout(250)


def warm_visit(run: Run, url: str, who: str = "widgets") -> dict:
    """A fresh profile's cold visit, then (its snapshot stored) the warm one's figures."""
    first_verdict(run, url)
    if who == "widgets":
        wait_for_snapshot(run)
    return first_verdict(run, url)


def only_keystrokes(browser, base: str, runs: int) -> None:
    """--only keystrokes: the per-keystroke figures alone, one fresh profile per run, typed (as in the
    full run) on a later visit: not while the first visit's files and snapshot are still being stored."""
    for throttle in (True, False):
        label = "Slow 4G + 4× CPU" if throttle else "no throttling"
        every, medians = [], []
        for _ in range(runs):
            run = Run(browser, throttle=throttle)
            warm_visit(run, base + "demo/")
            lat = keystrokes(run)
            run.close()
            every += lat
            medians.append(statistics.median(lat))
        print(
            f"Per-keystroke verdict latency, {label}: median {statistics.median(every):.1f} ms"
            f"   p95 {pct(every, 95):.1f} ms   ({len(every)} keystrokes; per run {', '.join(f'{m:.1f}' for m in medians)})"
        )


def only_warm(browser, base: str, runs: int) -> None:
    """--only warm: the unthrottled warm start of ours and stock, alternating, median of `runs`."""
    warm = {"widgets": [], "stock": []}
    for _ in range(runs):
        for who, path in (("widgets", "demo/"), ("stock", "demo/stock/")):
            run = Run(browser, throttle=False)
            info = warm_visit(run, base + path, who)
            warm[who].append(info["verdict"])
            if who == "widgets":
                d = info.get("detail") or {}
                print(
                    f"  widgets warm {info['verdict']:.0f} ms (started at {info['start']:.0f} ms, ready at {info['ready']:.0f} ms, worker {d.get('phases')})"
                )
            else:
                print(f"  stock   warm {info['verdict']:.0f} ms")
            run.close()
    ours, stock = statistics.median(warm["widgets"]), statistics.median(warm["stock"])
    print(f"no throttling, median of {runs}: widgets warm {ours:.0f} ms, stock warm {stock:.0f} ms")
    print(f"  speed-up vs stock: warm {stock / ours:.2f}×")


def verdict_run(browser, counter, base: str, who: str, path: str, throttle: bool) -> dict:
    """One fresh profile: a cold visit, a warm one, three later ones, keystrokes."""
    run = Run(browser, throttle=throttle)
    before = counter.snapshot()
    t0 = time.time()
    cold_info = first_verdict(run, base + path)
    after = counter.snapshot()
    prefix = "/_shared/" if who == "widgets" else "/_stock/"
    sent = bytes_of(before, after, prefix)
    if who == "widgets":
        wait_for_snapshot(run)
    before = counter.snapshot()
    warm_info = first_verdict(run, base + path)
    warm_sent = sum(bytes_of(before, counter.snapshot(), prefix).values())
    # later visits: the browser's compiled-code caches are warm too
    later_infos = [first_verdict(run, base + path) for _ in range(3)]
    later_info = sorted(later_infos, key=lambda i: i["verdict"])[1]
    lat = keystrokes(run) if who == "widgets" else keystrokes(run, (("curp", CURP),))
    run.close()
    return {
        "cold": cold_info["verdict"],
        "warm": warm_info["verdict"],
        "cold_info": cold_info,
        "warm_info": warm_info,
        "later": later_info["verdict"],
        "later_info": later_info,
        "bytes": sent,
        "warm_bytes": warm_sent,
        "lat": lat,
        "wall": time.time() - t0,
    }


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def bytes_of(counter_before: dict, counter_after: dict, prefix: str) -> dict:
    out = {}
    for path, n in counter_after.items():
        d = n - counter_before.get(path, 0)
        if d and path.startswith(prefix):
            out[path] = d
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="runs per unthrottled first-verdict figure (median)")
    # a paint lands on a frame (steps of 4-16 ms here) and the target is ±5 %
    # of ~300 ms: three runs cannot tell
    ap.add_argument("--fcp-runs", type=int, default=9, help="runs per first-paint figure (median)")
    ap.add_argument(
        "--site",
        type=lambda s: Path(s) if s else None,
        default=ROOT / "site" if (ROOT / "site" / "_shared").is_dir() else None,
        help="a built site (default: site/ when built) for a real step page's first paint",
    )
    ap.add_argument("--only", choices=("keystrokes", "warm"), help="run one section only (--runs fresh profiles)")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    counter = Counter()
    with tempfile.TemporaryDirectory(prefix="bench-widgets-") as tmp, sync_playwright() as p:
        root, pages = prepare(Path(tmp), args.site)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        with counting_server(root, counter) as base:
            print(
                f"Chromium {browser.version}, Pyodide {json.loads((shared_assets.PYODIDE_DIR / 'package.json').read_text())['version']}"
            )
            print("Slow 4G = 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT (CDP, page + worker); CPU 4× slower\n")
            if args.only:
                (only_keystrokes if args.only == "keystrokes" else only_warm)(browser, base, args.runs)
                browser.close()
                return

            # -- first contentful paint
            print(f"First contentful paint (median of {args.fcp_runs}, Slow 4G + 4× CPU; the pages interleaved)")
            # Round by round, in alternating order: the machine's drift falls on
            # both sides of each "with / without" pair, not on one.
            values = {name: [] for name in pages}
            for i in range(args.fcp_runs):
                for name in list(pages)[:: 1 if i % 2 == 0 else -1]:
                    run = Run(browser, throttle=True)
                    values[name].append(fcp(run, base + pages[name]))
                    run.close()
            fcps = {name: statistics.median(v) for name, v in values.items()}
            for name, path in pages.items():
                print(f"  {name:14s} {fcps[name]:8.0f} ms   ({path})")
            for a, b in (("demo_with", "demo_without"), ("step_with", "step_without")):
                if a in fcps and b in fcps:
                    print(f"  change with widgets ({a.split('_')[0]}): {100 * (fcps[a] - fcps[b]) / fcps[b]:+.1f} %")

            # -- first verdict, cold and warm, ours and stock
            results = {}
            for throttle in (False, True):
                label = "Slow 4G + 4× CPU" if throttle else "no throttling"
                # Unthrottled runs are cheap: --runs fresh profiles per side,
                # ours and stock alternating, and the run with the median warm
                # start is reported. A throttled run takes a minute: one each.
                reps = 1 if throttle else args.runs
                runs = {"widgets": [], "stock": []}
                for i in range(reps):
                    sides = (("widgets", "demo/"), ("stock", "demo/stock/"))
                    for who, path in sides[:: 1 if i % 2 == 0 else -1]:
                        runs[who].append(verdict_run(browser, counter, base, who, path, throttle))
                for who, done in runs.items():
                    results[(throttle, who)] = sorted(done, key=lambda r: r["warm"])[len(done) // 2]
                print(
                    f"\nTime to the first verdict, {label}"
                    + (f" (median of {reps} runs by warm start)" if reps > 1 else "")
                )
                for who in ("widgets", "stock"):
                    r = results[(throttle, who)]
                    print(
                        f"  {who:8s} cold {r['cold'] / 1000:6.2f} s   warm {r['warm'] / 1000:6.2f} s"
                        f"   later visits {r['later'] / 1000:6.2f} s"
                        f"   (the warm visit fetched {r['warm_bytes']:,} bytes of its Python files)"
                    )
                for phase in ("cold", "warm", "later"):
                    info = results[(throttle, "widgets")][phase + "_info"]
                    if "ready" in info:
                        d = info["detail"] or {}
                        print(
                            f"    widgets {phase}: worker started at {info['start'] / 1000:.2f} s, ready at "
                            f"{info['ready'] / 1000:.2f} s (in the worker: {d.get('phases')}, snapshot {d.get('snapshot')})"
                        )
                        for name, t in ((d.get("phases") or {}).get("decode") or {}).items():
                            print(
                                f"    widgets {phase}: {name} decoded from .xz in {t['ms']} ms from its first byte,"
                                f" {t['afterDownload']} ms after its last"
                            )
                        if throttle and phase in ("warm", "later"):
                            # the worker is not CPU-throttled: count its (CPU-bound, warm) time 4×
                            pess = info["verdict"] + 3 * (d.get("worker") or 0)
                            print(
                                f"    widgets {phase}, worker time counted 4× (pessimistic): {pess / 1000:.2f} s"
                                f" -> {results[(throttle, 'stock')][phase] / pess:.1f}× faster than stock"
                            )
                ours, stock = results[(throttle, "widgets")], results[(throttle, "stock")]
                print(
                    f"  speed-up vs stock: warm {stock['warm'] / ours['warm']:.1f}×, later visits "
                    f"{stock['later'] / ours['later']:.1f}×, cold {stock['cold'] / ours['cold']:.1f}×"
                )
                print(f"Per-keystroke verdict latency, {label}")
                for who in ("widgets", "stock"):
                    lat = results[(throttle, who)]["lat"]
                    print(
                        f"  {who:8s} median {statistics.median(lat):6.1f} ms   p95 {pct(lat, 95):6.1f} ms   ({len(lat)} keystrokes)"
                    )

            # -- bytes
            ours = results[(True, "widgets")]["bytes"]
            stock = results[(True, "stock")]["bytes"]
            print("\nBytes sent by the server on a cold visit (gzip as served)")

            def group(sent, rules):
                out = {}
                for path, n in sent.items():
                    key = next((label for label, rx in rules if re.search(rx, path)), "other")
                    out[key] = out.get(key, 0) + n
                return out

            og = group(
                ours,
                [
                    ("wasm", r"\.wasm(\.xz)?$"),  # the .xz copy a first visit fetches, or the plain fallback
                    ("xz decoder", r"/xzwasm\.[0-9a-f]+\.js$"),
                    ("pyodide.asm.mjs", r"asm\.mjs$"),
                    ("pyodide.mjs", r"pyodide\.mjs$"),
                    ("stdlib zip", r"stdlib\."),
                    ("checker zip", r"checker\."),
                    ("postal data", r"/postal/"),
                    ("widget scripts + css", r"/js-[0-9a-f]+/|widgets\."),
                ],
            )
            sg = group(
                stock,
                [
                    ("wasm", r"\.wasm$"),
                    ("pyodide.asm.mjs", r"asm\.mjs$"),
                    ("pyodide.mjs", r"pyodide\.mjs$"),
                    ("stdlib zip", r"python_stdlib"),
                    ("lock file", r"lock"),
                    ("checker sources", r"checker-src"),
                ],
            )
            for name, n in sorted(og.items(), key=lambda kv: -kv[1]):
                print(f"  widgets  {name:24s} {n:>10,}")
            print(f"  widgets  {'total':24s} {sum(og.values()):>10,}")
            for name, n in sorted(sg.items(), key=lambda kv: -kv[1]):
                print(f"  stock    {name:24s} {n:>10,}")
            stock_core = sum(v for k, v in sg.items() if k != "checker sources")
            print(f"  stock    {'core (without checker)':24s} {stock_core:>10,}")
            python_ours = sum(v for k, v in og.items() if k != "widget scripts + css")
            print(
                f"  ours (Pyodide + checker + data) / stock core: {100 * python_ours / stock_core:.1f} %"
                f"   (all of ours incl. widget js/css: {100 * sum(og.values()) / stock_core:.1f} %)"
            )
            excel_bytes(root)
        browser.close()


def excel_bytes(root: Path) -> None:
    """The list page's own downloads (issue 12), each a separate file fetched on
    first use: for a CSV list the stdlib's second zip and the list checker; for
    an Excel list also the .xlsx reader with the stdlib only it uses.  None of
    them on a page with the CURP/NSS/CP boxes (tests/browser/test_list_zips.py)."""
    import gzip

    print("\nThe list page's downloads, on its first use (bytes, gzip as served)")
    sizes = {}
    for label, stem in (
        ("boxes' checker (every page with a box)", "checker"),
        ("stdlib extras (a list)", "stdlib-extra"),
        ("list checker (a list)", "lists"),
        ("Excel reader (an .xlsx chosen)", "excel"),
    ):
        for path in sorted((root / "_shared").glob(f"{stem}.[0-9a-f]*.zip")):
            data = path.read_bytes()
            sizes[stem] = (len(data), len(gzip.compress(data, 6, mtime=0)))
            print(f"  {label:40s} {path.name:28s} {sizes[stem][0]:>9,} {sizes[stem][1]:>9,} gzip")
    for label, stems in (
        ("a CSV list adds", ("stdlib-extra", "lists")),
        ("an Excel list adds", ("stdlib-extra", "lists", "excel")),
    ):
        raw, packed = (sum(sizes.get(s, (0, 0))[i] for s in stems) for i in (0, 1))
        print(f"  {label:69s} {raw:>9,} {packed:>9,} gzip")


if __name__ == "__main__":
    main()
