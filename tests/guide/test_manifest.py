"""Each school's web app manifest and its icons, as built (item 2 of issue 13)."""

from __future__ import annotations

import json
import re
import struct
from urllib.parse import urljoin

from guide.testing import SCHOOL_SLUGS


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_every_school_links_a_manifest_with_its_name_colours_and_icons(built_site):
    for slug in SCHOOL_SLUGS:
        school = built_site / slug
        home = (school / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<link rel="manifest" href="manifest\.webmanifest">', home), slug
        step = next((school / "pasos").glob("*/index.html")).read_text(encoding="utf-8")
        assert '<link rel="manifest" href="../../manifest.webmanifest">' in step, slug
        manifest = json.loads((school / "manifest.webmanifest").read_text(encoding="utf-8"))
        colours = re.search(r'<meta name="theme-color" content="(#[0-9a-fA-F]{6})">', home).group(1)
        assert manifest["theme_color"] == colours
        assert re.fullmatch(r"#[0-9a-fA-F]{6}", manifest["background_color"])
        assert manifest["short_name"] and manifest["short_name"] in manifest["name"]
        assert manifest["display"] == "standalone" and manifest["lang"] == "es-MX"
        base = f"https://example.org/pages/{slug}/manifest.webmanifest"
        assert urljoin(base, manifest["start_url"]) == f"https://example.org/pages/{slug}/"
        assert urljoin(base, manifest["scope"]) == f"https://example.org/pages/{slug}/"
        sizes = {}
        for icon in manifest["icons"]:
            data = (school / icon["src"]).read_bytes()
            width, height = png_size(data)
            assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png"
            sizes.setdefault(icon["purpose"], []).append(width)
        assert sorted(sizes["any"]) == [192, 512] and sizes["maskable"] == [512], slug


def test_maskable_icon_is_full_bleed_with_the_logo_inside_the_safe_circle():
    from xml.etree import ElementTree

    from guide import icons

    logo = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#fff"/></svg>'
    )
    root = ElementTree.fromstring(icons.icon_svg(logo, 512, "maskable", "#8a1538"))
    back, inner = list(root)
    assert back.get("fill") == "#8a1538" and back.get("width") == "512" and back.get("height") == "512"
    x, side = float(inner.get("x")), float(inner.get("width"))
    corner = ((x - 256) ** 2 * 2) ** 0.5  # distance from the centre to the logo's corner
    assert corner <= 0.4 * 512 and x + side / 2 == 256
    plain = ElementTree.fromstring(icons.icon_svg(logo, 192, "any", "#8a1538"))
    assert len(plain) == 1 and plain[0].get("width") == "192"
    assert icons.render(logo, 192, "any", "#8a1538")[:8] == b"\x89PNG\r\n\x1a\n"
