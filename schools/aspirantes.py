"""Escuela de ejemplo: guía para aspirantes de una universidad pública.

La guía real (shared/seeds/001) no dice el nombre de la institución; por eso
el nombre, el estado y la oficina son de ejemplo, sin teléfonos inventados.
"""
import datetime

from guide.model import Delivery, Office, QA, School

ESCOLARES = "Departamento de Servicios Escolares"

SCHOOL = School(
    name="Universidad pública (ejemplo para aspirantes)",
    short_name="Aspirantes (ejemplo)",
    level="superior",
    state="Veracruz",
    example=True,
    logo_svg=(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="Aspirantes (ejemplo)">'
        '<rect width="48" height="48" rx="10" fill="#1f5f8b"/>'
        '<path d="M14 36 24 12l10 24M18 28h12" fill="none" stroke="#fff" stroke-width="4.5" '
        'stroke-linecap="round" stroke-linejoin="round"/></svg>'
    ),
    primary_color="#1f5f8b",
    accent_color="#b3541e",
    intro=(
        "El Seguro de Salud para Estudiantes es un seguro médico que el IMSS da gratis a los estudiantes "
        "de instituciones públicas de nivel medio superior, superior y posgrado. Si vas a estudiar el "
        "nivel superior en cualquier institución pública, tienes derecho a los servicios médicos del IMSS."
    ),
    offices=[
        Office(
            name=ESCOLARES,
            role="Recibe tu NSS y te registra ante el IMSS (oficina de ejemplo: pregunta en tu escuela cuál es la tuya).",
            address="En tu escuela",
        ),
    ],
    steps=["obtener-nss", "entregar-nss", "verificar-vigencia", "alta-clinica"],
    have_at_hand=["curp", "email", "domicilio"],
    nss_routes=["web", "app", "subdelegacion"],
    nss_web_entry="afiliatealimss",
    route_documents={
        "web": ["curp", "email", "domicilio"],
        "app": ["curp", "email"],
        "subdelegacion": ["curp", "domicilio", "identificacion_oficial", "acta", "email"],
    },
    delivery=Delivery(
        office=ESCOLARES,
        what="tu Número de Seguridad Social (NSS)",
        how="como te lo pida tu institución",
    ),
    eligibility=(
        "Si eres estudiante de una institución pública de nivel medio superior, superior o posgrado, "
        "presencial o en línea, tienes derecho al seguro. No hay límite de edad."
    ),
    coverage=(
        "El seguro vale durante todo el tiempo que seas estudiante en cualquier institución pública "
        "de nivel medio superior, superior o posgrado, presencial o en línea. No hay límite de edad "
        "ni en los servicios que puedas necesitar."
    ),
    step_notes={
        "entregar-nss": [
            "Tu institución usa tu NSS para registrarte ante el IMSS. Así recibes atención médica durante todo el tiempo que estudies.",
        ],
        "alta-clinica": [
            "Puedes hacer tu alta en la clínica en línea o en persona.",
            "Imprime los formatos que te genere el sistema en cada paso.",
        ],
    },
    faq=[
        QA(
            question="¿Cuál es la forma más rápida de obtener mi NSS?",
            answer=(
                "Por internet o con la app IMSS Digital: solo necesitas tu CURP y tu correo electrónico. En la subdelegación necesitas además comprobante de domicilio, identificación oficial y acta de nacimiento."
            ),
        ),
        QA(
            question="¿Necesito imprimir algo?",
            answer=(
                "Sí. Imprime los formatos que te genere el sistema en cada paso."
            ),
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
