"""`make serve` for editors: a save rebuilds what changed and the open page reloads."""

from __future__ import annotations

import contextlib
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from guide import build as builder
from guide import serve, watch
from tests.guide.test_model import GOOD


def test_which_schools_a_change_touches(tmp_path):
    schools = tmp_path / "schools"
    (schools / "a").mkdir(parents=True)
    for name in ("a.py", "b.py"):
        (schools / name).write_text("x", encoding="utf-8")
    (schools / "a" / "extra.md").write_text("x", encoding="utf-8")
    state = watch.snapshot([schools])
    assert watch.affected_schools({schools / "a.py"}, schools, state, state) == {"a"}
    assert watch.affected_schools({schools / "a" / "extra.md", schools / "b.py"}, schools, state, state) == {"a", "b"}
    assert watch.affected_schools({tmp_path / "docs" / "index.md"}, schools, state, state) is None
    new = {**state, str(schools / "c.py"): (1, 1)}
    assert watch.affected_schools({schools / "c.py"}, schools, state, new) is None  # the index lists schools
    assert watch.affected_schools({schools / "README.md"}, schools, state, state) is None


@contextlib.contextmanager
def live_site(tmp_path: Path):
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (schools / "prueba" / "extra.md").write_text("# Extra\n\nVersión uno.\n", encoding="utf-8")
    site, work = tmp_path / "site", tmp_path / "work"
    builder.build(site=site, work=work, schools_dir=schools, widgets=False)
    live, stop, said = watch.Live(), threading.Event(), []
    thread = threading.Thread(
        target=watch.watch,
        args=(live, site, work, schools, False),
        kwargs={"roots": [schools], "stop": stop, "say": said.append},
        daemon=True,
    )
    thread.start()
    try:
        with serve.running_server(site, handler=watch.handler_for(live)) as url:
            yield url, schools, site, live, said
    finally:
        stop.set()
        thread.join(timeout=120)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def text_of(page) -> str:
    try:  # the page may be mid-reload
        return page.inner_text("article", timeout=1000)
    except Exception:
        return ""


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def test_an_edit_rebuilds_only_that_school_and_reloads_the_page(tmp_path, browser):
    with live_site(tmp_path) as (url, schools, site, live, said):
        index_inode = (site / "index.html").stat().st_ino
        page = browser.new_page()
        page.goto(url + "prueba/extra/")
        assert "Versión uno." in page.inner_text("article")
        assert f'<script src="{watch.RELOAD_JS}" defer></script>' in get(url + "prueba/extra/")
        first_id = get(url + watch.BUILD_ID.lstrip("/"))

        (schools / "prueba" / "extra.md").write_text("# Extra\n\nVersión dos.\n", encoding="utf-8")
        wait_for(lambda: "Versión dos." in text_of(page))  # the page reloaded by itself
        assert get(url + watch.BUILD_ID.lstrip("/")) != first_id
        assert said[-1].startswith("Reconstruido: prueba (")
        assert (site / "index.html").stat().st_ino == index_inode  # the index was not rebuilt

        # A broken edit: one line in the terminal, the last good page stays, no reload.
        second_id = live.build_id
        (schools / "prueba" / "extra.md").write_text("# Extra\n\n[roto](no-existe.md)\n", encoding="utf-8")
        wait_for(lambda: said[-1].startswith("Error: "))
        assert "prueba/extra.md, línea 3: el enlace «no-existe.md»" in said[-1]
        assert live.build_id == second_id and "Versión dos." in get(url + "prueba/extra/")
        page.close()


def test_built_sites_never_carry_the_reload_script(built_site):
    for page in built_site.rglob("*.html"):
        assert "__guia__" not in page.read_text(encoding="utf-8"), page
    assert not list(built_site.rglob("live_reload.js"))


@pytest.mark.parametrize("path", ["__guia__/build-id", "__guia__/reload.js"])
def test_the_plain_server_has_no_reload_endpoints(tmp_path, path):
    (tmp_path / "index.html").write_text("<p>x</p>", encoding="utf-8")
    with serve.running_server(tmp_path) as url:
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(url + path)
        assert info.value.code == 404
