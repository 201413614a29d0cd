"""IMSS facts every school shares: official pages, documents, form fields, messages.

When IMSS changes a URL, a document's name or a message, this is the one edit.
Sources: gob.mx/afiliatealimss, the trámite page IMSS-02-008 (Solicitud de
asignación o localización del Número de Seguridad Social) and the five source
guides in shared/seeds/.
"""

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
DOCUMENTS = {
    "curp": "CURP",
    "email": "Correo electrónico personal",
    "domicilio": "Comprobante de domicilio con código postal (luz o agua, reciente)",
    "identificacion": "Identificación oficial (INE o credencial de la escuela)",
    "acta": "Acta de nacimiento",
    "nss": "Número de Seguridad Social (NSS)",
    "credencial": "Credencial de estudiante",
    "ine_tutor": "INE (si eres menor de edad, la de tu papá o mamá)",
    "hoja_afiliacion": "Hoja de afiliación",
    "fotos": "2 fotografías tamaño infantil",
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
    },
    "subdelegacion": {
        "name": "En una subdelegación del IMSS",
        "documents": ["curp", "domicilio", "identificacion", "acta", "email"],
        "summary": "Acude en persona a la subdelegación del IMSS más cercana.",
    },
}

# Where the web trámite starts; each school's source guide walks a different door.
WEB_ENTRIES = {
    "afiliatealimss": {
        "url": URLS["afiliatealimss"],
        "clicks": ["Haz clic en «Paso 1: Obtén o localiza tu Número de Seguridad Social»."],
    },
    "escritorio_virtual": {
        "url": URLS["portal"],
        "clicks": [
            "Entra a la sección «Derechohabientes, pensionados y público en general».",
            "Abre el «Escritorio Virtual».",
            "Busca «Asignación de NSS» y toca «Iniciar trámite».",
        ],
    },
    "tramite_imss02008": {
        "url": URLS["tramite_nss"],
        "clicks": [
            "Toca el recuadro número 3, «Trámite digitalizado».",
            "Toca el botón «Iniciar».",
            "En la ventana de bienvenida, toca «Aceptar».",
        ],
    },
    "imss_digital": {
        "url": URLS["imss_digital"],
        "clicks": [
            "Entra a IMSS Digital (también puedes buscar «IMSS Digital» en cualquier buscador).",
            "Elige la opción «NSS, Número de Seguridad Social».",
            "Sigue los pasos del portal de «Asignación o localización de NSS».",
        ],
    },
}

# What the IMSS form asks, in its order.
FORM_FIELDS = {
    "start": ["CURP", "Correo electrónico", "Confirma tu correo electrónico",
              "Las letras de la imagen (distingue mayúsculas y minúsculas)"],
    "address": ["Código postal (el sistema llena tu estado y municipio)", "Colonia",
                "Calle", "Número exterior", "Número interior (si tienes)"],
    "vigencia": ["CURP", "NSS", "Correo electrónico", "Confirma tu correo electrónico",
                 "Las letras de la imagen"],
    "clinica": ["CURP", "NSS", "Código postal", "Correo electrónico",
                "Confirma tu correo electrónico", "Las letras de la imagen"],
}

# Messages the IMSS system shows, keyed by a stable name schools refer to.
MESSAGES = {
    "subdelegacion": "Acudir a la Subdelegación",
    "inconsistencias": "El instituto (IMSS) ha localizado inconsistencias en tus datos",
    "no_encontrado": "No se encontró un número asociado a tu CURP, se te asignará uno",
    "sin_derecho": "Derecho a servicio médico: NO",
    "procesando": "Su petición se está procesando... espere un momento",
    "procesada": "Tu petición ha sido procesada",
    "asignacion_exitosa": "Asignación de NSS exitosa",
    "correo_no_confirmado": "Se ha detectado que el correo electrónico que estás ingresando no está confirmado",
}

# Services the student health insurance covers (Oaxaca's guide lists them).
COVERED_SERVICES = [
    "Atención médica (consulta en tu clínica)",
    "Atención obstétrica (para alumnas; al recién nacido solo en el momento del nacimiento)",
    "Medicamentos",
    "Atención dental",
    "Cirugía y hospitalización",
    "Análisis de laboratorio y rayos X",
]
