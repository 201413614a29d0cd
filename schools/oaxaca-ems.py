"""Escuelas de Educación Media Superior de Oaxaca (planteles y Centros de Educación Abierta).

Fuente: «Guía para obtener el Número de Seguridad Social para el proceso de
afiliación al IMSS», Gobierno del Estado de Oaxaca (shared/seeds/000).
"""

import datetime

from guide import imss
from guide.model import QA, Deadline, Delivery, Office, School

AFILIACION = "Control Escolar de tu plantel o Centro de Educación Abierta"

SCHOOL = School(
    name="Educación Media Superior de Oaxaca",
    short_name="EMS Oaxaca",
    level="media superior",
    state="Oaxaca",
    city="",
    logo_svg=(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="EMS Oaxaca">'
        '<rect width="48" height="48" rx="10" fill="#8a1538"/>'
        '<circle cx="24" cy="24" r="11" fill="none" stroke="#fff" stroke-width="5"/>'
        '<circle cx="24" cy="24" r="3" fill="#d9b77e"/></svg>'
    ),
    primary_color="#8a1538",
    accent_color="#9c6b2f",
    intro=(
        "El seguro de salud para estudiantes del IMSS es un derecho que tienes desde que te inscribes "
        "en tu plantel o Centro de Educación Abierta. Para darte de alta, tu escuela necesita tu "
        "Número de Seguridad Social (NSS)."
    ),
    offices=[
        Office(
            name=AFILIACION,
            role="Responsable de la afiliación al IMSS: recibe tu acuse, reporta problemas al IMSS y te da el formato de renuncia.",
            address="En tu plantel o Centro de Educación Abierta",
        ),
    ],
    contact_office=AFILIACION,
    steps=["obtener-nss", "entregar-nss", "alta-clinica", "verificar-vigencia"],
    have_at_hand=["curp", "email", "domicilio_cp"],
    nss_routes=["web"],
    nss_web_entry="escritorio_virtual",
    vigencia_entry="escritorio_virtual",
    clinic_entry="escritorio_virtual",
    deadlines=[
        Deadline(
            action="Entrega el acuse con tu NSS a Control Escolar",
            when="durante los 3 días posteriores a tu inscripción",
            step="entregar-nss",
        ),
    ],
    message_actions={
        "subdelegacion": (
            "**No acudas a la Subdelegación del IMSS.** Reporta tus datos con el o la responsable de "
            "afiliación de Control Escolar de tu plantel o Centro. Esa persona solicita tu número en la "
            "Subdelegación del IMSS por ti."
        ),
        # The source names only «Acudir a la Subdelegación»; this message also
        # sends you to the subdelegación, so the same rule applies.
        "inconsistencias": (
            "Este mensaje también te manda a la Subdelegación. **No acudas.** Reporta tus datos con "
            "el o la responsable de afiliación de Control Escolar de tu plantel o Centro."
        ),
        "sin_derecho": (
            "Repórtalo al responsable de afiliación de Control Escolar de tu plantel o Centro, "
            "para que realice tu proceso de afiliación."
        ),
    },
    urgent_messages=["subdelegacion", "inconsistencias"],
    delivery=Delivery(
        office=AFILIACION,
        what="el acuse impreso con tu Número de Seguridad Social (NSS)",
        to="al responsable de la afiliación de Control Escolar de tu plantel o Centro",
        purpose="para su proceso",
    ),
    eligibility=(
        "Tienes derecho desde el momento de tu inscripción en tu plantel o Centro de Educación Abierta, "
        "siempre que no cuentes con la misma o similar protección del propio IMSS o de otra institución "
        "de seguridad social."
    ),
    opt_out=(
        "Si no requieres la afiliación, llena el formato de renuncia. "
        "Te lo dan en tu plantel o Centro de Educación Abierta."
    ),
    covered_services=imss.COVERED_SERVICES,
    coverage=(
        "Tienes el seguro desde el momento de tu inscripción hasta que concluyas tu Educación Media "
        "Superior, o hasta que causes baja temporal o definitiva en tu plantel o Centro de Educación "
        "Abierta. Lo tienes siempre que no cuentes con la misma o similar protección del propio IMSS "
        "o de otra institución de seguridad social."
    ),
    keep=[
        "El acuse con tu Número de Seguridad Social (NSS) que obtuviste en el portal del IMSS.",
        "Tu Carnet de citas.",
        "Tu constancia de vigencia de derechos, la que dice «Derecho a servicio médico: SI».",
    ],
    step_notes={
        "alta-clinica": [
            "Tu plantel te indicará en qué momento debes concluir el trámite del carnet.",
            "Con el alta en clínica o UMF obtienes tu Carnet de citas. También puedes acudir a la Unidad de Medicina Familiar que te asignen.",
        ],
        "verificar-vigencia": [
            "Revisa tu vigencia después de tramitar tu carnet, para confirmar tu servicio médico.",
        ],
    },
    faq=[
        QA(
            question="¿Cuándo tramito mi carnet?",
            answer=("Tu plantel te indicará en qué momento debes concluir el trámite del carnet."),
        ),
        QA(
            question="¿Cómo confirmo que ya tengo servicio médico?",
            answer=(
                "Después de tramitar tu carnet, entra al portal del IMSS y revisa en «Consulta» tu vigencia de derechos. Si dice «Derecho a servicio médico: SI», está correcto. Si dice «NO», repórtalo al responsable de afiliación de tu plantel."
            ),
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
