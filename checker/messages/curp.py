"""Spanish texts of :mod:`checker.curp` and :mod:`checker.curp_names`.

``MESSAGES`` is keyed by the ``code`` of the error or warning; when one code
has several sentences the key is ``code#variant``.  Values are
``str.format`` templates (1-based positions, as a student counts).
"""

from .._mexico import MONTHS

#: Name of each value of character 11.
SEX_NAMES = {'H': 'Hombre', 'M': 'Mujer', 'X': 'No binario'}


def date_text(year: int, month: int, day: int) -> str:
    """'27 de abril de 1956'."""
    return f'{day} de {MONTHS[month - 1]} de {year}'


def show(c: str) -> str:
    """A character as shown inside a message."""
    if c.isprintable() and not c.isspace():
        return f'"{c}"'
    return f'un carácter invisible (U+{ord(c):04X})'


MESSAGES = {
    # ---- validate()
    'curp.format#type': (
        'Escribe tu CURP como texto: 18 letras y números, tal como aparecen en tu constancia de CURP.'
    ),
    'curp.character#check_digit': ('La CURP solo lleva letras de la A a la Z y números.'),
    'curp.length#empty': (
        'No escribiste ninguna CURP. Cópiala tal como aparece en tu constancia de CURP: son 18 letras y números.'
    ),
    'curp.length': (
        'Tu CURP tiene {n} {chars}, pero debe tener 18.{extra} Revisa que no '
        'te falte ni te sobre ninguno: cópiala tal como aparece en tu '
        'constancia de CURP.'
    ),
    'curp.length#extra': (' Además, el carácter {k} ({shown}) no puede ir en una CURP.'),
    'curp.enie': (
        'El carácter {k} es una Ñ, pero la CURP nunca lleva Ñ: RENAPO la '
        'cambia por X. Escribe X en su lugar y revisa tu constancia de '
        'CURP.'
    ),
    'curp.character': (
        'El carácter {k} ({shown}) no puede ir en una CURP: solo lleva letras de la A a la Z (sin Ñ) y números.{hint}'
    ),
    'curp.character#accent': (' Las letras de la CURP no llevan acento: escribe {base} en lugar de {c}.'),
    'curp.character#other': (' Bórralo o cámbialo por el que aparece en tu constancia de CURP.'),
    'curp.format#letters': (
        'El carácter {k} es el número "{c}", pero los primeros 4 caracteres '
        'de la CURP son letras de tus apellidos y tu nombre.{hint} Revisa tu '
        'constancia de CURP.'
    ),
    'curp.format#digits': (
        'El carácter {k} es la letra "{c}", pero los caracteres 5 al 10 son '
        'tu fecha de nacimiento (año, mes y día: AAMMDD) y solo llevan '
        'números.{hint} Revisa tu constancia de CURP.'
    ),
    'hint#letter': ' ¿Quizá es la letra {c}?',
    'hint#digit': ' ¿Quizá es el número {c}?',
    'curp.date#month': (
        'Los caracteres 7 y 8 son tu mes de nacimiento y dicen "{mm}", pero '
        'el mes va de 01 a 12. Revisa tu fecha de nacimiento en tu '
        'constancia de CURP.'
    ),
    'curp.date#day': (
        'Los caracteres 9 y 10 son tu día de nacimiento y dicen "{dd}", pero '
        'el día va de 01 a 31. Revisa tu fecha de nacimiento en tu '
        'constancia de CURP.'
    ),
    'curp.date#days_in_month': (
        'Según tu CURP naciste el {day} de {month}, pero {month} solo tiene '
        '{days} días. Revisa los caracteres 7 al 10 (mes y día) con tu acta '
        'de nacimiento.'
    ),
    'curp.date#1900': (
        'Según tu CURP naciste el 29 de febrero de 1900, una fecha que no '
        'existe (1900 no fue bisiesto). El carácter 17 es un número, y eso '
        'indica que naciste antes de 2000; si naciste el 29 de febrero de '
        '2000, el carácter 17 debe ser una letra. Revisa tu constancia de '
        'CURP.'
    ),
    'curp.date#leap': (
        'Según tu CURP naciste el 29 de febrero de {year}, pero {year} no fue '
        'bisiesto: ese febrero tuvo 28 días. Revisa los caracteres 5 al 10 '
        '(tu fecha de nacimiento) con tu acta de nacimiento.'
    ),
    'curp.future': (
        'Según tu CURP naciste el {date}, una fecha que todavía no llega. '
        'Revisa los caracteres 5 al 10 (tu fecha de nacimiento, '
        'AAMMDD).{hint}'
    ),
    'curp.future#century': (
        ' Si naciste en {year}, el carácter 17 debe ser un número: una letra ahí indica que naciste en 2000 o después.'
    ),
    'curp.sex': (
        'El carácter 11 indica el sexo y debe ser H (hombre), M (mujer) o X '
        '(no binario), pero es "{c}". Revisa tu constancia de CURP.'
    ),
    'curp.state': (
        'Los caracteres 12 y 13 son la clave de tu entidad de nacimiento y '
        'dicen "{state}", que no corresponde a ninguna entidad (por ejemplo, '
        'VZ es Veracruz, DF es Ciudad de México y NE es nacido en el '
        'extranjero). Revisa tu constancia de CURP.'
    ),
    'curp.consonant': (
        'El carácter {k} es "{c}" ({kind}), pero los caracteres 14 al 16 son '
        'consonantes de tus apellidos y tu nombre (o X): nunca son vocales '
        'ni números. Revisa tu constancia de CURP.'
    ),
    'curp.consonant#vowel': 'una vocal',
    'curp.consonant#digit': 'un número',
    'curp.check_digit#letter': (
        'El último carácter (el 18) es el dígito verificador y siempre es un '
        'número, pero es la letra "{c}".{hint} Revisa tu constancia de '
        'CURP.'
    ),
    'curp.check_digit': (
        'El dígito verificador (carácter 18) no coincide con el resto de la '
        'CURP: con los primeros 17 caracteres debería ser {expected}, no '
        '{c}. Casi siempre significa que algún carácter se copió mal; '
        'compárala letra por letra con tu constancia de CURP.'
    ),
    # ---- explain() warnings
    'curp.inconvenient_word': (
        'Las primeras 4 letras de tu CURP ({word}) forman una palabra que '
        'RENAPO normalmente evita cambiando la segunda letra por X '
        '({replaced}). Si así aparece en tu constancia de CURP, está bien; '
        'si no, revisa los primeros 4 caracteres.'
    ),
    'curp.inner_vowel': (
        'El carácter 2 de tu CURP es «{c}», una consonante, pero RENAPO pone '
        'ahí la primera vocal de tu primer apellido después de la primera '
        'letra (o una X). Revisa con tu constancia de CURP que esté bien '
        'copiado.'
    ),
    'curp.inner_vowel#twin': (' Si ahí dice {vowels}, corrígelo: el dígito verificador no nota ese cambio.'),
    'curp.check_digit_blind_spot': (
        'El dígito verificador no puede confirmar tu día de nacimiento: no '
        'nota si el carácter 9 (las decenas del día) está mal{days}.{others}'
        ' Compara tu fecha de nacimiento, tu sexo y tu entidad con tu acta '
        'de nacimiento.'
    ),
    'curp.check_digit_blind_spot#days': (' (con el día {listed} en lugar de {day} daría el mismo resultado)'),
    'curp.check_digit_blind_spot#others': ' Tampoco notaría {others}.',
    'curp.check_digit_blind_spot#year': 'el año {other} en lugar de {year}',
    'curp.check_digit_blind_spot#sex': ('una {alt} en lugar de una {c} en el sexo (carácter 11)'),
    'curp.check_digit_blind_spot#homoclave': (
        '{article} {alt} en lugar de {c} en el carácter 17, que cambia tu año de nacimiento a {year}'
    ),
    'curp.check_digit_blind_spot#state': ('{code} ({name}) en lugar de {state} en la entidad'),
    # ---- derive() / compare(): the data given
    'name#type': 'Escribe {what} como texto.',
    'name#missing': ('Falta {what}. Escríbelo tal como aparece en tu acta de nacimiento.'),
    'name#too_long': (
        '{What} tiene {n} caracteres; el límite es {limit}. Escribe solo '
        '{what}, tal como aparece en tu acta de nacimiento.'
    ),
    'curp.birth_date#missing_day': (
        'La fecha de nacimiento "{value}" no existe. Escríbela como AAAA-MM-DD, por ejemplo 2007-03-15.'
    ),
    'curp.birth_date': ('Escribe la fecha de nacimiento como AAAA-MM-DD, por ejemplo 2007-03-15.'),
    'curp.birth_date#range': ('La CURP solo puede representar fechas de nacimiento de 1900 a 2099. Revisa el año.'),
    'curp.sex#input': ('El sexo debe ser H (hombre), M (mujer) o X (no binario).'),
    'curp.state#input': (
        'No reconozco esa entidad de nacimiento. Escribe su nombre (por '
        'ejemplo, Veracruz) o su clave de dos letras (VZ); si naciste fuera '
        'de México, usa NE.'
    ),
    # ---- compare(): why each position is expected
    'mismatch#homoclave': (
        'El carácter 17 es "{found}", pero debería ser {reason}. Revisa tu fecha de nacimiento y tu constancia de CURP.'
    ),
    'mismatch': (
        'El carácter {k} es "{found}", pero debería ser "{expected}": '
        '{reason}. Revisa ese dato con tu acta de nacimiento y tu constancia '
        'de CURP.'
    ),
}

#: What each position of a derived CURP is (compare()'s ``reason``).
REASONS = {
    'first_letter': 'la primera letra de {whose} ({word})',
    'inner_vowel': 'la primera vocal interna de {whose} ({word}), o X si no tiene',
    'inner_consonant': ('la primera consonante interna de {whose} ({word}), o X si no tiene'),
    'no_second_surname': 'una X porque no tienes segundo apellido',
    'inconvenient': ('una X: RENAPO cambia la segunda letra porque {word} es una palabra inconveniente'),
    'date': '{part} de tu fecha de nacimiento ({text})',
    'date_parts': ('el año', 'el año', 'el mes', 'el mes', 'el día', 'el día'),
    'before_2000': 'un número porque naciste antes de 2000',
    'from_2000': 'una letra porque naciste en 2000 o después',
    'sex': 'tu sexo ({name})',
    'state': 'tu entidad de nacimiento ({name}: {code})',
}

#: How the message names each part of a person's name.
WHAT = {
    'given_names': 'tu nombre',
    'first_surname': 'tu primer apellido',
    'second_surname': 'tu segundo apellido',
    'sex': 'el sexo',
    'state': 'la entidad',
}
