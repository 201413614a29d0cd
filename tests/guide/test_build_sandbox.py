"""Markdown pages render sandboxed: data and widgets, never code."""

from __future__ import annotations

import re

import pytest

from guide import sandbox
from guide.testing import ROOT, build_cli
from tests.guide.test_model import GOOD

EXPLOIT = '{{ widget.__globals__["__builtins__"]["__import__"]("os").popen("echo PWNED").read() }}'


@pytest.mark.parametrize(
    "source, name",
    [
        (EXPLOIT, "__globals__"),
        ("{{ school.__class__.__mro__ }}", "__class__"),
        ("{{ imss.URLS.items.__self__ }}", "__self__"),
        ("{{ widget.__code__ }}", "__code__"),
    ],
)
def test_unsafe_attributes_stop_with_the_page_named_in_spanish(source, name):
    context = {"school": {"name": "X"}, "imss": {"URLS": {}}, "widget": lambda kind: kind}
    with pytest.raises(sandbox.TemplateProblem) as info:
        sandbox.render(f"# Título\n\n{source}\n", context, "schools/prueba/extra.md")
    message = str(info.value)
    assert message.startswith("schools/prueba/extra.md, línea 3: ")
    assert f"«{name}» no se puede usar en las páginas" in message


def test_data_cannot_be_changed_from_a_page():
    with pytest.raises(sandbox.TemplateProblem) as info:
        sandbox.render("{{ school.steps.append('x') }}", {"school": {"steps": []}}, "docs/index.md")
    assert str(info.value).startswith("docs/index.md, línea 1: «append» no se puede usar")


def test_only_the_names_editors_use_exist():
    for name in ("range", "dict", "lipsum", "cycler", "joiner", "namespace"):
        with pytest.raises(sandbox.TemplateProblem) as info:
            sandbox.render(f"{{{{ {name} }}}}", {}, "docs/index.md")
        assert f"«{name}» no existe" in str(info.value)


def test_every_name_the_pages_use_is_allowed():
    """Grep of docs/ and schools/: each name a page reads is in sandbox.NAMES or set by the page."""
    import jinja2.meta

    env = sandbox._ENV
    used = set()
    for page in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "schools").rglob("*.md")]:
        source = page.read_text(encoding="utf-8")
        set_here = set(re.findall(r"{%-?\s*set\s+(\w+)", source))  # jinja2.meta misses sets inside loops
        used |= jinja2.meta.find_undeclared_variables(env.parse(source)) - set_here
    assert used <= set(sandbox.NAMES), used - set(sandbox.NAMES)


def test_a_school_page_with_the_exploit_fails_the_build(tmp_path):
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (schools / "prueba" / "extra.md").write_text(f"# Extra\n\n{EXPLOIT}\n", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "work")
    assert proc.returncode == 1
    assert "prueba/extra.md, línea 3: «__globals__» no se puede usar en las páginas" in proc.stderr
    assert "PWNED" not in proc.stderr + proc.stdout and "Traceback" not in proc.stderr
    assert not (tmp_path / "site").exists()
