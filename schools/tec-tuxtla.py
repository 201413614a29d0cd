"""Instituto Tecnológico de Tuxtla Gutiérrez (TecNM).

Fuente: «Cómo realizar tu trámite de alta ante el IMSS», Instituto Tecnológico
de Tuxtla Gutiérrez (shared/seeds/004). La guía nombra a la encargada de
afiliaciones; aquí se nombra la oficina. La guía no da la página web de la
escuela: no se pone ninguna.
"""

import datetime

from guide.model import QA, Office, School

ESCOLARES = "Departamento de Servicios Escolares · Afiliaciones al IMSS"
EMAIL = "gladis.ah@tuxtla.tecnm.mx"
CORREO = f"[{EMAIL}](mailto:{EMAIL})"

SCHOOL = School(
    name="Instituto Tecnológico de Tuxtla Gutiérrez",
    short_name="TecNM Tuxtla",
    level="superior",
    state="Chiapas",
    city="Tuxtla Gutiérrez",
    logo_svg=(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" role="img" aria-label="TecNM Tuxtla">'
        '<rect width="48" height="48" rx="10" fill="#1b396a"/>'
        '<path d="M13 14h22M24 14v22" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/>'
        '<circle cx="35" cy="35" r="3" fill="#f2b632"/></svg>'
    ),
    primary_color="#1b396a",
    accent_color="#a35a00",
    intro=(
        "La afiliación al IMSS se hace cuando entras a primer semestre, como parte de tu expediente "
        "escolar. Es un trámite obligatorio desde el primer semestre."
    ),
    offices=[
        Office(
            name=ESCOLARES,
            role="Afiliaciones al IMSS: te da tu Hoja de afiliación y lleva tu proceso de alta en el IMSS.",
            email=EMAIL,
        ),
    ],
    contact_office=ESCOLARES,
    steps=["verificar-vigencia", "hoja-afiliacion", "carnet"],
    have_at_hand=["curp", "nss", "email"],
    nss_routes=["web"],
    nss_web_entry="afiliatealimss",
    vigencia_entry="escritorio_virtual",
    # The three cases of the source, on the page where the result is read.
    message_actions={
        "con_derecho": (
            "Tu seguro está vigente. Mira en «Datos del último patrón» quién te dio de alta:\n\n"
            "- **Si es el Instituto:** pide tu Hoja de afiliación al Departamento de Servicios Escolares "
            "(siguiente paso).\n"
            "- **Si es tu bachillerato u otra institución:** pide tu baja a esa institución. "
            "Así el Instituto podrá afiliarte."
        ),
        "sin_derecho": (
            "Escanea tu constancia de Vigencia de Derechos y envíala al correo de afiliaciones: "
            f"{CORREO}. Así la escuela lleva tu proceso de alta en el IMSS."
        ),
    },
    insured_elsewhere=(
        "Si tu constancia de Vigencia de Derechos está vigente por parte de tu bachillerato u otra "
        "institución, pide tu baja a esa institución. Así el Instituto podrá afiliarte."
    ),
    coverage="Desde que entras a primer semestre. El servicio se da de baja cuando te gradúas.",
    clinic_notes=[
        "La clínica se te asigna según tu lugar de residencia en Tuxtla Gutiérrez.",
        "Pide la clínica a la que deseas ser afiliado dentro de Tuxtla Gutiérrez.",
    ],
    carnet_documents=[
        "Hoja de afiliación",
        "Comprobante de domicilio reciente (agua o luz)",
        "Identificación vigente: INE o credencial de la escuela",
        "CURP",
        "2 fotos tamaño infantil",
    ],
    step_notes={
        "verificar-vigencia": [
            "Si no estás seguro de si estás afiliado, o si no hiciste tu trámite a tiempo, revisa aquí que tu seguro esté vigente por parte del Instituto.",
        ],
        "hoja-afiliacion": [
            "Si tu vigencia está vigente por parte del Instituto, pide tu Hoja de afiliación al Departamento de Servicios Escolares.",
            f"Si no tienes la Hoja de afiliación que te entregaron al ingresar, envía tu vigencia escaneada al correo de afiliaciones: {CORREO}.",
        ],
        "carnet": [
            "Si ya tienes tu Hoja de afiliación, acude a tu Unidad de Medicina Familiar (UMF) para concluir tu trámite con tu carnet de citas médicas.",
            "El trámite del carnet de citas es responsabilidad del asegurado: tú.",
            "Ten tu carnet de citas médicas a la mano para cualquier emergencia.",
        ],
    },
    faq=[
        QA(
            question="No hice mi trámite a tiempo, ¿qué hago?",
            answer=(
                f"Revisa tu vigencia de derechos en el Escritorio Virtual del IMSS. Si no está vigente, envía tu documento escaneado al correo de afiliaciones: {CORREO}."
            ),
        ),
        QA(
            question="¿En qué clínica me atienden?",
            answer=(
                "En la que te asignan según tu lugar de residencia en Tuxtla Gutiérrez. Pide la clínica a la que deseas ser afiliado dentro de Tuxtla Gutiérrez."
            ),
        ),
    ],
    reviewed=datetime.date(2026, 11, 23),
)
