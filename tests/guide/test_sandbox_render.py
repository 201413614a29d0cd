"""guide.sandbox.render directly: each kind of mistake in a page's braces is
one Spanish line naming the file and line; pages cannot run code."""

from __future__ import annotations

import pytest

from guide.sandbox import TemplateProblem, render

CONTEXT = {"school": {"name": "Prepa 1", "faq": ["¿Cuánto cuesta?"]}, "paso": {"n": 2}}


def problem(source: str) -> str:
    with pytest.raises(TemplateProblem) as info:
        render(source, CONTEXT, "docs/pasos/carnet.md")
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_a_good_page_renders():
    assert render("Hola, {{ school.name }} (paso {{ paso.n }})", CONTEXT, "x.md") == "Hola, Prepa 1 (paso 2)"


def test_a_misspelt_value_is_named():
    assert problem("uno\n{{ school.nombre }}") == (
        "docs/pasos/carnet.md, línea 2: el valor «nombre» no existe en el modelo de la escuela (¿está bien escrito?)"
    )


def test_a_name_outside_the_list_is_named_with_the_allowed_ones():
    assert problem("{{ escuela.name }}") == (
        "docs/pasos/carnet.md, línea 1: «escuela» no existe: en las páginas se pueden usar "
        "school, imss, paso, widget, widget_batch, config"
    )


def test_a_syntax_error_says_so():
    assert problem("{{ school.name ").startswith("docs/pasos/carnet.md, línea 1: error de sintaxis en las llaves")


def test_changing_the_data_is_refused():
    message = problem('{{ school.faq.append("x") }}')
    assert message.startswith("docs/pasos/carnet.md, línea 1: «append» no se puede usar en las páginas")


def test_other_template_errors_keep_jinja_words_but_name_the_place():
    message = problem("{{ school.name | no_existe }}")
    assert message.startswith("docs/pasos/carnet.md, línea 1: ") and "no_existe" in message


def test_a_context_name_outside_the_list_is_a_bug_in_guide():
    with pytest.raises(ValueError, match="names outside the sandbox's list"):
        render("x", {"os": object()}, "x.md")
