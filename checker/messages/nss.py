"""Spanish texts of :mod:`checker.nss`, keyed by ``code`` (``code#variant``
when one code has several sentences); ``str.format`` templates."""

MESSAGES = {
    'nss.format': ('Escribe tu NSS como texto, con sus 11 dígitos (incluidos los ceros del inicio).'),
    'nss.digits#check_digit': 'El NSS solo lleva números del 0 al 9.',
    'nss.length#empty': ('No escribiste ningún NSS. Cópialo de tu documento del IMSS: son 11 dígitos.'),
    'nss.length': (
        'Tu NSS tiene {n} {chars}, pero debe tener 11 dígitos.{extra} Revisa '
        'que no te falte ni te sobre ninguno (los ceros del inicio también '
        'cuentan).'
    ),
    'nss.length#extra': ' Además, el carácter {k} {what}.',
    'nss.digits': 'El carácter {k} de tu NSS {what}. {fix}',
    # what is wrong with a character that is not 0-9, and the fix
    'nss.digits#other_script': 'es un {digit} escrito con otro alfabeto o tipo de letra',
    'nss.digits#other_script_fix': 'Escríbelo con el teclado normal ({digit}).',
    'nss.digits#other_number': 'es un número de otro alfabeto',
    'nss.digits#other_number_fix': ('Escríbelo con los números del 0 al 9 del teclado normal.'),
    'nss.digits#not_a_digit': '({shown}) no es un número',
    'nss.digits#not_a_digit_fix': ('El NSS solo lleva números del 0 al 9: bórralo o corrígelo.'),
    'nss.check_digit': (
        'El último dígito de tu NSS (el 11) no coincide con los otros 10: '
        'debería ser {expected}, no {found}. Casi siempre significa que algún '
        'dígito se copió mal; compáralo con tu documento del IMSS.'
    ),
    # compare_curp() warnings
    'nss.curp_invalid': ('No pude comparar tu NSS con tu CURP porque la CURP no es válida: {reason}'),
    'nss.birth_year_mismatch': (
        'Los dígitos 5 y 6 de tu NSS ({nss_year}) deberían ser el año en que '
        'naciste, pero tu CURP dice {curp_year} ({born}). No siempre es un '
        'error, pero confirma con el IMSS que el NSS sea tuyo.'
    ),
    'nss.registration_future': (
        'Los dígitos 3 y 4 de tu NSS ({digits}) son el año en que te dio de '
        'alta el IMSS, pero {later} todavía no llega (y {registration} es '
        'antes de que nacieras, en {born}). Revisa esos dígitos con tu '
        'documento del IMSS.'
    ),
    'nss.registration_before_birth': (
        'Los dígitos 3 y 4 de tu NSS ({digits}) son el año en que te dio de '
        'alta el IMSS, pero {registration} es antes de que nacieras (en '
        '{born}). Revisa esos dígitos con tu documento del IMSS y que el NSS '
        'sea tuyo.'
    ),
}
