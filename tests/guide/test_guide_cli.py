"""`python -m guide` in-process: bad options and a broken school are one
Spanish line, a busy port suggests another, `check` names every school."""

from __future__ import annotations

import socket

import pytest

from guide.__main__ import main
from guide.testing import SCHOOL_SLUGS


@pytest.mark.parametrize(
    "argv, says",
    [
        (["build", "--jobs", "0"], "«0» debe ser un número entero mayor que 0"),
        (["build", "--jobs", "dos"], "«dos» debe ser un número entero mayor que 0"),
        (["serve", "--port", "70000"], "«70000» no es un puerto: usa un número del 1 al 65535"),
        (["serve", "--port", "http"], "«http» no es un puerto"),
    ],
)
def test_bad_options(capsys, argv, says):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert says in capsys.readouterr().err


def test_check_names_every_school(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{slug}: bien" for slug in SCHOOL_SLUGS]


def test_a_broken_school_stops_the_build_with_one_line(tmp_path, capsys):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "mi-escuela.py").write_text("SCHOOL = None\n", encoding="utf-8")
    site = tmp_path / "site"
    assert (
        main(
            ["build", "--sin-widgets", "--schools", str(schools), "--site", str(site), "--work", str(tmp_path / "work")]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err == f"Error: {schools / 'mi-escuela.py'}: SCHOOL: el archivo debe definir SCHOOL = School(...)\n"
    assert not site.exists()


def test_a_busy_port_suggests_the_next_one(capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--no-build", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"no pude abrir el puerto {port}" in err and f"PORT={port + 1} make serve" in err
