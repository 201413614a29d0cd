"""Universidad de Guadalajara, Centro Universitario de Ciencias de la Salud (CUCS).

Fuente: «Proceso de Alta del IMSS», CUCS (shared/seeds/002).
"""

import datetime

from guide.model import QA, Deadline, Office, Phone, School

CSE = "Coordinación de Servicios Estudiantiles"
# The source's "En caso de error" list: the one list for every IMSS error message.
ERROR_ACTION = (
    "Acude a la subdelegación del IMSS más cercana con estos documentos **originales**:\n\n"
    "- CURP\n"
    "- Comprobante de domicilio\n"
    "- Acta de nacimiento\n"
    "- Credencial de estudiante\n"
    "- INE (si eres menor de edad, presenta la de tu padre o madre)"
)
EXTENSIONS = ["103", "106", "115", "117", "122"]

SCHOOL = School(
    name="Universidad de Guadalajara · Centro Universitario de Ciencias de la Salud (CUCS)",
    short_name="UDG CUCS",
    level="superior",
    state="Jalisco",
    city="Guadalajara",
    site_url="https://estudiantes.udg.mx/programa-afiliacion-al-imss",
    logo_svg=(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="UDG CUCS">'
        '<rect width="48" height="48" rx="10" fill="#12355b"/>'
        '<path d="M15 12v15a9 9 0 0 0 18 0V12" fill="none" stroke="#fff" stroke-width="5" '
        'stroke-linecap="round"/><rect x="14" y="38" width="20" height="3" rx="1.5" fill="#d4a73c"/></svg>'
    ),
    primary_color="#12355b",
    accent_color="#9a6b00",
    intro=(
        "Cuando te aceptan en la Universidad de Guadalajara, la Universidad inicia tu afiliación al IMSS. "
        "Tú conoces tu NSS, revisas que tu vigencia esté activa y te das de alta en tu clínica (UMF)."
    ),
    offices=[
        Office(
            name=CSE,
            role="Universidad de Guadalajara. Te apoya si no tienes el servicio médico vigente y eres alumno activo.",
            address="Pedro Moreno #1029, casi esquina con Enrique Díaz de León, Col. Centro, C.P. 44100, Guadalajara, Jal., México",
            phones=[
                Phone("(33) 3827 0613", extensions=EXTENSIONS),
                Phone("(33) 3827 0485", extensions=EXTENSIONS),
                Phone("(33) 3826 3642", extensions=EXTENSIONS),
            ],
            email="imss@udg.mx",
            hours="Lunes a viernes de 9:00 a 17:00 h",
            web="https://estudiantes.udg.mx/programa-afiliacion-al-imss",
            include_data=[
                "Nombre completo",
                "Código de estudiante",
                "Número de Seguridad Social (NSS) «ya verificado»: el tuyo, NO el de tu tutor, padre o madre",
                "CURP",
                "Correo UDG (institucional)",
            ],
        ),
    ],
    contact_office=CSE,
    steps=["obtener-nss", "verificar-vigencia", "alta-clinica", "cambio-clinica"],
    optional_steps=["cambio-clinica"],
    have_at_hand=["curp", "email", "domicilio"],
    nss_routes=["web", "app"],
    nss_web_entry="imss_digital",
    vigencia_entry="imss_digital",
    clinic_entry="imss_digital",
    deadlines=[
        Deadline(
            action="Espera a que tu vigencia aparezca activa",
            when="aproximadamente 1 mes después del inicio de tu ingreso",
            step="verificar-vigencia",
        ),
        Deadline(
            action="Escribe a la Coordinación de Servicios Estudiantiles si no tienes derecho al servicio médico",
            when="a las 4 semanas de tu ingreso al CUCS",
            step="verificar-vigencia",
        ),
    ],
    message_actions={
        "subdelegacion": ERROR_ACTION,
        "inconsistencias": ERROR_ACTION,
        "con_derecho": (
            "Correcto: ya tienes el servicio médico del IMSS. Revisa también la fecha de vigencia. "
            "En «Datos del último patrón» aparece UNIVERSIDAD DE GUADALAJARA. Guarda tu constancia."
        ),
        "sin_derecho": (
            "Si pasaron 4 semanas desde tu ingreso al CUCS y eres alumno activo, escribe a "
            "la Coordinación de Servicios Estudiantiles: [imss@udg.mx](mailto:imss@udg.mx)."
        ),
    },
    eligibility=(
        "Como alumno «activo» o con estatus de «licencia» debes tener vigencia en el IMSS. "
        "Si tu estatus es de baja o desertor, no podrás tener vigencia en el IMSS."
    ),
    clinic_notes=[
        "Si eres foráneo, escribe el código postal y la dirección del lugar donde vives en Guadalajara. "
        "Si no, te asignarán una clínica en tu lugar de origen.",
    ],
    # Its «Documentos a imprimir».
    keep=[
        "Tu NSS y sus 2 documentos PDF: «Número de Seguridad Social» y «Tarjeta de Número de Seguridad Social».",
        "Tu constancia de vigencia de derechos.",
        "El acuse de recibo de tu registro en la clínica y tu carnet con tu UMF, consultorio y turno.",
    ],
    step_notes={
        "verificar-vigencia": [
            "Sé paciente: una vez que eres aceptado en la Universidad de Guadalajara, se inicia tu trámite de afiliación.",
        ],
        "alta-clinica": [
            "Imprime los documentos que te genera el sistema: el acuse de recibo de tu registro y tu carnet con tu UMF, consultorio y turno.",
        ],
        "cambio-clinica": [
            "Si tu clínica ya está registrada, el trámite de cambio está en la parte baja de la página principal de IMSS Digital.",
        ],
    },
    faq=[
        QA(
            question="Soy foráneo, ¿qué dirección pongo?",
            answer=(
                "Escribe el código postal y la dirección del lugar donde vives en Guadalajara. Si no, te asignarán una clínica en tu lugar de origen."
            ),
        ),
        QA(
            question="Ya pasó un mes y no aparezco vigente, ¿qué hago?",
            answer=(
                "Si a las 4 semanas de tu ingreso al CUCS no tienes derecho al servicio médico y eres alumno activo, escribe a [imss@udg.mx](mailto:imss@udg.mx) con tu nombre completo, código de estudiante, NSS «ya verificado» (el tuyo, no el de tu tutor, padre o madre), CURP y correo UDG institucional."
            ),
        ),
        QA(
            question="¿Qué documentos imprimo?",
            answer=(
                "Los que te genera el sistema al darte de alta en tu clínica: el acuse de recibo de tu registro y tu carnet con tu UMF, consultorio y turno."
            ),
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
