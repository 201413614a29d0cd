# Run by compile_stdlib.mjs inside Pyodide (twice: stock stdlib, then the
# trimmed one).  Makes the calls the widgets' worker makes, so that the set of
# stdlib modules they load can be measured, and returns their answers as one
# string so the two runs can be compared.  Globals set by the caller:
# EXTRA_MODULES (every module named by an import in the checker's sources),
# DATA_DIR (postal data files, possibly empty) and MARK_BOOT, MARK_LISTS,
# MARK_EXCEL (see below).
import os
import importlib

import guia_bridge

_out = []
for _name in sorted(os.listdir(DATA_DIR)):
    with open(os.path.join(DATA_DIR, _name), "rb") as _fh:
        guia_bridge.add_file(_name, _fh.read())

_SAMPLES = {
    "curp": ["", "GODE561231HDFRRN09", "GODE561231HDFRRN08", "BACA800101HDFXXX01",
             "gode-561231-hdfrrn09", "GODE561331HDFRRN09", "XEXX010101HNEXXXA4",
             "ÑODE561231HDFRRN09", "GODE56123"],
    "nss": ["", "28138801999", "74927602404", "28138801990", "2813880199", "12345678901"],
    "cp": ["", "01000", "06700", "68000", "29000", "44100", "00001", "99999", "1234", "abcde"],
}
for _kind, _values in _SAMPLES.items():
    for _value in _values:
        _out.append(guia_bridge.describe(_kind, _value))
_out.append(guia_bridge.describe("nss", "28138801999", "GODE561231HDFRRN09"))
_out.append(guia_bridge.compare("GODE561231HDFRRN09", "Enrique", "González", "Díaz",
                                "1956-12-31", "H", "DF"))
# Everything above is what the CURP, NSS and postal-code boxes do; the caller's
# MARK_BOOT() records (or, verifying, provides) what they need: the first
# zips.  Then a CSV list (MARK_LISTS: the list's zips), then Excel ones
# (MARK_EXCEL: the Excel zip).
MARK_BOOT()

def _batch(data, name):
    for _attempt in range(200):  # the worker's loop: fetch what the checker asks for, retry
        answer = guia_bridge.batch_report(data, name)
        if '"need"' not in answer:
            return answer
    return answer


_out.append(_batch(
    b"CURP,NSS,CP\nGODE561231HDFRRN09,28138801999,01000\nXXXX,123,99999\n"
    b"HEGG560427MVZRRL04,74927602404,44100\nHEGG560427MVZRRL04,7492760240,4410\n",
    "lista.csv"))
# with the students' own data: each CURP compared with its owner's
_out.append(_batch(
    "Nombre(s);Primer apellido;Segundo apellido;Fecha de nacimiento;Sexo;Entidad de nacimiento;CURP;NSS\n"
    "Gloria;Hernández;García;27/04/1956;M;Veracruz;HEGG560427MVZRRL04;28138801999\n"
    "Ana;x;y;;;;HEGG560427MVZRRL05;\n".encode("utf-8"),
    "lista-nombres.csv"))
MARK_LISTS()
# An Excel list as well (issue 12): the .xlsx reader, the names comparison and
# both annotated copies (the same answer twice: the copies' bytes are fixed).
import io as _io
from checker.xlsx_write import XlsxWriter as _XlsxWriter
_book = _io.BytesIO()
with _XlsxWriter(_book) as _w:
    _w.row(["CURP", "Nombre(s)", "Primer apellido", "Fecha de nacimiento", "NSS"])
    _w.row(["HEGG560427MVZRRL04", "Gloria", "Hernández", "17/04/1956", "28138801999"])
_out.append(guia_bridge.batch_report(_book.getvalue(), "lista.xlsx"))
_out.append(guia_bridge.batch_report(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "vieja.xls"))
MARK_EXCEL()

# What the checker's sources import on paths not exercised above: shipped
# with the list's stdlib zip.
for _mod in EXTRA_MODULES:
    try:
        importlib.import_module(_mod)
        _out.append("import %s ok" % _mod)
    except ImportError as _exc:
        _out.append("import %s failed: %s" % (_mod, _exc))
"\n".join(_out)
