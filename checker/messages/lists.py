"""Spanish texts of ``--columnas`` (:mod:`checker.batch.lists`)."""

MAPPING = {
    'syntax': (
        'No entiendo «{part}» en --columnas: escribe campo=COLUMNA, '
        'por ejemplo --columnas "curp=B,nombre=Nombre del alumno".'
    ),
    'field': ('No conozco el campo «{key}» de --columnas. Los campos son: {names}.'),
    'missing': (
        'No encontré la columna «{column}» que diste en --columnas '
        'para {field}: ningún título de la fila {row} se llama así. '
        'Escribe el título tal como está o la letra de la columna.'
    ),
}
