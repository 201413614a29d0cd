"""The template language of the Markdown pages, sandboxed.

Editors of docs/ and schools/<slug>/ write `{{ school.name }}`,
`{{ imss.URLS.portal }}`, `{{ widget("curp") }}`…; they are trusted with text,
not with code. Jinja's ImmutableSandboxedEnvironment refuses dunder and other
unsafe attributes (`widget.__globals__`) and in-place changes of the data; the
page sees only the names in `NAMES` (no `range`, `dict`, `lipsum`…).
"""

from __future__ import annotations

import re

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

# Every name a page may use; grep docs/ and schools/ for `{{` and `{%` before adding one.
NAMES = ("school", "imss", "paso", "widget", "widget_batch", "config")

MESSAGES = {
    "unsafe": "«{name}» no se puede usar en las páginas: solo datos (school.…, imss.…) y "
    "los revisores widget(…) y widget_batch()",
    "unsafe_call": "la página intenta ejecutar código ({detail}); en las páginas solo se pueden poner "
    "datos (school.…, imss.…) y los revisores widget(…) y widget_batch()",
    "unknown_name": "«{name}» no existe: en las páginas se pueden usar {names}",
    "unknown_value": "el valor «{name}» no existe en el modelo de la escuela (¿está bien escrito?)",
    "syntax": "error de sintaxis en las llaves {{{{ }}}} o {{% %}}: {detail}",
}


class TemplateProblem(ValueError):
    """A page that cannot be rendered; the message is Spanish and says where."""


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.clear()  # range, dict, lipsum, cycler, joiner, namespace: not needed by any page
    env.filters["tel"] = lambda phone: f"[{phone['display']}]({phone['tel']})"
    env.filters["mailto"] = lambda email: f"[{email}](mailto:{email})"
    return env


_ENV = _environment()


def render(source: str, context: dict, where: str) -> str:
    """Render one page's Markdown; `where` names the editor's file in errors."""
    unknown = set(context) - set(NAMES)
    if unknown:
        raise ValueError(f"names outside the sandbox's list: {sorted(unknown)}")  # a bug in guide/, not in a page
    try:
        return _ENV.from_string(source).render(context)
    except SecurityError as exc:
        raise TemplateProblem(f"{where}{_line(exc)}: {_explain_security(exc)}") from None
    except jinja2.TemplateError as exc:
        raise TemplateProblem(f"{where}{_line(exc)}: {_explain(exc)}") from None


def _line(exc: Exception) -> str:
    lineno = getattr(exc, "lineno", None)
    if lineno is None:  # runtime errors carry the template line only in the traceback
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == "<template>":
                lineno = tb.tb_lineno
            tb = tb.tb_next
    return f", línea {lineno}" if lineno else ""


def _explain_security(exc: SecurityError) -> str:
    message = str(exc)
    match = re.search(r"attribute '([^']+)'", message)
    if match:
        return MESSAGES["unsafe"].format(name=match.group(1))
    return MESSAGES["unsafe_call"].format(detail=message)


def _explain(exc: jinja2.TemplateError) -> str:
    message = str(exc)
    match = re.search(r"'(\w+)' is undefined", message)
    if match and match.group(1) not in NAMES:
        return MESSAGES["unknown_name"].format(name=match.group(1), names=", ".join(NAMES))
    match = re.search(r"has no attribute '(\w+)'|'(\w+)' is undefined", message)
    if match:
        return MESSAGES["unknown_value"].format(name=match.group(1) or match.group(2))
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return MESSAGES["syntax"].format(detail=message)
    return message
