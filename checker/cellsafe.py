"""Cells a spreadsheet could run as formulas ("CSV injection"), made safe.

Every CSV or XLSX the project writes passes its cells through here: a
value that starts with ``= + - @`` (also after tabs, returns or spaces,
which Excel skips) would become a formula when the file is opened.  In a
CSV it gets a leading apostrophe, as OWASP recommends (Excel hides it and
shows the text); in an XLSX the cell keeps its text and gets Excel's quote
prefix instead (see :mod:`checker.xlsx_write`).

>>> [neutralise(v) for v in ('=1+1', '\\t=HYPERLINK("x")', '-5', 'Ana', '')]
["'=1+1", '\\'\\t=HYPERLINK("x")', "'-5", 'Ana', '']
"""

import re

__all__ = ['FORMULA_START', 'looks_like_formula', 'neutralise']

FORMULA_START = re.compile(r'[\t\r\n ]*[=+\-@\t\r]')


def looks_like_formula(value):
    """True when a spreadsheet could read *value* as a formula."""
    return bool(value) and FORMULA_START.match(value) is not None


def neutralise(value):
    """*value* for a CSV cell: an apostrophe first when it looks like a formula."""
    if value and FORMULA_START.match(value):
        return "'" + value
    return value
