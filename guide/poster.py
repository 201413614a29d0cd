"""The QR code of a school's poster (<school>/cartel/), made at build time.

segno writes QR codes as plain SVG paths with no dependency of its own; the
SVG goes inline in the page, so the poster prints sharp at any size.
"""

from __future__ import annotations

import segno


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (error correction M: survives a crease or a smudge)."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1,
        border=4,
        omitsize=True,
        dark="#000",
        light="#fff",
        svgclass="guia-cartel__qr",
        title=f"Código QR de {url}",
    )
