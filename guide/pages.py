"""What the build does to each page, as plain functions of plain data.

guide/hooks.py adapts these to MkDocs' hook names; another engine (e.g.
Zensical, which ignores `hooks:`) only needs to call them the same way:
`fill` on each page's Markdown, `search_entry` on its HTML, `write_search`
at the end, `is_unused` to drop theme files we never serve.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from guide import sandbox

# Theme files we never serve: Material's bundle and search (replaced by
# guia.js), source maps, and the widget sources (built once into _shared/).
# sitemap.xml: its template is disabled, and the raw file must not ship.
_UNUSED = re.compile(r"^(assets/javascripts/(bundle\.|lunr/|workers/)|widgets/|sitemap\.xml$)|\.map$")
# Theme pages we never render: without a known site_url both carry root-absolute
# links that break under a GitHub Pages project path; Pages serves its own 404.
UNUSED_TEMPLATES = ("404.html", "sitemap.xml")


class PageError(ValueError):
    """One Spanish line naming the editor's file."""


def is_unused(src_uri: str) -> bool:
    return bool(_UNUSED.search(src_uri))


def source_of(extra: dict, src: str) -> str:
    """Where an editor finds the page: the school's own file or docs/."""
    return (extra.get("page_sources") or {}).get(src) or f"docs/{src}"


def step_position(extra: dict, src: str) -> dict | None:
    """{"n": 2, "m": 5} for the second of five steps; None for other pages."""
    school = extra.get("school")  # absent on the index site
    steps = [f"pasos/{s}.md" for s in school["steps"]] if school else []
    return {"n": steps.index(src) + 1, "m": len(steps)} if src in steps else None


def fill(markdown: str, src: str, extra: dict, paso: dict | None = None) -> tuple[str, bool]:
    """The page's Markdown with the school's values in; and whether it has a widget."""
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
        "school": extra.get("school"),
        "imss": extra["imss"],
        "config": dict(extra),
        "paso": paso,
        "widget": widget,
        "widget_batch": widget_batch,
    }
    where = source_of(extra, src)
    try:
        text = sandbox.render(markdown, context, where)
    except sandbox.TemplateProblem as exc:
        raise PageError(str(exc)) from None
    except ValueError as exc:  # e.g. an unknown widget kind
        raise PageError(f"{where}: {exc}") from None
    return text, bool(uses_widgets)


# A tag ends a word, except next to punctuation: a glossary term or a bold
# word before a full stop reads «tu NSS.», not «tu NSS .», and «(UMF)» stays
# whole (the search snippets show this text).  Not by tag name: a <span> or
# <strong> may be laid out as its own line (the index's school cards).
_TAGS = re.compile(r"(?:<[^>]+>)+")
_TAG_MARK = "\x00"  # where tags were, until the text is unescaped (a «.» may be &#46;)
_MARK_BY_PUNCTUATION = re.compile(r"\x00+(?=[.,;:?!)»])|(?<=[(«¿¡])\x00+")


def search_entry(url: str, title: str, content: str) -> dict:
    """The page as plain text, original accents kept for display; guia.js folds both sides."""
    text = html.unescape(_TAGS.sub(_TAG_MARK, content.replace(_TAG_MARK, "")))
    text = _MARK_BY_PUNCTUATION.sub("", text).replace(_TAG_MARK, " ")
    text = re.sub(r"\s+", " ", text).strip()
    return {"u": url, "t": html.unescape(str(title or "")), "x": text}


def write_search(site_dir: Path, entries: list[dict]) -> None:
    docs = sorted(entries, key=lambda d: d["u"])
    (Path(site_dir) / "search.json").write_text(
        json.dumps(docs, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
