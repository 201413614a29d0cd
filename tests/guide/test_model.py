"""School models: a good one loads; each kind of mistake is one actionable line."""

from __future__ import annotations

import textwrap

import pytest

from guide.schools import SchoolError, load
from guide.testing import build_cli

GOOD = textwrap.dedent('''\
    import datetime
    from guide.model import School, Office, Phone

    SCHOOL = School(
        name="Escuela de Prueba",
        short_name="Prueba",
        level="superior",
        state="Jalisco",
        logo_svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
        primary_color="#1a5c3a",
        accent_color="#c0392b",
        offices=[Office(name="Servicios Escolares", email="escolares@prueba.edu.mx",
                        phones=[Phone("(33) 3827 0613", extensions=["103"])])],
        steps=["obtener-nss", "entregar-nss"],
        reviewed=datetime.date(2026, 1, 15),
    )
''')


def write_school(tmp_path, source: str, slug: str = "prueba"):
    path = tmp_path / f"{slug}.py"
    path.write_text(source, encoding="utf-8")
    return path


def error_of(tmp_path, source: str) -> str:
    with pytest.raises(SchoolError) as info:
        load(write_school(tmp_path, source))
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_good_model_loads(tmp_path):
    school = load(write_school(tmp_path, GOOD))
    assert school.slug == "prueba"
    assert school.offices[0].phones[0].tel == "tel:+523338270613"
    assert school.offices[0].phones[0].display == "33 3827 0613"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('primary_color="#1a5c3a"', 'primary_color="verde"', "primary_color: «verde» no es un color"),
        ('accent_color="#c0392b"', 'accent_color="#c0392"', "accent_color: «#c0392» no es un color"),
        (
            'email="escolares@prueba.edu.mx"',
            'email="escolares.prueba.edu.mx"',
            "offices[0].email: «escolares.prueba.edu.mx» no es un correo válido: le falta la @",
        ),
        (
            'Phone("(33) 3827 0613"',
            'Phone("3827 0613"',
            "offices[0].phones[0].number: «3827 0613» no es un teléfono de México",
        ),
        ('Phone("(33) 3827 0613"', 'Phone("+1 415 555 0100 99"', "offices[0].phones[0].number"),
        (
            'extensions=["103"]',
            'extensions=["ext 103"]',
            "offices[0].phones[0].extensions: «ext 103» no es una extensión",
        ),
        (
            'steps=["obtener-nss", "entregar-nss"]',
            'steps=["obtener-nss", "pagar-cuota"]',
            "steps[1]: no existe el paso «pagar-cuota»",
        ),
        ('level="superior"', 'level="universidad"', "level: «universidad» no es un nivel"),
        ('state="Jalisco"', 'state="Jal."', "state: «Jal.» no es una entidad federativa"),
        ('logo_svg=\'<svg', 'logo_svg=\'<img', "logo_svg: el logo no es un SVG válido"),
        ('reviewed=datetime.date(2026, 1, 15)', 'reviewed="2026-01-15"', "reviewed: debe ser una fecha"),
    ],
)
def test_each_mistake_names_file_and_field(tmp_path, old, new, expected):
    assert old in GOOD
    message = error_of(tmp_path, GOOD.replace(old, new))
    assert message.startswith("prueba.py") or "prueba.py" in message.split(":")[0]
    assert expected in message


def test_missing_office(tmp_path):
    source = GOOD.replace(
        'offices=[Office(name="Servicios Escolares", email="escolares@prueba.edu.mx",\n'
        '                    phones=[Phone("(33) 3827 0613", extensions=["103"])])],',
        "offices=[],",
    )
    assert "offices: falta al menos una oficina" in error_of(tmp_path, source)


def test_missing_required_field(tmp_path):
    source = GOOD.replace('    short_name="Prueba",\n', "")
    assert "short_name: falta en School(...) y es obligatorio" in error_of(tmp_path, source)


def test_misspelt_field_names_the_line(tmp_path):
    source = GOOD.replace('primary_color="#1a5c3a"', 'primary_colour="#1a5c3a"')
    message = error_of(tmp_path, source)
    assert "línea" in message and "primary_colour" in message


def test_python_typo_is_one_line_with_line_number(tmp_path):
    message = error_of(tmp_path, GOOD.replace("Office(name=", "Ofice(name="))
    assert "línea 12" in message and "Ofice" in message


def test_cli_reports_one_line_and_exit_1(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    write_school(schools, GOOD.replace('email="escolares@prueba.edu.mx"', 'email="sin-arroba"'))
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "work")
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "prueba.py: offices[0].email: «sin-arroba» no es un correo válido" in lines[0]
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "logo, expected",
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "no puede tener <script>"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.com/a.png"/></svg>',
            "no puede tener <image>",
        ),
        (
            "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'><use xlink:href='//x.io/a#b'/></svg>",
            "no puede enlazar",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect onclick="x()"/></svg>', "atributo onclick"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(https://x.io/p)"/></svg>', "otros sitios"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', "no es un SVG válido"),
    ],
)
def test_logo_must_be_self_contained(tmp_path, logo, expected):
    source = GOOD.replace(
        """logo_svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'""",
        f"logo_svg={logo!r}",
    )
    assert source != GOOD
    message = error_of(tmp_path, source)
    assert "logo_svg" in message and expected in message


def test_empty_name(tmp_path):
    assert "name: falta el nombre" in error_of(tmp_path, GOOD.replace('name="Escuela de Prueba"', 'name="  "'))
