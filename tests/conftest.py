"""Shared fixtures: the built site, a local server like GitHub Pages, Chromium.

The constants and helpers bench/ needs too (Chromium and its flags, the school
slugs, axe) are in guide/testing.py; test files import them from there.
"""

from __future__ import annotations

import collections
import os
from pathlib import Path

import pytest

from guide.testing import launch_chromium

# `make test` runs pytest-xdist with --dist loadfile, which hands out whole
# files in collection order: the longest files go first, so that no worker is
# left running one of them alone while the other has finished.
LONGEST_FIRST = ("tests/browser/test_widgets.py", "tests/widgets/test_shared_assets.py", "tests/browser/")


# `make test` measures coverage, and under coverage's tracer (Python 3.11) all
# Python runs two to three times slower. These tests push big inputs through
# code the rest of the suite already covers (checked with --cov-context=test,
# and their processes measured alone: no line or branch only they reach), so
# they run untraced: pytest-cov's no_cover for the test itself, and no
# COVERAGE_PROCESS_CONFIG for the processes it starts. They still run and
# assert everything; only the coverage data leaves them out. A test added
# here must reach nothing the rest of the suite does not.
UNTRACED = (
    "tests/checker/test_batch.py::test_memory_is_flat_without_duplicate_tables",
    "tests/checker/test_batch.py::test_memory_grows_only_by_the_duplicate_tables",
    "tests/checker/test_batch_limits.py::test_pathological_files_stay_under_256_mb",
    "tests/checker/test_batch_limits.py::test_a_stray_quote_in_a_cell_does_not_make_a_big_file_one_row",
    "tests/checker/test_batch_limits.py::test_an_unclosed_quote_over_many_lines_is_a_too_big_row",
    "tests/checker/test_differential.py::test_curp_against_stdnum",
    "tests/checker/test_differential.py::test_nss_against_stdnum_luhn",
    "tests/checker/test_refresh_changes.py::test_an_official_import_that_looks_wrong_writes_nothing",
)


def pytest_collection_modifyitems(items):
    def rank(item):
        return next((i for i, start in enumerate(LONGEST_FIRST) if item.nodeid.startswith(start)), len(LONGEST_FIRST))

    items.sort(key=rank)  # stable: the order inside each file is kept
    untraced = collections.defaultdict(set)
    for name in UNTRACED:
        path, _, test = name.partition("::")
        untraced[path].add(test)
    checked = set()
    for item in items:
        path, _, test = item.nodeid.partition("::")
        if path in untraced:
            if path not in checked:  # once per file
                missing = [t for t in untraced[path] if not hasattr(item.module, t)]
                assert not missing, f"conftest.UNTRACED names tests that {path} no longer has: {missing}"
                checked.add(path)
            if test.partition("[")[0] in untraced[path]:
                item.add_marker(pytest.mark.no_cover)


@pytest.hookimpl(hookwrapper=True)
def pytest_pyfunc_call(pyfuncitem):
    """A no_cover test runs with no tracer at all. pytest-cov pauses only its own
    coverage, and an xdist worker has another running below it (the worker is
    a process started under coverage) that takes over on that pause: stop all."""
    if not pyfuncitem.get_closest_marker("no_cover"):
        yield
        return
    import coverage

    stopped = []
    while (cov := coverage.Coverage.current()) is not None:
        cov.stop()
        stopped.append(cov)
    try:
        yield
    finally:
        for cov in reversed(stopped):
            cov.start()


@pytest.fixture(autouse=True)
def _untraced_processes(request, monkeypatch):
    """A no_cover test's processes run untraced too (coverage's patch=subprocess reads this)."""
    if request.node.get_closest_marker("no_cover"):
        monkeypatch.delenv("COVERAGE_PROCESS_CONFIG", raising=False)


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
