"""Spanish texts of the annotated copy of a list (:mod:`checker.batch.annotate`)."""

#: The sheet's name and the two columns added after the office's own.
HEADERS = {'sheet': 'Revisión', 'review': 'Revisión', 'detail': 'Detalle'}

#: «Revisión» of a row, and how one message in «Detalle» starts.
STATES = {
    'valid': 'Válida',
    'warning': 'Con avisos',
    'invalid': 'Con errores',
    'error': 'Error',
    'warning_one': 'Aviso',
}

#: One message in «Detalle», with the column it is about.
DETAIL = '{what} en {label} (columna {letter}): {message}'
DETAIL_JOIN = ' | '
