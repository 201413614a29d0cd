"""A school's SVG logo, checked against an allowlist.

The logo is published as its own file and opened directly by browsers, where
no page CSP applies; so it may hold only shapes, paths, text and gradients,
presentation attributes, and `#id` references to its own parts. Anything else
(scripts, animation, links, other XML namespaces, processing instructions,
DOCTYPEs, CSS escapes, url() to anywhere but `#…`) is refused, naming it.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"

ELEMENTS = {
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "symbol",
    "use",
    "clipPath",
    "mask",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "linearGradient",
    "radialGradient",
    "stop",
    "style",
}
_PRESENTATION = {
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-opacity",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-miterlimit",
    "opacity",
    "clip-path",
    "clip-rule",
    "mask",
    "color",
    "display",
    "visibility",
    "transform",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "word-spacing",
    "stop-color",
    "stop-opacity",
    "paint-order",
    "vector-effect",
}
ATTRIBUTES = _PRESENTATION | {
    "id",
    "class",
    "style",
    "viewBox",
    "width",
    "height",
    "version",
    "preserveAspectRatio",
    "role",
    "aria-label",
    "aria-hidden",
    "focusable",
    "lang",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "d",
    "points",
    "pathLength",
    "dx",
    "dy",
    "rotate",
    "textLength",
    "lengthAdjust",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "offset",
    "href",
    "clipPathUnits",
    "maskUnits",
    "maskContentUnits",
}
_XML_ATTRIBUTES = {"space", "lang"}
_LOCAL_REF = re.compile(r"#[A-Za-z_][\w.-]*")
_URL = re.compile(r"url\(\s*([^)]*)\)", re.IGNORECASE)
# CSS that can reach nothing: no escapes, quotes, @rules or comments; url() checked apart.
_CSS_SAFE = re.compile(r"[\w\s#.,:;{}%()+*>~\[\]=-]*")

MESSAGES = {
    "parse": "el logo no es un SVG válido ({detail}); debe ir de <svg …> a </svg>",
    "root": "el logo debe ser un SVG completo, de <svg …> a </svg>, con xmlns=\"http://www.w3.org/2000/svg\"",
    "doctype": "el logo no puede tener <!DOCTYPE> ni <!ENTITY>: solo el SVG",
    "pi": "el logo no puede tener la instrucción <?{target}?> (cargaría algo de otro sitio)",
    "namespace": "el logo no puede tener <{tag}>: solo elementos SVG (formas, trazos, texto y degradados)",
    "element": "el logo no puede tener <{tag}>: solo formas, trazos, texto y degradados",
    "handler": "el logo no puede tener el atributo {name} (es código)",
    "attribute": "el logo no puede tener el atributo {name} en <{tag}>",
    "link": "el logo no puede enlazar a «{value}»: debe ser un solo archivo sin enlaces (solo #partes propias)",
    "external": "el logo no puede cargar nada de otros sitios («{value}»)",
    "css": "el logo no puede usar «{char}» en estilos (CSS con escapes, comillas o @reglas)",
}


def problem(svg: str) -> str | None:
    """The Spanish reason the logo is refused, naming the element or attribute; None if it is fine."""
    text = svg.strip()
    if re.search(r"<!(DOCTYPE|ENTITY|\[CDATA\[)", text, re.IGNORECASE):
        return MESSAGES["doctype"]
    for pi in re.finditer(r"<\?([^\s?>]*)", text):  # the parser drops those outside the root
        if not (pi.start() == 0 and pi.group(1) == "xml"):
            return MESSAGES["pi"].format(target=pi.group(1))
    parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(insert_pis=True))
    try:
        parser.feed(text)
        root = parser.close()
    except ElementTree.ParseError as exc:
        return MESSAGES["parse"].format(detail=exc)
    if root.tag != f"{{{SVG}}}svg":
        return MESSAGES["root"]
    for element in root.iter():
        found = _element_problem(element)
        if found:
            return found
    return None


def _element_problem(element) -> str | None:
    if element.tag is ElementTree.ProcessingInstruction:
        return MESSAGES["pi"].format(target=(element.text or "").split(" ", 1)[0])
    namespace, _, tag = element.tag[1:].partition("}") if element.tag.startswith("{") else ("", "", element.tag)
    if namespace != SVG:
        return MESSAGES["namespace"].format(tag=tag)
    if tag not in ELEMENTS:
        return MESSAGES["element"].format(tag=tag)
    if tag == "style":
        found = _css_problem(element.text or "")
        if found:
            return found
    for attr, value in element.attrib.items():
        found = _attribute_problem(tag, attr, value)
        if found:
            return found
    return None


def _attribute_problem(tag: str, attr: str, value: str) -> str | None:
    namespace, _, name = attr[1:].partition("}") if attr.startswith("{") else ("", "", attr)
    if name.lower().startswith("on"):
        return MESSAGES["handler"].format(name=name)
    allowed = (
        (namespace == "" and name in ATTRIBUTES)
        or (namespace == XLINK and name == "href")
        or (namespace == XML and name in _XML_ATTRIBUTES)
    )
    if not allowed:
        return MESSAGES["attribute"].format(name=name, tag=tag)
    if name == "href":
        return None if _LOCAL_REF.fullmatch(value) else MESSAGES["link"].format(value=value)
    if name == "style":
        return _css_problem(value)
    if name in _PRESENTATION:  # one CSS value: url(#…) only and no escapes; quotes are harmless here
        return _css_problem(value, safe=lambda c: c != "\\")
    return None


def _css_problem(css: str, safe=lambda c: bool(_CSS_SAFE.fullmatch(c))) -> str | None:
    for match in _URL.finditer(css):
        if not _LOCAL_REF.fullmatch(match.group(1).strip()):
            return MESSAGES["external"].format(value=match.group(0))
    bad = next((c for c in css if not safe(c)), None)
    if bad is not None:
        return MESSAGES["css"].format(char=bad)
    return None
