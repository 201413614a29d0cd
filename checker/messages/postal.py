"""Spanish texts of :mod:`checker.postal`, keyed by code.

``MESSAGES`` is keyed by the ``code`` of the error or warning; when one code
has several sentences the key is ``code#variant``.  Values are
``str.format`` templates (1-based positions, as a student counts).
"""

MESSAGES = {
    'postal.digits#type': 'Escribe el código postal como texto: 5 dígitos, por ejemplo 06600.',
    'postal.length#empty': 'Escribe tu código postal: son 5 dígitos, por ejemplo 44100.',
    'postal.digits#script': (
        'El carácter {k} ({shown}) es un dígito de otro sistema de escritura; '
        'escribe el código postal solo con los dígitos del 0 al 9.'
    ),
    'postal.digits': ('El carácter {k} ({shown}) no es un dígito: el código postal lleva solo 5 dígitos del 0 al 9.'),
    'postal.digits#lookalike': ' ¿Quisiste escribir el número {digit}?',
    'postal.length#short': (
        'Al código postal le faltan dígitos: tiene {n} y debe tener 5. Si '
        'empieza con cero (como 06600), no omitas ese cero.'
    ),
    'postal.length#long': (
        'El código postal tiene {n} dígitos y debe tener 5. Revisa que no se te haya colado un dígito de más.'
    ),
    'postal.prefix#00': (
        'Ningún código postal de México empieza con 00: el más bajo es 01000. Revisa los dos primeros dígitos.'
    ),
    'postal.prefix#17': (
        'Ningún código postal de México empieza con {prefix}: los que empiezan '
        'con 17, 18 o 19 no existen. Revisa los dos primeros dígitos.'
    ),
    'postal.prefix#unused': (
        'Ningún estado usa códigos postales que empiecen con {prefix}. Revisa los dos primeros dígitos.'
    ),
    'postal.unknown': (
        'El código postal {code} ({state}) no aparece en el catálogo de '
        'códigos postales {of}; si tu colonia es nueva puede ser correcto: '
        'confírmalo en tu recibo de luz o agua o en Correos de México.'
    ),
    'postal.no_settlements': (
        'El catálogo no trae colonias para este código postal; escribe tu '
        'colonia tal como aparece en tu comprobante de domicilio.'
    ),
    'postal.data_unavailable': (
        'No pude cargar el catálogo de códigos postales, así que por ahora no '
        'puedo revisar tu código. Si no tienes conexión, conéctate y vuelve a '
        'intentarlo; si sigue fallando, avisa a quien administra esta página.'
    ),
}

#: How the catalogue's date reads, by its precision: "del catálogo ... {of}"
#: and "Catálogo de códigos postales: {words}".
CATALOGUE_OF = {
    'day': 'del {day} de {month} de {year}',
    'month': 'de {month} de {year}',
    'year': 'de {year} (fecha aproximada)',
}
CATALOGUE_WORDS = {
    'day': 'actualizado al {day} de {month} de {year}',
    'month': 'de {month} de {year}',
    'year': 'de {year}, aproximadamente',
}
SOURCE_DATE = {
    'day': '{day} de {month} de {year}',
    'month': '{month} de {year}',
    'year': 'hacia {year}',
}

#: The line of a list's report that says what the postal codes were checked against.
CATALOGUE_LINE = 'Catálogo de códigos postales: {words} (fuentes: {sources}).'
CATALOGUE_LINE_NO_SOURCES = 'Catálogo de códigos postales: {words}.'
