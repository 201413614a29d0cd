"""The Spanish report of a run, line by line, and the entry points that
check a whole file and return (or write) that report."""

from .. import postal as _postal
from ..exceptions import InvalidInput
from ..messages.batch import DELIMITER_NAMES, LABELS, REPORT
from ..messages.office import for_office
from ..messages.postal import CATALOGUE_LINE, CATALOGUE_LINE_NO_SOURCES
from .columns import KINDS
from .escape import visible
from .read import open_lines, text_lines
from .results import BatchError
from .run import check_rows

__all__ = [
    'format_header',
    'format_issue',
    'format_result',
    'format_summary',
    'format_report',
    'report',
    'report_text',
    'check_source',
]


def _fmt(n):
    return f'{n:,}'


def _label(kind):
    if kind in LABELS:
        return LABELS[kind]
    from ..messages.person import LABELS as PERSON  # birth date, sex...

    return PERSON[kind]


def _catalogue_lines():
    """What the postal codes are checked against: the catalogue's date and sources."""
    try:
        info = _postal.catalogue()
    except InvalidInput:
        return []  # each postal code then says the catalogue could not be loaded
    if not info['sources']:
        return [CATALOGUE_LINE_NO_SOURCES.format(words=info['words'])]
    return [CATALOGUE_LINE.format(words=info['words'], sources='; '.join(info['sources']))]


def format_header(run, source=None):
    """Opening lines of the report: what was found where."""
    s = run.summary
    lines = []
    if source:
        lines.append(REPORT['source'].format(source=source))
    found = ', '.join(
        REPORT['column'].format(label=LABELS[c.kind], letter=c.letter, header=c.header) for c in s.columns
    )
    lines.append(REPORT['columns'].format(found=found))
    where = REPORT['header_row'].format(row=s.header_row) if s.header_row else REPORT['headerless']
    if getattr(s, 'sheet', None) is not None:  # an Excel sheet
        from ..messages.sheet import REPORT_SHEET

        lines.append(REPORT_SHEET.format(sheet=s.sheet, where=where))
    else:
        lines.append(REPORT['delimiter'].format(name=DELIMITER_NAMES.get(s.delimiter, s.delimiter), where=where))
    missing = [LABELS[k] for k in KINDS if not any(c.kind == k for c in s.columns)]
    if missing:
        lines.append(REPORT['missing'].format(kinds=REPORT['missing_join'].join(missing)))
    if getattr(run, 'person', None) is not None:  # CURP vs the row's data
        from .person import report_lines

        lines.extend(report_lines(run.person))
    if any(c.kind == 'cp' for c in s.columns):
        lines.extend(_catalogue_lines())
    lines.append('')
    return [visible(line) for line in lines]  # titles come from the file


def format_issue(issue):
    """One report line for one issue (without the row number)."""
    col = issue.column
    what = REPORT['error' if issue.severity == 'invalid' else 'warning']
    value = issue.value.strip()
    if len(value) > 40:  # a pasted paragraph: enough to find the cell
        value = REPORT['long_value'].format(start=value[:30], length=len(value))
    shown = f' «{value}»' if value else ''
    # The messages already name the position in human terms ("el carácter
    # 7"); issue.position keeps the 0-based index for programs.
    # the value and the messages quote the file: never echo a raw control
    return visible(
        REPORT['issue'].format(
            what=what, label=_label(col.kind), letter=col.letter, shown=shown, message=for_office(issue.message)
        )
    )


def format_result(result):
    """Report lines for one :class:`RowResult`."""
    lines = [REPORT['row'].format(row=result.row)]
    for issue in result.issues:
        lines.append('  ' + format_issue(issue))
    return lines


def format_summary(summary):
    """Closing lines of the report: the counts and the verdict."""
    s = summary
    duplicates = REPORT['duplicates'].format(n=_fmt(s.duplicates))
    if s.duplicates:
        duplicates += REPORT['duplicates_split'].format(curp=_fmt(s.duplicate_curp), nss=_fmt(s.duplicate_nss))
    lines = [
        REPORT['summary'],
        REPORT['rows'].format(n=_fmt(s.rows)),
        REPORT['valid'].format(n=_fmt(s.valid)),
        REPORT['warnings'].format(n=_fmt(s.warnings)),
        REPORT['invalid'].format(n=_fmt(s.invalid)),
        duplicates,
    ]
    if s.rows == 0:
        lines.append(REPORT['no_rows'])
    elif s.invalid:
        lines.append(REPORT['verdict_invalid'])
    elif s.warnings:
        lines.append(REPORT['verdict_warnings'])
    else:
        lines.append(REPORT['verdict_valid'])
    return lines


def format_report(run, source=None):
    """Iterate the whole report, line by line (no trailing newlines).

    *run* is a :class:`BatchRun` (consumed here); the summary comes last.
    """
    yield from format_header(run, source)
    any_problem = False
    for result in run:
        any_problem = True
        yield from format_result(result)
    if any_problem:
        yield ''
    yield from format_summary(run.summary)


def report(data, name=None, **options):
    """Check CSV *data* (``bytes`` or decoded ``str``) and return a dict.

    ``{'text': the whole report, 'exit_status': 0 | 1 | 2, 'summary':
    Summary.as_dict() or None, 'error': None or the BatchError code}`` --
    what the browser page shows and offers for download.  It is the same
    text ``python -m checker FILE.csv`` prints.
    """
    lines = text_lines(data) if isinstance(data, str) else open_lines(data)
    try:
        run = check_rows(lines, **options)
        text = '\n'.join(format_report(run, name)) + '\n'
    except BatchError as exc:
        return {'text': exc.message + '\n', 'exit_status': 2, 'summary': None, 'error': exc.code}
    return {'text': text, 'exit_status': run.summary.exit_status, 'summary': run.summary.as_dict(), 'error': None}


def report_text(data, name=None, **options):
    """``(report text, exit status)`` for CSV *data* (``bytes`` or ``str``).

    A file that cannot be checked gives its Spanish message and status 2.
    """
    r = report(data, name, **options)
    return r['text'], r['exit_status']


def check_source(source, write, name=None, **options):
    """Check *source* (see :func:`open_lines`) and ``write(str)`` the report.

    Returns the exit status: 0 nothing invalid, 1 some row invalid, 2 the
    file could not be checked (its message is written too).
    """
    try:
        run = check_rows(open_lines(source), **options)
        for line in format_report(run, name):
            write(line + '\n')
    except BatchError as exc:
        write(exc.message + '\n')
        return 2
    return run.summary.exit_status
