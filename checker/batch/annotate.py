"""The annotated copy of a list: the office's own rows, in the same order,
with all their columns plus «Revisión» and «Detalle».

The run only yields rows with something to report, so the copy taps the
run's row reader (:class:`RowTap`): it holds the one row last read, and
when the run asks for the next one, the held row had nothing to report
(valid, or blank).  Memory stays flat; every row read is written, so the
copy has exactly as many rows as the input.

Usage (what ``python -m checker LISTA --salida LISTA-revisada.xlsx`` and the
page do)::

    tap = RowTap()
    run = check_rows(lines, tap=tap)           # or check_sheet(sheet, tap=tap)
    with annotated(run, tap, target, 'xlsx') as run:
        for line in format_report(run):        # the report, as before
            ...
"""

import csv

from ..cellsafe import neutralise
from ..messages.annotate import DETAIL, DETAIL_JOIN, HEADERS, STATES
from ..messages.batch import LABELS
from ..messages.office import for_office
from ..messages.person import LABELS as PERSON_LABELS
from ..xlsx_write import XlsxWriter

__all__ = ['RowTap', 'annotated', 'FORMATS']

FORMATS = ('csv', 'xlsx')

#: How many of the first rows decide where «Revisión» goes (after the
#: widest of them, so stray cells past the titles do not collide with it).
WIDTH_ROWS = 30


def _label(column):
    return LABELS.get(column.kind) or PERSON_LABELS.get(column.kind, column.kind)


class RowTap:
    """Wraps a run's row reader; hands each row on and keeps the last one."""

    def __init__(self):
        self.sink = None
        self.pending = None
        self.rowno = 0
        self.head = []

    def wrap(self, reader, first_row=1):
        """Called by the run with its reader of cell lists."""
        self._reader = iter(reader)
        self.first_row = first_row
        self.rowno = first_row - 1
        return self

    def __iter__(self):
        return self

    def __next__(self):
        self._release()
        row = next(self._reader)
        self.rowno += 1
        self.pending = (self.rowno, row)
        return row

    def _release(self, result=None):
        if self.pending is not None:
            rowno, row = self.pending
            self.pending = None
            if self.sink is None:
                self.head.append((rowno, row, result))
            else:
                self.sink(rowno, row, result)

    def take(self, result):
        """The run yielded *result*: write the held row with it."""
        if self.pending is not None and self.pending[0] == result.row:
            self._release(result)

    def finish(self):
        self._release()


class _Annotated:
    """The run, seen through the copy: iterate it as the run itself."""

    def __init__(self, run, tap, out):
        self._run = run
        self._tap = tap
        self._out = out
        self.summary = run.summary
        self.person = getattr(run, 'person', None)
        tap.sink = out.write
        for item in tap.head:
            out.write(*item)
        tap.head = []

    def __iter__(self):
        return self

    def __next__(self):
        try:
            result = next(self._run)
        except StopIteration:
            self._tap.finish()
            raise
        self._tap.take(result)
        return result

    def __getattr__(self, name):
        return getattr(self._run, name)


class _Copy:
    """Writes rows: the office's cells, then «Revisión» and «Detalle»."""

    def __init__(self, run, tap, target, fmt):
        s = run.summary
        self.header_row = s.header_row
        self.fmt = fmt
        self.rows_written = 0
        self.data_rows = 0
        seen = [r for _, r, _ in tap.head[:WIDTH_ROWS]]
        if tap.pending is not None:
            seen.append(tap.pending[1])
        width = max([len(r) for r in seen] + [c.index + 1 for c in s.columns] + [1])
        # A copy checked again: its old «Revisión» and «Detalle» are replaced.
        self.old = 0
        titles = seen[-1] if seen and self.header_row is not None else []
        for i in range(len(titles) - 1):
            if titles[i].strip() == HEADERS['review'] and titles[i + 1].strip() == HEADERS['detail']:
                if all(c.index < i for c in s.columns):
                    width, self.old = i, 2
                break
        self.width = width
        if fmt == 'xlsx':
            widths = [14.0] * width + [14.0, 90.0]
            header = (
                None if self.header_row is None else self.header_row - tap.first_row + 1
            )  # a «sep=» line is dropped
            self._xlsx = XlsxWriter(target, HEADERS['sheet'], widths, header_row=header)
            self._csv = None
        else:
            delimiter = s.delimiter if s.delimiter in (',', ';', '\t', '|') else ','
            self._file = target
            target.write('\ufeff')
            self._csv = csv.writer(target, delimiter=delimiter, lineterminator='\r\n')
            self._xlsx = None

    def write(self, rowno, row, result):
        width = self.width
        cells = list(row[:width])
        if len(cells) < width:
            cells.extend([''] * (width - len(cells)))
        extra = list(row[width + self.old :])
        while extra and not extra[-1].strip():
            extra.pop()
        styles = {}
        if self.header_row is not None and rowno == self.header_row:
            mark, detail = HEADERS['review'], HEADERS['detail']
        elif self.header_row is not None and rowno < self.header_row:
            mark = detail = ''
        elif result is None:  # valid, or a blank row
            self.data_rows += 1
            detail = mark = ''
            if any(f.strip() for f in row):
                mark = STATES['valid']
                styles[width] = 'valid'
        else:
            self.data_rows += 1
            mark = STATES[result.state]
            style = 'error' if result.state == 'invalid' else 'warning'
            styles[width] = style
            parts = []
            for issue in result.issues:
                col = issue.column
                if issue.severity == 'invalid':
                    styles[col.index] = 'error'
                else:
                    styles.setdefault(col.index, 'warning')
                parts.append(
                    DETAIL.format(
                        what=STATES['error' if issue.severity == 'invalid' else 'warning_one'],
                        label=_label(col),
                        letter=col.letter,
                        message=for_office(issue.message),
                    )
                )
            detail = DETAIL_JOIN.join(parts)
        out = cells + [mark, detail] + extra
        self.rows_written += 1
        if self._xlsx is not None:
            self._xlsx.row(out, styles)
        else:
            self._csv.writerow([neutralise(v) for v in out])

    def close(self):
        if self._xlsx is not None:
            self._xlsx.close()
            self._xlsx = None


class _Both:
    """Several copies written in one pass (the page offers CSV and XLSX)."""

    def __init__(self, copies):
        self.copies = copies

    def write(self, *row):
        for copy in self.copies:
            copy.write(*row)

    def close(self):
        for copy in self.copies:
            copy.close()


class annotated:  # noqa: N801 (used as a context manager, like open())
    """Context manager: the run whose rows are also written to *target*.

    *target*: for 'xlsx' a path or binary file; for 'csv' a text file
    opened with ``newline=''`` (UTF-8; a BOM is written first so Excel
    reads the accents right).  *tap* must be the :class:`RowTap` given to
    the run.  The copy is finished on exit.  With *fmt* None, *target* is
    a list of ``(target, fmt)``: all written in the same pass.
    """

    def __init__(self, run, tap, target, fmt=None):
        pairs = [(target, fmt)] if fmt is not None else list(target)
        if any(f not in FORMATS for _, f in pairs):
            raise ValueError(pairs)
        copies = [_Copy(run, tap, t, f) for t, f in pairs]
        self.copy = copies[0] if len(copies) == 1 else _Both(copies)
        self.run = _Annotated(run, tap, self.copy)

    def __enter__(self):
        return self.run

    def __exit__(self, *exc):
        self.copy.close()
