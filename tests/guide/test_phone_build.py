"""The public address is one setting (GUIA_URL): manifest scope, poster, printed
pages and canonical links follow it; the calendar reads the schools' deadlines."""

from __future__ import annotations

import re
import shutil

import pytest

from guide import calendar, pwa


def test_guia_url_defaults_to_the_local_server_and_gets_a_trailing_slash(monkeypatch):
    monkeypatch.delenv("GUIA_URL", raising=False)
    assert pwa.guia_url() == "http://127.0.0.1:8000/"
    monkeypatch.setenv("GUIA_URL", "https://escuelas.github.io/guia-nss")
    assert pwa.school_url("udg-cucs") == "https://escuelas.github.io/guia-nss/udg-cucs/"
    monkeypatch.setenv("GUIA_URL", "  ")
    assert pwa.guia_url() == "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A pages-only build as the Pages workflow makes it, with its public address
    (of the one school the test reads)."""
    from guide.build import build
    from guide.schools import SCHOOLS_DIR

    schools = tmp_path_factory.mktemp("pubschools")
    shutil.copy(SCHOOLS_DIR / "oaxaca-ems.py", schools)
    mp = pytest.MonkeyPatch()
    mp.setenv("GUIA_URL", "https://escuelas.github.io/guia-nss")
    try:
        site = tmp_path_factory.mktemp("pub") / "site"
        build(site=site, work=tmp_path_factory.mktemp("pubwork"), schools_dir=schools, widgets=False)
    finally:
        mp.undo()
    return site


def test_one_setting_reaches_canonical_links_poster_and_printed_pages(published):
    url = "https://escuelas.github.io/guia-nss/oaxaca-ems/"
    home = (published / "oaxaca-ems" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}">' in home
    step = (published / "oaxaca-ems" / "pasos" / "entregar-nss" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{url}pasos/entregar-nss/">' in step
    header = re.search(r'<p class="guia-print-only guia-print-header">([^<]*)</p>', step).group(1)
    assert url in header and "Guía revisada el" in header
    poster = (published / "oaxaca-ems" / "cartel" / "index.html").read_text(encoding="utf-8")
    assert f'<strong class="guia-cartel__url">{url}</strong>' in poster
    assert '<svg viewBox="0 0 ' in poster and "guia-cartel__qr" in poster
    assert "127.0.0.1" not in home + step + poster
    sheet = (published / "oaxaca-ems" / "mi-hoja" / "index.html").read_text(encoding="utf-8")
    assert url in sheet


def test_printed_pages_are_not_in_search_or_the_offline_copy(built_site):
    import json

    docs = json.loads((built_site / "oaxaca-ems" / "search.json").read_text(encoding="utf-8"))
    assert not any(d["u"].startswith(("cartel", "mi-hoja")) for d in docs)
    lists = json.loads(
        re.search(r"const SCHOOLS = (\{.*?\});", (built_site / "sw.js").read_text(encoding="utf-8")).group(1)
    )
    assert "oaxaca-ems/contacto/" in lists["oaxaca-ems"]
    assert not any("cartel" in f or "mi-hoja" in f or "_shared" in f for f in lists["oaxaca-ems"])
    assert all((built_site / f).exists() for files in lists.values() for f in files)
    assert set(lists) == {p.parent.name for p in built_site.glob("*/manifest.webmanifest")}


def test_relative_deadlines_become_calendar_entries_and_vague_ones_do_not():
    from guide.schools import load_all

    schools = {s.slug: s for s in load_all()}
    contact = {
        "name": "Control Escolar",
        "phones": [{"display": "951 123 4567", "extensions": []}],
        "email": "ce@example.mx",
    }
    oaxaca = calendar.entries(schools["oaxaca-ems"], contact)
    (entry,) = oaxaca["entregar-nss"]
    assert entry["days"] == 3 and "inscripción" in entry["event"]
    assert entry["description"].endswith("Contacto: Control Escolar, 951 123 4567, ce@example.mx.")
    udg = calendar.entries(schools["udg-cucs"], contact)["verificar-vigencia"]
    assert [e["days"] for e in udg] == [28]  # «aproximadamente 1 mes» is not a reminder
    assert calendar.relative("1 día después de entregar tu NSS") == (1, "entregar tu NSS")
    assert calendar.relative("desde el primer semestre") is None
