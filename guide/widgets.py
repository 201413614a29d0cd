"""HTML of the CURP, NSS and postal-code widgets, for the Markdown pages.

An editor writes one line in a step's Markdown::

    {{ widget("curp") }}      {{ widget("nss") }}      {{ widget("cp") }}

and, on the index site's "Revisa tu lista" page, ``{{ widget_batch() }}``.

The markup is complete and meaningful without JavaScript: a labelled input and
a status line (``role="status"``, ``data-state="idle"``) that says in Spanish
what the box does, plus links to the official pages.  The widgets' scripts (built
into ``_shared/`` by :mod:`guide.shared_assets`) bring it to life.  Contract
the tests and schools rely on: the root has ``data-checker="curp|nss|cp"`` and
contains the ``<input>`` and exactly one ``role="status"`` element whose
``data-state`` is ``loading|idle|valid|warning|invalid|error``.

No ``<form>`` element is used: pressing Enter must never submit what was typed
into a URL.
"""

from __future__ import annotations

from html import escape

from guide.imss import URLS

CURP_OFFICIAL = URLS["curp"]
NSS_OFFICIAL = URLS["tramite_nss"]
NSS_OFFICIAL_2 = URLS["afiliatealimss"]
# Shown only when JavaScript is off: what to do instead of the box.
_NOJS = "Este revisor necesita JavaScript y tu navegador lo tiene apagado. "


def _states():
    """(code, name) of every state, in the checker's own table, sorted by name."""
    from checker.curp import STATES  # the checker is the one source of state names

    return sorted(STATES.items(), key=lambda item: (item[0] == "NE", item[1]))


_SPEC = {
    "curp": {
        "label": "Revisa tu CURP",
        "idle": "Escribe tu CURP (18 letras y números). Aquí verás si está bien escrita y qué datos "
        "dice. Se revisa en tu teléfono: lo que escribes no se envía a ningún lado.",
        "nojs": _NOJS
        + f'Revisa tu CURP en el sitio oficial: <a href="{CURP_OFFICIAL}" rel="noopener">gob.mx/curp</a>.',
        "attrs": 'autocapitalize="characters" maxlength="40" placeholder="Ejemplo: HEGG560427MVZRRL04"',
        "links": f'¿Dudas? Consulta o descarga tu CURP en el sitio oficial: '
        f'<a href="{CURP_OFFICIAL}" rel="noopener">gob.mx/curp</a>.',
    },
    "nss": {
        "label": "Revisa tu Número de Seguridad Social (NSS)",
        "idle": "Escribe tu NSS (11 dígitos). Aquí verás si está bien escrito. Se revisa en tu "
        "teléfono: lo que escribes no se envía a ningún lado.",
        "nojs": _NOJS + f'Compara tu NSS con el que viene en tus documentos del IMSS, o localízalo en '
        f'<a href="{NSS_OFFICIAL_2}" rel="noopener">gob.mx/afiliatealimss</a>.',
        "attrs": 'inputmode="numeric" maxlength="30" placeholder="Ejemplo: 28138801999"',
        "links": f'¿No tienes tu NSS o no sabes cuál es? Consúltalo en el trámite oficial del IMSS: '
        f'<a href="{NSS_OFFICIAL}" rel="noopener">Asignación o localización del NSS</a> '
        f'o en <a href="{NSS_OFFICIAL_2}" rel="noopener">gob.mx/afiliatealimss</a>.',
    },
    "cp": {
        "label": "Revisa tu código postal",
        "idle": "Escribe tu código postal (5 dígitos). Aquí verás a qué estado, municipio y colonias "
        "corresponde. Se revisa en tu teléfono: lo que escribes no se envía a ningún lado.",
        "nojs": _NOJS + "Usa el código postal que viene en un recibo reciente de luz o agua.",
        "attrs": 'inputmode="numeric" maxlength="20" placeholder="Ejemplo: 68000"',
        "links": 'Si tu código no aparece, búscalo en el sitio de '
        '<a href="https://www.correosdemexico.gob.mx/" rel="noopener">Correos de México</a> '
        'o usa el que viene en un recibo reciente de luz o agua.',
    },
}


def _compare_form(prefix: str) -> str:
    options = "".join(f'<option value="{code}">{escape(name)}</option>' for code, name in _states())
    f = prefix + "-cmp"
    from checker.curp_names import MAX_LENGTH as limit  # the checker's documented limit

    return (
        '<details class="guia-widget__compare" data-guia-compare>'
        '<summary>¿Coincide con tus datos?</summary>'
        '<p>Escribe tus datos como aparecen en tu acta de nacimiento. Aquí verás qué caracteres de la CURP '
        'no coinciden con ellos. Llena solo los que quieras comparar.</p>'
        '<div class="guia-widget__fields" role="group" aria-label="Tus datos">'
        f'<label for="{f}-nombre">Nombre(s)<input id="{f}-nombre" data-field="given_names" type="text" maxlength="{limit}" autocomplete="off" spellcheck="false"></label>'
        f'<label for="{f}-ap1">Primer apellido<input id="{f}-ap1" data-field="first_surname" type="text" maxlength="{limit}" autocomplete="off" spellcheck="false"></label>'
        f'<label for="{f}-ap2">Segundo apellido<input id="{f}-ap2" data-field="second_surname" type="text" maxlength="{limit}" autocomplete="off" spellcheck="false"></label>'
        f'<label for="{f}-fecha">Fecha de nacimiento<input id="{f}-fecha" data-field="birth_date" type="date" autocomplete="off"></label>'
        f'<label for="{f}-sexo">Sexo<select id="{f}-sexo" data-field="sex"><option value="">(sin indicar)</option>'
        '<option value="H">Hombre (H)</option><option value="M">Mujer (M)</option><option value="X">No binario (X)</option></select></label>'
        f'<label for="{f}-edo">Entidad de nacimiento<select id="{f}-edo" data-field="state"><option value="">(sin indicar)</option>{options}</select></label>'
        '</div>'
        '<button type="button" class="guia-widget__button">Comparar con mi CURP</button>'
        '<div class="guia-widget__compare-result" data-guia-compare-result aria-live="polite"></div>'
        '</details>'
    )


def render(kind: str) -> str:
    """The HTML of one widget; ``kind`` is ``"curp"``, ``"nss"`` or ``"cp"``."""
    if kind not in _SPEC:
        raise ValueError(f"widget desconocido «{kind}»: usa widget(\"curp\"), widget(\"nss\") o widget(\"cp\")")
    spec = _SPEC[kind]
    prefix = f"guia-{kind}"
    # The card holds the contract root (exactly one input and one status) and,
    # for the CURP, the optional "¿Coincide con mis datos?" form beside it.
    parts = [
        f'<div class="guia-widget guia-widget--{kind}">',
        f'<div class="guia-widget__core" data-checker="{kind}">',
        f'<label class="guia-widget__label" for="{prefix}">{spec["label"]}</label>',
        f'<noscript><p class="guia-widget__nojs">{spec["nojs"]}</p></noscript>',
        f'<input id="{prefix}" class="guia-widget__input" data-guia-input type="text" name="{kind}" '
        f'{spec["attrs"]} autocomplete="off" autocorrect="off" spellcheck="false" enterkeyhint="done" '
        f'aria-describedby="{prefix}-status">',
        '<div class="guia-widget__echo" data-guia-echo aria-hidden="true" hidden></div>',
        f'<p id="{prefix}-status" class="guia-widget__status" role="status" aria-live="polite" '
        f'data-state="idle">{spec["idle"]}</p>',
        '<div class="guia-widget__details" data-guia-details hidden></div>',
    ]
    parts.append(f'<p class="guia-widget__links">{spec["links"]}</p>')
    parts.append("</div>")
    if kind == "curp":
        parts.append(_compare_form(prefix))
    parts.append("</div>")
    # Blank lines around, none inside: Markdown keeps it as one raw HTML block.
    return "\n\n" + "\n".join(parts) + "\n\n"


def render_batch() -> str:
    """The "Revisa tu lista" widget: an Excel or CSV file checked in the browser."""
    parts = [
        '<div class="guia-widget guia-widget--batch" data-checker-batch>',
        '<label class="guia-widget__label" for="guia-lista">Elige el archivo de tu lista (Excel o CSV)</label>',
        '<input id="guia-lista" class="guia-widget__file" type="file" accept=".xlsx,.csv,text/csv,text/plain,'
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="guia-lista-status">',
        '<p id="guia-lista-status" class="guia-widget__status" role="status" aria-live="polite" data-state="idle">'
        "Elige un archivo de Excel (.xlsx) o CSV con columnas de CURP, NSS o código postal. Se revisa en esta "
        "computadora, fila por fila, con el mismo programa que <code>python -m checker</code>: "
        "el archivo no se sube a ningún lado.</p>",
        '<div class="guia-widget__details" data-guia-batch-output hidden></div>',
        "</div>",
    ]
    return "\n\n" + "\n".join(parts) + "\n\n"
