"""guide.schools.load on files that are not a good model: one line naming
the file (and the line when the file itself failed), never a traceback."""

from __future__ import annotations

import pytest

from guide.schools import SchoolError, load, load_all
from tests.guide.test_model import GOOD


def error_of(path) -> str:
    with pytest.raises(SchoolError) as info:
        load(path)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def write(tmp_path, source, name="prueba.py"):
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["Mi_Escuela.py", "mi--escuela.py", "escuela nueva.py"])
def test_the_file_name_is_the_slug(tmp_path, name):
    assert "el nombre del archivo debe ser el slug en minúsculas con guiones" in error_of(write(tmp_path, GOOD, name))


def test_a_reserved_name_is_refused(tmp_path):
    assert "«assets» ya es una página del índice" in error_of(write(tmp_path, GOOD, "assets.py"))


def test_a_model_error_raised_by_the_file_names_the_field(tmp_path):
    source = 'from guide.model import ModelError\nraise ModelError("offices[0].email", "no es un correo")\n'
    assert error_of(write(tmp_path, source)).endswith("prueba.py: offices[0].email: no es un correo")


def test_sys_exit_in_the_file_is_named_with_its_line(tmp_path):
    message = error_of(write(tmp_path, "import sys\n\nsys.exit(3)\n"))
    assert message.endswith(
        "prueba.py, línea 3: el archivo termina el programa (sys.exit(3)); "
        "quítalo: un modelo solo define SCHOOL = School(...)"
    )


def test_an_interrupt_raised_by_the_file_is_named(tmp_path):
    message = error_of(write(tmp_path, "raise KeyboardInterrupt('basta')\n"))
    assert message.endswith(
        "prueba.py, línea 1: el archivo lanzó KeyboardInterrupt: basta; un modelo solo define SCHOOL = School(...)"
    )


def test_a_missing_required_field_is_named(tmp_path):
    source = GOOD.replace('    level="superior",\n', "")
    assert source != GOOD
    assert error_of(write(tmp_path, source)).endswith("level: falta en School(...) y es obligatorio")


def test_a_value_whose_own_methods_fail_is_one_line(tmp_path):
    source = GOOD + (
        "\nclass Odd(str):\n"
        "    def strip(self, *a):\n"
        "        raise RuntimeError('no sé recortarme')\n"
        "\nSCHOOL.name = Odd('Escuela')\n"
    )
    assert error_of(write(tmp_path, source)).endswith("prueba.py: SCHOOL: RuntimeError: no sé recortarme")


def test_an_empty_schools_folder_says_so(tmp_path):
    with pytest.raises(SchoolError) as info:
        load_all(tmp_path)
    assert str(info.value) == f"{tmp_path}: no hay ninguna escuela (schools/<slug>.py)"
