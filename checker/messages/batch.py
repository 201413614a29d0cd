"""Spanish texts of the list check (:mod:`checker.batch`), keyed by code."""

#: Label of each kind of column in the report.
LABELS = {'curp': 'CURP', 'nss': 'NSS', 'cp': 'código postal'}

#: The whole file cannot be checked (:class:`checker.batch.BatchError`).
FILE_ERRORS = {
    'batch.spreadsheet': (
        'Este archivo es una hoja de cálculo de Excel (.xlsx o .xls), no '
        'un CSV. Ábrelo en Excel y guárdalo como CSV: Archivo > Guardar '
        'como > «CSV UTF-8 (delimitado por comas)»; luego revisa ese '
        'archivo.'
    ),
    'batch.pdf': (
        'Este archivo es un PDF, no un CSV. Exporta la lista desde la '
        'hoja de cálculo o el sistema escolar como CSV y revisa ese '
        'archivo.'
    ),
    'batch.empty': 'El archivo está vacío: no tiene filas que revisar.',
    'batch.no_columns': (
        'No encontré ninguna columna de CURP, NSS o código postal. '
        'La primera fila del archivo debe tener los títulos de las '
        'columnas, por ejemplo «CURP», «NSS» y «CP» (o «Código '
        'postal»), separados por comas, punto y coma o tabuladores.'
    ),
    'batch.utf16': (
        'Este archivo está guardado como Unicode (UTF-16 o UTF-32) sin la '
        'marca que lo identifica, y así no lo puedo leer bien. Ábrelo en '
        'Excel o en el Bloc de notas y guárdalo como UTF-8: Archivo > '
        'Guardar como > «CSV UTF-8 (delimitado por comas)»; luego revisa '
        'ese archivo.'
    ),
    'batch.header_too_big': (
        'La fila de títulos es demasiado grande para revisarla: tiene más '
        'de {limit} caracteres. Revisa que la primera fila solo tenga los '
        'títulos de las columnas (por ejemplo «CURP», «NSS» y «CP») y que '
        'el archivo sea un CSV.'
    ),
    'batch.row_too_big': (
        'La fila que empieza en la línea {line} es demasiado grande para '
        'revisarla: tiene más de {limit} caracteres. Revisa esa fila (a '
        'veces es una comilla sin cerrar que junta muchas filas en una) o '
        'divide el archivo, y vuelve a revisarlo.'
    ),
    'batch.csv': (
        'No pude leer la fila {row}: el archivo no parece un CSV bien '
        'formado ({detail}). Revisa que las comillas estén cerradas.'
    ),
}

#: Issues of one cell.
ISSUES = {
    'empty': 'La celda de {label} está vacía.',
    'batch.duplicate_curp': 'CURP repetida: ya aparece en la fila {first}.',
    'batch.duplicate_nss': 'NSS repetido: ya aparece en la fila {first}.',
}

#: What a spreadsheet did to a number, appended to the validator's message.
HINTS = {
    'scientific': (
        'La hoja de cálculo lo convirtió a notación científica y se '
        'perdieron dígitos: da formato de Texto a la columna y vuelve '
        'a escribir el número completo.'
    ),
    'dot_zero': (
        'Sin el «.0» final ({value}) sí es válido: la hoja de cálculo lo '
        'guardó como número; da formato de Texto a la columna.'
    ),
    'leading_zero': (
        'Si empieza con cero, la hoja de cálculo pudo quitarlo: {padded} '
        '{what}. Da formato de Texto a la columna y escríbelo completo.'
    ),
    'nss_valid': 'es un NSS válido',
    'cp_exists': 'existe',
    'cp_exists_in': 'existe ({place})',
}

#: The report.
DELIMITER_NAMES = {',': 'comas', ';': 'punto y coma', '\t': 'tabuladores', '|': 'barras verticales'}
REPORT = {
    'source': 'Revisión de {source}',
    'column': '{label} en la columna {letter} («{header}»)',
    'columns': 'Columnas revisadas: {found}.',
    'header_row': 'títulos en la fila {row}',
    'headerless': ('el archivo no tiene fila de títulos; reconocí las columnas por su contenido'),
    'delimiter': 'Separador: {name}; {where}.',
    'missing': 'Sin columna de {kinds}: esa parte no se revisó.',
    'missing_join': ' ni de ',
    'error': 'Error',
    'warning': 'Aviso',
    'issue': '{what} en {label} (columna {letter}){shown}: {message}',
    'long_value': '{start}… ({length} caracteres)',
    'row': 'Fila {row}:',
    'summary': 'Resumen',
    'rows': '  Filas revisadas: {n}',
    'valid': '  Válidas: {n}',
    'warnings': '  Con advertencias: {n}',
    'invalid': '  Con errores: {n}',
    'duplicates': '  Duplicados: {n}',
    'duplicates_split': ' (CURP: {curp}, NSS: {nss})',
    'no_rows': 'El archivo tiene títulos pero ninguna fila con datos.',
    'verdict_invalid': ('Hay filas con errores: corrígelas y vuelve a revisar el archivo.'),
    'verdict_warnings': ('No hay errores; revisa los avisos, pueden ser datos correctos que no siguen la regla.'),
    'verdict_valid': 'Todo en orden: todas las filas son válidas.',
}

#: Header shown for a column recognised by its contents.
UNTITLED = '(sin título)'
