"""MkDocs hooks: fill the shared Markdown with the school's values, number the
steps, and write the accent-folded search index.

Registered by path in each generated mkdocs.yml (`hooks:`), so a school's
mkdocs.yml plus its docs/ is all an MkDocs-compatible builder needs. Templating
uses the Jinja2 that MkDocs already ships; no second template language.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

_env = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["tel"] = lambda phone: f"[{phone['display']}]({phone['tel']})"
_env.filters["mailto"] = lambda email: f"[{email}](mailto:{email})"

_search_docs: list[dict] = []


def on_config(config):
    _search_docs.clear()
    # Without a known site_url both pages carry root-absolute links that break
    # under a GitHub Pages project path; Pages serves its own 404 anyway.
    for template in ("404.html", "sitemap.xml"):
        config.theme.static_templates.discard(template)
    return config


# Theme files we never serve: Material's bundle and search (replaced by
# guia.js), source maps, and the widget sources (built once into _shared/).
# sitemap.xml: its template is disabled in on_config, and the raw file must not ship.
_UNUSED = re.compile(r"^(assets/javascripts/(bundle\.|lunr/|workers/)|widgets/|sitemap\.xml$)|\.map$")


def on_files(files, config):
    for file in list(files):
        if _UNUSED.search(file.src_uri):
            files.remove(file)
    return files


def on_page_markdown(markdown, page, config, files):
    extra = config["extra"]
    school = extra.get("school")  # absent on the index site
    steps = [f"pasos/{s}.md" for s in school["steps"]] if school else []
    src = page.file.src_uri
    if src in steps:
        page.meta["paso"] = {"n": steps.index(src) + 1, "m": len(steps)}
    uses_widgets = []

    def widget(kind: str) -> str:
        from guide import widgets  # imported only when a page has a widget
        uses_widgets.append(kind)
        return widgets.render(kind)

    def widget_batch() -> str:
        from guide import widgets
        uses_widgets.append("batch")
        return widgets.render_batch()

    context = {
        "school": school,
        "config": extra,
        "imss": extra["imss"],
        "paso": page.meta.get("paso"),
        "widget": widget,
        "widget_batch": widget_batch,
    }
    try:
        text = _env.from_string(markdown).render(context)
    except jinja2.TemplateError as exc:
        line = f", línea {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise PluginError(f"{_source(extra, src)}{line}: {_spanish_jinja_error(exc)}") from None
    except ValueError as exc:  # e.g. an unknown widget kind
        raise PluginError(f"{_source(extra, src)}: {exc}") from None
    if uses_widgets:
        page.meta["widgets"] = True
    return text


def on_page_content(content, page, config, files):
    if page.meta.get("search") is not False:
        text = re.sub(r"<[^>]+>", " ", content)
        text = re.sub(r"\s+", " ", html.unescape(text)).strip()
        _search_docs.append({"u": page.url, "t": page.title, "x": text})
    return content


def on_post_build(config):
    # Plain text, original accents kept for display; guia.js folds both sides.
    path = Path(config["site_dir"]) / "search.json"
    docs = sorted(_search_docs, key=lambda d: d["u"])
    path.write_text(json.dumps(docs, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _source(extra: dict, src: str) -> str:
    """Where an editor finds the page: the school's own file or docs/."""
    return extra.get("page_sources", {}).get(src) or f"docs/{src}"


def _spanish_jinja_error(exc: jinja2.TemplateError) -> str:
    message = str(exc)
    match = re.search(r"'(?:dict object|[\w ]+)' has no attribute '(\w+)'|'(\w+)' is undefined", message)
    if match:
        name = match.group(1) or match.group(2)
        return f"el valor «{name}» no existe en el modelo de la escuela (¿está bien escrito?)"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"error de sintaxis en las llaves {{{{ }}}} o {{% %}}: {message}"
    return message
