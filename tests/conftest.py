"""Shared fixtures: the built site, a local server like GitHub Pages, Chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                 "--disable-gpu", "--no-first-run", "--disable-sync"]
SCHOOL_SLUGS = ["oaxaca-ems", "aspirantes", "udg-cucs", "seguro-facultativo", "tec-tuxtla"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The full site: `make test` builds it first (GUIA_SITE); else build here."""
    given = os.environ.get("GUIA_SITE")
    if given and (Path(given) / "index.html").is_file():
        return Path(given)
    from guide.build import build
    site = tmp_path_factory.mktemp("site") / "site"
    build(site=site, work=tmp_path_factory.mktemp("work"))
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    from guide.serve import running_server
    with running_server(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page in a fresh context the size of a cheap phone (360×740)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, locale="es-MX")
    page = context.new_page()
    yield page
    context.close()


def run_axe(page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page (axe from node_modules)."""
    source = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    page.evaluate(source)  # evaluated through the DevTools protocol: the page's CSP doesn't apply
    result = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})")
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]
