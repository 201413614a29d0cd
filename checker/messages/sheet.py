"""Spanish texts about Excel workbooks (:mod:`checker.xlsx_read`,
:mod:`checker.batch.sheet`).  Each names the file, and the sheet and cell
where there is one."""

ERRORS = {
    'xlsx.open': 'No pude abrir «{file}»: {detail}.',
    'xlsx.encrypted': (
        '«{file}» está protegido con contraseña, así que no puedo leer sus '
        'celdas. Ábrelo en Excel, quita la contraseña (Archivo > Información '
        '> Proteger libro > Cifrar con contraseña, y borra la contraseña), '
        'guárdalo y vuelve a revisarlo.'
    ),
    'xlsx.old_format': (
        '«{file}» es una hoja de cálculo de Excel antigua (.xls). Ábrela en '
        'Excel y guárdala como «Libro de Excel (.xlsx)» o como «CSV UTF-8 '
        '(delimitado por comas)»; luego revisa ese archivo.'
    ),
    'xlsx.corrupt': (
        'No pude leer «{file}»: parece una hoja de cálculo de Excel (.xlsx), '
        'pero está dañada o incompleta{detail}. Ábrela en Excel; si abre, '
        'guárdala de nuevo como .xlsx o como CSV y revisa ese archivo.'
    ),
    'xlsx.bad_cell': ': la celda {cell} de la hoja «{sheet}» no se puede leer',
    'xlsx.not_excel': (
        '«{file}» es un documento de Word, no una hoja de cálculo. Revisa la '
        'lista de alumnos en Excel (.xlsx) o en CSV.'
    ),
    'xlsx.no_sheets': (
        '«{file}» no tiene ninguna hoja con celdas (solo gráficos, o está '
        'vacío). Pon la lista en una hoja y vuelve a revisarla.'
    ),
    'xlsx.no_such_sheet': ('«{file}» no tiene una hoja llamada «{sheet}». Sus hojas son: {sheets}.'),
    'xlsx.too_big': (
        'La hoja «{sheet}» de «{file}» es demasiado grande para revisarla '
        '(más de 4 GB sin comprimir). Divide la lista en varios archivos.'
    ),
    'xlsx.row_too_big': (
        'Una fila de la hoja «{sheet}» de «{file}» es demasiado grande para '
        'revisarla (más de 64 MB). Revisa que no haya textos enormes pegados '
        'en una celda.'
    ),
    'xlsx.formula': (
        'La celda {cell} de la hoja «{sheet}» de «{file}» tiene una fórmula'
        '{formula} sin su resultado guardado, así que no sé qué valor '
        'muestra. Ábrelo en Excel y guárdalo de nuevo (Excel guarda el '
        'resultado), o copia la columna y pégala como valores (Pegado '
        'especial > Valores).'
    ),
    'xlsx.empty': (
        'La hoja «{sheet}» de «{file}» está vacía: desde la celda A1 no '
        'tiene filas con datos que revisar. Si la lista está en otra hoja, '
        'elígela (en la terminal, con --hoja NOMBRE).'
    ),
    'xlsx.no_columns': (
        'No encontré ninguna columna de CURP, NSS o código postal en la hoja '
        '«{sheet}» de «{file}». Una de sus primeras filas debe tener los '
        'títulos de las columnas, por ejemplo «CURP», «NSS» y «CP» (o '
        '«Código postal»), cada uno en su celda.'
    ),
    'xlsx.merged_header': (
        'Los títulos de la hoja «{sheet}» de «{file}» tienen celdas '
        'combinadas ({first}:{last}), así que no sé a qué columna pertenece '
        'cada título. Selecciona {first}, elige «Separar celdas» y escribe '
        'un título en cada columna; luego vuelve a revisar el archivo.'
    ),
}

#: The report's line about where the list was read (instead of the CSV
#: separator).
REPORT_SHEET = 'Hoja «{sheet}»; {where}.'

#: Excel shows booleans in es-MX as these.
BOOLEANS = {'1': 'VERDADERO', '0': 'FALSO'}
