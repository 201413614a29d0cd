"""Bridge between the widgets' Web Worker and the unchanged ``checker`` package.

Shipped next to the checker (in the same small zip) and imported by the worker
under Pyodide.  Every function returns a JSON string, so the worker never has to
walk Python proxies.  Postal data reaches Python only through
``checker.postal.set_loader``: the worker fetches a file, hands its bytes to
:func:`add_file`, and the loader serves them from memory.  When the checker asks
for a file the worker has not fetched yet, the loader raises :class:`NeedFile`
(a ``BaseException`` so no ``except Exception`` in the checker swallows it) and
the call answers ``{"need": name}``; the worker fetches that file and retries.
"""

import json

from checker import curp as _curp
from checker import postal as _postal
from checker import text as _text


class NeedFile(BaseException):
    """The checker asked for a data file the worker has not handed in yet."""

    def __init__(self, name):
        super().__init__(name)
        self.name = name


_files = {}
_failed = set()


def _loader(name):
    try:
        return _files[name]
    except KeyError:
        pass
    if name in _failed:  # its download failed: the checker says so, this once
        _failed.discard(name)
        raise OSError(name)
    raise NeedFile(name)


_postal.set_loader(_loader)


def add_file(name, data):
    """Store the bytes of one postal data file (``data`` is bytes or a JS Uint8Array)."""
    if hasattr(data, "to_bytes"):
        data = data.to_bytes()
    _files[name] = bytes(data)


def fail_file(name):
    """The download of ``name`` failed: the next lookup that needs it gets the
    checker's "catalogue unavailable" answer, and the one after asks for the
    file again (nothing empty is stored)."""
    _failed.add(name)


def mount(archive):
    """Put a zip fetched later on the import path: the list's (stdlib extras,
    the checker's list modules) or Excel's (the .xlsx reader and its stdlib).

    Its top-level modules join ``sys.path``; each of its folders whose package
    lives in an earlier zip (``checker``, ``checker.batch``...) joins that
    package's ``__path__`` (zipimport takes "archive.zip/checker/batch"), so
    the checker stays one package and ``import checker.xlsx_read`` just works.
    Mount in order: a zip's packages come from itself or the earlier zips."""
    import importlib
    import sys
    from zipfile import ZipFile  # Pyodide's own start-up imports it

    if archive in sys.path:
        return
    with ZipFile(archive) as zf:
        names = zf.namelist()
    folders, here = set(), set()
    for name in names:
        parts = name.split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
        if parts[-1].startswith("__init__."):
            here.add("/".join(parts[:-1]))
    sys.path.append(archive)
    for folder in sorted(folders - here, key=lambda f: f.count("/")):
        package = importlib.import_module(folder.replace("/", "."))
        package.__path__.append(f"{archive}/{folder}")
    # (no importlib.invalidate_caches(): a new path entry gets a new finder,
    # and it would import importlib.metadata)


def warm_up():
    """Import and exercise what the first verdicts need, with fixed samples
    (never a typed value): run once before the worker's memory snapshot."""
    describe("curp", "GODE561231HDFRRN09")
    describe("nss", "74927602404", "GODE561231HDFRRN09")
    describe("cp", "")


def _plain(value):
    """Turn the checker's return values into JSON-able plain data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if hasattr(value, "_asdict"):
        return _plain(value._asdict())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "__dict__"):
        return {k: _plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


def _answer(fn):
    try:
        return json.dumps({"ok": _plain(fn())}, ensure_ascii=False)
    except NeedFile as exc:
        return json.dumps({"need": exc.name})
    except Exception as exc:  # never let the worker hang on a checker bug
        return json.dumps(
            {"error": type(exc).__name__, "message": getattr(exc, "message", str(exc))},
            ensure_ascii=False,
        )


def describe(kind, value, curp=None):
    """``checker.text.describe`` as JSON: the same dict the command line prints."""
    return _answer(lambda: _text.describe(kind, value, curp=curp or None))


def compare(value, given_names=None, first_surname=None, second_surname=None, birth_date=None, sex=None, state=None):
    """``checker.curp.compare`` as a JSON list of mismatches.

    An empty field is "not given" (``None``): only what the student filled in
    is compared."""

    def given(v):
        return v if v else None

    return _answer(
        lambda: _curp.compare(
            value,
            given_names=given(given_names),
            first_surname=given(first_surname),
            second_surname=given(second_surname),
            birth_date=given(birth_date),
            sex=given(sex),
            state=given(state),
        )
    )


def batch_report(data, name=None):
    """``checker.batch.report`` over a CSV or .xlsx file's bytes: JSON
    {report, status, summary, summary_lines, copy_xlsx, copy_csv}.

    ``report`` is the same text ``python -m checker FILE.csv`` prints;
    ``summary_lines`` are the checker's own closing lines for the ``summary``
    counts (the verdict last), empty when the file could not be checked;
    ``copy_xlsx``/``copy_csv`` the annotated copies of the list (base64), absent
    when it could not be checked."""
    from types import SimpleNamespace

    from checker.batch.report import format_summary

    if hasattr(data, "to_bytes"):
        data = data.to_bytes()

    def run():
        # CSV or Excel in; the annotated copies («Revisión», «Detalle») out,
        # both written in the same pass (issue 12); base64 for the JSON answer.
        from base64 import b64encode

        from checker.batch.lists import report_list

        r = report_list(bytes(data), name, copy=("xlsx", "csv"))
        summary = r["summary"]
        lines = format_summary(SimpleNamespace(**summary)) if summary else []
        copies = {f"copy_{k}": b64encode(v).decode("ascii") for k, v in (r["copy"] or {}).items()}
        return {"report": r["text"], "status": r["exit_status"], "summary": summary, "summary_lines": lines, **copies}

    return _answer(run)
