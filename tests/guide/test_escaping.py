"""School text is escaped wherever it lands; Markdown fields carry no raw HTML;
URLs are https only and re-serialised.

The property tests render through the same Markdown extensions as mkdocs.yml
and parse the HTML; tests/guide/test_escaping_build.py does the same on built sites.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide import escape
from guide.schools import SchoolError, load
from tests.guide.test_model import GOOD, write_school

HOSTILE = [
    'Prepa "Lázaro Cárdenas" <Turno> A&M',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "**negrita** _x_ [enlace](https://evil.example) ![i](https://evil.example/i.png) {: onclick=alert(1) }",
    "- lista\n\n# título\n\n<script>alert(1)</script>",
    "&lt; &amp; &#60; \\* `code` {{ school.name }} {% if 1 %}",
    "1. x",
    "---",
    "> cita",
    "!!! note",
    ": def",
    "*[HTML]: x",
    "\x02klzzwxh:0000\x03",
]


def render(source: str) -> str:
    names, configs = escape.markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(source)


class Tree(HTMLParser):
    """Tags, attributes and text of an HTML fragment (entities decoded)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data):
        self.text.append(data)


def squash(text: str) -> str:
    return " ".join(text.split())


plain_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60).filter(str.strip)
# The places a plain field lands in the shared Markdown.
CONTEXTS = [
    "{}",
    "Hola {}.",
    "# {}",
    "## En {}",
    "- {}",
    "1. {}",
    "**{}**",
    "[{}](mailto:a@b.mx)",
    "!!! note\n    {}",
    '<div markdown>\n{}\n</div>',
    "Texto\n: {}",
]


@pytest.mark.parametrize("context", CONTEXTS)
@settings(max_examples=150, deadline=None)
@given(text=plain_text)
@example(text=HOSTILE[0])
@example(text=HOSTILE[1])
@example(text=HOSTILE[2])
@example(text=HOSTILE[4])
@example(text="1. x")
@example(text="---")
@example(text="> cita")
def test_any_plain_text_renders_as_exactly_that_text_and_adds_no_element(context, text):
    expected = Tree(render(context.format("PLACEHOLDER")))
    got = Tree(render(context.format(escape.plain(text))))
    assert got.tags == expected.tags
    assert [name for name, _ in got.attrs] == [name for name, _ in expected.attrs]
    # Leading and trailing spaces are dropped (as HTML would), the rest is as typed.
    assert squash("".join(got.text)) == squash("".join(expected.text).replace("PLACEHOLDER", text.strip(" \t\n\r\f")))


MARKDOWN_TAGS = {
    "p",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "blockquote",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "div",
    "details",
    "summary",
}


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
    | st.lists(
        st.sampled_from(HOSTILE + ["<", "{", "}", "[a](", ")", "javascript:", "&#", "\n\n", "*", "!"]), max_size=8
    ).map("".join)
)
@example(text="[a](javascript:alert(1))")
@example(text="[a][r]\n\n[r]: javascript:alert(1)")
@example(text='<a href="javascript:alert(1)">a</a><img src=x onerror=alert(1)>')
@example(text="texto\n{: onclick=alert(1) }")
def test_a_markdown_field_is_markdown_but_never_raw_html(text):
    if escape.control_problem(text) or escape.markdown_problem(text):
        return  # refused at load with a message (test_markdown_field_errors)
    tree = Tree(render(escape.markdown(text)))
    assert set(tree.tags) <= MARKDOWN_TAGS, tree.tags
    for name, value in tree.attrs:
        assert name in ("href", "class", "title", "open", "id"), name
        if name == "href":
            assert escape._safe_link(value), value


def test_markdown_keeps_bold_lists_and_safe_links():
    html = render(escape.markdown("**No acudas.** Escribe a [imss@udg.mx](mailto:imss@udg.mx):\n\n- CURP\n- INE"))
    assert "<strong>No acudas.</strong>" in html and '<a href="mailto:imss@udg.mx">' in html and "<li>INE</li>" in html


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("intro", "[ve](javascript:alert(1))", "intro: el enlace «javascript:alert(1)» no está permitido"),
        ("intro", "![logo](https://evil.example/x.png)", "intro: no se pueden poner imágenes"),
        ("opt_out", "[a][r]\n\n[r]: http://evil.example", "opt_out: el enlace «http://evil.example» no está permitido"),
        ("city", "Tuxtla\x1b[31m", "city: tiene un carácter invisible de control (U+001B)"),
        ("site_url", "http://escuela.edu.mx", "site_url: «http://escuela.edu.mx» no es una dirección https://"),
        (
            "site_url",
            "https://user:clave@escuela.edu.mx",
            "site_url: «https://user:clave@escuela.edu.mx» no puede llevar usuario",
        ),
        ("site_url", "https://escuela", "site_url: «https://escuela» no tiene un nombre de sitio válido"),
    ],
)
def test_markdown_field_errors(tmp_path, field, value, expected):
    source = GOOD.replace("reviewed=", f"{field}={value!r}, reviewed=")
    with pytest.raises(SchoolError) as info:
        load(write_school(tmp_path, source))
    assert expected in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize(
    "value, serialised",
    [
        (
            'https://ok.example.com/"><script>alert(1)</script>',
            "https://ok.example.com/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E",
        ),
        ("https://Escuela.EDU.mx/a b?x=1&y=[2]#f", None),
        ("https://árbol.mx/ruta_1*(x)", "https://xn--rbol-lqa.mx/ruta%5F1%2A%28x%29"),
        ("https://www.imss.gob.mx/tramites?a=1&b=2#x", "https://www.imss.gob.mx/tramites?a=1&b=2#x"),
    ],
)
def test_urls_are_https_and_re_serialised(value, serialised):
    if serialised is None:
        assert escape.url_problem(value)  # spaces: refused, not guessed
        return
    assert escape.url_problem(value) is None
    out = escape.url(value)
    assert not set(out) & set("\"'<>`[]()*_ {};\\")
    html = render(f"[sitio]({out})")
    assert Tree(html).tags == ["p", "a"]
