"""Stand-alone widget pages for the browser tests and bench/widgets.py.

Not part of any guide and never run at build time (the build's module is
:mod:`guide.shared_assets`): like :mod:`guide.testing`, it lives in the
package so that tests/ and bench/ import it the same way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

# The guide's site-wide Service Worker registration (engineer D's), copied next to the demo pages.
OFFLINE_JS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "javascripts" / "offline.js"

# The own-origin policy of a page with widgets (the site's pages set it in overrides/main.html).
PAGE_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)

_DEMO_PAGE = """<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
{css}
</head>
<body>
<main>
<h1>{title}</h1>
<p>Esta página de prueba muestra los recuadros que revisan tus datos. El texto de la guía se lee
aunque la revisión no haya cargado.</p>
<ol><li>Ten a la mano tu CURP.</li><li>Escríbela en el recuadro.</li><li>Revisa lo que dice.</li></ol>
{body}
</main>
{js}
</body>
</html>
"""


def write_demo(site_root: Path, manifest: dict) -> dict:
    """Standalone pages for tests and benchmarks (not part of the guide).

    ``demo/index.html`` has the three widgets, ``demo/lista/index.html`` the
    CSV checker, ``demo/sin-widgets/index.html`` the same text without them.
    Returns their paths relative to ``site_root``.  Also the site-root
    ``sw.js`` for them (no school's lists: any page may be kept)."""
    from guide import pwa, widgets

    site_root = Path(site_root)
    (site_root / "demo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(OFFLINE_JS, site_root / "demo" / "offline.js")
    pages = {}
    for rel, title, body in (
        ("demo/index.html", "Revisa tus datos", widgets.render("curp") + widgets.render("nss") + widgets.render("cp")),
        ("demo/lista/index.html", "Revisa tu lista", widgets.render_batch()),
        ("demo/sin-widgets/index.html", "Revisa tus datos", ""),
        (
            "demo/largo/index.html",
            "Revisa tus datos",
            "".join(f"<p>Párrafo {i} de la guía: lee con calma cada paso antes de seguir.</p>" for i in range(80))
            + widgets.render("curp"),
        ),
    ):
        up = "../" * rel.count("/")
        # As pages should carry them: the stylesheet in the body right before
        # the first widget (it blocks only what follows it, not the first
        # paint) and the module script at low fetch priority.
        if body:
            link = f'<link rel="stylesheet" href="{up}{manifest["widgets_css"]}">'
            body = body.replace('<div class="guia-widget', link + '<div class="guia-widget', 1)
        css = ""
        js = f'<script type="module" fetchpriority="low" src="{up}{manifest["widgets_js"]}"></script>' if body else ""
        # The site-wide Service Worker registration, as the guide's pages have it (engineer D).
        js += f'<script src="{up}demo/offline.js" data-sw="{up}sw.js" defer></script>'
        page = site_root / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_DEMO_PAGE.format(csp=PAGE_CSP, title=title, css=css, js=js, body=body), encoding="utf-8")
        pages[rel.split("/")[1] if rel.count("/") > 1 else "widgets"] = rel
    pwa.write_service_worker(site_root, pages=False)
    return pages
