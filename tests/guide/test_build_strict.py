"""Strict means strict: any MkDocs warning stops the build, naming the editor's file."""

from __future__ import annotations

from guide.testing import build_cli
from tests.guide.test_model import GOOD


def test_a_broken_link_in_a_school_page_fails_naming_file_and_line(tmp_path):
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    site, work = tmp_path / "site", tmp_path / "work"
    assert build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", work).returncode == 0
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    (schools / "prueba" / "extra.md").write_text("# Extra\n\nUn enlace [roto](no-existe.md).\n", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", work)
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
    assert "prueba/extra.md, línea 3: el enlace «no-existe.md» no lleva a ninguna página" in proc.stderr
    assert not (site / "prueba" / "extra").exists()
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_missing_anchor_is_a_warning_too(tmp_path):
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (schools / "prueba" / "extra.md").write_text("# Extra\n\nVe a [contacto](contacto.md#no-hay).\n", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "work")
    assert proc.returncode == 1
    assert "prueba/extra.md, línea 3: el enlace «contacto.md#no-hay» apunta a una sección «#no-hay»" in proc.stderr
