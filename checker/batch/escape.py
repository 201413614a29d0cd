r"""Text from a file, made safe to print: what the report echoes of a cell.

A cell may hold anything: an ESC sequence that would drive the terminal,
CR/LF (from a quoted cell) that would forge report lines, a TAB that makes a
new cell when the report is opened as a spreadsheet, or invisible
characters (U+200B) that make two values look equal.  :func:`visible`
writes each such character as an escape a person can read.

>>> print(visible('Ana\x1b[2J\r\nFila 9: todo bien\t=1+1 x\u200by'))
Ana\x1b[2J\r\nFila 9: todo bien\t=1+1 x[U+200B]y
>>> visible('Peña, 44100')
'Peña, 44100'
"""

__all__ = ['visible']

_NAMED = {'\t': '\\t', '\n': '\\n', '\r': '\\r'}


def _escape(c):
    if c in _NAMED:
        return _NAMED[c]
    code = ord(c)
    if code < 0x100:  # C0 and C1 controls, NBSP, soft hyphen
        return f'\\x{code:02x}'
    return f'[U+{code:04X}]'


def visible(text):
    """*text* with every control or invisible character escaped (never raw)."""
    if text.isprintable():
        return text
    return ''.join(c if c.isprintable() else _escape(c) for c in text)
