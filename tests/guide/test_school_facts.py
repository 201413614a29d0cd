"""Each school's site holds every fact a student needs from its source guide.

The lists below come from the five guides in shared/seeds/ (see its README):
steps and their order, documents, deadlines, contacts, warnings and special
cases. They are checked against the built HTML text of the school's whole
site (all pages, tags stripped, whitespace normalised).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

# Required step titles in the order each source guide gives them. (seguro-
# facultativo's guide stops at the school's confirmation: the vigencia and the
# clinic are the general IMSS steps that make the insurance usable.)
STEPS = {
    "oaxaca-ems": [
        "Obtén tu NSS",
        "Entrega tu NSS a tu escuela",
        "Date de alta en tu clínica",
        "Revisa tu vigencia de derechos",
    ],
    "aspirantes": [
        "Obtén tu NSS",
        "Entrega tu NSS a tu escuela",
        "Revisa tu vigencia de derechos",
        "Date de alta en tu clínica",
    ],
    "udg-cucs": ["Obtén tu NSS", "Revisa tu vigencia de derechos", "Date de alta en tu clínica"],
    "seguro-facultativo": [
        "Obtén tu NSS",
        "Entrega tu NSS a tu escuela",
        "Revisa tu vigencia de derechos",
        "Date de alta en tu clínica",
    ],
    "tec-tuxtla": ["Revisa tu vigencia de derechos", "Pide tu Hoja de afiliación", "Tramita tu carnet de citas"],
}
# Steps a student may skip: after the end page, marked «Paso opcional».
OPTIONAL = {"udg-cucs": ["Cambia de clínica si lo necesitas"]}
END_TITLE = "Listo: ya tienes tu seguro"

COVERED_SERVICES = [
    "Atención médica",
    "Atención obstétrica",
    "al recién nacido, solo en el momento del nacimiento",
    "Dotación de medicamentos",
    "Atención odontológica",
    "Atención quirúrgica y hospitalaria",
    "Análisis de laboratorio y rayos X",
]

FACTS = {
    # 000 · Gobierno del Estado de Oaxaca, Educación Media Superior
    "oaxaca-ems": [
        "www.imss.gob.mx",
        "Derechohabientes, pensionados y público en general",
        "Escritorio Virtual",
        "Asignación de NSS",
        "Iniciar trámite",
        "CURP",
        "Correo electrónico",
        "Comprobante de domicilio",
        "código postal",
        "liga de confirmación",
        "el acuse impreso con tu Número de Seguridad Social (NSS)",
        "Control Escolar de tu plantel o Centro de Educación Abierta",
        "responsable de la afiliación",
        "durante los 3 días posteriores a tu inscripción",
        "Acudir a la Subdelegación",
        "No acudas a la Subdelegación del IMSS",
        "Esa persona solicita tu número en la Subdelegación del IMSS por ti",
        "formato de renuncia",
        "Te lo dan en tu plantel o Centro de Educación Abierta",
        "Alta en Clínica o UMF",
        "Carnet de citas",
        "Tu plantel te indicará en qué momento debes concluir el trámite del carnet",
        "Revisa tu vigencia después de tramitar tu carnet",
        "«Consulta»",
        "Vigencia de Derechos",
        "Derecho a servicio médico: SI",
        "Correcto",
        "Derecho a servicio médico: NO",
        "Repórtalo al responsable de afiliación de Control Escolar",
        "desde el momento de tu inscripción hasta que concluyas tu Educación Media Superior",
        "baja temporal o definitiva",
        "misma o similar protección del propio IMSS o de otra institución de seguridad social",
        *COVERED_SERVICES,
    ],
    # 001 · guía para aspirantes de una universidad pública (escuela de ejemplo)
    "aspirantes": [
        "Escuela de ejemplo",
        "www.gob.mx/afiliatealimss",
        "Por internet",
        "App IMSS Digital",
        "En una subdelegación del IMSS",
        "CURP",
        "Comprobante de domicilio",
        "Correo electrónico",
        "Identificación oficial",
        "Acta de nacimiento",
        "App Store",
        "Google Play",
        "tiendas oficiales",
        "Paso 1: Obtén o localiza tu Número de Seguridad Social",
        "Vuelve a escribir tu correo para confirmarlo",
        "letras de la imagen",
        "Su petición se está procesando",
        "No se encontró un número asociado a tu CURP, se te asignará uno",
        "Escribe tu código postal. El sistema llena tu estado y tu municipio",
        "colonia",
        "calle",
        "número exterior",
        "número interior",
        "No cierres ni actualices la página",
        "Asignación de NSS exitosa",
        "Tu petición ha sido procesada",
        "Número de Seguridad Social",
        "Tarjeta de Número de Seguridad Social",
        "Finalizar trámite",
        "Paso 2: Verifica que tu escuela te haya inscrito",
        "Entrega tu Número de Seguridad Social (NSS) a tu institución para que te registre ante el IMSS",
        "durante el tiempo que estés estudiando",
        "Paso 3: Regístrate en la clínica que te corresponde",
        "Puedes hacer tu alta en la clínica en línea o en persona",
        "Imprime los formatos que te genere el sistema",
        "nivel medio superior, superior o posgrado, presencial o en línea",
        "No hay límite de edad",
    ],
    # 002 · Universidad de Guadalajara, CUCS
    "udg-cucs": [
        "www.imss.gob.mx/imssdigital",
        "busca «IMSS Digital» en cualquier buscador",
        "NSS, Número de Seguridad Social",
        "Asignación o localización de NSS",
        "App Store",
        "Google Play",
        "tiendas oficiales",
        "liga de confirmación",
        "spam",
        "serviciosdigitales@imss.gob.mx",
        "Número de Seguridad Social",
        "Tarjeta de Número de Seguridad Social",
        "El instituto (IMSS) ha localizado inconsistencias en tus datos",
        "subdelegación del IMSS más cercana",
        "originales",
        "CURP",
        "Comprobante de domicilio",
        "Acta de nacimiento",
        "Credencial de estudiante",
        "INE (si eres menor de edad, presenta la de tu padre o madre)",
        "www.imss.gob.mx/directorio",
        "Vigencia de Derechos",
        "Constancia de vigencia de derechos",
        "IMSS-02-020",
        "Una vez que eres aceptado en la Universidad de Guadalajara, se inicia tu trámite de afiliación",
        "aproximadamente 1 mes después del inicio de tu ingreso",
        "a las 4 semanas de tu ingreso al CUCS",
        "Derecho a servicio médico: SI",
        "Derecho a servicio médico: NO",
        "«activo»",
        "«licencia»",
        "baja o desertor",
        "Coordinación de Servicios Estudiantiles",
        "Pedro Moreno #1029",
        "casi esquina con Enrique Díaz de León",
        "Col. Centro",
        "C.P. 44100",
        "Guadalajara, Jal.",
        "33 3827 0613",
        "33 3827 0485",
        "33 3826 3642",
        "Ext. 103, 106, 115, 117, 122",
        "Lunes a viernes de 9:00 a 17:00 h",
        "imss@udg.mx",
        "estudiantes.udg.mx/programa-afiliacion-al-imss",
        "Nombre completo",
        "Código de estudiante",
        "«ya verificado»",
        "NO el de tu tutor",
        "Correo UDG (institucional)",
        "Alta en Clínica o UMF",
        "parte de abajo de la página de IMSS Digital",
        "Si eres foráneo",
        "lugar donde vives en Guadalajara",
        "clínica en tu lugar de origen",
        "Cambios, Modificaciones o Actualización de datos",
        "Cambio de Clínica o UMF",
        "Si tu clínica ya está registrada",
        "acuse de recibo de tu registro",
        "UMF, consultorio y turno",
        "PREVENIMSS",
    ],
    # 003 · procedimiento del seguro facultativo (escuela de ejemplo)
    "seguro-facultativo": [
        "Escuela de ejemplo",
        "www.imss.gob.mx/tramites/imss02008",
        "recuadro número 3",
        "Trámite digitalizado",
        "«Iniciar»",
        "«Aceptar»",
        "«Buscar»",
        "CURP",
        "Correo electrónico",
        "tu Número de Seguridad Social (NSS) impreso",
        "Departamento de Servicios Escolares",
        "Pasa al Depto. de Servicios Escolares para confirmar",
        "1 día después de entregar tu NSS",
        "alta del seguro facultativo",
        "único",
        "viajes de estudios, estancias y estadías",
        "o en un trabajo",
        "tiene vigencia hasta que finalices tu carrera",
        "Si ya fuiste trabajador de una empresa, o trabajas, y te asignaron un número del IMSS",
        "Pasa al Depto. de Servicios Escolares a dejar tu número del IMSS",
        "Oficina de Control Escolar",
    ],
    # 004 · Instituto Tecnológico de Tuxtla Gutiérrez (TecNM)
    "tec-tuxtla": [
        "Instituto Tecnológico de Tuxtla Gutiérrez",
        "obligatorio desde el primer semestre",
        "se da de baja cuando te gradúas",
        "si no hiciste tu trámite a tiempo",
        "www.imss.gob.mx",
        "Derechohabientes",
        "público en general",
        "Escritorio Virtual",
        "Vigencia de Derechos",
        "pide tu Hoja de afiliación al Departamento de Servicios Escolares",
        "gladis.ah@tuxtla.tecnm.mx",
        "envía tu vigencia escaneada",
        "bachillerato u otra institución",
        "pide tu baja a esa institución",
        "Unidad de Medicina Familiar (UMF)",
        "carnet de citas médicas",
        "Hoja de afiliación",
        "Comprobante de domicilio reciente (agua o luz)",
        "INE o credencial de la escuela",
        "CURP",
        "2 fotos tamaño infantil",
        "responsabilidad del asegurado",
        "según tu lugar de residencia en Tuxtla Gutiérrez",
        "Pide la clínica a la que deseas ser afiliado dentro de Tuxtla Gutiérrez",
        "a la mano para cualquier emergencia",
    ],
}

# Staff members the guides name: the site names the office instead.
NOT_NAMED = {"tec-tuxtla": ["Gladis", "Alcazar"]}


def normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    # Tags become spaces; inline ones (<abbr>, <strong>) must not split a sentence.
    return re.sub(r" ([.,;:)»])", r"\1", text).replace("« ", "«").replace("( ", "(").casefold()


def page_text(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", source, flags=re.S)
    return normalise(re.sub(r"<[^>]+>", " ", source))


def site_text(site: Path, slug: str) -> str:
    """Every page's text, plus the addresses its links point to."""
    parts = []
    for path in sorted((site / slug).rglob("index.html")):
        parts.append(page_text(path))
        parts += map(html.unescape, re.findall(r'href="([^"]+)"', path.read_text(encoding="utf-8")))
    return "\n".join(parts).casefold()


@pytest.mark.parametrize("slug", FACTS)
def test_every_fact_of_the_source_guide_is_on_the_site(built_site, slug):
    text = site_text(built_site, slug)
    missing = [fact for fact in FACTS[slug] if normalise(fact) not in text]
    assert not missing, f"{slug}: faltan {missing}"
    without_emails = re.sub(r"\S+@\S+", " ", text)
    for name in NOT_NAMED.get(slug, []):
        assert name.casefold() not in without_emails, f"{slug}: nombra a una persona ({name}); nombra la oficina"


@pytest.mark.parametrize("slug", STEPS)
def test_steps_are_in_the_order_of_the_source_guide(built_site, slug):
    titles = STEPS[slug]
    pages, optional, ends = {}, [], []
    for page in (built_site / slug / "pasos").glob("*/index.html"):
        source = page.read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
        title = normalise(re.sub(r"<[^>]+>", "", h1.group(1)))
        paso = re.search(r'class="guia-paso">Paso (\d+) de (\d+)<', source)
        if paso:
            assert int(paso.group(2)) == len(titles), page
            pages[int(paso.group(1))] = title
        elif 'class="guia-paso">Paso opcional<' in source:
            optional.append(title)
        else:
            ends.append(title)
    assert [pages[n] for n in sorted(pages)] == [normalise(t) for t in titles]
    assert optional == [normalise(t) for t in OPTIONAL.get(slug, [])]
    assert ends == [normalise(END_TITLE)], "one end page, without «Paso N de M»"
    # The home page lists the same steps, in the same order, as links.
    home = page_text(built_site / slug / "index.html")
    positions = [home.find(normalise(t)) for t in titles]
    assert -1 not in positions and positions == sorted(positions), positions


def admonitions(path: Path) -> list[tuple[str, str]]:
    source = path.read_text(encoding="utf-8")
    return [
        (kind, normalise(re.sub(r"<[^>]+>", " ", body)))
        for kind, body in re.findall(r'<div class="admonition (\w+)">(.*?)</div>', source, re.S)
    ]


@pytest.mark.parametrize("page", ["pasos/obtener-nss", "problemas", ""])
def test_oaxaca_no_acudas_a_la_subdelegacion_is_a_call_out(built_site, page):
    found = [
        kind
        for kind, text in admonitions(built_site / "oaxaca-ems" / page / "index.html")
        if "no acudas a la subdelegación" in text
    ]
    assert found and set(found) <= {"danger", "warning"}, found


def test_example_schools_say_so(built_site):
    for slug in ("aspirantes", "seguro-facultativo"):
        for page in ("", "contacto"):
            text = page_text(built_site / slug / page / "index.html")
            assert "escuela de ejemplo" in text and "guía real" in text, (slug, page)
    for slug in ("oaxaca-ems", "udg-cucs", "tec-tuxtla"):
        assert "escuela de ejemplo" not in page_text(built_site / slug / "index.html"), slug


def test_contacts_are_tappable(built_site):
    udg = html.unescape((built_site / "udg-cucs" / "contacto" / "index.html").read_text(encoding="utf-8"))
    for tel in ("tel:+523338270613", "tel:+523338270485", "tel:+523338263642"):
        assert f'href="{tel}"' in udg, tel
    assert 'href="mailto:imss@udg.mx"' in udg
    assert 'class="guia-contact"' in udg
    tec = html.unescape((built_site / "tec-tuxtla" / "contacto" / "index.html").read_text(encoding="utf-8"))
    assert 'href="mailto:gladis.ah@tuxtla.tecnm.mx"' in tec


def test_no_app_store_links(built_site):
    for page in built_site.rglob("*.html"):
        source = page.read_text(encoding="utf-8")
        assert "play.google.com" not in source and "apps.apple.com" not in source, page


def test_index_lists_every_school_with_a_filter(built_site):
    source = (built_site / "index.html").read_text(encoding="utf-8")
    assert "data-guia-filter" in source and 'id="guia-filter-count"' in source
    for slug in STEPS:
        assert f'href="{slug}/"' in source, slug
