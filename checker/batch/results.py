"""What a list check produces: the file-level error and the result types."""

from ..exceptions import FileError
from ..messages.batch import FILE_ERRORS

__all__ = ['BatchError', 'Issue', 'RowResult', 'Summary']


class BatchError(FileError):
    """The file cannot be checked at all (no CURP/NSS/CP column, unreadable).

    ``code`` is a stable id (``batch.no_columns``, ``batch.empty``,
    ``batch.csv``) and ``message`` the Spanish explanation for the user.
    """

    CATALOGUE = FILE_ERRORS


class Issue:
    """One thing to report about one cell of a row.

    *severity* is 'invalid' (error) or 'warning'; *position* is 0-based in
    the compact value, or None; *first_row* is set for duplicates.
    """

    __slots__ = ('column', 'severity', 'code', 'message', 'position', 'value', 'first_row')

    def __init__(self, column, severity, code, message, position=None, value='', first_row=None):
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.position = position
        self.value = value
        self.first_row = first_row

    @property
    def kind(self):
        return self.column.kind

    def __repr__(self):
        return f'Issue({self.column.kind!r}, {self.severity!r}, {self.code!r}, position={self.position!r})'


class RowResult:
    """A row with something to report.

    *row* is the row number as a spreadsheet shows it (the first line of the
    file is row 1); *state* is 'invalid' or 'warning'.
    """

    __slots__ = ('row', 'state', 'issues')

    def __init__(self, row, state, issues):
        self.row = row
        self.state = state
        self.issues = issues

    @property
    def codes(self):
        return [i.code for i in self.issues]

    def __repr__(self):
        return f'RowResult(row={self.row}, state={self.state!r}, {self.issues!r})'


class Summary:
    """Counts of a run (complete once the run's iterator is exhausted).

    Every checked row is exactly one of valid, warnings (warnings only) or
    invalid.  A CURP or NSS seen on an earlier row is an error (a list
    cannot hold two students with one CURP or one NSS), so such a row is
    counted as invalid and also in ``duplicates``.
    """

    def __init__(self):
        self.rows = 0  # data rows checked (blank rows skipped)
        self.warnings = 0  # rows with warnings only
        self.invalid = 0  # rows with at least one error
        self.duplicates = 0  # rows repeating an earlier CURP or NSS
        self.duplicate_curp = 0
        self.duplicate_nss = 0
        self.columns = []
        self.delimiter = ','
        self.header_row = 1  # None: no title row, columns guessed
        self.done = False

    @property
    def valid(self):
        return self.rows - self.warnings - self.invalid

    @property
    def exit_status(self):
        """0 when nothing is invalid (warnings allowed), 1 otherwise."""
        return 1 if self.invalid else 0

    def as_dict(self):
        return {
            'rows': self.rows,
            'valid': self.valid,
            'warnings': self.warnings,
            'invalid': self.invalid,
            'duplicates': self.duplicates,
            'duplicate_curp': self.duplicate_curp,
            'duplicate_nss': self.duplicate_nss,
            'exit_status': self.exit_status,
        }

    def __repr__(self):
        return f'Summary({self.as_dict()})'
