"""Each rule of guide.model.validate, one bad value at a time.

test_model.py proves the loader turns a ModelError into one line naming the
school's file; here the rules themselves are exercised on School objects, so
every check states which field it names and what it says.
"""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from guide import imss
from guide.model import END_STEP, QA, Deadline, Delivery, ModelError, Office, Phone, School, validate

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>'


def office(**changes) -> Office:
    base = Office(
        name="Control Escolar", email="escolares@prueba.edu.mx", phones=[Phone("(33) 3827 0613", extensions=["103"])]
    )
    return dataclasses.replace(base, **changes)


def school(**changes) -> School:
    fields = dict(
        name="Escuela de Prueba",
        short_name="Prueba",
        level="superior",
        state="Jalisco",
        logo_svg=LOGO,
        primary_color="#1a5c3a",
        accent_color="#c0392b",
        offices=[office()],
        steps=["obtener-nss", "entregar-nss"],
        reviewed=datetime.date(2026, 1, 15),
    )
    fields.update(changes)
    return School(**fields)


def error(**changes) -> ModelError:
    with pytest.raises(ModelError) as info:
        validate(school(**changes))
    assert str(info.value) == f"{info.value.field}: {info.value.message}"
    return info.value


def test_the_base_school_is_valid():
    s = validate(school())
    assert s.steps == ["obtener-nss", "entregar-nss", END_STEP]


def test_spaces_around_the_names_are_dropped():
    """A stray space typed around a name never reaches a page («UdG : cómo…»)."""
    s = validate(school(name="  Escuela de Prueba ", short_name="Prueba\t"))
    assert (s.name, s.short_name) == ("Escuela de Prueba", "Prueba")


def test_a_full_school_is_valid():
    """Every optional rule satisfied at once: nothing valid is refused."""
    validate(
        school(
            site_url="https://imss.prueba.edu.mx/guia/",
            steps=["obtener-nss", "entregar-nss", "carnet", END_STEP, "cambio-clinica"],
            optional_steps=["cambio-clinica"],
            carnet_documents=["Credencial de la escuela"],
            step_notes={"carnet": ["Trae tu credencial."]},
            nss_routes=["web", "subdelegacion"],
            vigencia_entry="escritorio_virtual",
            route_documents={"subdelegacion": ["curp", "identificacion_oficial"]},
            have_at_hand=["curp", "email"],
            message_actions={"inconsistencias": "Acude a tu subdelegación."},
            urgent_messages=["subdelegacion"],
            deadlines=[
                Deadline("Entrega tu acuse", "durante los 3 días posteriores a tu inscripción", step="entregar-nss")
            ],
            delivery=Delivery(
                office="Control Escolar",
                to="al responsable de la afiliación",
                purpose="para su proceso",
                confirm="Guarda tu copia.",
            ),
            contact_office="Control Escolar",
            faq=[QA("¿Cuánto cuesta?", "Nada.")],
        )
    )


@pytest.mark.parametrize(
    "changes, field, says",
    [
        ({"short_name": "  "}, "short_name", "falta el nombre"),
        ({"level": "licenciatura"}, "level", "«licenciatura» no es un nivel; usa uno de: media superior, superior"),
        ({"state": "Jal."}, "state", "«Jal.» no es una entidad federativa"),
        ({"state": ""}, "state", "no es una entidad federativa"),
        ({"site_url": "http://prueba.edu.mx/"}, "site_url", "http://prueba.edu.mx/"),
        ({"reviewed": datetime.date.today() + datetime.timedelta(days=1)}, "reviewed", "está en el futuro"),
    ],
)
def test_school_fields(changes, field, says):
    e = error(**changes)
    assert e.field == field and says in e.message


def test_an_example_school_may_leave_the_state_empty():
    assert validate(school(state="", example=True)).state == ""


def test_every_state_in_the_list_is_accepted():
    from guide.model import STATES

    assert len(STATES) == 32 and "Ciudad de México" in STATES and "Nacido en el extranjero" not in STATES
    for state in STATES:
        validate(school(state=state))


# ------------------------------------------------------------------- steps


@pytest.mark.parametrize(
    "changes, field, says",
    [
        ({"steps": []}, "steps", "antes de la página final"),
        (
            {"steps": ["obtener-nss", "pagar-cuota"]},
            "steps[1]",
            "no existe el paso «pagar-cuota»; los pasos son: obtener-nss",
        ),
        ({"steps": ["obtener-nss", "obtener-nss"]}, "steps", "un paso aparece dos veces"),
        ({"optional_steps": ["carnet"]}, "optional_steps[0]", "el paso «carnet» no está en steps"),
        ({"optional_steps": [END_STEP]}, "optional_steps[0]", f"el paso «{END_STEP}» no está en steps"),
        (
            {"steps": [END_STEP, "obtener-nss"], "optional_steps": ["obtener-nss"]},
            "steps",
            "al menos un paso antes de la página final",
        ),
        (
            {"steps": ["obtener-nss", "cambio-clinica", "entregar-nss"], "optional_steps": ["cambio-clinica"]},
            "steps",
            "los pasos opcionales van al final",
        ),
        ({"steps": ["obtener-nss", END_STEP, "entregar-nss"]}, "steps", "los pasos opcionales van al final"),
        ({"steps": ["obtener-nss", "carnet"]}, "carnet_documents", "el paso «carnet» necesita la lista de documentos"),
        (
            {"step_notes": {"carnet": ["Trae tu credencial."]}},
            "step_notes['carnet']",
            "el paso «carnet» no está en steps",
        ),
    ],
)
def test_step_rules(changes, field, says):
    e = error(**changes)
    assert e.field == field and says in e.message


def test_the_end_page_is_added_after_the_required_steps():
    s = school(steps=["obtener-nss", "cambio-clinica"], optional_steps=["cambio-clinica"])
    assert s.steps == ["obtener-nss", END_STEP, "cambio-clinica"]
    validate(s)


# --------------------------------------------------------------- IMSS keys


@pytest.mark.parametrize(
    "changes, field, says",
    [
        ({"nss_routes": ["web", "oficina"]}, "nss_routes[1]", "«oficina» no es una vía; usa: web, app, subdelegacion"),
        ({"nss_web_entry": ""}, "nss_web_entry", "«» no existe; usa: afiliatealimss"),
        ({"vigencia_entry": "imss.gob.mx"}, "vigencia_entry", "«imss.gob.mx» no existe"),
        ({"clinic_entry": "umf"}, "clinic_entry", "«umf» no existe"),
        ({"route_documents": {"correo": ["curp"]}}, "route_documents['correo']", "«correo» no es una vía"),
        (
            {"route_documents": {"subdelegacion": ["curp", "pasaporte"]}},
            "route_documents['subdelegacion'][1]",
            "«pasaporte» no es un documento conocido; usa: curp",
        ),
        ({"have_at_hand": ["curp", "rfc"]}, "have_at_hand[1]", "«rfc» no es un documento conocido"),
        (
            {"message_actions": {"rechazado": "Llama."}},
            "message_actions['rechazado']",
            "no es un mensaje conocido del IMSS",
        ),
        ({"urgent_messages": ["error"]}, "urgent_messages[0]", "«error» no es un mensaje conocido del IMSS"),
    ],
)
def test_imss_keys_must_exist(changes, field, says):
    e = error(**changes)
    assert e.field == field and says in e.message


def test_every_imss_key_is_accepted():
    validate(
        school(
            nss_routes=list(imss.ROUTES),
            route_documents={r: list(imss.DOCUMENTS) for r in imss.ROUTES},
            message_actions={m: "Llama a Control Escolar." for m in imss.MESSAGES},
            urgent_messages=list(imss.MESSAGES),
        )
    )
    for entry in imss.WEB_ENTRIES:
        validate(school(nss_web_entry=entry, vigencia_entry=entry, clinic_entry=entry))


# ----------------------------------------------------- deadlines, delivery


@pytest.mark.parametrize(
    "deadline, field, says",
    [
        (Deadline("entrega tu acuse", "en 3 días"), "deadlines[0].action", "debe empezar con mayúscula"),
        (Deadline("Entrega tu acuse.", "en 3 días"), "deadlines[0].action", "no terminar en «.»"),
        (Deadline(" ", "en 3 días"), "deadlines[0].action", "debe empezar con mayúscula"),
        (Deadline("Entrega tu acuse", "En 3 días"), "deadlines[0].when", "debe empezar con minúscula"),
        (Deadline("Entrega tu acuse", "en 3 días."), "deadlines[0].when", "no terminar en «.»"),
        (Deadline("Entrega tu acuse", ""), "deadlines[0].when", "debe empezar con minúscula"),
        (
            Deadline("Entrega tu acuse", "en 3 días", step="carnet"),
            "deadlines[0].step",
            "el paso «carnet» no está en steps",
        ),
    ],
)
def test_deadlines_read_as_one_sentence(deadline, field, says):
    e = error(deadlines=[deadline])
    assert e.field == field and says in e.message


@pytest.mark.parametrize(
    "part, value, says",
    [
        ("what", "El acuse", "va en minúscula y sin punto"),
        ("what", "el acuse.", "va en minúscula y sin punto"),
        ("what", " ", "va en minúscula"),
        ("to", "con el responsable", "debe empezar con «a », «al » o «en »"),
        ("to", "al responsable.", "no lleva punto al final"),
        ("purpose", "por su proceso", "debe empezar con «para »"),
        ("purpose", "para su proceso;", "no lleva punto al final"),
        ("confirm", "guarda tu copia.", "debe ser una oración completa"),
        ("confirm", "Guarda tu copia", "debe ser una oración completa"),
    ],
)
def test_delivery_reads_as_one_sentence(part, value, says):
    e = error(delivery=Delivery(office="Control Escolar", **{part: value}))
    assert e.field == f"delivery.{part}" and says in e.message


def test_delivery_goes_to_a_known_office():
    e = error(delivery=Delivery(office="Rectoría"))
    assert e.field == "delivery" and "la oficina «Rectoría» no está en offices (Control Escolar)" in e.message


def test_contact_office_must_be_one_of_the_offices():
    e = error(contact_office="Rectoría")
    assert e.field == "contact_office" and "«Rectoría» no está en offices" in e.message


# ----------------------------------------------------------------- offices


@pytest.mark.parametrize(
    "bad, field, says",
    [
        (office(name=" "), "offices[0].name", "la oficina necesita un nombre"),
        (office(email="escolares@prueba"), "offices[0].email", "no tiene la forma nombre@dominio.mx"),
        (office(web="prueba.edu.mx"), "offices[0].web", "prueba.edu.mx"),
        (office(phones=[Phone("33 3827 0613 ext. 5")]), "offices[0].phones[0].number", "no es un teléfono de México"),
        (
            office(email="", phones=[], address=""),
            "offices[0]",
            "la oficina «Control Escolar» necesita al menos un teléfono, correo o dirección",
        ),
    ],
)
def test_office_rules(bad, field, says):
    e = error(offices=[bad])
    assert e.field == field and says in e.message


def test_an_office_reached_only_in_person_is_enough():
    validate(school(offices=[office(email="", phones=[], address="Av. Juárez 976, Guadalajara")]))


def test_an_example_office_may_have_no_contact_yet():
    validate(school(example=True, offices=[office(email="", phones=[])]))


def test_phone_with_country_code():
    assert Phone("+52 951 123 4567").digits == "9511234567"
    assert Phone("+52 951 123 4567").display == "951 123 4567"
    validate(school(offices=[office(phones=[Phone("+52 951 123 4567")])]))


# -------------------------------------------------------------------- logo


@pytest.mark.parametrize(
    "logo, says",
    [
        ('<html xmlns="http://www.w3.org/1999/xhtml"></html>', "debe ser un SVG completo"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "no puede tener <foreignObject>"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:url(https://x.mx/a.svg#g)}</style></svg>',
            "no puede cargar nada de otros sitios",
        ),
        (
            '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url(//x.mx/a#g)"/></svg>',
            "no puede cargar nada de otros sitios",
        ),
    ],
)
def test_logo_rules(logo, says):
    e = error(logo_svg=logo)
    assert e.field == "logo_svg" and says in e.message


def test_logo_may_reference_its_own_parts():
    validate(
        school(
            logo_svg='<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<defs><linearGradient id="g"/></defs><rect style="fill:url(#g)"/>'
            '<use xlink:href="#g"/></svg>'
        )
    )


# ------------------------------------------------------------------- types


@pytest.mark.parametrize(
    "changes, field, says",
    [
        ({"steps": "obtener-nss"}, "steps", "debe ser una lista [...], no un texto"),
        ({"step_notes": ["carnet"]}, "step_notes", "debe ser un diccionario {...}, no una lista"),
        ({"step_notes": {"obtener-nss": "Trae tu CURP."}}, "step_notes['obtener-nss']", "debe ser una lista"),
        (
            {"reviewed": datetime.datetime(2026, 1, 15, 9, 0)},
            "reviewed",
            "debe ser una fecha datetime.date(AAAA, M, D)",
        ),
        ({"reviewed": "2026-01-15"}, "reviewed", "debe ser una fecha datetime.date(AAAA, M, D), no un texto"),
        ({"example": 1}, "example", "debe ser True o False, no un número"),
        ({"name": None}, "name", "debe ser un texto entre comillas, no None"),
        ({"delivery": "Control Escolar"}, "delivery", "no un texto"),
        ({"offices": [office(phones=[Phone(3338270613)])]}, "offices[0].phones[0].number", "debe ser un texto"),
        ({"faq": [QA("¿Cuánto cuesta?", 0.0)]}, "faq[0].answer", "debe ser un texto entre comillas, no float"),
    ],
)
def test_types_name_the_field_and_what_was_given(changes, field, says):
    e = error(**changes)
    assert e.field == field and says in e.message
