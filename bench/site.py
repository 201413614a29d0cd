"""Site benchmark: build times, bytes a phone downloads, Lighthouse scores.

Prints figures; asserts nothing. Run after `make build`:  .venv/bin/python -m bench.site
Targets (issue 3): five schools ≤ 30 s on 2 cores; home page ≤ 64 KB gzip in
total on a first visit; later pages about their own HTML only; Lighthouse
performance ≥ 98 and accessibility, best practices and SEO 100.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from guide.serve import running_server
from guide.testing import CHROMIUM, CHROMIUM_ARGS, ROOT, SCHOOL_SLUGS

PY = sys.executable


def timed_build(*args) -> tuple[float, float]:
    """Wall seconds and average busy cores of one `python -m guide build`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([PY, "-m", "guide", "build", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.exit(proc.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu / wall


def synthetic_schools(count: int, into: Path) -> Path:
    """`count` schools made from the five real models under new slugs."""
    into.mkdir(parents=True, exist_ok=True)
    models = sorted((ROOT / "schools").glob("*.py"))
    for i in range(count):
        model = models[i % len(models)]
        slug = f"escuela-{i + 1:03d}"
        shutil.copy(model, into / f"{slug}.py")
        own = model.with_suffix("")
        if own.is_dir():
            shutil.copytree(own, into / slug)
    return into


def build_figures() -> None:
    print("== Build time ==")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wall, cores = timed_build("--site", tmp / "site5", "--work", tmp / "w5")
        print(f"five schools, full build (widgets included): {wall:6.1f} s  ({cores:.2f} cores busy)  target ≤ 30 s")
        wall, cores = timed_build("--sin-widgets", "--site", tmp / "site5b", "--work", tmp / "w5b")
        print(f"five schools, pages only (--sin-widgets):     {wall:6.1f} s  ({cores:.2f} cores busy)")
        for count in (25, 50, 100):
            schools = synthetic_schools(count, tmp / f"schools{count}")
            for jobs in (1, 2) if count == 100 else (2,):
                wall, cores = timed_build(
                    "--sin-widgets",
                    "--jobs",
                    jobs,
                    "--schools",
                    schools,
                    "--site",
                    tmp / f"s{count}-{jobs}",
                    "--work",
                    tmp / f"w{count}-{jobs}",
                )
                print(
                    f"{count:3d} synthetic schools, {jobs} job(s): {wall:6.1f} s  "
                    f"({wall / count:.2f} s/school, {cores:.2f} cores busy)"
                )


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6, mtime=0))


def page_weights(site: Path) -> None:
    from playwright.sync_api import sync_playwright

    print("\n== Bytes a phone downloads (gzip) ==")
    slug = SCHOOL_SLUGS[0]
    from guide.schools import load_all

    school = next(s for s in load_all() if s.slug == slug)
    page_types = {
        "home": f"{slug}/",
        "step": f"{slug}/pasos/{school.steps[0]}/",
        "step (with widget)": None,
        "problems": f"{slug}/problemas/",
        "contact": f"{slug}/contacto/",
        "search": f"{slug}/buscar/",
        "index": "",
    }
    for path in (site / slug / "pasos").glob("*/index.html"):
        if "data-checker" in path.read_text(encoding="utf-8"):
            page_types["step (with widget)"] = path.parent.relative_to(site).as_posix() + "/"
            break
    with running_server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in page_types.items():
            if path is None:
                continue
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            urls: list[str] = []
            page.on("request", lambda r, urls=urls: urls.append(r.url))
            page.goto(base + path, wait_until="networkidle")
            first = list(dict.fromkeys(urls))
            blocking = render_blocking(site, path)
            total = sum(gz(local(site, base, u)) for u in first if local(site, base, u).is_file())
            urls.clear()
            page.goto(
                base + (f"{slug}/contacto/" if name != "contact" else f"{slug}/problemas/"), wait_until="networkidle"
            )
            later_urls = [u for u in dict.fromkeys(urls) if u not in first]
            later = sum(gz(local(site, base, u)) for u in later_urls if local(site, base, u).is_file())
            print(
                f"{name:20s} before first paint {blocking / 1024:5.1f} KB   page total {total / 1024:5.1f} KB "
                f"({len(first)} requests)   next page after it {later / 1024:4.1f} KB ({len(later_urls)} requests)"
            )
            if name == "step (with widget)":  # no Pyodide byte before focus (issue 13; engineer E)
                page.goto(base + path, wait_until="networkidle")
                urls.clear()
                page.focus("[data-checker] input")
                page.wait_for_function("() => performance.getEntriesByName('guia:ready').length", timeout=180000)
                page.wait_for_load_state("networkidle")
                focused = [u for u in dict.fromkeys(urls) if local(site, base, u).is_file()]
                print(
                    f"{'':20s} before focus {total / 1024:7.1f} KB   after focus +{sum(gz(local(site, base, u)) for u in focused) / 1024:7.1f} KB"
                    f" ({len(focused)} requests: Pyodide, checker, data)"
                )
            context.close()
        browser.close()
    print("target: home page ≤ 64 KB gzip in total on a first visit")


def local(site: Path, base: str, url: str) -> Path:
    path = site / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.endswith("/") else path


def render_blocking(site: Path, path: str) -> int:
    """HTML + stylesheets + synchronous scripts: what must arrive before first paint."""
    html_path = site / path / "index.html"
    html = html_path.read_text(encoding="utf-8")
    size = gz(html_path)
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        size += gz((html_path.parent / href).resolve())
    for tag in re.findall(r"<script [^>]*src=\"[^\"]+\"[^>]*>", html):
        if " defer" not in tag and "type=\"module\"" not in tag and " async" not in tag:
            size += gz((html_path.parent / re.search(r'src="([^"]+)"', tag).group(1)).resolve())
    return size


def offline_precache(site: Path) -> None:
    """What the Service Worker keeps of each school after one visit (sw.js's lists; never Pyodide)."""
    from guide import pwa

    print("\n== Offline copy per school after one visit (Service Worker precache) ==")
    lists = json.loads(re.search(r"const SCHOOLS = (\{.*?\});", (site / "sw.js").read_text(encoding="utf-8")).group(1))
    for slug, files in lists.items():
        raw, packed = pwa.precache_bytes(site, files)
        pages = sum(f.endswith("/") for f in files)
        print(
            f"{slug:20s} {pages:3d} pages + {len(files) - pages:2d} files   {packed / 1024:6.1f} KB gzip  ({raw / 1024:6.1f} KB)"
        )
    print("target: ≤ 100 KB gzip per school")


def lighthouse(site: Path) -> None:
    print("\n== Lighthouse (mobile, simulated throttling, gzip server) ==")
    cli = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
    with running_server(site) as base, tempfile.TemporaryDirectory() as tmp:
        for slug in SCHOOL_SLUGS:
            out = Path(tmp) / f"{slug}.json"
            flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
            proc = subprocess.run(
                [
                    "node",
                    str(cli),
                    base + slug + "/",
                    "--quiet",
                    "--output=json",
                    f"--output-path={out}",
                    "--form-factor=mobile",
                    "--throttling-method=simulate",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    f"--chrome-flags={flags}",
                ],
                env=dict(os.environ, CHROME_PATH=CHROMIUM),
                capture_output=True,
                text=True,
                timeout=300,
            )
            if proc.returncode or not out.exists():
                print(f"{slug:20s} Lighthouse failed: {(proc.stderr or proc.stdout).strip().splitlines()[-1:]}")
                continue
            report = json.loads(out.read_text())
            scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            audits = report["audits"]
            failing = [
                a
                for a, v in audits.items()
                if v.get("score") is not None and v["score"] < 1 and v.get("scoreDisplayMode") == "binary"
            ]
            print(
                f"{slug:20s} performance {scores['performance']:3d}  accessibility {scores['accessibility']:3d}  "
                f"best practices {scores['best-practices']:3d}  SEO {scores['seo']:3d}   "
                f"FCP {audits['first-contentful-paint']['displayValue']}  "
                f"total {audits['total-byte-weight']['displayValue']}"
                + (f"   failing: {', '.join(failing[:4])}" if failing else "")
            )
    print("targets: performance ≥ 98; accessibility, best practices, SEO 100")


def main() -> None:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        sys.exit("Primero construye el sitio: make build")
    build_figures()
    page_weights(site)
    offline_precache(site)
    lighthouse(site)


if __name__ == "__main__":
    main()
