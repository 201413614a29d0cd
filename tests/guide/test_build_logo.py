"""Logos pass an allowlist; each known bypass of the old blocklist is refused, naming what."""

from __future__ import annotations

import pytest

from guide import logo
from guide.schools import load_all

S = 'xmlns="http://www.w3.org/2000/svg"'


@pytest.mark.parametrize(
    "svg, says",
    [
        # CSS escapes that spell // or url
        (
            f'<svg {S}><rect style="fill:url(\\2f\\2f evil.example/a.svg#g)"/></svg>',
            "no puede cargar nada de otros sitios",
        ),
        (f'<svg {S}><rect style="fill:u\\72l(//evil.example/a#g)"/></svg>', "no puede usar «\\» en estilos"),
        (
            f'<svg {S}><style>rect{{fill:\\75rl(\\2f\\2f evil.example/p)}}</style><rect/></svg>',
            "no puede usar «\\» en estilos",
        ),
        # url(https:\\…), which browsers read as https://
        (f'<svg {S}><rect fill="url(https:\\\\evil.example\\a.svg#g)"/></svg>', "no puede cargar nada de otros sitios"),
        (f'<svg {S}><style>@import "https://evil.example/x.css";</style></svg>', "no puede usar «@» en estilos"),
        (
            f'<svg {S}><style>rect{{fill:image-set("https://evil.example/x.png" 1x)}}</style></svg>',
            "no puede usar «\"» en estilos",
        ),
        # processing instructions and DOCTYPEs
        (
            f'<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?><svg {S}/>',
            "instrucción <?xml-stylesheet?>",
        ),
        (f'<svg {S}><?xml-stylesheet href="https://evil.example/x.css"?></svg>', "instrucción <?xml-stylesheet?>"),
        (f'<!DOCTYPE svg [<!ENTITY e "x">]><svg {S}>&e;</svg>', "<!DOCTYPE>"),
        # XHTML inside the SVG: meta refresh with a backslash URL, frames
        (
            f'<svg {S}><meta xmlns="http://www.w3.org/1999/xhtml" http-equiv="refresh" content="0;url=\\\\evil.example"/></svg>',
            "no puede tener <meta>: solo elementos SVG",
        ),
        (
            f'<svg {S} xmlns:h="http://www.w3.org/1999/xhtml"><h:frame src="https://evil.example"/></svg>',
            "no puede tener <frame>: solo elementos SVG",
        ),
        # java&#9;script: in animation
        (
            f'<svg {S}><a><set attributeName="href" to="java&#9;script:alert(1)"/><rect/></a></svg>',
            "no puede tener <a>",
        ),
        (
            f'<svg {S}><rect><set attributeName="fill" to="java&#9;script:alert(1)"/></rect></svg>',
            "no puede tener <set>",
        ),
        (
            f'<svg {S}><rect><animate attributeName="href" values="java&#9;script:alert(1)"/></rect></svg>',
            "no puede tener <animate>",
        ),
        # the rest of the allowlist
        (f'<svg {S}><image href="#a"/></svg>', "no puede tener <image>"),
        (f'<svg {S}><rect filter="url(#f)"/></svg>', "atributo filter en <rect>"),
        (
            f'<svg {S} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="data:image/svg+xml,x"/></svg>',
            "no puede enlazar",
        ),
        (f'<svg {S}><rect ONLOAD="x()"/></svg>', "atributo ONLOAD (es código)"),
        ('<svg><rect/></svg>', "xmlns"),
    ],
)
def test_each_bypass_is_refused_naming_it(svg, says):
    found = logo.problem(svg)
    assert found is not None and says in found, found


def test_shapes_text_gradients_and_own_references_pass():
    svg = (
        f'<svg {S} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 48 48" role="img" aria-label="Logo">'
        '<title>Logo</title><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#fff"/>'
        '</linearGradient><clipPath id="c"><circle cx="24" cy="24" r="20"/></clipPath></defs>'
        '<g clip-path="url(#c)"><rect width="48" height="48" style="fill:url(#g);stroke:#000" rx="8"/>'
        '<path d="M4 4h40" stroke="#000"/><use xlink:href="#c"/><use href="#c"/></g>'
        '<text x="24" y="30" font-family="\'Segoe UI\', sans-serif" text-anchor="middle">A<tspan>B</tspan></text></svg>'
    )
    assert logo.problem(svg) is None


def test_every_school_logo_passes():
    for school in load_all():
        assert logo.problem(school.logo_svg) is None, school.slug
