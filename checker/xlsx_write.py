"""Write a one-sheet Excel ``.xlsx``, stdlib only, streaming.

Enough for the list checker's annotated copy: text cells (inline strings,
so nothing has to be held until the end), a few fills, a frozen header
row, filters on the header and column widths.  Runs in the browser under
Pyodide as well as on the command line.

>>> import io
>>> from checker.xlsx_read import open_sheet
>>> buf = io.BytesIO()
>>> with XlsxWriter(buf, 'Revisión', widths=[10, 20]) as w:
...     w.row(['CURP', 'Revisión'])
...     w.row(['HEGG560427MVZRRL04', 'Válida'], {1: 'valid'})
...     w.row(['=1+1', 'Con errores'], {0: 'error', 1: 'error'})
>>> [r for r in open_sheet(buf.getvalue()).rows()]
[['CURP', 'Revisión'], ['HEGG560427MVZRRL04', 'Válida'], ['=1+1', 'Con errores']]
"""

import re
import zipfile

from .cellsafe import FORMULA_START
from .xlsx_format import column_letter

__all__ = ['XlsxWriter', 'STYLES']

#: Style names a cell can have (index = position in cellXfs; each also has
#: a twin with quotePrefix, at index + len(STYLES)).
STYLES = ('plain', 'header', 'error', 'warning', 'valid')
_STYLE_INDEX = {name: i for i, name in enumerate(STYLES)}

# XML 1.0 cannot hold most C0 controls; OOXML spells them _xHHHH_ (and a
# literal "_x0041_" as "_x005F_x0041_") so Excel shows the original text.
_ILLEGAL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)')


def _xml_text(text):
    # saxutils.escape's three replacements: importing xml.sax would bring
    # urllib, http and email along (130 KB gzip more for the list page)
    text = text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub(lambda m: '_x005F_' if m.group() == '_' else f'_x{ord(m.group()):04X}_', text)
    return text


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml"'
    ' ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.styles+xml"/></Types>'
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
_NS = (
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"'
)
# fills: 0 none, 1 gray125 (both required), 2 header gray, 3 error red,
# 4 warning yellow, 5 valid green (Excel's "Bad", "Neutral", "Good").
_STYLES_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet {_NS}>'
    '<fonts count="5"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><sz val="11"/><color rgb="FF9C0006"/><name val="Calibri"/></font>'
    '<font><sz val="11"/><color rgb="FF9C5700"/><name val="Calibri"/></font>'
    '<font><sz val="11"/><color rgb="FF006100"/><name val="Calibri"/></font>'
    '</fonts><fills count="6"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/>'
    '</patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/>'
    '</patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/>'
    '</patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/>'
    '</patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
    '</border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
    'borderId="0"/></cellStyleXfs><cellXfs count="10">'
    + ''.join(
        f'<xf numFmtId="49" fontId="{font}" fillId="{fill}" borderId="0" '
        f'xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"'
        f'{quote}/>'
        for quote in ('', ' quotePrefix="1"')
        for font, fill in ((0, 0), (1, 2), (2, 3), (3, 4), (4, 5))
    )
    + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>'
)


def _member(name):
    # A fixed date: the same rows give the same bytes (tests, caches, builds).
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


class XlsxWriter:
    """A streaming writer of one sheet of text cells.

    Call :meth:`row` for each row, then :meth:`close` (or use it as a
    context manager).  Row *header_row* (1-based; None for none) is styled
    as titles, frozen and gets the filters.  *target* is a path or a binary
    file.  A cell whose text a spreadsheet could read as a formula (``= + -
    @``, after tabs or returns) gets Excel's quote prefix: it shows, and
    stays when edited, exactly that text.
    """

    def __init__(self, target, title='Hoja1', widths=None, header_row=1):
        self._zip = zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED, compresslevel=6)
        self._title = title[:31]
        self._header_row = header_row
        self._rows = 0
        self._ncols = 0
        self._parts = []
        self._sheet = self._zip.open(_member('xl/worksheets/sheet1.xml'), 'w', force_zip64=True)
        views = '<sheetViews><sheetView workbookViewId="0"'
        if header_row:
            n = header_row
            views += (
                f'><pane ySplit="{n}" topLeftCell="A{n + 1}" '
                'activePane="bottomLeft" state="frozen"/><selection '
                f'pane="bottomLeft" activeCell="A{n + 1}" '
                f'sqref="A{n + 1}"/></sheetView></sheetViews>'
            )
        else:
            views += '/></sheetViews>'
        cols = ''
        if widths:
            cols = (
                '<cols>'
                + ''.join(
                    f'<col min="{i + 1}" max="{i + 1}" width="{w:.1f}" customWidth="1"/>' for i, w in enumerate(widths)
                )
                + '</cols>'
            )
        self._write(
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'\n<worksheet {_NS}>{views}<sheetFormatPr '
            f'defaultRowHeight="15"/>{cols}<sheetData>'
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _write(self, text):
        self._parts.append(text)
        if len(self._parts) >= 512:
            self._flush()

    def _flush(self):
        self._sheet.write(''.join(self._parts).encode('utf-8'))
        self._parts = []

    def row(self, values, styles=None):
        """Write the next row; *styles* maps a 0-based column to a style name."""
        self._rows += 1
        r = self._rows
        if r == self._header_row:
            styles = {i: 'header' for i in range(len(values))} | (styles or {})
        styles = styles or {}
        if len(values) > self._ncols:
            self._ncols = len(values)
        cells = []
        for i, value in enumerate(values):
            style = _STYLE_INDEX[styles.get(i, 'plain')]
            if value is None or value == '':
                if style:
                    cells.append(f'<c r="{column_letter(i)}{r}" s="{style}"/>')
                continue
            value = str(value)
            if FORMULA_START.match(value):
                style += len(STYLES)
            space = ' xml:space="preserve"' if value != value.strip() or '\n' in value else ''
            cells.append(
                f'<c r="{column_letter(i)}{r}" s="{style}" t="inlineStr"><is><t{space}>{_xml_text(value)}</t></is></c>'
            )
        self._write(f'<row r="{r}">{"".join(cells)}</row>')

    def close(self):
        """Finish the sheet and the workbook (idempotent)."""
        if self._zip is None:
            return
        rows = self._rows
        tail = '</sheetData>'
        defined = ''
        if self._header_row and self._ncols:
            ref = f'A{self._header_row}:{column_letter(self._ncols - 1)}{max(rows, self._header_row)}'
            tail += f'<autoFilter ref="{ref}"/>'
            absolute = re.sub(r'([A-Z]+)([0-9]+)', r'$\1$\2', ref)
            quoted = self._title.replace("'", "''")
            defined = (
                '<definedNames><definedName name="_xlnm._FilterDatabase"'
                f' localSheetId="0" hidden="1">\'{_xml_text(quoted)}\'!'
                f'{absolute}</definedName></definedNames>'
            )
        tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
        self._write(tail)
        self._flush()
        self._sheet.close()
        z = self._zip
        z.writestr(_member('[Content_Types].xml'), _CONTENT_TYPES)
        z.writestr(_member('_rels/.rels'), _ROOT_RELS)
        z.writestr(_member('xl/_rels/workbook.xml.rels'), _BOOK_RELS)
        z.writestr(_member('xl/styles.xml'), _STYLES_XML)
        z.writestr(
            _member('xl/workbook.xml'),
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'\n<workbook {_NS}><bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{_xml_text(self._title)}" '
            f'sheetId="1" r:id="rId1"/></sheets>{defined}</workbook>',
        )
        z.close()
        self._zip = None
