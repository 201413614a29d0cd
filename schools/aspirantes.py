"""Escuela de ejemplo: guía para aspirantes de una universidad pública.

La guía real (shared/seeds/001) no dice el nombre de la institución ni su
estado; por eso el nombre es de ejemplo, no hay estado y la oficina es «tu
institución», sin teléfonos inventados.
"""

import datetime

from guide.model import QA, Delivery, Office, School

INSTITUCION = "Tu institución"

SCHOOL = School(
    name="Universidad pública (ejemplo para aspirantes)",
    short_name="Aspirantes (ejemplo)",
    level="superior",
    state="",
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
        "de instituciones públicas de nivel medio superior, superior y posgrado. Como aspirante, "
        "tramita tu NSS: tu institución lo usa para registrarte ante el IMSS."
    ),
    offices=[
        Office(
            name=INSTITUCION,
            role="Recibe tu NSS y con él te registra ante el IMSS. Pregunta en tu institución qué oficina lo recibe.",
        ),
    ],
    steps=["obtener-nss", "entregar-nss", "verificar-vigencia", "alta-clinica"],
    have_at_hand=["curp", "email"],
    nss_routes=["web", "app", "subdelegacion"],
    nss_web_entry="afiliatealimss",
    # The web form asks only CURP and email (and your address if you had no NSS).
    route_documents={
        "web": ["curp", "email"],
        "app": ["curp", "email"],
        "subdelegacion": ["curp", "domicilio", "identificacion_oficial", "acta", "email"],
    },
    delivery=Delivery(
        office=INSTITUCION,
        what="tu Número de Seguridad Social (NSS)",
        to="a tu institución",
        purpose="para que te registre ante el IMSS",
    ),
    eligibility=(
        "Si eres estudiante de nivel superior de cualquier institución pública, tienes derecho a los "
        "servicios médicos del IMSS. No hay límite de edad."
    ),
    coverage=(
        "El seguro vale durante todo el tiempo que seas estudiante en cualquier institución pública "
        "de nivel medio superior, superior o posgrado, presencial o en línea. No hay límite de edad "
        "ni en los servicios que puedas necesitar."
    ),
    step_notes={
        "entregar-nss": [
            "Así tienes atención médica durante el tiempo que estés estudiando.",
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
                "Por internet o con la app IMSS Digital: solo necesitas tu CURP y tu correo electrónico. Por internet, si no tenías NSS, también escribes tu domicilio. En la subdelegación llevas además comprobante de domicilio, identificación oficial y acta de nacimiento."
            ),
        ),
        QA(
            question="¿Necesito imprimir algo?",
            answer=("Sí. Imprime los formatos que te genere el sistema en cada paso."),
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
