"""What the .xlsx reader, the writer and a CSV list share: the first bytes
of a workbook and the column letters.

Apart from the reader so that checking a CSV list (and writing its Excel
copy) never loads it: the widgets fetch the reader only for an Excel list.

>>> column_letter(0), column_letter(25), column_letter(26), column_letter(701)
('A', 'Z', 'AA', 'ZZ')
"""

__all__ = ['ZIP_MAGIC', 'OLE_MAGIC', 'column_letter']

ZIP_MAGIC = b'PK\x03\x04'
OLE_MAGIC = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'


def column_letter(index):
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    n = index + 1
    letters = ''
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters
