"""Spanish texts of the list check's CURP-against-the-row comparison
(:mod:`checker.batch.person`), addressed to the school office."""

#: Label of each person-data column in the report and the annotated copy.
LABELS = {
    'given_names': 'nombre',
    'first_surname': 'primer apellido',
    'second_surname': 'segundo apellido',
    'full_name': 'nombre completo',
    'birth_date': 'fecha de nacimiento',
    'sex': 'sexo',
    'state': 'entidad de nacimiento',
}

#: What each character of the CURP comes from (positions 0-16).
SOURCE = {
    0: 'la primera letra del primer apellido',
    1: 'la primera vocal interna del primer apellido (X si no tiene)',
    2: 'la primera letra del segundo apellido',
    3: 'la primera letra del nombre',
    4: 'el año de la fecha de nacimiento',
    5: 'el año de la fecha de nacimiento',
    6: 'el mes de la fecha de nacimiento',
    7: 'el mes de la fecha de nacimiento',
    8: 'el día de la fecha de nacimiento',
    9: 'el día de la fecha de nacimiento',
    10: 'el sexo',
    11: 'la entidad de nacimiento',
    12: 'la entidad de nacimiento',
    13: 'la primera consonante interna del primer apellido (X si no tiene)',
    14: 'la primera consonante interna del segundo apellido (X si no tiene)',
    15: 'la primera consonante interna del nombre (X si no tiene)',
}
NO_SECOND_SURNAME = 'una X porque el alumno no tiene segundo apellido'
INCONVENIENT = 'una X: RENAPO cambia la segunda letra cuando las cuatro primeras forman una palabra inconveniente'
HOMOCLAVE = {
    '0-9': 'un número, porque el alumno nació antes de 2000',
    'A-Z': 'una letra, porque el alumno nació en 2000 o después',
}

ISSUES = {
    'batch.curp_mismatch': (
        'El carácter {n} de la CURP es «{found}», pero según {column} '
        '(«{value}») debería ser «{expected}»: {source}. Revisa la CURP con '
        'el acta de nacimiento del alumno.'
    ),
    'batch.curp_mismatch_kind': (
        'El carácter {n} de la CURP es «{found}», pero según {column} '
        '(«{value}») debería ser {source}. Revisa la CURP con el acta de '
        'nacimiento del alumno.'
    ),
    'batch.birth_date': (
        'No entiendo la fecha de nacimiento «{value}»; escríbela como '
        'dd/mm/aaaa (por ejemplo 15/03/2007): no pude compararla con la '
        'CURP.'
    ),
    'batch.birth_date_range': (
        'La fecha de nacimiento «{value}» no existe o está fuera de 1900 a 2099: no pude compararla con la CURP.'
    ),
    'batch.sex': ('No entiendo el sexo «{value}» (usa H, M o X, u Hombre, Mujer): no pude compararlo con la CURP.'),
    'batch.state': (
        'No reconozco la entidad de nacimiento «{value}» (escribe su nombre '
        'o su clave de dos letras, y NE si el alumno nació fuera de México): '
        'no pude compararla con la CURP.'
    ),
}

#: Lines of the report's header about the comparison.
REPORT = {
    'compared': ('La CURP se compara con {fields} de cada fila ({columns}).'),
    'compared_join': ', ',
    'compared_last': ' y ',
    'column': 'columna {letter} «{header}»',
    'not_compared': ('Sin columna de {fields}: esa parte de la CURP no se comparó con los datos del alumno.'),
    'not_compared_join': ' ni de ',
    'full_name': (
        'El nombre completo se compara solo cuando tiene tres '
        'palabras sin partículas (nombre y dos apellidos); en las '
        'demás filas no se comparó el nombre.'
    ),
}

#: How the column is named inside a mismatch message.
IN_COLUMN = '{the} {label} de la columna {letter}'
ARTICLE = {'birth_date': 'la', 'state': 'la'}  # else «el»
