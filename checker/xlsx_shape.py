"""Rows of a worksheet that all repeat one shape, read a row per match
(see :class:`Shape`; :mod:`checker.xlsx_sheet` scans the sheet and falls back
on its general patterns).  Stdlib only: it also runs under Pyodide."""

import re

from .xlsx_format import column_letter

__all__ = ['Shape']

_ROW_TAGS = ('<row ', '<row>', '<row/')


class Shape:
    """Rows that repeat one shape, read by one pattern made for that shape.

    Lists from control-escolar systems spell every data row alike: the same
    columns from A on, each with the same style and type and a lone <v>.
    Learnt from the last row of a region read the usual way, such a shape
    becomes a pattern that matches a whole row (one match and one tuple per
    row instead of one per cell, about 3x faster), and its values are
    turned into text a column at a time.  A region where the pattern did
    not match every row is read the usual way (and a new shape learnt).
    """

    #: Regions read the usual way before shapes stop being learnt.
    MAX_MISSES = 8

    def __init__(self, sheet, kinds):
        self.sheet = sheet
        self.kinds = kinds  # per column: (s, t)
        self.distinct = set()  # columns whose strings seldom repeat (CURP, NSS...)
        cells = ''.join(
            f'<c r="{column_letter(i)}[0-9]+"'
            + (f' s="{s}"' if s else '')
            + (f' t="{t}"' if t else '')
            + ('><v>([0-9]+)</v></c>' if t == 's' else '><v>([^<]*)</v></c>')
            for i, (s, t) in enumerate(kinds)
        )
        self.pattern = re.compile(rf'<row r="([0-9]+)"[^>]*(?<!/)>{cells}</row>')

    @classmethod
    def learn(cls, sheet, found):
        """The shape of the last row in *found* (_SHEET tuples), if it has one."""
        last = []
        for cell in reversed(found):
            if cell[0]:
                break
            last.append(cell)
        last.reverse()
        kinds = tuple((s, t) for _r, _letters, s, t, _v, _text, _inner in last)
        if not last or any(c[1] != column_letter(i) or not c[4] for i, c in enumerate(last)):
            return cls._missed(sheet)
        return cls(sheet, kinds)

    @staticmethod
    def _missed(sheet):
        sheet.shape_misses += 1
        return False if sheet.shape_misses >= Shape.MAX_MISSES else None

    def read(self, region):
        """[(row number, cells)] of *region*, or None when a row has another shape."""
        found = self.pattern.findall(region)
        if len(found) != region.count('<row') and len(found) != sum(map(region.count, _ROW_TAGS)):
            self.sheet.shape = self._missed(self.sheet)
            return None
        if not found:
            return []
        try:
            columns = list(zip(*found))
            for i, kind in enumerate(self.kinds, start=1):
                columns[i] = self._texts(columns[i], *kind, i)
        except (ValueError, IndexError):  # a bad shared-string index: the usual way says where
            self.sheet.shape = None
            return None
        out = list(zip(map(int, columns[0]), map(list, zip(*columns[1:]))))
        if '' in columns[-1]:  # trailing empty cells are dropped, as the usual way does
            for _rowno, cells in out:
                while cells and not cells[-1]:
                    cells.pop()
        return out

    def _texts(self, values, s, t, column):
        sheet = self.sheet
        if t == 's':
            strings = sheet._strings
            lists, load, shift, mask = strings.lists, strings.load, strings.SHIFT, strings.MASK
            if column not in self.distinct:  # names, sex, state: each string looked up once
                texts = dict.fromkeys(values)
                if len(texts) * 2 <= len(values):
                    for v in texts:
                        i = int(v)
                        texts[v] = (lists[i >> shift] or load(i >> shift))[i & mask]
                    return list(map(texts.__getitem__, values))
                self.distinct.add(column)
            return [(lists[i >> shift] or load(i >> shift))[i & mask] for i in map(int, values)]
        typed = sheet._typed
        if not t and s not in sheet._date_styles:
            # whole numbers as Excel shows them, checked for the column at once
            if '' not in values and max(map(len, values)) < 16 and ''.join(values).isdigit():
                if ' 0' not in ' ' + ' '.join(values):  # no leading zero
                    return list(values)
            return [v if v.isdigit() and v[0] != '0' and len(v) < 16 else typed(v, s, t) if v else '' for v in values]
        if not t:  # a date: most serial numbers have been seen already
            texts = list(map(sheet._dates_seen.get, values))
            if None in texts or '' in values:
                seen = sheet._dates_seen
                texts = [(seen.get(v) or typed(v, s, t)) if v else '' for v in values]
            return texts
        return [typed(v, s, t) if v else '' for v in values]
