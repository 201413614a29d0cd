"""School text made safe for wherever it lands: Markdown, HTML, attributes, JSON.

Every text field of a school model is plain text unless guide/model.py lists it
in MARKDOWN_FIELDS. Plain text reaches the Markdown pages with its ASCII
punctuation as numeric character references (`<` → `&#60;`): Python-Markdown
leaves references alone, so no `*`, `[`, `{:`, `<` or `"` of a school name can
become emphasis, a link, an attribute or an element, in the page body, in a
theme attribute or in a heading; browsers and the search index decode them to
exactly the text typed.

Markdown fields keep their Markdown but not raw HTML: `<` and `&` are escaped,
`{`/`}` too (attr_list would otherwise add attributes), a leading `*[` (an
abbreviation would apply to the whole page) as well, and every link must be
https:, mailto:, tel:, `#…` or a page of the guide; no images.

URLs are parsed, https only, and re-serialised with every character that could
end an attribute or a Markdown link percent-encoded.
"""

from __future__ import annotations

import functools
import html
import re
import string
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import markdown as markdown_lib
import yaml
from markupsafe import Markup

MESSAGES = {
    "control": "tiene un carácter invisible de control ({code}); bórralo y vuelve a escribir el texto",
    "url_scheme": "«{value}» no es una dirección https:// (empieza con https://)",
    "url_host": "«{value}» no tiene un nombre de sitio válido después de https:// (p. ej. https://www.escuela.edu.mx)",
    "url_user": "«{value}» no puede llevar usuario o contraseña",
    "url_space": "«{value}» tiene espacios o caracteres invisibles; copia la dirección completa del navegador",
    "link": "el enlace «{url}» no está permitido: usa una dirección https://, mailto:, tel: o una página de la guía",
    "image": "no se pueden poner imágenes en este texto (cargarían algo de otro sitio)",
}

# HTML whitespace collapses to one space; other C0/C1 controls are refused:
# browsers drop or replace them, so they cannot render as typed.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_PUNCT = {c: f"&#{ord(c)};" for c in string.punctuation}
_HOST = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
# Characters a URL may keep as they are: nothing that ends an attribute ("'<>`),
# a Markdown link ([]()), emphasis (*_) or an entity (&;) — those are %-encoded.
_URL_SAFE = "/:@!$&+,=-.~%?#"
_SAFE_SCHEMES = ("https", "mailto", "tel")


def control_problem(text: str) -> str | None:
    """The Spanish reason a text cannot be shown as typed, or None."""
    for char in text:
        if unicodedata.category(char) in ("Cc", "Cs") and char not in "\t\n\r\f":
            return MESSAGES["control"].format(code=f"U+{ord(char):04X}")
    return None


def plain(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text (whitespace collapsed)."""
    # Other Unicode spaces (U+00A0…) as references too: Markdown's `\s` would see them.
    return "".join(
        _PUNCT.get(c) or (f"&#{ord(c)};" if c.isspace() and c != " " else c)
        for c in _HTML_SPACE.sub(" ", text).strip(" ")
    )


def markdown(text: str) -> str:
    """A Markdown field without raw HTML, attribute lists or page-wide abbreviations (`*[x]: …`)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")
    return _ABBREVIATION.sub(r"\1&#42;[", text)


_ABBREVIATION = re.compile(r"^([ \t]*)\*\[", re.MULTILINE)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!relative…) read as None: only the extension names matter here."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@functools.lru_cache(maxsize=1)
def markdown_extensions() -> tuple[list[str], dict]:
    """The Markdown extensions of mkdocs.yml (but snippets, which reads files), as names and configs."""
    config = yaml.load((Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)
    names, configs = [], {}
    for item in config.get("markdown_extensions") or []:
        name, options = (item, None) if isinstance(item, str) else next(iter(item.items()))
        if name != "pymdownx.snippets":
            names.append(name)
            if options:
                configs[name] = options
    return names, configs


def markdown_problem(text: str) -> str | None:
    """Why a Markdown field is refused (a link or image we don't publish), or None."""
    names, configs = markdown_extensions()
    md = markdown_lib.Markdown(extensions=names, extension_configs=configs)
    links = _Links()
    links.feed(md.convert(markdown(text)))
    if links.images:
        return MESSAGES["image"]
    for url in links.urls + [ref[0] for ref in md.references.values()]:
        if not _safe_link(url):
            return MESSAGES["link"].format(url=url)
    return None


def _safe_link(url: str) -> bool:
    # Browsers drop tabs and newlines anywhere in a URL and controls or spaces around it.
    bare = re.sub(r"[\t\n\r]", "", url).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
        "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    if re.match(r"[/\\]{2}", bare):  # //host and \\host leave the site
        return False
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", bare)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.images = [], False

    def handle_starttag(self, tag, attrs):
        self.images |= tag == "img"
        self.urls += [value or "" for name, value in attrs if name in ("href", "src")]


def url_problem(value: str) -> str | None:
    """Why `value` is not an https:// address we publish, or None."""
    if re.search(r"\s", value) or control_problem(value):
        return MESSAGES["url_space"].format(value=value)
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").encode("idna").decode("ascii")
        _ = parts.port  # raises on a bad port
    except (ValueError, UnicodeError):
        return MESSAGES["url_host"].format(value=value)
    if parts.scheme.lower() != "https" or not value.lower().startswith("https://"):
        return MESSAGES["url_scheme"].format(value=value)
    if parts.username is not None or parts.password is not None:
        return MESSAGES["url_user"].format(value=value)
    if not _HOST.fullmatch(host):
        return MESSAGES["url_host"].format(value=value)
    return None


def url(value: str) -> str:
    """The https:// address re-serialised: lower-case IDNA host, unsafe characters %-encoded."""
    if not value:
        return ""
    parts = urlsplit(value)
    host = parts.hostname.encode("idna").decode("ascii")
    netloc = host + (f":{parts.port}" if parts.port else "")

    def enc(part: str) -> str:
        # quote() always keeps "_", which Markdown would read as emphasis in a link's text.
        return re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", quote(part, safe=_URL_SAFE)).replace("_", "%5F")

    return urlunsplit(("https", netloc, enc(parts.path), enc(parts.query), enc(parts.fragment)))


def markup(text: str) -> Markup:
    """Text already escaped by this module, marked so Jinja's `| e` does not escape it twice."""
    return Markup(str(text))


def as_markup(value):
    """Every string in a tree of escaped school data, as Markup (see `markup`)."""
    if isinstance(value, str):
        return markup(value)
    if isinstance(value, dict):
        return {markup(k) if isinstance(k, str) else k: as_markup(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_markup(v) for v in value]
    return value


def html_text(text: str) -> str:
    """Plain text for an HTML element or attribute written by Python (the index cards)."""
    return html.escape(_HTML_SPACE.sub(" ", text), quote=True)
