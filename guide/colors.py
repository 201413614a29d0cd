"""Brand colours made readable: WCAG contrast, darkened or lightened until AA."""

from __future__ import annotations

WHITE = "#ffffff"
SLATE_BG = "#1e2129"  # mkdocs-material's slate background


def _channels(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(hex_colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _channels(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, t: float) -> str:
    ca, cb = _channels(a), _channels(b)
    return "#" + "".join(f"{round((x + (y - x) * t) * 255):02x}" for x, y in zip(ca, cb))


def readable_on(colour: str, background: str, minimum: float = 4.6) -> str:
    """The colour, moved towards black or white just enough to reach `minimum`."""
    target = "#000000" if luminance(background) > 0.5 else WHITE
    for step in range(0, 101):
        candidate = mix(colour, target, step / 100)
        if contrast(candidate, background) >= minimum:
            return candidate
    return target


def school_css(primary: str, accent: str) -> str:
    """CSS custom properties for mkdocs-material's `custom` palette colours."""
    header = readable_on(primary, WHITE)  # white header text needs a dark enough bar
    link_light = readable_on(primary, WHITE)
    accent_light = readable_on(accent, WHITE)
    link_dark = readable_on(primary, SLATE_BG)
    accent_dark = readable_on(accent, SLATE_BG)
    return (
        ":root{"
        f"--md-primary-fg-color:{header};"
        f"--md-primary-fg-color--light:{mix(header, WHITE, 0.2)};"
        f"--md-primary-fg-color--dark:{mix(header, '#000000', 0.2)};"
        "--md-primary-bg-color:#fff;--md-primary-bg-color--light:#ffffffb3;"
        f"--md-accent-fg-color:{accent_light};"
        f"--md-accent-fg-color--transparent:{accent_light}1a;"
        f"--guia-brand:{primary};"
        "}\n"
        "[data-md-color-scheme=default]{"
        f"--md-typeset-a-color:{link_light};"
        "}\n"
        "[data-md-color-scheme=slate]{"
        f"--md-typeset-a-color:{link_dark};"
        f"--md-accent-fg-color:{accent_dark};"
        "}\n"
    )
