"""The run: the header found, then the hot loop over the rows.

The check streams.  Rows are never kept: memory stays flat whatever the size
of the file, except for the two duplicate-detection tables, which hold one
64-bit key per distinct CURP and NSS seen, plus the number of the row where
it first appeared (:mod:`checker.batch.seen`).
"""

import csv
import itertools

from .. import curp as _curp
from .. import nss as _nss
from .. import postal as _postal
from ..exceptions import InvalidInput
from ..messages.batch import ISSUES
from ..text import NOTE_CODES
from . import cells
from .cells import check_cell, postal_warnings, value_issue
from .columns import DELIMITERS, find_columns, guess_headerless, parse_head, sniff
from .read import read_head
from .results import BatchError, Issue, RowResult, Summary
from .seen import SeenTable

__all__ = ['BatchRun', 'check_rows', 'HEADER_SEARCH_LINES', 'CP_CACHE_LIMIT']

#: How many lines at the top of a file may come before the header row.
HEADER_SEARCH_LINES = 30

#: Cap on the per-run postal-code cache (there are only ~33,000 real codes;
#: the cap only matters for a column full of junk).
CP_CACHE_LIMIT = 200_000

_DUPLICATE_CODES = frozenset({'batch.duplicate_curp', 'batch.duplicate_nss'})


def check_rows(lines, *, duplicates=True, cross_check=True, curp_warnings=True, **extra):
    """Start checking an iterable of CSV text lines; returns a :class:`BatchRun`.

    Reads the first lines at once to find the delimiter and the header
    (raising :class:`BatchError` when there is no CURP/NSS/CP column), then
    checks lazily as the run is iterated.
    """
    return BatchRun(lines, duplicates=duplicates, cross_check=cross_check, curp_warnings=curp_warnings, **extra)


def _duplicate(column, kind, value, first):
    code = f'batch.duplicate_{kind}'
    return Issue(column, 'invalid', code, ISSUES[code].format(first=first), None, value, first)


class _CrossCheck:
    """CURP-NSS cross-check with a cache.

    ``nss.compare_curp(n, c)`` is the authority; its warnings depend only on
    ``nss.curp_key(n, c)`` and today's year, fixed during a run.  So the
    result is cached under that key and the comparison runs once per
    distinct key: at most a few thousand times for a school list.
    """

    #: 10**4 * 100 * 2 distinct keys at most
    LIMIT = 2_000_000

    def __init__(self, column, enabled):
        self.column = column
        self.enabled = bool(enabled and column is not None)
        self.cache = {}

    def compute(self, n, c):
        """Compare valid compact *n* and *c*; cache and return the warnings."""
        r = tuple((w['code'], w['message']) for w in _nss.compare_curp(n, c) if w['code'] not in NOTE_CODES)
        if len(self.cache) < self.LIMIT:
            self.cache[_nss.curp_key(n, c)] = r
        return r

    def issues(self, warnings, value):
        return [Issue(self.column, 'warning', code, message, None, value) for code, message in warnings]


class BatchRun:
    """Iterator over the rows that have something to report.

    Create it with :func:`check_rows`.  ``summary`` holds the counts; they
    are final once the iterator is exhausted.  ``seen`` holds the duplicate
    tables by kind ('curp', 'nss') once the first row was asked for.
    """

    seen = None

    def __init__(
        self,
        lines,
        *,
        duplicates=True,
        cross_check=True,
        curp_warnings=True,
        tap=None,
        mapping=None,
        expected_rows=None,
    ):
        # tap: annotated copy (batch.annotate); mapping: --columnas;
        # expected_rows: sizes the duplicate tables (batch.seen)
        self.summary = Summary()
        self._expected = expected_rows
        head, lines = read_head(lines, HEADER_SEARCH_LINES)
        skip = 0
        forced = None
        if head and head[0].lower().startswith('sep=') and head[0].strip()[4:5] in DELIMITERS:
            forced = head[0].strip()[4:5]
            skip = 1
        if not any(line.strip() for line in head):
            raise BatchError.of('batch.empty')
        found = sniff(head[skip:])
        if forced is not None:
            rows = parse_head(head[skip:], forced)
            found = None
            for index, row in enumerate(rows):
                columns = find_columns(row)
                if columns:
                    found = (forced, index, row, columns)
                    break
        headerless = False
        if found is None:
            guess = guess_headerless(head[skip:], forced)
            if guess is not None:
                found, titled = guess[:4], guess[4]
                headerless = not titled
        if found is None and mapping:  # titles only --columnas knows
            found = _mapped(head[skip:], forced, mapping)
        if found is None:
            raise BatchError.of('batch.no_columns')
        delimiter, header_index, header, columns = found
        s = self.summary
        s.delimiter = delimiter
        s.columns = columns
        # A pasted essay in one cell must not stop the whole list: allow cells
        # up to 16 MiB (still bounded) instead of csv's 128 KiB default.
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))
        # strict: an unclosed quote is reported instead of silently
        # swallowing the rest of the file into one cell.
        reader = csv.reader(itertools.chain(head[skip:], lines), delimiter=delimiter, strict=True)
        # Row numbers count CSV records, as a spreadsheet numbers its rows.
        self._begin(
            reader, skip, header_index, header, headerless, mapping, tap, duplicates, cross_check, curp_warnings
        )

    @classmethod
    def from_rows(
        cls,
        rows,
        columns,
        header_index,
        *,
        header=None,
        headerless=False,
        duplicates=True,
        cross_check=True,
        curp_warnings=True,
        tap=None,
        mapping=None,
        expected_rows=None,
    ):
        """A run over rows already split into cells (an Excel sheet).

        *header_index* is the 0-based index of the header row in *rows*
        (of the first data row when *headerless*).
        """
        self = cls.__new__(cls)
        self.summary = s = Summary()
        self._expected = expected_rows
        s.columns = columns
        s.delimiter = None
        self._begin(
            iter(rows), 0, header_index, header, headerless, mapping, tap, duplicates, cross_check, curp_warnings
        )
        return self

    def _begin(self, reader, skip, header_index, header, headerless, mapping, tap, *options):
        """Past the header (*skip* records before the rows handed in), the
        row-vs-CURP check chosen, and the rows' iterator started."""
        if tap is not None:
            reader = tap.wrap(reader, skip + 1)
        skipped = header_index + (0 if headerless else 1)
        for _ in range(skipped):
            next(reader)
        s = self.summary
        s.header_row = None if headerless else skip + header_index + 1
        self.person = _person_check(s.columns, header, headerless, mapping, s.header_row)
        # the number of the record before the first data row
        self._iter = self._run(reader, skip + skipped, *options)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._iter)

    # The hot loop: one call per row, no allocation for a clean row beyond
    # what csv gives and the compact values kept for duplicate detection.
    def _run(self, reader, rowno, duplicates, cross_check, curp_warnings):
        s = self.summary
        columns = s.columns
        primary = {c.kind: c for c in columns if c.primary}
        extras = [c for c in columns if not c.primary]
        ccol = primary.get('curp')
        ncol = primary.get('nss')
        pcol = primary.get('cp')
        ci = ccol.index if ccol else -1
        ni = ncol.index if ncol else -1
        pi = pcol.index if pcol else -1
        need = max(c.index for c in columns) + 1

        curp_validate = _curp.validate
        nss_validate = _nss.validate
        nss_is_valid = _nss.is_valid
        nss_compact = _nss.compact
        postal_check = _postal.check
        curp_has_warnings = _curp.has_warnings
        nss_curp_key = _nss.curp_key
        cross = _CrossCheck(ncol, cross_check)
        cross_get = cross.cache.get if cross.enabled else None
        cross_compute = cross.compute
        cross_issues = cross.issues
        capacity = max(1 << 12, int((self._expected or 0) / SeenTable.LOAD))
        self.seen = seen = {}
        if duplicates and ccol:
            seen['curp'] = SeenTable.for_curp(capacity)
        if duplicates and ncol:
            seen['nss'] = SeenTable.for_nss(capacity)
        # the tables' closures: an attribute look-up per row costs more
        # than the call itself
        seen_curp = seen['curp'].setdefault if 'curp' in seen else None
        seen_nss = seen['nss'].setdefault if 'nss' in seen else None
        person = self.person.row_check() if ccol and self.person is not None else None
        cp_cache = {}
        cp_get = cp_cache.get
        rows = 0
        warned = invalid = dups = dup_c = dup_n = 0

        def flush():
            s.rows = rows
            s.warnings = warned
            s.invalid = invalid
            s.duplicates = dups
            s.duplicate_curp = dup_c
            s.duplicate_nss = dup_n

        try:
            for row in reader:
                rowno += 1
                if len(row) < need:
                    if not row or not any(f.strip() for f in row):
                        continue  # blank row: not counted
                    row = row + [''] * (need - len(row))
                issues = None
                c = n = None
                if ci >= 0:
                    v = row[ci]
                    # validate() is the fast path too: one call gives the
                    # compact value (no is_valid() first; a try costs nothing)
                    try:
                        c = curp_validate(v)
                    except InvalidInput as exc:  # the diagnosis
                        if not v.strip() and not any(f.strip() for f in row):
                            continue  # blank row
                        issues = [value_issue(ccol, exc, v)]
                    if c is not None:
                        if curp_warnings and curp_has_warnings(c):
                            w = cells.curp_warnings(ccol, c, v)
                            if w:
                                issues = w
                        if seen_curp is not None:
                            first = seen_curp(c, rowno)
                            if first != rowno:
                                dup_c += 1
                                issue = _duplicate(ccol, 'curp', v, first)
                                if issues is None:
                                    issues = [issue]
                                else:
                                    issues.append(issue)
                if person is not None:
                    more = person(row, row[ci])
                    if more:
                        if issues is None:
                            issues = more
                        else:
                            issues.extend(more)
                if ni >= 0:
                    v = row[ni]
                    if nss_is_valid(v):
                        n = v if len(v) == 11 else nss_compact(v)
                    else:
                        try:
                            n = nss_validate(v)  # raises: the diagnosis
                        except InvalidInput as exc:
                            if ci < 0 and not v.strip() and not any(f.strip() for f in row):
                                continue  # blank row
                            issue = value_issue(ncol, exc, v)
                            if issues is None:
                                issues = [issue]
                            else:
                                issues.append(issue)
                    if n is not None:
                        if seen_nss is not None:
                            first = seen_nss(int(n), rowno)
                            if first != rowno:
                                dup_n += 1
                                issue = _duplicate(ncol, 'nss', v, first)
                                if issues is None:
                                    issues = [issue]
                                else:
                                    issues.append(issue)
                        if c is not None and cross_get is not None:
                            w = cross_get(nss_curp_key(n, c))
                            if w is None:
                                w = cross_compute(n, c)
                            if w:
                                if issues is None:
                                    issues = cross_issues(w, v)
                                else:
                                    issues.extend(cross_issues(w, v))
                if pi >= 0:
                    v = row[pi]
                    r = cp_get(v)
                    if r is None:
                        try:
                            _code, w = postal_check(v)
                            # a code the catalogue lacks: one «Aviso»
                            r = postal_warnings(pcol, w, v)[0] if w else True
                        except InvalidInput as exc:
                            if ci < 0 and ni < 0 and not v.strip() and not any(f.strip() for f in row):
                                continue  # blank row
                            r = value_issue(pcol, exc, v)
                        # not a blank cell: the blank-row test above must
                        # see every one, whatever the columns
                        if len(cp_cache) < CP_CACHE_LIMIT and v and not v.isspace():
                            cp_cache[v] = r
                    if r is not True:
                        if issues is None:
                            issues = [r]
                        else:
                            issues.append(r)
                if extras:
                    for col in extras:
                        _compact, more = check_cell(col, row[col.index])
                        if more:
                            if issues is None:
                                issues = more
                            else:
                                issues.extend(more)
                rows += 1
                if issues is None:
                    continue
                if any(i.code in _DUPLICATE_CODES for i in issues):
                    dups += 1
                if any(i.severity == 'invalid' for i in issues):
                    invalid += 1
                    state = 'invalid'
                else:
                    warned += 1
                    state = 'warning'
                flush()
                yield RowResult(rowno, state, issues)
        except csv.Error as exc:  # only the reader raises it
            flush()
            raise BatchError.of('batch.csv', row=rowno + 1, detail=exc) from None
        finally:
            flush()
        s.done = True


def _person_check(columns, header, headerless, mapping, header_row):
    """The CURP-against-the-row check (batch.person), or None."""
    if headerless or not header:
        return None
    from .person import person_check

    return person_check(header, columns, mapping, header_row)


def _mapped(head_lines, forced, mapping):
    """(delimiter, index, header, []) of a header only --columnas names."""
    from .person import mapped_header

    for delimiter in (forced,) if forced else DELIMITERS:
        rows = parse_head(head_lines, delimiter)
        index = mapped_header(rows, mapping)
        if index is not None and (forced or len(rows[index]) > 1):
            return delimiter, index, rows[index], []
    return None
