"""Check a whole CSV list of students (CURP, NSS, postal code) row by row.

Built for school offices: ``python -m checker alumnos.csv`` and the
"Revisa tu lista" page run exactly this code, so the report they give is the
same text.

The check streams (see :mod:`checker.batch.run`).  The package's modules,
one job each: :mod:`~checker.batch.read` (bytes to text lines),
:mod:`~checker.batch.columns` (which column holds what),
:mod:`~checker.batch.cells` (the issues of one cell),
:mod:`~checker.batch.run` (the hot loop), :mod:`~checker.batch.results`
(the result types), :mod:`~checker.batch.report` (the Spanish report; its
texts are in :mod:`checker.messages.batch`) and
:mod:`~checker.batch.escape` (what the report echoes of a cell, made
visible).  Memory stays bounded on any file: see
:mod:`~checker.batch.read` for the limits.

Usage from Python (the browser does the same with the file's bytes)::

    run = check_rows(lines)          # reads the header, may raise BatchError
    for result in run:               # only rows with something to report
        ...
    run.summary                      # counts, complete once run is exhausted

    for line in format_report(check_rows(lines)):
        print(line)

    report(data)                     # the browser: bytes in, dict out

>>> out, status = report_text('CURP;NSS\\nHEGG560427MVZRRL04;28138801999\\n')
>>> print(out)  # doctest: +NORMALIZE_WHITESPACE
Columnas revisadas: CURP en la columna A («CURP»), NSS en la columna B («NSS»).
Separador: punto y coma; títulos en la fila 1.
Sin columna de código postal: esa parte no se revisó.
<BLANKLINE>
Fila 2:
  Aviso en NSS (columna B) «28138801999»: Los dígitos 5 y 6 del NSS (88)
  deberían ser el año en que nació el alumno, pero la CURP dice 56 (1956).
  No siempre es un error, pero confirma con el IMSS que el NSS sea del
  alumno.
<BLANKLINE>
Resumen
  Filas revisadas: 1
  Válidas: 0
  Con advertencias: 1
  Con errores: 0
  Duplicados: 0
No hay errores; revisa los avisos, pueden ser datos correctos que no siguen la regla.
>>> status
0
"""

from ..messages.batch import LABELS
from .columns import KINDS, Column, classify_header, find_columns
from .read import open_lines, text_lines
from .report import (
    check_source,
    format_header,
    format_issue,
    format_report,
    format_result,
    format_summary,
    report,
    report_text,
)
from .results import BatchError, Issue, RowResult, Summary
from .run import CP_CACHE_LIMIT, HEADER_SEARCH_LINES, BatchRun, check_rows

__all__ = [
    'BatchError',
    'Column',
    'Issue',
    'RowResult',
    'Summary',
    'BatchRun',
    'open_lines',
    'text_lines',
    'classify_header',
    'find_columns',
    'check_rows',
    'format_header',
    'format_issue',
    'format_result',
    'format_report',
    'format_summary',
    'report',
    'report_text',
    'check_source',
    'KINDS',
    'LABELS',
    'HEADER_SEARCH_LINES',
    'CP_CACHE_LIMIT',
]
