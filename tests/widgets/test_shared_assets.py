"""The widgets' shared assets: layout, trimming, reproducibility, and the proof
that the checker the site ships is the repository's checker and passes its own
tests under Pyodide.

How "the checker's full test suite passes against exactly the shipped zip" is
proven (test_checker_suite_passes_against_the_shipped_zip):

* the shipped ``checker.<hash>.zip``, ``lists.<hash>.zip`` and
  ``excel.<hash>.zip`` (the checker's modules, split by what loads them) are
  extracted as they are (only ``.pyc``
  files, no source of the checker is reachable) and every ``.pyc`` is shown to
  be compiled from the repository's file (hash-based pycs embed the source's
  hash, checked with Pyodide's own ``importlib.util.source_hash``);
* under Pyodide's own interpreter (Node), the doctests of every shipped module
  run from those bytes (docstrings are kept in the checker's pycs), and then
  pytest runs ``tests/checker/`` against them.  Not run there:
  ``test_build_data.py``, ``test_refresh_*.py`` and ``test_cli.py`` (they test the maintainer's data
  step and the command line, which are not shipped: sqlite3, processes), and
  hypothesis' property tests (hypothesis has a
  compiled extension that cannot load in Pyodide offline); both run under
  CPython in the normal suite.
* pytest needs much more of the stdlib than the checker, so that run uses
  Pyodide's stock stdlib.  That the trimmed stdlib is enough is proven by
  test_shipped_files_answer_like_cpython: Pyodide started exactly as the
  worker starts it, from the built site's files, answers a corpus exactly as
  ``checker.text.describe`` does in CPython; and by the build itself, which
  re-runs its measurement workload on the trimmed zip and fails on any
  difference.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from guide import shared_assets
from guide.testing import ROOT

NODE_MODULES = ROOT / "node_modules" / "pyodide"
# Test files of checker code that is not shipped to the browser: the data build
# step (sqlite3, the SAT wheel) and the command line (run as a process).
NOT_UNDER_PYODIDE = {
    "test_build_data.py",
    "test_refresh_download.py",
    "test_refresh_changes.py",
    "test_cli.py",
    "test_coverage_cli.py",
}
# Tests that read the checker's .py sources, which are not shipped (only .pyc).
SOURCE_TESTS = ["test_xlsx_read.py::test_reader_and_writer_are_small_and_stdlib_only"]
pytestmark = pytest.mark.skipif(not (NODE_MODULES / "pyodide.mjs").is_file(), reason="npm ci not run")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from guide import widget_demo

    root = tmp_path_factory.mktemp("shared")
    manifest = shared_assets.build(root)
    widget_demo.write_demo(root, manifest)  # and the demo pages' sw.js (guide.pwa)
    return root, manifest


def _h(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:10]


def test_manifest_files_exist_with_content_hashes(built):
    root, m = built
    for key in ("widgets_css", "stdlib_zip", "checker_zip"):
        path = root / m[key]
        assert path.is_file(), key
        assert _h(path.read_bytes()) in path.name, f"{key}: name does not carry its content hash"
        assert not m[key].startswith("/"), "manifest paths are relative to the site root"
    # The scripts' folder is named after every module in it, config.js included.
    js_dir = (root / m["widgets_js"]).parent
    assert js_dir == (root / m["worker_js"]).parent == (root / m["config_js"]).parent
    modules = sorted(js_dir.iterdir())
    assert js_dir.name == "js-" + _h(b"".join(p.name.encode() + p.read_bytes() for p in modules))
    assert {p.name for p in modules} == set(shared_assets.script_files()) | {"config.js"}
    for name, rel in m["postal"].items():
        path = root / rel
        assert _h(path.read_bytes()) in path.name
        assert path.read_bytes() == (shared_assets.POSTAL_DATA_DIR / name).read_bytes()
    assert (root / "sw.js").is_file()


def _config(root, m) -> dict:
    text = (root / m["config_js"]).read_text(encoding="utf-8")
    return json.loads(re.search(r"^export default (\{.*\});$", text, re.M).group(1))


def test_config_module_replaces_the_type_checking_stand_in(built):
    """The scripts import config.js; the build writes it (no string replacing in the scripts)."""
    root, m = built
    config = _config(root, m)
    stand_in = (shared_assets.WIDGETS_SRC / "config.js").read_text(encoding="utf-8")
    for key in config:
        assert f"  {key}:" in stand_in, f"config.js stand-in lacks {key}"
    for name, data in shared_assets.script_files().items():
        assert (root / m["widgets_js"]).parent.joinpath(name).read_bytes() == data, name
        assert b"__CONFIG__" not in data
    # The first download the boxes announce: what a cold visit gets, gzip as served
    # (the .xz copies of the wasm and stdlib as they are, and their decoder).
    gzipped = [root / m["pyodide_dir"] / n for n in ("pyodide.mjs", "pyodide.asm.mjs")] + [
        root / m["checker_zip"],
        root / m["postal"]["index.bin"],
        root / m["postal"]["meta.json"],
        *root.glob("_shared/xzwasm.*.js"),
    ]
    as_is = [root / m["pyodide_dir"] / "pyodide.asm.wasm.xz", root / (m["stdlib_zip"] + ".xz")]
    assert config["downloadBytes"] == sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in gzipped) + sum(
        p.stat().st_size for p in as_is
    )
    assert 2_500_000 < config["downloadBytes"] < 4_500_000


def test_pyodide_core_is_copied_unchanged_without_stock_stdlib_or_lock(built):
    """Byte for byte npm's, but for the compile hint's one comment line first in the glue."""
    root, m = built
    core = root / m["pyodide_dir"]
    assert sorted(p.name for p in core.iterdir()) == sorted(shared_assets.PYODIDE_CORE + ("pyodide.asm.wasm.xz",))
    for name in shared_assets.PYODIDE_CORE:
        shipped, npm = (core / name).read_bytes(), (NODE_MODULES / name).read_bytes()
        if name == "pyodide.asm.mjs":
            assert shipped == b"//# allFunctionsCalledOnLoad\n" + npm
        else:
            assert shipped == npm
    names = {p.name for p in root.rglob("*")}
    assert "python_stdlib.zip" not in names and "pyodide-lock.json" not in names


def test_xz_copies_decode_to_the_plain_files_and_the_decoder_is_npms(built):
    """What the worker downloads first: each .xz is exactly its plain file (CRC32,
    the check xz-embedded verifies; a dictionary no bigger than the file)."""
    import lzma

    root, m = built
    config = _config(root, m)
    js_dir = (root / m["widgets_js"]).parent
    assert set(config["xz"]) == {config["pyodide"] + "pyodide.asm.wasm", config["stdlib"]}
    for plain, packed in config["xz"].items():
        data = (js_dir / packed).read_bytes()
        assert packed == plain + ".xz"
        assert lzma.decompress(data) == (js_dir / plain).read_bytes(), plain
        assert data[6:8] == b"\x00\x01", "stream flags: CRC32"
        assert len(data) < 0.8 * len(gzip.compress((js_dir / plain).read_bytes(), 6)), plain
    assert (js_dir / config["decoder"]).read_bytes() == shared_assets.XZ_DECODER.read_bytes()
    assert "xzwasm" in json.loads((ROOT / "package.json").read_text())["dependencies"]
    # sw.js never keeps an .xz (it keeps the decoded file), and it is not in the runtime list
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", (root / "sw.js").read_text()).group(1))
    assert not any(p.endswith(".xz") for p in precache)


def _zip_is_reproducible_and_stored(path: Path) -> zipfile.ZipFile:
    zf = zipfile.ZipFile(path)
    infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    for info in infos:
        assert info.compress_type == zipfile.ZIP_STORED, info.filename
        assert info.date_time == (1980, 1, 1, 0, 0, 0), info.filename
    return zf


def test_trimmed_stdlib_zip(built):
    root, m = built
    zf = _zip_is_reproducible_and_stored(root / m["stdlib_zip"])
    extra = _zip_is_reproducible_and_stored(root / m["stdlib_extra_zip"])
    boot_names = zf.namelist()
    assert not set(boot_names) & set(extra.namelist()), "a file in both stdlib zips"
    names = boot_names + extra.namelist()
    assert all(n.endswith(".pyc") for n in names), [n for n in names if not n.endswith(".pyc")][:5]
    # Pyodide's own start-up is about 140 files; the boxes add a few, the list page more.
    assert 120 <= len(boot_names) <= 200, len(boot_names)
    for needed in (
        "asyncio/__init__.pyc",
        "encodings/__init__.pyc",
        "json/__init__.pyc",
        "datetime.pyc",
        "_pyodide/__init__.pyc",
        "pyodide/__init__.pyc",
    ):
        assert needed in boot_names
    assert "csv.pyc" in names
    for unneeded in ("unittest/__init__.pyc", "pydoc.pyc", "doctest.pyc", "sqlite3/__init__.pyc", "tkinter"):
        assert unneeded not in names
    stock = zipfile.ZipFile(NODE_MODULES / "python_stdlib.zip")
    assert len(names) < len(stock.namelist()) / 3
    magic = {zf.read(n)[:4] for n in boot_names} | {extra.read(n)[:4] for n in extra.namelist()}
    assert len(magic) == 1
    _, report = shared_assets.compile_zips()
    assert magic == {bytes.fromhex(report["magic"])}, "bytecode magic is not Pyodide's"
    assert report["verified"] is True
    assert set(report["startup_modules"]) <= set(report["modules"]) | set(report["frozen"])
    # frozen modules are never read from the zip, so they are not shipped
    assert "os.pyc" not in names and "importlib/_bootstrap.pyc" not in names
    listing = (root / "_shared" / "MODULES.txt").read_text(encoding="utf-8")
    assert "asyncio/__init__.py" in listing


def _app_members(root, m) -> dict[str, set[str]]:
    """The checker's (and guia_bridge's) members of each of the three zips."""
    out = {}
    for key in ("checker_zip", "lists_zip", "excel_zip"):
        names = _zip_is_reproducible_and_stored(root / m[key]).namelist()
        out[key] = {n for n in names if n.startswith("checker/") or n == "guia_bridge.pyc"}
    return out


def test_checker_zips_hold_exactly_the_shipped_checker(built):
    root, m = built
    zips = _app_members(root, m)
    expected = {rel + "c" for rel in shared_assets.app_files()}
    assert set().union(*zips.values()) == expected
    assert sum(map(len, zips.values())) == len(expected), "a module in two zips"
    assert "checker/__main__.pyc" not in expected


def test_the_boxes_zip_holds_only_what_the_boxes_load(built):
    """Widget pages download the checker zip only: the measured split (MODULES.txt)
    keeps the list checker and the .xlsx reader out of it."""
    root, m = built
    zips = _app_members(root, m)
    _, report = shared_assets.compile_zips()
    for key, part in (("checker_zip", "checker"), ("lists_zip", "lists"), ("excel_zip", "excel")):
        assert zips[key] == {rel + "c" for rel in report["app"][part]}, key
    boxes, lists, excel = zips["checker_zip"], zips["lists_zip"], zips["excel_zip"]
    for needed in ("guia_bridge.pyc", "checker/curp.pyc", "checker/nss.pyc", "checker/postal.pyc", "checker/text.pyc"):
        assert needed in boxes
    assert not [n for n in boxes if n.startswith("checker/batch/") or "xlsx" in n]
    # a CSV list: the list checker and the Excel copy's writer, not the reader
    for needed in ("checker/batch/__init__.pyc", "checker/batch/lists.pyc", "checker/xlsx_write.pyc"):
        assert needed in lists
    for reader in ("checker/xlsx_read.pyc", "checker/xlsx_sheet.pyc", "checker/batch/sheet.pyc"):
        assert reader in excel
    # the reader's own stdlib travels with it (a CSV list never loads it)
    excel_stdlib = set(zipfile.ZipFile(root / m["excel_zip"]).namelist()) - excel
    assert "xml/etree/ElementTree.pyc" in excel_stdlib
    assert {n[:-1] for n in excel_stdlib} == set(report["excel_members"])
    listing = (root / "_shared" / "MODULES.txt").read_text(encoding="utf-8")
    for name in ("checker_zip", "lists_zip", "excel_zip", "stdlib_extra_zip"):
        assert f"# In {Path(m[name]).name}:" in listing
    assert "checker/xlsx_read.py" in listing
    # the boxes' first download is well under the whole checker's
    gz = {k: len(gzip.compress((root / m[k]).read_bytes(), 6)) for k in zips}
    assert gz["checker_zip"] < 0.6 * sum(gz.values()), gz


def test_build_is_reproducible(tmp_path):
    # "a" comes from the cache, which an earlier compile with the same inputs
    # wrote (the site's build, or this one if there is none yet): two compiles
    # compared, and the cache shown to give what a fresh compile gives.
    a = shared_assets.build(tmp_path / "a")
    b = shared_assets.build(tmp_path / "b", use_cache=False)
    assert a == b
    # sw.js is filled once, by guide.pwa after the pages (or for the demo pages)
    assert not (tmp_path / "a" / "sw.js").exists()
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_service_worker_names_a_versioned_cache_and_existing_files(built):
    root, m = built
    sw = (root / "sw.js").read_text(encoding="utf-8")
    assert re.search(r'const VERSION = "[0-9a-f]{12}"', sw)
    assert 'const SCHOOLS = "__SCHOOLS__"' in sw  # the demo pages: no school's lists
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", sw).group(1))
    for rel in precache:
        assert (root / rel).is_file(), rel
    # the runtime: megabytes, kept once used and never fetched again by a deploy
    for key in ("stdlib_zip", "stdlib_extra_zip", "checker_zip", "lists_zip", "excel_zip"):
        assert m[key] in precache
    assert m["pyodide_dir"] + "pyodide.asm.wasm" in precache
    assert not any(re.search(r"/\d\d\.[0-9a-f]+\.json$", p) for p in precache), "shards are cached on use"


def test_worker_and_widgets_reference_only_built_files(built):
    root, m = built
    js_dir = (root / m["widgets_js"]).parent
    config = _config(root, m)
    for key in ("stdlib", "app", "stdlibExtra", "lists", "excel"):
        assert (js_dir / config[key]).is_file()
    assert (js_dir / config["pyodide"] / "pyodide.mjs").is_file()
    for rel in config["postal"].values():
        assert (js_dir / rel).is_file()
    assert (js_dir / config["sw"]).resolve() == (root / "sw.js").resolve()
    assert config["lock"]["packages"] == {}, "the lock file is passed inline and empty"
    for path in js_dir.glob("*.js"):
        text = path.read_text(encoding="utf-8")
        for spec in re.findall(r'^import .*? from "([^"]+)";$', text, re.M):
            assert (js_dir / spec).is_file(), (path.name, spec)
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        assert "https://" not in text.replace("https://www.gob.mx", "").replace("https://www.imss.gob.mx", "")
        assert "localStorage" not in text and "indexedDB" not in text and "document.cookie" not in text


def _cases():
    from checker import curp as c

    good = "HEGG560427MVZRRL04"
    bad_word = "BUEY560427HVZRRL0"
    cases = [
        ["curp", v, None]
        for v in (
            good,
            "HEGG560427MVZRRL05",
            bad_word + c.calc_check_digit(bad_word),
            "hegg-560427-mvzrrl04",
            "HEGG561327MVZRRL04",
            "",
            "ÑEGG560427MVZRRL04",
            "HEGG56042",
        )
    ]
    cases += [["nss", v, None] for v in ("28138801999", "74927602404", "28138801998", "2813880199", "")]
    cases += [["nss", "28138801999", good], ["nss", "28138801999", "HEGG560427MVZRRL05"]]
    cases += [["cp", v, None] for v in ("68000", "44100", "06700", "44109", "4410", "18000", "0l000", "29000")]
    return cases


def _node(script: str, config: dict, tmp_path: Path, timeout: int) -> subprocess.CompletedProcess:
    """overrides/widgets/build/<script> run by Node on *config* (handed over as a JSON file)."""
    path = tmp_path / (Path(script).stem + ".json")
    path.write_text(json.dumps(config), encoding="utf-8")
    return subprocess.run(
        ["node", str(shared_assets.WIDGETS_SRC / "build" / script), str(path)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _smoke(root, m, tmp_path, **extra):
    """Run smoke_shipped.mjs on the built files; its JSON result."""
    config = _config(root, m)
    shared = root / "_shared"
    js_dir = (root / m["widgets_js"]).parent
    rel = lambda p: (js_dir / p).resolve().relative_to(shared.resolve()).as_posix()  # noqa: E731
    smoke = {
        "shared_dir": str(shared),
        "pyodide_dir": rel(config["pyodide"]) + "/",
        "stdlib": rel(config["stdlib"]),
        "app": rel(config["app"]),
        "postal": {k: rel(v) for k, v in config["postal"].items()},
        "lock": config["lock"],
        "cases": _cases(),
        **extra,
    }
    proc = _node("smoke_shipped.mjs", smoke, tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _assert_answers_like_cpython(result):
    from checker import text

    for (kind, value, curp), answer in zip(_cases(), result["answers"], strict=True):
        expected = json.loads(json.dumps(text.describe(kind, value, curp=curp)))
        assert answer == {"ok": expected}, (kind, value, curp)
    # Everything Python loaded came from the two shipped zips (or is built in).
    for f in result["files"]:
        assert f.startswith(("/lib/python314.zip/", "/lib/guia_app.zip/")), f


def test_shipped_files_answer_like_cpython(built, tmp_path):
    """Pyodide started as the worker starts it, from the built files only."""
    root, m = built
    _assert_answers_like_cpython(_smoke(root, m, tmp_path))


def _lists():
    """A CSV list (with the students' names) and an Excel one: [name, bytes]."""
    from checker.xlsx_write import XlsxWriter

    csv_names = (
        "Nombre(s),Primer apellido,Segundo apellido,Fecha de nacimiento,Sexo,Entidad,CURP,NSS,CP\n"
        "Gloria,Hernández,García,27/04/1956,M,Veracruz,HEGG560427MVZRRL04,28138801999,44100\n"
        "Ana,x,y,,,,HEGG560427MVZRRL05,2813880199,4410\n"
    ).encode()
    book = io.BytesIO()
    with XlsxWriter(book) as w:
        w.row(["CURP", "Nombre(s)", "Primer apellido", "Fecha de nacimiento", "NSS"])
        w.row(["HEGG560427MVZRRL04", "Gloria", "Hernández", "17/04/1956", "28138801999"])
        w.row(["HEGG560427MVZRRL05", "=1+1", "x", "32/01/1956", "7492760240"])
    return [["lista.csv", b"CURP,NSS\nHEGG560427MVZRRL04,28138801999\n"], ["nombres.csv", csv_names]], [
        ["lista.xlsx", book.getvalue()]
    ]


def test_the_list_zips_answer_like_cpython(built, tmp_path):
    """The list page's zips mounted as the worker mounts them (guia_bridge.mount):
    CSV lists answer with the list's zips alone, an Excel list once the Excel
    zip is added; every answer (report and both copies) as under CPython."""
    root, m = built
    csvs, books = _lists()
    rel = lambda key: Path(m[key]).relative_to(shared_assets.SHARED).as_posix()  # noqa: E731
    result = _smoke(
        root,
        m,
        tmp_path,
        lists={"extra": rel("stdlib_extra_zip"), "lists": rel("lists_zip"), "excel": rel("excel_zip")},
        batch=[[name, base64.b64encode(data).decode()] for name, data in csvs + books],
        csv_first=len(csvs),
    )
    from checker import postal

    try:  # the bridge under CPython (it sets the postal loader), its data handed in as the worker does
        spec = importlib.util.spec_from_file_location("guia_bridge", shared_assets.WIDGETS_SRC / "guia_bridge.py")
        bridge = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(bridge)
        for name, path in shared_assets.postal_files().items():
            bridge.add_file(name, path.read_bytes())
        expected = [json.loads(bridge.batch_report(data, name)) for name, data in csvs + books]
    finally:
        postal.set_loader(None)
    for (name, _), answer, want in zip(csvs + books, result["batch"], expected, strict=True):
        assert answer == want, name
        assert set(answer["ok"]) >= {"report", "copy_xlsx", "copy_csv"}, name
    assert result["batch"][-1]["ok"]["status"] == 1  # the Excel list's bad row
    assert not [f for f in result["csv_files"] if "guia_excel" in f], "a CSV list loaded the Excel zip"
    # before its zip is mounted an Excel list answers the error the worker loads that zip on, then asks again
    assert result["before_excel"]["error"] == "ModuleNotFoundError", result["before_excel"]
    assert any(f.startswith("/lib/guia_lists.zip/checker/batch/") for f in result["csv_files"])
    assert "/lib/guia_excel.zip/checker/xlsx_read.pyc" in result["batch_files"]
    for f in result["batch_files"]:
        assert f.startswith(("/lib/python314.zip/", "/lib/guia_")), f


def test_a_memory_snapshot_of_the_shipped_files_answers_like_cpython(built, tmp_path):
    """The worker's later-visit start: Pyodide restored from a snapshot made
    after importing the checker (Pyodide's private _makeSnapshot/_loadSnapshot,
    hence pinned and tested here); a corrupt snapshot is refused, so the
    worker falls back to a normal start."""
    assert json.loads((NODE_MODULES / "package.json").read_text())["version"] == "314.0.7", (
        "the snapshot API is private: re-check it before upgrading Pyodide"
    )
    root, m = built
    result = _smoke(root, m, tmp_path, snapshot=True)
    assert result["restored_modules"] is True  # the checker came back with the heap
    assert result["corrupt"] == "refused"
    assert 10_000_000 < result["snapshot_bytes"] < 100_000_000
    _assert_answers_like_cpython(result)


def test_checker_suite_passes_against_the_shipped_zip(built, tmp_path):
    root, m = built
    site_packages = Path(next(p for p in sys.path if p.endswith("site-packages")))
    packages = [
        site_packages / n
        for n in (
            "_pytest",
            "pytest",
            "pluggy",
            "iniconfig",
            "packaging",
            "sortedcontainers",
            "stdnum",
            "pygments",
            "py.py",
            "openpyxl",
            "et_xmlfile",
        )
    ]  # (pure Python: reads the .xlsx copies)
    tests_dir = ROOT / "tests" / "checker"
    tests = {}
    for p in sorted(tests_dir.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.name not in NOT_UNDER_PYODIDE:
            tests["checker_tests/" + p.relative_to(tests_dir).as_posix()] = str(p)
    sources = {rel: str(path) for rel, path in shared_assets.app_files().items()}
    config = {
        "pyodide_dir": str(NODE_MODULES),
        "app_zips": [str(root / m[k]) for k in ("checker_zip", "lists_zip", "excel_zip")],
        "data_dir": str(shared_assets.POSTAL_DATA_DIR),
        "site_packages": [str(p) for p in packages if p.exists()],
        "tests": tests,
        "sources": sources,
        "pytest_args": ["-q", "-rfs", "checker_tests"] + [f"--deselect=checker_tests/{t}" for t in SOURCE_TESTS],
    }
    proc = _node("run_checker_tests.mjs", config, tmp_path, timeout=900)
    out = proc.stdout
    failed = "\n".join(line for line in out.splitlines() if line.startswith(("FAILED", "ERROR")))
    assert proc.returncode == 0, failed + out[-3000:] + proc.stderr[-2000:]
    assert "checker imported from /ship/checker/__init__.pyc" in out
    assert re.search(r"\d+ passed", out)
    assert "pytest exit status 0; doctest failures 0" in out
    for rel in sources:
        assert f"same source: {rel}c" in out


def test_transfer_size_of_our_python_files_is_small(built):
    """gzip bytes of the stdlib + checker zips vs the stock stdlib zip."""
    root, m = built
    ours = sum(len(gzip.compress((root / m[k]).read_bytes(), 6)) for k in ("stdlib_zip", "checker_zip"))
    stock = len(gzip.compress((NODE_MODULES / "python_stdlib.zip").read_bytes(), 6))
    assert ours < 0.45 * stock, (ours, stock)
