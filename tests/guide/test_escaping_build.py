"""On a built site: any string in a school's text fields shows as exactly that
text, in element text, attributes, meta and JSON, and adds no element."""

from __future__ import annotations

import json
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from guide.build import build
from guide.imss import GLOSSARY

# The glossary's own markup: a school text that holds a glossary term ("NSS")
# gets its <abbr>, as every page's text does; any other element is added by
# the text itself.
GLOSSARY_TITLES = frozenset(GLOSSARY.values())

BASELINE = {
    "name": "Nombre uno",
    "short_name": "Corto dos",
    "city": "Ciudad tres",
    "office": "Oficina cuatro",
    "role": "Papel cinco",
    "address": "Domicilio seis",
    "hours": "Horario siete",
    "include": "Dato ocho",
    "question": "Pregunta nueve",
}


def school_source(v: dict) -> str:
    return textwrap.dedent(f'''\
        import datetime
        from guide.model import School, Office, Phone, QA, Deadline

        SCHOOL = School(
            name={v["name"]!r}, short_name={v["short_name"]!r}, city={v["city"]!r},
            level="superior", state="Jalisco",
            logo_svg='<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
            primary_color="#1a5c3a", accent_color="#c0392b",
            offices=[Office(name={v["office"]!r}, role={v["role"]!r}, address={v["address"]!r},
                            hours={v["hours"]!r}, include_data=[{v["include"]!r}],
                            email="escolares@prueba.edu.mx", phones=[Phone("(33) 3827 0613")])],
            steps=["obtener-nss", "entregar-nss"],
            faq=[QA(question={v["question"]!r}, answer="Sí.")],
            deadlines=[Deadline(action="Entrega tu acuse", when="durante los 3 días después de tu inscripción",
                                step="entregar-nss")],
            reviewed=datetime.date(2026, 1, 15),
        )
    ''')


class Page(HTMLParser):
    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.attrs, self.title, self._in_title = [], [], {}, "", False
        self.feed(path.read_text(encoding="utf-8"))
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "abbr" and a.get("title") in GLOSSARY_TITLES:
            return
        self.tags.append(tag)
        self._in_title = tag == "title"
        if tag == "meta" and a.get("name") == "description":
            self.attrs["description"] = a.get("content")
        if tag == "img" and "guia-logo" in (a.get("class") or ""):
            self.attrs["logo_alt"] = a.get("alt")
        if a.get("data-description") is not None:
            self.attrs["calendar"] = a["data-description"]
        if a.get("data-guia-filter-text") is not None:
            self.attrs["filter"] = a["data-guia-filter-text"]

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title:
            self.title += data


def squash(text: str) -> str:
    return " ".join(text.split())


def build_with(values: dict, root: Path) -> dict[str, Page]:
    schools = root / "schools"
    schools.mkdir(parents=True)
    (schools / "prueba.py").write_text(school_source(values), encoding="utf-8")
    site = root / "site"
    build(site=site, work=root / "work", schools_dir=schools, widgets=False)
    return {p.relative_to(site).as_posix(): Page(p) for p in sorted(site.rglob("*.html"))}, site


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return build_with(BASELINE, tmp_path_factory.mktemp("baseline"))[0]


text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(str.strip)
HOSTILE = {
    "name": 'Prepa "Lázaro Cárdenas" <Turno> A&M',
    "short_name": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "city": "*a* _b_ [c](https://evil.example){: onclick=alert(1) }",
    "office": "# Oficina\n\n- uno",
    "role": "</p><script>alert(1)</script>",
    "address": "\x02klzzwxh:0000\x03".replace("\x02", "").replace("\x03", ""),
    "hours": "{{ school.name }} {% raw %}",
    "include": "&lt;b&gt; &amp; &#60;",
    "question": "¿Qué? `x` ![i](a.png)",
}


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(values=st.fixed_dictionaries({key: text for key in BASELINE}))
@example(values=HOSTILE)
@example(values={**BASELINE, "question": "¿Mi NSS?", "office": "Tu UMF."})
def test_any_school_text_renders_as_exactly_that_text(baseline, tmp_path_factory, values):
    pages, site = build_with(values, tmp_path_factory.mktemp("escaped"))
    v = {key: squash(value) for key, value in values.items()}
    assert {path: page.tags for path, page in pages.items()} == {path: page.tags for path, page in baseline.items()}
    home, contact, faq = (
        pages["prueba/index.html"],
        pages["prueba/contacto/index.html"],
        pages["prueba/preguntas/index.html"],
    )
    assert squash(home.title) == f"Guía NSS · {v['short_name']}"
    assert (
        squash(home.attrs["description"])
        == f"{v['name']}: cómo obtener tu NSS y tu seguro de salud para estudiantes del IMSS."
    )
    assert squash(home.attrs["logo_alt"]) == f"Logo de {v['short_name']}"
    assert v["name"] in squash(" ".join(home.text))
    contact_text = squash(" ".join(contact.text))
    for key in ("office", "role", "address", "hours", "include"):
        assert v[key] in contact_text, key
    assert v["question"] in squash(" ".join(faq.text))
    calendar = pages["prueba/pasos/entregar-nss/index.html"].attrs["calendar"]  # read by calendar.js into an .ics
    assert f"Contacto: {v['office']}, 33 3827 0613, escolares@prueba.edu.mx." in squash(calendar)
    index = pages["index.html"]
    assert squash(index.attrs["filter"]) == squash(
        f"{values['name']} {values['short_name']} Jalisco {values['city']}".lower()
    )
    assert v["name"] in squash(" ".join(index.text))
    search = json.loads((site / "prueba" / "search.json").read_text(encoding="utf-8"))
    assert any(v["office"] in squash(entry["x"]) for entry in search)
