"""Checking an Excel sheet: its header found among the first rows, then the
same run as a CSV (:meth:`checker.batch.run.BatchRun.from_rows`).

>>> import io
>>> from checker.xlsx_write import XlsxWriter
>>> buf = io.BytesIO()
>>> with XlsxWriter(buf) as w:
...     w.row(['Nombre', 'CURP'])
...     w.row(['Gloria', 'HEGG560427MVZRRL04'])
>>> run = check_workbook(buf.getvalue(), name='lista.xlsx')
>>> [r.row for r in run], run.summary.rows, run.summary.sheet
([], 1, 'Hoja1')
"""

import csv
import io
import itertools

from ..messages.sheet import ERRORS
from ..xlsx_read import XlsxError, cell_ref, open_sheet
from .columns import find_columns, guess_headerless
from .person import mapped_header
from .results import BatchError
from .run import HEADER_SEARCH_LINES, BatchRun

__all__ = ['check_sheet', 'check_workbook', 'SheetError']


class SheetError(BatchError):
    """A workbook or sheet that cannot be checked (a :class:`BatchError`)."""


def _error(exc):
    return SheetError(exc.code, exc.message)


def _as_lines(rows):
    """CSV lines of *rows*, for the header guesser that reads lines."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\n').writerows(rows)
    return buf.getvalue().splitlines(keepends=True)


def _merged_header(sheet, row):
    """The first merged range that crosses the header row, or None."""
    for first_row, first_col, last_row, last_col in sheet.merged_in_row(row):
        if last_col > first_col or last_row > first_row:
            return (cell_ref(first_row, first_col), cell_ref(last_row, last_col))
    return None


def check_sheet(sheet, **options):
    """Start checking an open :class:`~checker.xlsx_read.Sheet`; a BatchRun.

    Raises :class:`SheetError` (a :class:`BatchError`) for an empty sheet,
    a sheet without CURP/NSS/CP columns or whose header spans merged cells;
    a formula without its saved value in a checked column is raised while
    the run is iterated.  *options* as for :func:`checker.batch.check_rows`.
    """
    rows = _guarded(sheet.rows())
    head = list(itertools.islice(rows, HEADER_SEARCH_LINES))
    where = {'file': sheet.file, 'sheet': sheet.title}
    if not any(any(cell.strip() for cell in row) for row in head):
        raise SheetError('xlsx.empty', ERRORS['xlsx.empty'].format(**where))
    found = None
    for index, row in enumerate(head):
        columns = find_columns(row)
        if columns:
            found = (index, row, columns, False)
            break
    if found is None:
        guess = guess_headerless(_as_lines(head), ',')
        if guess is not None:
            _delimiter, index, top, columns, titled = guess
            found = (index, top, columns, not titled)
    if found is None and options.get('mapping'):  # titles only --columnas knows
        index = mapped_header(head, options['mapping'])
        if index is not None:
            found = (index, head[index], [], False)
    if found is None:
        raise SheetError('xlsx.no_columns', ERRORS['xlsx.no_columns'].format(**where))
    index, header, columns, headerless = found
    if not headerless:
        merged = _merged_header(sheet, index + 1)
        if merged is not None:
            raise SheetError(
                'xlsx.merged_header', ERRORS['xlsx.merged_header'].format(first=merged[0], last=merged[1], **where)
            )
    run = BatchRun.from_rows(
        itertools.chain(head, rows),
        columns,
        index,
        header=None if headerless else header,
        headerless=headerless,
        **options,
    )
    person = run.person
    # a formula without its value is an error only where it is checked
    sheet.value_columns = frozenset(
        [c.index for c in columns]
        + ([c.index for c in person.columns.values()] if person else [])
        + ([person.full.index] if person and person.full else [])
    )
    data_from = index + (1 if headerless else 2)
    for row, col, error in sheet.formulas:
        if col in sheet.value_columns and row >= data_from:
            raise _error(error)
    run.summary.sheet = sheet.title
    return run


def _guarded(rows):
    """The sheet's rows, its reading errors turned into a SheetError."""
    try:
        yield from rows
    except XlsxError as exc:
        raise _error(exc) from None


def check_workbook(source, sheet=None, name=None, **options):
    """Open an .xlsx (*source*: path, bytes or file) and start checking it.

    *sheet* names the sheet (``--hoja``); the first visible one otherwise.
    """
    try:
        opened = open_sheet(source, sheet, name)
    except XlsxError as exc:
        raise _error(exc) from None
    if options.get('expected_rows') is None and opened.dimension:
        last = opened.dimension.rpartition(':')[2]
        digits = ''.join(ch for ch in last if ch.isdigit())
        if digits:
            options['expected_rows'] = min(int(digits), 1 << 21)
    return check_sheet(opened, **options)
