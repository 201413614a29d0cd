"""Content fields that must render as grammatical Spanish: a mistake fails the
build naming file and field, as every model error does."""

from __future__ import annotations

import pytest
from test_model import GOOD, error_of, write_school  # the same good school and error helper

from guide.model import END_STEP
from guide.schools import load

DEADLINE = 'Deadline(action="Entrega tu acuse a Servicios Escolares", when="durante los 3 días posteriores a tu inscripción", step="entregar-nss")'
DELIVERY = 'Delivery(office="Servicios Escolares", what="el acuse impreso con tu NSS", to="a Servicios Escolares", purpose="para tu alta")'


def school(**fields) -> str:
    source = GOOD.replace(
        "from guide.model import School, Office, Phone",
        "from guide.model import School, Office, Phone, Deadline, Delivery",
    )
    extra = "".join(f"    {k}={v},\n" for k, v in fields.items())
    return source.replace("    reviewed=", extra + "    reviewed=")


def test_good_deadline_delivery_and_end_page(tmp_path):
    loaded = load(write_school(tmp_path, school(deadlines=f"[{DEADLINE}]", delivery=DELIVERY)))
    assert loaded.steps == ["obtener-nss", "entregar-nss", END_STEP]
    assert loaded.deadlines[0].action.endswith("Escolares")


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'action="Entrega tu acuse a Servicios Escolares"',
            'action="Entrega tu acuse:"',
            "deadlines[0].action: «Entrega tu acuse:»",
        ),
        ('action="Entrega tu acuse a Servicios Escolares"', 'action="entrega tu acuse"', "deadlines[0].action"),
        (
            'when="durante los 3 días posteriores a tu inscripción"',
            'when="Desde el primer semestre."',
            "deadlines[0].when: «Desde el primer semestre.»",
        ),
        ('step="entregar-nss"', 'step="carnet"', "deadlines[0].step: el paso «carnet» no está en steps"),
    ],
)
def test_a_deadline_must_read_as_one_sentence(tmp_path, old, new, expected):
    message = error_of(tmp_path, school(deadlines=f"[{DEADLINE.replace(old, new)}]"))
    assert "prueba.py" in message and expected in message, message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'to="a Servicios Escolares"',
            'to="como te lo pida tu institución"',
            "delivery.to: «como te lo pida tu institución» debe empezar con «a », «al » o «en »",
        ),
        ('purpose="para tu alta"', 'purpose="tu alta."', "delivery.purpose"),
        ('what="el acuse impreso con tu NSS"', 'what="El acuse."', "delivery.what"),
        ('office="Servicios Escolares"', 'office="Rectoría"', "delivery: la oficina «Rectoría» no está en offices"),
    ],
)
def test_a_delivery_must_read_as_one_sentence(tmp_path, old, new, expected):
    message = error_of(tmp_path, school(delivery=DELIVERY.replace(old, new)))
    assert expected in message, message


def test_optional_steps_come_after_the_end_page(tmp_path):
    ok = load(write_school(tmp_path, school(optional_steps='["entregar-nss"]')))
    assert ok.steps == ["obtener-nss", END_STEP, "entregar-nss"]
    message = error_of(
        tmp_path,
        GOOD.replace(
            'steps=["obtener-nss", "entregar-nss"]',
            'steps=["obtener-nss", "entregar-nss"], optional_steps=["obtener-nss"]',
        ),
    )
    assert "steps: los pasos opcionales van al final" in message
    message = error_of(tmp_path, school(optional_steps='["alta-clinica"]'))
    assert "optional_steps[0]: el paso «alta-clinica» no está en steps" in message


def test_the_end_page_cannot_come_first(tmp_path):
    message = error_of(
        tmp_path, GOOD.replace('steps=["obtener-nss", "entregar-nss"]', f'steps=["{END_STEP}", "obtener-nss"]')
    )
    assert "steps: la guía necesita al menos un paso antes de la página final" in message


def test_a_carnet_step_needs_its_documents(tmp_path):
    message = error_of(tmp_path, GOOD.replace('"entregar-nss"]', '"carnet"]'))
    assert "carnet_documents:" in message


def test_only_an_example_school_may_leave_state_and_office_contacts_empty(tmp_path):
    bare = GOOD.replace('state="Jalisco"', 'state=""').replace(
        'offices=[Office(name="Servicios Escolares", email="escolares@prueba.edu.mx",\n'
        '                    phones=[Phone("(33) 3827 0613", extensions=["103"])])],',
        'offices=[Office(name="Servicios Escolares")],',
    )
    assert "state: «» no es una entidad federativa" in error_of(tmp_path, bare)
    example = load(write_school(tmp_path, bare.replace('level="superior",', 'level="superior", example=True,')))
    assert example.state == "" and not example.offices[0].email
