"""Engine hedge: hooks.py only adapts MkDocs' hook names to plain functions of guide/."""

from __future__ import annotations

import ast
import json

from guide import pages
from guide.testing import ROOT

HOOKS = ROOT / "guide" / "hooks.py"


def test_hooks_hold_no_logic_of_their_own():
    tree = ast.parse(HOOKS.read_text(encoding="utf-8"))
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imports |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imports <= {"__future__", "mkdocs.exceptions", "guide"}, imports  # no re, json, jinja2, html…
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            assert node.name.startswith("on_"), node.name
            assert node.end_lineno - node.lineno < 16, f"{node.name} is more than an adapter"


def test_the_page_functions_work_on_plain_data_without_mkdocs(tmp_path):
    extra = {
        "school": {"name": "Prepa", "steps": ["obtener-nss", "listo"]},
        "imss": {"URLS": {"portal": "https://x.mx"}},
        "page_sources": {"extra.md": "schools/prepa/extra.md"},
    }
    assert pages.step_position(extra, "pasos/listo.md") == {"n": 2, "m": 2}
    text, widgets = pages.fill("# {{ school.name }}\n\n{{ imss.URLS.portal }}\n", "extra.md", extra)
    assert text == "# Prepa\n\nhttps://x.mx\n" and widgets is False
    entry = pages.search_entry("pasos/x/", "T&#237;tulo", "<h1>Hola</h1><p>a &amp; b</p>")
    assert entry == {"u": "pasos/x/", "t": "Título", "x": "Hola a & b"}
    # a tag next to punctuation adds no space (the snippets show this text); elsewhere it ends a word
    inline = pages.search_entry(
        "x/",
        "X",
        '<p>Entrega tu <abbr title="Número de Seguridad Social">NSS</abbr>.</p><p><strong>Hoy</strong>, '
        '<a href="/y/">aquí</a> (<abbr title="Unidad">UMF</abbr>)</p><p>dos<br>tres <b>x</b>&#46; &lt;i&gt;</p>'
        '<a><strong>Tec</strong><span class="meta">Chiapas</span></a>',
    )
    assert inline["x"] == "Entrega tu NSS. Hoy, aquí (UMF) dos tres x. <i> Tec Chiapas"
    pages.write_search(tmp_path, [entry])
    assert json.loads((tmp_path / "search.json").read_text(encoding="utf-8")) == [entry]
    assert pages.is_unused("assets/javascripts/bundle.123.min.js") and not pages.is_unused("index.md")
