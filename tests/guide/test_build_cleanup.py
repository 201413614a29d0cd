"""The build refuses to ship a widget without data, deletes only what it made,
and turns any way a school file can stop into one line naming it."""

from __future__ import annotations

import pytest

from guide import build as build_module
from guide.schools import SchoolError, load
from guide.testing import build_cli
from tests.guide.test_model import GOOD, write_school


def test_missing_postal_data_stops_a_widget_build_saying_make_data(tmp_path, monkeypatch):
    from guide import shared_assets

    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(shared_assets, "POSTAL_DATA_DIR", tmp_path / "checker" / "data" / "postal")
    with pytest.raises(build_module.BuildError) as info:
        build_module.build(site=tmp_path / "site", work=tmp_path / "work", schools_dir=schools, widgets=True)
    message = str(info.value)
    assert "faltan los datos de códigos postales" in message and "make data" in message
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []


def test_site_x_never_deletes_an_unrelated_x_old(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (tmp_path / "X.old").mkdir()
    (tmp_path / "X.old" / "tesis.docx").write_text("importante", encoding="utf-8")
    for _ in range(2):  # a first build, then one that replaces it
        proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "X", "--work", tmp_path / "w")
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "X.old" / "tesis.docx").read_text(encoding="utf-8") == "importante"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["X", "X.old", "schools", "w"]


def test_work_folders_the_build_did_not_make_are_left_alone(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (tmp_path / "w" / "prueba").mkdir(parents=True)
    (tmp_path / "w" / "prueba" / "notas.txt").write_text("mías", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "w")
    assert proc.returncode == 1 and "no la generó esta herramienta; no la borro" in proc.stderr
    assert (tmp_path / "w" / "prueba" / "notas.txt").read_text(encoding="utf-8") == "mías"


@pytest.mark.parametrize(
    "code, says",
    [
        ("import sys\nsys.exit(3)\n", "prueba.py, línea 2: el archivo termina el programa (sys.exit(3))"),
        ("raise SystemExit\n", "prueba.py, línea 1: el archivo termina el programa (sys.exit(None))"),
        ("raise KeyboardInterrupt\n", "prueba.py, línea 1: el archivo lanzó KeyboardInterrupt"),
        ("raise GeneratorExit('a\\nb')\n", "prueba.py, línea 1: el archivo lanzó GeneratorExit: a b"),
        ("class E(BaseException):\n    pass\nraise E('x')\n", "prueba.py, línea 3: el archivo lanzó E: x"),
        ("raise ValueError('uno\\ndos')\n", "prueba.py, línea 1: ValueError: uno dos"),
    ],
)
def test_a_school_file_that_exits_or_raises_is_one_line(tmp_path, code, says):
    with pytest.raises(SchoolError) as info:
        load(write_school(tmp_path, code + GOOD))
    assert says in str(info.value) and "\n" not in str(info.value)


def test_cli_reports_sys_exit_in_a_school_as_one_line(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "prueba.py").write_text("import sys\nsys.exit(3)\n" + GOOD, encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "w")
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "prueba.py, línea 2: el archivo termina el programa" in proc.stderr
