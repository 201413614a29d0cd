"""`python -m checker` in-process (main(argv, out, err)): every usage mistake
is one Spanish line plus the hint, exit status 2, never a traceback.
test_cli.py runs the command as a process; these call main() directly so the
error paths are quick to cover. (CPython only: __main__ is not shipped.)"""

from __future__ import annotations

import io
import pickle

import pytest

from checker import InvalidInput
from checker.__main__ import main

HINT = "Escribe «python -m checker --ayuda» para ver cómo usarlo."


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "argv, says",
    [
        (["nss", "--curp"], "Falta el valor después de --curp."),
        (["nss", "28138801999", "--rapido"], "No conozco la opción --rapido."),
        (["curp", "HEGG560427MVZRRL04", "--curp", "HEGG560427MVZRRL04"], "La opción --curp sólo sirve con nss."),
        (["cp"], "Falta el valor que quieres revisar: python -m checker cp VALOR"),
        (["lista.csv", "otra.csv"], "Da un solo archivo (CSV o Excel) para revisar."),
        (["lista.csv", "--rapido"], "No conozco la opción --rapido."),
    ],
)
def test_usage_mistakes(argv, says):
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert err == f"{says}\n{HINT}\n"


def test_no_arguments_prints_the_help_to_stderr():
    status, out, err = run()
    assert status == 2 and out == "" and "python -m checker" in err


@pytest.mark.parametrize("flag", ["--ayuda", "-h", "ayuda"])
def test_help(flag):
    status, out, err = run(flag)
    assert status == 0 and err == "" and "Resultado (código de salida)" in out


def test_values_with_options_in_both_spellings():
    assert run("nss", "28138801999", "--curp=HEGG560427MVZRRL04")[0] == 0
    status, out, _ = run("NSS", "28138801999", "--curp", "HEGG560427MVZRRL04")
    assert status == 0 and out.startswith("Tu NSS es válido")


def test_an_invalid_value_exits_1():
    status, out, err = run("curp", "HEGG560427MVZRRL0")
    assert status == 1 and err == "" and out.strip()


def test_a_folder_is_not_a_file(tmp_path):
    status, out, err = run(str(tmp_path))
    assert status == 2 and err == f"«{tmp_path}» es una carpeta, no un archivo.\n"


def test_a_missing_file_says_where_to_look(tmp_path):
    missing = tmp_path / "alumnos.csv"
    status, out, err = run(str(missing))
    assert status == 2 and err.startswith(f"No encontré el archivo «{missing}». Revisa el nombre y la carpeta")


def test_a_file_named_like_a_kind_is_checked_as_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cp").write_text("curp\nHEGG560427MVZRRL04\n", encoding="utf-8")
    status, out, err = run("cp")
    assert status == 0 and err == "" and "HEGG560427MVZRRL04" not in err


def test_a_stream_without_reconfigure_is_used_as_it_is():
    class Plain:
        def __init__(self):
            self.parts = []

        def write(self, s):
            self.parts.append(s)

    out, err = Plain(), Plain()
    assert main(["nss", "28138801999"], out, err) == 0
    assert "".join(out.parts).strip() and not err.parts


def test_invalid_input_repr_and_pickle():
    e = InvalidInput("nss.length", "Faltan dígitos.", 3)
    assert repr(e) == "InvalidInput(code='nss.length', message='Faltan dígitos.', position=3)"
    again = pickle.loads(pickle.dumps(e))
    assert (again.code, again.message, again.position, str(again)) == (
        "nss.length",
        "Faltan dígitos.",
        3,
        "Faltan dígitos.",
    )
