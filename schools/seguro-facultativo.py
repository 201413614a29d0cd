"""Escuela de ejemplo: procedimiento del seguro facultativo de un Departamento de Servicios Escolares.

La guía real (shared/seeds/003) no dice el nombre de la escuela ni su estado;
por eso el nombre es de ejemplo, no hay estado y las oficinas son las que la
guía nombra, sin teléfonos inventados. Termina en «pasa 1 día después a
confirmar»: la vigencia y el alta en clínica son los pasos generales del IMSS.
"""

import datetime

from guide import imss
from guide.model import QA, Deadline, Delivery, Office, School

ESCOLARES = "Departamento de Servicios Escolares"
CONTROL = "Oficina de Control Escolar"
DUDAS = "Cualquier duda, pasa al Depto. de Servicios Escolares o a la Oficina de Control Escolar."

SCHOOL = School(
    name="Escuela de nivel superior (ejemplo de seguro facultativo)",
    short_name="Seguro facultativo (ejemplo)",
    level="superior",
    state="",
    example=True,
    logo_svg=(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Seguro facultativo (ejemplo)">'
        '<rect width="48" height="48" rx="10" fill="#2d5a27"/>'
        '<path d="M32 15c-3-4-16-4-16 3s16 5 16 12-13 7-16 3" fill="none" stroke="#fff" '
        'stroke-width="4.5" stroke-linecap="round"/></svg>'
    ),
    primary_color="#2d5a27",
    accent_color="#8c4a12",
    intro=(
        "El seguro facultativo es el seguro de salud para estudiantes del IMSS. Para darte de alta, "
        "tu escuela necesita tu Número de Seguridad Social (NSS)."
    ),
    offices=[
        Office(
            name=ESCOLARES,
            role="Recibe tu NSS impreso y realiza tu alta del seguro facultativo. Resuelve cualquier duda.",
        ),
        Office(
            name=CONTROL,
            role="También resuelve cualquier duda.",
        ),
    ],
    contact_office=ESCOLARES,
    steps=["obtener-nss", "entregar-nss", "verificar-vigencia", "alta-clinica"],
    have_at_hand=["curp", "email"],
    nss_routes=["web"],
    nss_web_entry="tramite_imss02008",
    # A waiting time with its action: a date box on the step and a calendar reminder.
    deadlines=[
        Deadline(
            action="Pasa al Depto. de Servicios Escolares para confirmar que ya está realizado tu trámite de alta del seguro facultativo",
            when="1 día después de entregar tu NSS",
            step="entregar-nss",
        ),
    ],
    delivery=Delivery(
        office=ESCOLARES,
        what="tu Número de Seguridad Social (NSS) impreso",
        to="al Depto. de Servicios Escolares",
        purpose="para que realicen tu alta del seguro facultativo",
    ),
    message_actions={
        "subdelegacion": imss.MESSAGE_ACTIONS["subdelegacion"] + " " + DUDAS,
        "inconsistencias": imss.MESSAGE_ACTIONS["inconsistencias"] + " " + DUDAS,
        "sin_derecho": (
            "Todavía no estás dado de alta en el seguro facultativo. Pasa al Depto. de Servicios Escolares."
        ),
    },
    insured_elsewhere=(
        "Si ya fuiste trabajador de una empresa, o trabajas, y te asignaron un número del IMSS, ya no "
        "necesitas hacer el trámite del NSS. Pasa al Depto. de Servicios Escolares a dejar tu número "
        "del IMSS para que realicen tu trámite."
    ),
    coverage=("Una vez que tramitas el seguro facultativo, tiene vigencia hasta que finalices tu carrera."),
    keep=[
        "Tu Número de Seguridad Social (NSS) impreso. Consérvalo: es tu número para cualquier trámite "
        "de la escuela (viajes de estudios, estancias y estadías) o en un trabajo.",
        "Tu constancia de vigencia de derechos.",
        "Los documentos PDF de tu alta en la clínica (UMF).",
    ],
    step_notes={
        "entregar-nss": [
            "Tu número es único: consérvalo. Es tu número para cualquier trámite de la escuela "
            "(viajes de estudios, estancias y estadías) o en un trabajo.",
            "Cualquier duda, pasa al Depto. de Servicios Escolares o a la Oficina de Control Escolar.",
        ],
    },
    faq=[
        QA(
            question="¿Para qué más me sirve mi NSS?",
            answer="Es tu número para cualquier trámite de la escuela (viajes de estudios, estancias y estadías) o en un trabajo. Consérvalo.",
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
