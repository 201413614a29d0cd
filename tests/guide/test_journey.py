"""Each school's journey, read page by page in the built site: the facts of
its source guide on the page where the student needs them, no other school's
rule, every step ending with its next action, and an end page.

The page texts are the built HTML with tags stripped (see test_school_facts).
"""

from __future__ import annotations

import html
import re

import pytest
from test_school_facts import normalise, page_text  # same text extraction for both files

from guide.model import END_STEP
from guide.schools import load_all
from guide.testing import SCHOOL_SLUGS

SCHOOLS = {s.slug: s for s in load_all()}

# Source fact -> the page where the student reads it (relative to the school).
WHERE = {
    "oaxaca-ems": {
        "pasos/obtener-nss": [
            "No acudas a la Subdelegación del IMSS",
            "Comprobante de domicilio actual, con código postal",
        ],
        "pasos/entregar-nss": [
            "durante los 3 días posteriores a tu inscripción",
            "al responsable de la afiliación de Control Escolar",
            "formato de renuncia",
        ],
        "pasos/alta-clinica": ["Tu plantel te indicará en qué momento debes concluir el trámite del carnet"],
        "pasos/verificar-vigencia": [
            "Derecho a servicio médico: SI",
            "Correcto",
            "Repórtalo al responsable de afiliación de Control Escolar",
        ],
        "": ["durante los 3 días posteriores a tu inscripción", "No acudas a la Subdelegación del IMSS"],
    },
    "aspirantes": {
        "pasos/obtener-nss": [
            "Por internet",
            "App IMSS Digital",
            "En una subdelegación del IMSS",
            "Acta de nacimiento",
            "No se encontró un número asociado a tu CURP",
        ],
        "pasos/entregar-nss": ["a tu institución para que te registre ante el IMSS"],
        "pasos/verificar-vigencia": ["Paso 2: Verifica que tu escuela te haya inscrito"],
        "pasos/alta-clinica": [
            "Paso 3: Regístrate en la clínica que te corresponde",
            "Puedes hacer tu alta en la clínica en línea o en persona",
        ],
    },
    "udg-cucs": {
        "pasos/obtener-nss": [
            "El instituto (IMSS) ha localizado inconsistencias en tus datos",
            "Credencial de estudiante",
            "originales",
        ],
        "pasos/verificar-vigencia": [
            "aproximadamente 1 mes después del inicio de tu ingreso",
            "a las 4 semanas de tu ingreso al CUCS",
            "imss@udg.mx",
            "Código de estudiante",
            "Correo UDG (institucional)",
            "UNIVERSIDAD DE GUADALAJARA",
        ],
        "pasos/alta-clinica": ["Si eres foráneo", "acuse de recibo de tu registro"],
        "pasos/cambio-clinica": ["Cambio de Clínica o UMF", "Si tu clínica ya está registrada"],
        "contacto": ["Pedro Moreno #1029", "Ext. 103, 106, 115, 117, 122", "Lunes a viernes de 9:00 a 17:00 h"],
    },
    "seguro-facultativo": {
        "pasos/obtener-nss": ["recuadro número 3", "«Aceptar»", "«Buscar»"],
        "pasos/entregar-nss": [
            "tu Número de Seguridad Social (NSS) impreso al Depto. de Servicios Escolares",
            "Pasa al Depto. de Servicios Escolares para confirmar que ya está realizado tu trámite",
            "1 día después de entregar tu NSS",
            "viajes de estudios, estancias y estadías",
        ],
        "pasos/verificar-vigencia": ["Pasa al Depto. de Servicios Escolares"],
        "pasos/alta-clinica": ["Paso 3: Regístrate en la clínica que te corresponde", "Elige tu clínica (UMF)"],
        "pasos/listo": ["tiene vigencia hasta que finalices tu carrera"],
    },
    "tec-tuxtla": {
        # The three cases of the source, where the student reads the result.
        "pasos/verificar-vigencia": [
            "Derecho a servicio médico: SI",
            "Datos del último patrón",
            "pide tu Hoja de afiliación al Departamento de Servicios Escolares",
            "pide tu baja a esa institución",
            "Así el Instituto podrá afiliarte",
            "Derecho a servicio médico: NO",
            "envíala al correo de afiliaciones",
        ],
        "pasos/hoja-afiliacion": ["Si no tienes la Hoja de afiliación que te entregaron al ingresar"],
        "pasos/carnet": [
            "2 fotos tamaño infantil",
            "responsabilidad del asegurado",
            "a la mano para cualquier emergencia",
        ],
        "": ["obligatorio desde el primer semestre", "No sé mi NSS"],
    },
}

# Phrases that only one school's source says: they appear on no other site.
OWN = {
    "oaxaca-ems": [
        "No acudas",
        "Control Escolar de tu plantel",
        "formato de renuncia",
        "3 días",
        "Atención obstétrica",  # its list of covered services (aspirantes' guide says there is no limit)
    ],
    "aspirantes": ["Como aspirante", "para que te registre ante el IMSS"],
    "udg-cucs": [
        "CUCS",
        "Coordinación de Servicios Estudiantiles",
        "foráneo",
        "4 semanas",
        "1 mes",
        "UNIVERSIDAD DE GUADALAJARA",
        "Credencial de estudiante",
    ],
    "seguro-facultativo": ["1 día después", "viajes de estudios", "Oficina de Control Escolar"],
    "tec-tuxtla": [
        "Tuxtla",
        "tecnm",
        "fotos tamaño infantil",
        "Hoja de afiliación que te entregaron",
        "responsabilidad del asegurado",
        "bachillerato u otra institución",
    ],
}

# Things the issue found and no site may say again.
NEVER = [
    "Pregunta primero en tu escuela",  # Oaxaca's rule, once shared by all
    "unos días después",  # a timing no source gives
    "en tanto las condiciones actuales",  # a leftover of the source's wording
    "aviso rojo",  # a colour-only cue
    "te diré",
    "revisamos",  # the guide and its widgets speak in tú
    "Si vas a estudiar",  # an applicant has no right yet
    "Cómo: como",
    ": a las",  # "(imss@udg.mx): a las 4 semanas…"
    "es obligatoria: desde",  # a rule in a date box
    "luz o agua, reciente",  # Tuxtla's carnet wording, once in the shared documents
]


def pages(site, slug):
    return sorted(p for p in (site / slug).rglob("index.html"))


def text_of(site, slug, page):
    return page_text(site / slug / page / "index.html")


def article(site, slug, page) -> str:
    source = (site / slug / page / "index.html").read_text(encoding="utf-8")
    return re.search(r"<article[^>]*>(.*?)</article>", source, re.S).group(1)


@pytest.mark.parametrize("slug", WHERE)
def test_each_source_fact_is_on_the_page_where_it_is_needed(built_site, slug):
    missing = {
        page: [f for f in facts if normalise(f) not in text_of(built_site, slug, page)]
        for page, facts in WHERE[slug].items()
    }
    assert not {p: m for p, m in missing.items() if m}, f"{slug}: faltan {missing}"


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_no_sentence_of_another_schools_rules(built_site, slug):
    found = []
    for path in pages(built_site, slug):
        text = page_text(path)
        for other, phrases in OWN.items():
            if other != slug:
                found += [(path.parent.name, other, p) for p in phrases if normalise(p) in text]
        found += [(path.parent.name, "-", p) for p in NEVER if normalise(p) in text]
    assert not found, found


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_every_step_ends_with_its_next_action(built_site, slug):
    """The last paragraph of each step is «Lo que sigue:» with a link to the
    next required step; the last required step and optional steps lead to the end page."""
    school = SCHOOLS[slug]
    end = school.steps.index(END_STEP)
    for i, step in enumerate(school.steps):
        if step == END_STEP:
            continue
        body = article(built_site, slug, f"pasos/{step}")
        paragraphs = re.findall(r"<p>(.*?)</p>", body, re.S)
        last = paragraphs[-1]
        assert "Lo que sigue:" in last, (step, last)
        assert not re.search(r"<h[1-6]", body.split("Lo que sigue:")[-1]), (
            f"{step}: hay contenido después de «Lo que sigue»"
        )
        target = re.search(r'href="([^"]+)"', last).group(1)
        expected = school.steps[i + 1] if i + 1 < end else END_STEP
        assert target == f"../{expected}/", (step, target, expected)


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_the_end_page_exists_and_says_what_you_have_and_whom_to_ask(built_site, slug):
    school = SCHOOLS[slug]
    text = text_of(built_site, slug, f"pasos/{END_STEP}")
    for heading in (
        "Lo que tienes ahora",
        "Cuando necesites un médico",
        "Si es una emergencia",
        "Si algo no salió bien",
    ):
        assert normalise(heading) in text, heading
    assert normalise(school.contact_office or school.offices[0].name) in text
    assert "agendar cita médica" in text and "unidad de medicina familiar" in text
    source = (built_site / slug / "pasos" / END_STEP / "index.html").read_text(encoding="utf-8")
    assert 'class="guia-paso"' not in source, "the end page is not «Paso N de M»"
    assert 'href="../../contacto/"' in source
    # The home page points to it and lists optional steps as optional.
    home = text_of(built_site, slug, "")
    assert normalise("Al terminar, mira qué guardar y a quién preguntar en Listo: ya tienes tu seguro") in home
    for step in school.optional_steps:
        title = re.search(
            r"<h1[^>]*>(.*?)</h1>",
            (built_site / slug / "pasos" / step / "index.html").read_text(encoding="utf-8"),
            re.S,
        ).group(1)
        assert normalise(re.sub(r"<[^>]+>", "", title) + " (opcional)") in home


def test_an_optional_step_says_so_and_is_not_counted(built_site):
    source = (built_site / "udg-cucs" / "pasos" / "cambio-clinica" / "index.html").read_text(encoding="utf-8")
    assert 'class="guia-paso">Paso opcional<' in source
    assert "este paso es opcional" in page_text(built_site / "udg-cucs" / "pasos" / "cambio-clinica" / "index.html")
    alta = (built_site / "udg-cucs" / "pasos" / "alta-clinica" / "index.html").read_text(encoding="utf-8")
    assert 'class="guia-paso">Paso 3 de 3<' in alta


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_every_date_box_is_one_sentence_about_a_time(built_site, slug):
    for path in pages(built_site, slug):
        source = path.read_text(encoding="utf-8")
        for body in re.findall(
            r'<div class="admonition warning">\s*<p class="admonition-title">Fechas? clave</p>(.*?)</div>', source, re.S
        ):
            items = re.findall(r"<li>(.*?)</li>", body, re.S) or re.findall(r"<p>(.*?)</p>", body, re.S)
            for item in items:
                sentence = normalise(re.sub(r"<[^>]+>", "", item))
                assert sentence.endswith(".") and ": " not in sentence, (path, sentence)
                assert "<strong>" in item, (path, item)  # the time itself, in bold


def test_the_documents_of_one_page_agree(built_site):
    # aspirantes: the web route asks CURP and email, as the FAQ says.
    obtener = article(built_site, "aspirantes", "pasos/obtener-nss")
    web = obtener.split("1. Por internet")[1].split("<h3")[0]
    assert [normalise(re.sub(r"<[^>]+>", "", li)) for li in re.findall(r"<li>(.*?)</li>", web, re.S)] == [
        "curp",
        "correo electrónico personal",
    ]
    assert "solo necesitas tu curp y tu correo electrónico" in text_of(built_site, "aspirantes", "preguntas")
    # udg-cucs: every IMSS error sends you with the same originals; no «identificación oficial».
    for page in ("pasos/obtener-nss", "problemas"):
        assert "identificación oficial" not in text_of(built_site, "udg-cucs", page), page


def test_example_schools_have_no_invented_state(built_site):
    index = html.unescape((built_site / "index.html").read_text(encoding="utf-8"))
    for slug in ("aspirantes", "seguro-facultativo"):
        assert SCHOOLS[slug].state == ""
        card = re.search(rf'<li class="guia-school" data-guia-filter-text="([^"]*)"><a href="{slug}/"', index).group(1)
        from guide.model import STATES

        assert not [s for s in STATES if s.lower() in card], card


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_widget_boxes_say_what_to_do_without_javascript(built_site, slug):
    for path in pages(built_site, slug):
        source = path.read_text(encoding="utf-8")
        for root in re.findall(r'<div class="guia-widget__core" data-checker="\w+">(.*?)</div>', source, re.S):
            nojs = re.search(r"<noscript>(.*?)</noscript>", root, re.S)
            assert nojs and "javascript" in nojs.group(1).lower(), path
        assert "te diré" not in source, path


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_search_without_javascript_lists_every_page(built_site, slug):
    source = (built_site / slug / "buscar" / "index.html").read_text(encoding="utf-8")
    fallback = re.search(r"<noscript>(.*?)</noscript>", source, re.S).group(1)
    links = re.findall(r'href="\.\./([^"]*)"', fallback)
    for step in SCHOOLS[slug].steps:
        assert f"pasos/{step}/" in links, step
    for link in links:
        assert (built_site / slug / link / "index.html").is_file(), link


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_glossary_terms_carry_their_definition(built_site, slug):
    from guide.imss import GLOSSARY

    glossary = text_of(built_site, slug, "glosario")
    for term, definition in GLOSSARY.items():
        assert normalise(definition) in glossary, term
    vigencia = (built_site / slug / "pasos" / SCHOOLS[slug].steps[0] / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">(NSS|CURP)</abbr>', vigencia)
    assert 'href="../../glosario/"' in (built_site / slug / "pasos" / END_STEP / "index.html").read_text(
        encoding="utf-8"
    )


def test_no_school_is_sent_where_its_guide_says_not_to_go(built_site):
    from guide.imss import URLS

    for path in pages(built_site, "oaxaca-ems"):  # «no acudir a la Subdelegación»
        assert URLS["subdelegaciones"] not in html.unescape(path.read_text(encoding="utf-8")), path
    # UdeG affiliates its students itself: nothing to hand in.
    assert "entrégalo a tu escuela" not in text_of(built_site, "udg-cucs", "preguntas")
    assert "entrégalo a tu escuela" in text_of(built_site, "aspirantes", "preguntas")
