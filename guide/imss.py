"""IMSS facts every school shares: official pages, documents, form fields, messages.

When IMSS changes a URL, a document's name or a message, this is the one edit.
Sources: gob.mx/afiliatealimss, the trámite page IMSS-02-008 (Solicitud de
asignación o localización del Número de Seguridad Social) and the five source
guides in shared/seeds/.
"""

from pathlib import Path

# Official pages. Only imss.gob.mx and gob.mx are linked from the guides.
URLS = {
    "portal": "https://www.imss.gob.mx",
    "afiliatealimss": "https://www.gob.mx/afiliatealimss",
    "tramite_nss": "https://www.imss.gob.mx/tramites/imss02008",
    "imss_digital": "https://www.imss.gob.mx/imssdigital",
    "escritorio_virtual": "https://www.imss.gob.mx/derechohabientes",
    "vigencia": "https://www.imss.gob.mx/derechohabientes",
    "subdelegaciones": "https://www.imss.gob.mx/directorio/?page=296",
    "curp": "https://www.gob.mx/curp/",
    "estudiantes": "https://www.imss.gob.mx/derechoH/seguro-estudiantes",
}

TRAMITE_NSS = "IMSS-02-008"
TRAMITE_VIGENCIA = "IMSS-02-020"

# Names exactly as IMSS prints them, so students recognise them on screen.
# Neutral names only: a school's own wording (e.g. "reciente (agua o luz)")
# goes in its model, never here.
DOCUMENTS = {
    "curp": "CURP",
    "email": "Correo electrónico personal",
    "domicilio": "Comprobante de domicilio",
    "domicilio_cp": "Comprobante de domicilio actual, con código postal",
    "identificacion_oficial": "Identificación oficial",
    "acta": "Acta de nacimiento",
    "nss": "Número de Seguridad Social (NSS)",
    "credencial": "Credencial de estudiante",
    "ine_tutor": "INE (si eres menor de edad, la de tu papá o mamá)",
    "hoja_afiliacion": "Hoja de afiliación",
    "fotos": "2 fotografías tamaño infantil",
}

# Short names for one-line lists (home page).
DOCUMENTS_SHORT = {
    "curp": "CURP",
    "email": "tu correo electrónico",
    "domicilio": "comprobante de domicilio",
    "domicilio_cp": "comprobante de domicilio con código postal",
    "identificacion_oficial": "identificación oficial",
    "acta": "acta de nacimiento",
    "nss": "tu NSS",
    "credencial": "credencial de estudiante",
    "ine_tutor": "INE",
    "hoja_afiliacion": "Hoja de afiliación",
    "fotos": "2 fotos tamaño infantil",
}

# The two PDFs the IMSS form gives at the end of the NSS trámite.
NSS_PDFS = ["Número de Seguridad Social", "Tarjeta de Número de Seguridad Social"]

# How each way of getting the NSS works and what it asks for.
ROUTES = {
    "web": {
        "name": "Por internet",
        "documents": ["curp", "email"],
        "summary": "Haz el trámite en línea desde tu celular o computadora.",
    },
    "app": {
        "name": "App IMSS Digital",
        "documents": ["curp", "email"],
        "summary": "Descarga la app IMSS Digital de la tienda oficial de tu celular "
        "(App Store o Google Play) y genera tu NSS en Trámites y servicios.",
        "warning": "Descarga la app IMSS Digital solo de las tiendas oficiales (App Store o Google Play). "
        "Si la bajas por otros medios, arriesgas tus datos personales.",
    },
    "subdelegacion": {
        "name": "En una subdelegación del IMSS",
        "documents": ["curp", "domicilio", "identificacion_oficial", "acta", "email"],
        "summary": "Acude en persona a la subdelegación del IMSS más cercana.",
    },
}

# Where the web trámite starts; each school's source guide walks a different door.
# "url" + "clicks" lead to the NSS form; "vigencia" and "clinica" lead to the
# constancia de vigencia de derechos and to the alta en clínica o UMF.
# gob.mx/afiliatealimss also hosts steps 2 and 3, whatever door the NSS took.
_AFILIATE_VIGENCIA = {
    "url": URLS["afiliatealimss"],
    "clicks": ["Toca el botón «Paso 2: Verifica que tu escuela te haya inscrito»."],
}
_AFILIATE_CLINICA = {
    "url": URLS["afiliatealimss"],
    "clicks": ["Toca el botón «Paso 3: Regístrate en la clínica que te corresponde»."],
}

WEB_ENTRIES = {
    "afiliatealimss": {
        "name": "Afíliate al IMSS (gob.mx)",
        "url": URLS["afiliatealimss"],
        "clicks": ["Toca el botón «Paso 1: Obtén o localiza tu Número de Seguridad Social»."],
        "submit": "Continuar",
        "vigencia": _AFILIATE_VIGENCIA,
        "clinica": _AFILIATE_CLINICA,
    },
    "escritorio_virtual": {
        "name": "Escritorio Virtual del IMSS",
        "url": URLS["portal"],
        "clicks": [
            "Entra a la sección «Derechohabientes, pensionados y público en general».",
            "Abre el «Escritorio Virtual».",
            "Busca «Asignación de NSS» y toca «Iniciar trámite».",
        ],
        "submit": "Continuar",
        "vigencia": {
            "url": URLS["portal"],
            "clicks": [
                # One name for the section on every page (Tuxtla's guide shortens it).
                "Entra a la sección «Derechohabientes, pensionados y público en general».",
                "Abre el «Escritorio Virtual».",
                "En «Consulta», elige «Vigencia de Derechos».",
            ],
        },
        "clinica": {
            "url": URLS["portal"],
            "clicks": [
                "Entra a la sección «Derechohabientes, pensionados y público en general».",
                "Abre el «Escritorio Virtual».",
                "Busca «Alta en Clínica o UMF» y toca «Iniciar trámite».",
            ],
        },
    },
    "tramite_imss02008": {
        "name": "Trámite IMSS-02-008 en imss.gob.mx",
        "url": URLS["tramite_nss"],
        "clicks": [
            "Toca el recuadro número 3, «Trámite digitalizado».",
            "Toca el botón «Iniciar».",
            "En la ventana de bienvenida, toca «Aceptar».",
        ],
        "submit": "Buscar",
        "vigencia": _AFILIATE_VIGENCIA,
        "clinica": _AFILIATE_CLINICA,
    },
    "imss_digital": {
        "name": "IMSS Digital",
        "url": URLS["imss_digital"],
        "clicks": [
            "Si la página no abre, busca «IMSS Digital» en cualquier buscador y entra a la página del IMSS.",
            "Elige la opción «NSS, Número de Seguridad Social».",
            "Sigue los pasos del portal de «Asignación o localización de NSS».",
        ],
        "submit": "Continuar",
        "vigencia": {
            "url": URLS["imss_digital"],
            "clicks": [
                "En «Servicios más consultados», elige «Vigencia de Derechos» (Consulta tu vigencia de derechos)."
            ],
        },
        "clinica": {
            "url": URLS["imss_digital"],
            "clicks": [
                "Baja hasta la parte de abajo de la página de IMSS Digital.",
                "En «Altas, Inscripciones o Registros», busca «Alta en Clínica o UMF».",
                "Toca «Iniciar trámite».",
            ],
        },
    },
}

# Where a student already registered at a clinic asks to change it.
CAMBIO_CLINICA_CLICKS = [
    "Baja hasta la parte de abajo de la página de IMSS Digital.",
    "En «Cambios, Modificaciones o Actualización de datos», busca «Cambio de Clínica o UMF».",
    "Toca «Iniciar trámite».",
]

# The IMSS address that sends the confirmation link and the documents.
SENDER_EMAIL = "serviciosdigitales@imss.gob.mx"

# What IMSS says of the number itself (welcome window of the trámite).
NSS_FACTS = "Tu NSS es único, permanente e intransferible: es tuyo para toda la vida."

# The buttons next to each PDF at the end of the trámite.
PDF_BUTTONS = [
    "Sobre: vuelve a enviar el documento a tu correo.",
    "Impresora: abre el PDF para imprimirlo.",
    "Flecha: descarga el PDF a tu celular o computadora.",
]

# The constancia of trámite IMSS-02-020 and what to look at in it.
CONSTANCIA_VIGENCIA = "Constancia de vigencia de derechos"

# What the IMSS form asks, in its order.
FORM_FIELDS = {
    "start": [
        "CURP",
        "Correo electrónico",
        "Confirma tu correo electrónico",
        "Las letras de la imagen (distingue mayúsculas y minúsculas)",
    ],
    "address": [
        "Código postal (el sistema llena tu estado y municipio)",
        "Colonia",
        "Calle",
        "Número exterior",
        "Número interior (si tienes)",
    ],
    "vigencia": ["CURP", "NSS", "Correo electrónico", "Confirma tu correo electrónico", "Las letras de la imagen"],
    "clinica": ["CURP", "NSS", "Correo electrónico", "Confirma tu correo electrónico", "Las letras de la imagen"],
    "clinica_address": ["Código postal", "Tu dirección (calle, número y colonia)"],
}

# The same forms as one action per line, for the numbered steps.
FORM_STEPS = {
    "start": [
        "Escribe tu CURP.",
        "Escribe tu correo electrónico personal.",
        "Vuelve a escribir tu correo para confirmarlo.",
        "Escribe las letras de la imagen. Distingue mayúsculas y minúsculas.",
    ],
    "address": [
        "Escribe tu código postal. El sistema llena tu estado y tu municipio.",
        "Elige tu colonia.",
        "Escribe tu calle.",
        "Escribe tu número exterior.",
        "Escribe tu número interior, si tienes.",
    ],
    "vigencia": [
        "Escribe tu CURP.",
        "Escribe tu NSS (11 dígitos).",
        "Escribe tu correo electrónico.",
        "Vuelve a escribir tu correo para confirmarlo.",
        "Escribe las letras de la imagen.",
    ],
    "clinica": [
        "Escribe tu CURP.",
        "Escribe tu NSS, si el formulario lo pide.",
        "Escribe tu correo electrónico.",
        "Vuelve a escribir tu correo para confirmarlo.",
        "Escribe las letras de la imagen.",
    ],
    "clinica_address": [
        "Escribe tu código postal y toca «Buscar».",
        "Escribe tu dirección.",
        "Elige tu clínica (UMF).",
        "Termina el trámite.",
    ],
}

# Messages the IMSS system shows, keyed by a stable name schools refer to.
MESSAGES = {
    "subdelegacion": "Acudir a la Subdelegación",
    "inconsistencias": "El instituto (IMSS) ha localizado inconsistencias en tus datos",
    "no_encontrado": "No se encontró un número asociado a tu CURP, se te asignará uno",
    "con_derecho": "Derecho a servicio médico: SI",
    "sin_derecho": "Derecho a servicio médico: NO",
    "procesando": "Su petición se está procesando... espere un momento",
    "procesada": "Tu petición ha sido procesada",
    "asignacion_exitosa": "Asignación de NSS exitosa",
    "correo_no_confirmado": "Se ha detectado que el correo electrónico que estás ingresando no está confirmado",
}

# What to do on each message when the school says nothing of its own
# (School.message_actions overrides these). Markdown; may hold a list.
# Neutral: no school's rule (e.g. Oaxaca's "no acudas") belongs here. The
# subdelegación documents are those of ROUTES["subdelegacion"].
MESSAGE_ACTIONS = {
    "subdelegacion": "El IMSS no pudo terminar tu trámite en línea. Acude a la subdelegación del IMSS "
    "más cercana. Lleva tu CURP, comprobante de domicilio, identificación oficial, "
    "acta de nacimiento y tu correo electrónico.",
    "inconsistencias": "El IMSS encontró datos que no coinciden. Acude a la subdelegación del IMSS más "
    "cercana para corregirlos. Lleva tu CURP, comprobante de domicilio, identificación "
    "oficial, acta de nacimiento y tu correo electrónico.",
    "no_encontrado": "No es un error: no tenías NSS y el IMSS te asigna uno nuevo. "
    "Escribe tu domicilio y toca «Continuar».",
    "con_derecho": "Correcto: ya tienes el servicio médico del IMSS. Guarda tu constancia.",
    "sin_derecho": "Todavía no estás dado de alta en el seguro. Avísale a tu escuela.",
    "procesando": "Espera. No cierres ni actualices la página.",
    "procesada": "Listo. Revisa tu correo: ahí llegan tus documentos (busca también en spam).",
    "asignacion_exitosa": "Ya tienes tu NSS. Descarga o imprime tus dos documentos PDF.",
    "correo_no_confirmado": "Abre tu correo y toca la liga de confirmación que te envió el IMSS "
    "("
    "serviciosdigitales@imss.gob.mx"
    "). Si no la ves, revisa spam. "
    "Luego sigue con el trámite.",
}

# Where in the guide each message appears (the step a student is on).
MESSAGE_STEPS = {
    "subdelegacion": "obtener-nss",
    "inconsistencias": "obtener-nss",
    "no_encontrado": "obtener-nss",
    "con_derecho": "verificar-vigencia",
    "sin_derecho": "verificar-vigencia",
    "procesando": "obtener-nss",
    "procesada": "obtener-nss",
    "asignacion_exitosa": "obtener-nss",
    "correo_no_confirmado": "obtener-nss",
}

# Services the student health insurance covers (Oaxaca's guide lists them).
COVERED_SERVICES = [
    "Atención médica (consulta en la clínica que te corresponde)",
    "Atención obstétrica (para alumnas; al recién nacido, solo en el momento del nacimiento)",
    "Dotación de medicamentos",
    "Atención odontológica (dental)",
    "Atención quirúrgica y hospitalaria",
    "Análisis de laboratorio y rayos X",
]

# Results of the vigencia check, not problems: Problemas frecuentes skips them.
RESULTS = ["con_derecho"]

# End page: what each step leaves you to keep, in the order of the steps.
KEEP_BY_STEP = {
    "obtener-nss": "Tu NSS y sus 2 documentos PDF: «Número de Seguridad Social» y «Tarjeta de Número de Seguridad Social».",
    "verificar-vigencia": "Tu constancia de vigencia de derechos.",
    "hoja-afiliacion": "Tu Hoja de afiliación.",
    "alta-clinica": "Los documentos PDF de tu alta en la clínica (UMF).",
    "carnet": "Tu carnet de citas médicas.",
}

# How to see a doctor once registered (IMSS Digital lists "Agendar Cita Médica").
CITA = (
    "Para pedir consulta, acude a tu Unidad de Medicina Familiar (UMF) o agenda tu cita en "
    "IMSS Digital, en «Agendar Cita Médica»."
)


def _glossary() -> dict[str, str]:
    """Terms of docs/_glosario.md (Markdown abbreviations, auto-appended to
    every page) for the glossary page: forms of one word share a definition,
    and the first form written names the entry."""
    path = Path(__file__).resolve().parent.parent / "docs" / "_glosario.md"
    terms: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*[") and "]:" in line:
            term, definition = line[2:].split("]:", 1)
            if definition.strip() not in terms.values():
                terms[term] = definition.strip()
    return dict(sorted(terms.items(), key=lambda item: item[0].casefold()))


# Words of the guide and what they mean (the «Palabras de la guía» page).
GLOSSARY = _glossary()
