"""MkDocs hooks: a thin adapter from MkDocs' hook names to guide.pages.

Registered by path in each generated mkdocs.yml (`hooks:`), so a school's
mkdocs.yml plus its docs/ is all an MkDocs-compatible builder needs. Nothing
here decides anything: each hook passes plain data (strings, dicts) to a
function of guide/ and puts the result back where MkDocs wants it.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from guide import escape, pages

_search_docs: list[dict] = []


def on_config(config):
    _search_docs.clear()
    for template in pages.UNUSED_TEMPLATES:
        config.theme.static_templates.discard(template)
    # Theme templates print these raw in some places and with `| e` in others:
    # as Markup they come out escaped exactly once in both.
    for key in ("site_name", "site_description"):
        if config.get(key):
            config[key] = escape.markup(config[key])
    if config["extra"].get("school"):
        config["extra"]["school"] = escape.as_markup(config["extra"]["school"])
    return config


def on_files(files, config):
    for file in list(files):
        if pages.is_unused(file.src_uri):
            files.remove(file)
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    extra = dict(config["extra"])
    paso = pages.step_position(extra, src)
    if paso:
        page.meta["paso"] = paso
    try:
        text, uses_widgets = pages.fill(markdown, src, extra, paso)
    except pages.PageError as exc:
        raise PluginError(str(exc)) from None
    if uses_widgets:
        page.meta["widgets"] = True
    return text


def on_page_content(content, page, config, files):
    if page.meta.get("search") is not False:
        _search_docs.append(pages.search_entry(page.url, page.title, content))
    return content


def on_post_build(config):
    pages.write_search(config["site_dir"], _search_docs)
