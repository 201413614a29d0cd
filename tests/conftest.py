"""Shared fixtures: the built site, a local server like GitHub Pages, Chromium.

The constants and helpers bench/ needs too (Chromium and its flags, the school
slugs, axe) are in guide/testing.py; test files import them from there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from guide.testing import launch_chromium

# `make test` runs pytest-xdist with --dist loadfile, which hands out whole
# files in collection order: the longest files go first, so that no worker is
# left running one of them alone while the other has finished.
LONGEST_FIRST = ("tests/browser/test_widgets.py", "tests/widgets/test_shared_assets.py", "tests/browser/")


def pytest_collection_modifyitems(items):
    def rank(item):
        return next((i for i, start in enumerate(LONGEST_FIRST) if item.nodeid.startswith(start)), len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: the order inside each file is kept


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
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page in a fresh context the size of a cheap phone (360×740)."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="es-MX"
    )
    page = context.new_page()
    yield page
    context.close()
