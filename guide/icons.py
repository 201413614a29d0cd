"""App icons rendered at build time from a school's SVG logo.

resvg-py renders: a wheel with resvg (Rust) inside, so it needs no system
library (CairoSVG needs Debian's libcairo and cairocffi at run time), and
resvg follows the SVG spec closely and gives the same pixels on every machine.
"""

from __future__ import annotations

from xml.etree import ElementTree

import resvg_py

SVG_NS = "http://www.w3.org/2000/svg"
ElementTree.register_namespace("", SVG_NS)

# (file name, size in px, purpose): two plain icons and one maskable.
ICONS = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("maskable-512.png", 512, "maskable"),
)
# A maskable icon may be cut to a circle of 80 % of its width: the logo's
# square must fit inside that circle (0.8 / √2 ≈ 0.566).
MASKABLE_LOGO = 0.56


def _nested(logo_svg: str, x: float, y: float, side: float) -> str:
    root = ElementTree.fromstring(logo_svg.strip())
    if "viewBox" not in root.attrib:
        width, height = root.get("width", "48"), root.get("height", "48")
        root.set("viewBox", f"0 0 {width.rstrip('px')} {height.rstrip('px')}")
    for name, value in (("x", x), ("y", y), ("width", side), ("height", side)):
        root.set(name, f"{value:g}")
    return ElementTree.tostring(root, encoding="unicode")


def icon_svg(logo_svg: str, size: int, purpose: str, background: str) -> str:
    """The logo centred on a square canvas; maskable: on a full-bleed background."""
    if purpose == "maskable":
        side = size * MASKABLE_LOGO
        inner = _nested(logo_svg, (size - side) / 2, (size - side) / 2, side)
        back = f'<rect width="{size}" height="{size}" fill="{background}"/>'
    else:
        inner, back = _nested(logo_svg, 0, 0, size), ""
    return f'<svg xmlns="{SVG_NS}" width="{size}" height="{size}" viewBox="0 0 {size} {size}">{back}{inner}</svg>'


def render(logo_svg: str, size: int, purpose: str, background: str) -> bytes:
    """PNG bytes of one icon."""
    return bytes(
        resvg_py.svg_to_bytes(svg_string=icon_svg(logo_svg, size, purpose, background), width=size, height=size)
    )
