"""One way in for a list in any format (CSV or Excel) and the annotated copy
out, for the command line and the browser page alike.

>>> r = report_list(b'CURP,Nombre(s)\\nHEGG560427MVZRRL04,Gloria\\n', copy='csv')
>>> r['exit_status'], r['copy'].decode('utf-8-sig').splitlines()
(0, ['CURP,Nombre(s),Revisión,Detalle', 'HEGG560427MVZRRL04,Gloria,Válida,'])
"""

import io
import os
import re
import tempfile

from ..messages.lists import MAPPING
from ..xlsx_format import OLE_MAGIC, ZIP_MAGIC
from .annotate import RowTap, annotated
from .read import open_lines, text_lines
from .report import format_report
from .results import BatchError
from .run import check_rows

__all__ = [
    'is_workbook',
    'open_run',
    'copy_format',
    'parse_mapping',
    'estimate_rows',
    'report_list',
    'CopyFile',
    'RowTap',
]

#: ``--columnas`` names: field -> the names accepted for it.
FIELDS = {
    'curp': ('curp',),
    'nss': ('nss',),
    'cp': ('cp', 'codigo_postal', 'postal'),
    'given_names': ('nombre', 'nombres'),
    'first_surname': ('primer_apellido', 'apellido_paterno', 'paterno'),
    'second_surname': ('segundo_apellido', 'apellido_materno', 'materno'),
    'full_name': ('nombre_completo',),
    'birth_date': ('fecha_nacimiento', 'fecha_de_nacimiento', 'nacimiento', 'fecha'),
    'sex': ('sexo', 'genero'),
    'state': ('entidad', 'entidad_nacimiento', 'estado_nacimiento'),
}
_FIELD_BY_NAME = {n: f for f, names in FIELDS.items() for n in names}


def is_workbook(head):
    """True when the first bytes are an .xlsx (zip) or an OLE file (.xls)."""
    return head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC[:4])


def copy_format(path):
    """'csv' or 'xlsx' when ``--salida`` names an annotated copy, else None."""
    if path is None:
        return None
    ext = os.path.splitext(path)[1].lower()
    return {'.csv': 'csv', '.xlsx': 'xlsx'}.get(ext)


def parse_mapping(spec):
    """``--columnas "curp=B,nombre=Nombre del alumno"`` -> {field: column}.

    A column is a letter (A, B, ..., AA) or a header text.  Raises
    ValueError with a Spanish message.

    >>> parse_mapping('curp=Clave, nombre completo = B')
    {'curp': 'Clave', 'full_name': 1}
    """
    out = {}
    for part in filter(None, (p.strip() for p in spec.split(','))):
        key, sep, value = part.partition('=')
        field = _FIELD_BY_NAME.get(
            re.sub(r'[\s-]+', '_', key.strip().lower())
            .replace('á', 'a')
            .replace('é', 'e')
            .replace('í', 'i')
            .replace('ó', 'o')
            .replace('ú', 'u')
        )
        if not sep or not value.strip():
            raise ValueError(MAPPING['syntax'].format(part=part))
        if field is None:
            names = ', '.join(n for names in FIELDS.values() for n in names)
            raise ValueError(MAPPING['field'].format(key=key.strip(), names=names))
        value = value.strip()
        out[field] = _letters_index(value) if re.fullmatch(r'[A-Za-z]{1,3}', value) and value.isupper() else value
    return out


def _letters_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def estimate_rows(path):
    """Rough row count of a CSV file from its size (sizes the duplicate
    tables; None when unknown)."""
    try:
        size = os.path.getsize(path)
        with open(path, 'rb') as f:
            head = f.read(1 << 16)
    except (OSError, TypeError, ValueError):
        return None
    lines = head.count(b'\n')
    if not lines or is_workbook(head):
        return None
    return min(int(size / (len(head) / lines) * 1.05) + 1, 1 << 26)


def open_run(source, name=None, *, sheet=None, **options):
    """Start checking *source* (path, bytes, str or binary file): a BatchRun.

    An Excel workbook is recognised by its first bytes, whatever its name;
    *sheet* picks one of its sheets.  *options* as for
    :func:`checker.batch.check_rows` (``tap``, ``mapping``, ...).
    """
    if isinstance(source, str) and not os.path.exists(source) and '\n' in source:
        if options.get('expected_rows') is None:
            options['expected_rows'] = _line_count(source)
        return check_rows(text_lines(source), **options)
    head = b''
    if isinstance(source, (bytes, bytearray, memoryview)):
        head = bytes(source[:8])
    elif hasattr(source, 'peek'):
        head = source.peek(8)[:8]
    elif isinstance(source, (str, os.PathLike)):
        with open(source, 'rb') as f:
            head = f.read(8)
    if is_workbook(head):
        from .sheet import check_workbook

        if hasattr(source, 'read'):  # stdin: a zip needs seeking
            source = source.read()
        return check_workbook(source, sheet, name, **options)
    if isinstance(source, (bytes, bytearray)) and options.get('expected_rows') is None:
        options['expected_rows'] = _line_count(source)
    return check_rows(open_lines(source), **options)


def _line_count(data):
    r"""The line breaks of a CSV held in memory (bytes or text), counted at C
    speed: the rows it may have, to size the duplicate tables (they never
    grow then).

    >>> _line_count(b'CURP\nA\nB\n'), _line_count(b'CURP\rA\rB'), _line_count('CURP\nA')
    (4, 3, 2)
    """
    nl, cr = ('\n', '\r') if isinstance(data, str) else (b'\n', b'\r')
    return min(max(data.count(nl), data.count(cr)) + 1, 1 << 26)


class CopyFile:
    """The annotated copy written next to its final name, renamed at the end.

    A list that stops half-way (a broken CSV quote) leaves no partial copy:
    rows in must equal rows out.
    """

    def __init__(self, path, run, tap, fmt):
        folder = os.path.dirname(os.path.abspath(path))
        fd, self.tmp = tempfile.mkstemp(prefix='.revision-', suffix='.tmp', dir=folder)
        self.path = path
        if fmt == 'csv':
            self.handle = os.fdopen(fd, 'w', encoding='utf-8', newline='')
        else:
            self.handle = os.fdopen(fd, 'wb')
        self._ctx = annotated(run, tap, self.handle, fmt)
        self.run = self._ctx.__enter__()

    def close(self, ok):
        """Finish (``ok``) or throw away the copy."""
        try:
            if ok:
                self._ctx.__exit__(None, None, None)
            self.handle.close()
            if ok:
                os.replace(self.tmp, self.path)
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


def report_list(data, name=None, sheet=None, copy=None, **options):
    """The page: check *data* (bytes of a CSV or .xlsx, or str) in one go.

    Returns ``{'text', 'exit_status', 'summary', 'error', 'copy'}``: the
    report (as :func:`checker.batch.report`) and, when *copy* is 'csv' or
    'xlsx', the annotated copy's bytes; with *copy* a tuple of formats,
    ``copy`` is ``{format: bytes}``, all written in one pass.  ``copy`` is
    None when the file could not be checked.
    """
    formats = (copy,) if isinstance(copy, str) else tuple(copy or ())
    tap = RowTap() if formats else None
    try:
        run = open_run(data, name, sheet=sheet, tap=tap, **options)
        if formats:
            bufs = {f: io.BytesIO() if f == 'xlsx' else io.StringIO(newline='') for f in formats}
            with annotated(run, tap, [(bufs[f], f) for f in formats]) as seen:
                text = '\n'.join(format_report(seen, name)) + '\n'
            out = {f: b.getvalue() if f == 'xlsx' else b.getvalue().encode('utf-8') for f, b in bufs.items()}
            if isinstance(copy, str):
                out = out[copy]
        else:
            text = '\n'.join(format_report(run, name)) + '\n'
            out = None
    except BatchError as exc:
        return {'text': exc.message + '\n', 'exit_status': 2, 'summary': None, 'error': exc.code, 'copy': None}
    return {
        'text': text,
        'exit_status': run.summary.exit_status,
        'summary': run.summary.as_dict(),
        'error': None,
        'copy': out,
    }
