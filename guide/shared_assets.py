"""The widgets' shared assets, built once for every school into ``site/_shared/``.

``build(site_root)`` writes:

* ``_shared/pyodide-<hash>/`` – Pyodide's core from ``node_modules/pyodide``
  (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``), unchanged but
  for one comment line put first in ``pyodide.asm.mjs`` (COMPILE_HINT): Pyodide
  needs these fixed names, so the hash is on the directory; and
  ``pyodide.asm.wasm.xz``, the wasm as the worker downloads it (guide/xz.py),
  decoded by ``_shared/xzwasm.<hash>.js`` (npm's xzwasm).  The stock
  ``python_stdlib.zip`` and ``pyodide-lock.json`` are *not* shipped: the worker
  passes ``stdLibURL`` and an inline ``lockFileContents``.
* ``_shared/stdlib.<hash>.zip`` – the trimmed standard library: exactly the files
  Pyodide's own start-up loads plus the ones the checker imports, measured by
  running Pyodide under Node (``overrides/widgets/build/compile_stdlib.mjs``),
  compiled to ``.pyc`` by Pyodide's own interpreter, stored uncompressed so the
  server's gzip applies; and ``stdlib.<hash>.zip.xz``, the same as .xz.
* ``_shared/stdlib-extra.<hash>.zip`` – the stdlib files only the list page
  needs (csv…: measured the same way), fetched when it is used.
* ``_shared/checker.<hash>.zip`` – ``guia_bridge`` (the worker's glue) and the
  checker's modules the CURP/NSS/CP boxes load (the repository's files,
  unchanged, compiled the same way).  A separate small zip, so a checker
  change does not re-download the stdlib.
* ``_shared/lists.<hash>.zip`` – the checker's modules a CSV list adds (and the
  ones no measured call loads), fetched on the list page with the stdlib
  extras; ``_shared/excel.<hash>.zip`` – what an Excel list adds (the .xlsx
  reader and the stdlib only it uses), fetched when an .xlsx is chosen.  The
  worker mounts them with ``guia_bridge.mount``: the checker stays one package.
* ``_shared/postal/<name>.<hash>.<ext>`` – the postal index and shards.
* ``_shared/js-<hash>/`` – the widgets' ES modules (``main.js`` the page's
  entry, ``worker.js`` the worker's) and ``config.js``, the module this build
  writes with its file names and figures (the hash covers them all);
  ``_shared/widgets.<hash>.css``.  The Service Worker (``sw.js``, site root)
  is written once, after the pages, by :func:`guide.pwa.write_service_worker`
  (the demo pages' by :func:`guide.widget_demo.write_demo`).

Two builds give byte-identical files.  The compiled zips are cached in
``.cache/widgets/`` under a key made of every input, so rebuilding is quick.
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from guide import xz

ROOT = Path(__file__).resolve().parent.parent
WIDGETS_SRC = ROOT / "overrides" / "widgets"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
CHECKER_DIR = ROOT / "checker"
POSTAL_DATA_DIR = CHECKER_DIR / "data" / "postal"
CACHE_DIR = ROOT / ".cache" / "widgets"

PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# V8's explicit compile hint (Chrome 136+; other engines ignore a comment):
# compile every function of Pyodide's glue when the file is compiled.  Most of
# it runs on every start, and Chromium keeps no code cache for a worker's
# modules, so lazily it would be parsed twice on every visit.
COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
# The xz decoder the worker loads on a first visit (guide/xz.py says why).
XZ_DECODER = ROOT / "node_modules" / "xzwasm" / "dist" / "package" / "xzwasm.min.js"
# checker files the browser never runs: the command line entry point (the data
# tool lives outside the package, in update/).
CHECKER_EXCLUDE = {"__main__.py"}
SHARED = "_shared"
# The stdlib compiled without docstrings and asserts (like -OO), without column
# positions (PYTHONNODEBUGRANGES) and with one line number per function (its
# tracebacks name the def line): together a third of the bytes of plain .pyc.
# The checker as it is, docstrings and line numbers included, so its doctests
# run against the shipped bytes and its tracebacks stay exact.
OPTIONS = {"stdlib_optimize": 2, "stdlib_minimal_lines": True, "app_optimize": 0}


class SharedAssetsError(RuntimeError):
    """The widgets' assets could not be built (message in Spanish, one line)."""


def _hash(data: bytes, n: int = 10) -> str:
    return hashlib.sha256(data).hexdigest()[:n]


def checker_files(checker_dir: Path = CHECKER_DIR) -> dict[str, Path]:
    """The checker's shipped source files, keyed by their path in the zip."""
    files = {}
    for path in sorted(checker_dir.rglob("*.py")):
        rel = path.relative_to(checker_dir)
        if rel.parts[0] in ("data", "tests", "__pycache__") or rel.name.startswith("test_"):
            continue
        if len(rel.parts) == 1 and rel.name in CHECKER_EXCLUDE:
            continue
        files["checker/" + rel.as_posix()] = path
    return files


def app_files(checker_dir: Path = CHECKER_DIR) -> dict[str, Path]:
    files = checker_files(checker_dir)
    files["guia_bridge.py"] = WIDGETS_SRC / "guia_bridge.py"
    return files


def imported_modules(files) -> list[str]:
    """Every stdlib module an ``import`` in these sources names, function-local ones too."""
    names = set()
    for path in files:
        tree = ast.parse(Path(path).read_bytes(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return sorted(n for n in names if n.split(".")[0] in sys.stdlib_module_names)


def postal_files(data_dir: Path = POSTAL_DATA_DIR) -> dict[str, Path]:
    if not data_dir.is_dir():
        return {}
    return {p.name: p for p in sorted(data_dir.iterdir()) if p.is_file() and not p.name.startswith(".")}


# The compiled zips, in the order the worker mounts them: the boxes' (stdlib,
# checker), a CSV list's (stdlib-extra, lists), an Excel list's (excel).
ZIPS = ("stdlib", "checker", "stdlib-extra", "lists", "excel")


def compile_zips(
    checker_dir: Path = CHECKER_DIR, data_dir: Path = POSTAL_DATA_DIR, use_cache: bool = True
) -> tuple[dict[str, bytes], dict]:
    """({name: zip bytes} for ZIPS, measurement report), compiled by Pyodide under Node.

    The stdlib and checker zips are what Pyodide's start-up and the CURP/NSS/CP
    boxes import; stdlib-extra and lists what a CSV list adds; excel what an
    Excel list adds (each fetched when first used)."""
    apps = app_files(checker_dir)
    data = postal_files(data_dir)
    extra = imported_modules(apps.values())
    script = WIDGETS_SRC / "build" / "compile_stdlib.mjs"
    exercise = WIDGETS_SRC / "build" / "exercise.py"
    key = hashlib.sha256()
    for name in PYODIDE_CORE + ("python_stdlib.zip", "pyodide-lock.json"):
        key.update(name.encode() + (PYODIDE_DIR / name).read_bytes())
    for rel, path in sorted(apps.items()):
        key.update(rel.encode() + path.read_bytes())
    for rel, path in sorted(data.items()):
        key.update(rel.encode() + path.read_bytes())
    key.update(script.read_bytes() + exercise.read_bytes() + json.dumps([extra, OPTIONS]).encode())
    cached = CACHE_DIR / key.hexdigest()[:24]
    if use_cache and (cached / "report.json").is_file():
        return (
            {name: (cached / f"{name}.zip").read_bytes() for name in ZIPS},
            json.loads((cached / "report.json").read_text()),
        )
    node = shutil.which("node")
    if not node:
        raise SharedAssetsError("No encuentro Node.js (node): hace falta para compilar el checker con Pyodide.")
    if not (PYODIDE_DIR / "pyodide.mjs").is_file():
        raise SharedAssetsError("Falta node_modules/pyodide: ejecuta «npm ci».")
    with tempfile.TemporaryDirectory(prefix="guia-widgets-") as tmp:
        out = Path(tmp) / "out"
        config = {
            "pyodide_dir": str(PYODIDE_DIR) + "/",
            "app_files": {rel: str(p) for rel, p in apps.items()},
            "data_files": {rel: str(p) for rel, p in data.items()},
            "extra_modules": extra,
            "exercise": str(exercise),
            "out_dir": str(out),
            **OPTIONS,
        }
        (Path(tmp) / "config.json").write_text(json.dumps(config))
        proc = subprocess.run(
            [node, str(script), str(Path(tmp) / "config.json")], capture_output=True, text=True, timeout=300
        )
        if proc.returncode != 0:
            raise SharedAssetsError(
                "No pude compilar el checker con Pyodide: "
                + (proc.stderr.strip().splitlines() or ["error desconocido"])[-1][-300:]
            )
        result = (
            {name: (out / f"{name}.zip").read_bytes() for name in ZIPS},
            json.loads((out / "report.json").read_text()),
        )
        if use_cache:
            tmp_cache = CACHE_DIR / (cached.name + ".tmp")
            shutil.rmtree(tmp_cache, ignore_errors=True)
            shutil.copytree(out, tmp_cache)
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(tmp_cache, cached)
            # keep the few most recent compilations only
            entries = sorted(
                (p for p in CACHE_DIR.iterdir() if p.is_dir() and p != cached),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            for old in entries[3:]:
                shutil.rmtree(old, ignore_errors=True)
        return result


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _hashed_name(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{_hash(data)}.{ext}" if dot else f"{name}.{_hash(data)}"


def script_files(src: Path = WIDGETS_SRC) -> dict[str, bytes]:
    """The widgets' ES modules as shipped: every ``*.js`` of overrides/widgets/
    but the Service Worker (written to the site root) and the type-checking
    stand-in of ``config.js`` (the build writes the real one)."""
    return {p.name: p.read_bytes() for p in sorted(src.glob("*.js")) if p.name not in ("sw.js", "config.js")}


def config_module(config: dict) -> bytes:
    """``config.js``: the build's file names and figures, imported by the scripts."""
    return (
        "// Written by guide/shared_assets.py: this build's files and figures (see overrides/widgets/config.js).\n"
        "export default " + json.dumps(config, ensure_ascii=False, sort_keys=True) + ";\n"
    ).encode()


_GZIP_SIZES: dict[bytes, int] = {}


def _gzip_size(data: bytes) -> int:
    """Bytes as a server sends them gzipped (level 6, as guide.serve and most servers)."""
    key = hashlib.sha256(data).digest()
    if key not in _GZIP_SIZES:  # the wasm takes a moment: once per process
        _GZIP_SIZES[key] = len(gzip.compress(data, 6, mtime=0))
    return _GZIP_SIZES[key]


def fill(template: str, **values) -> str:
    """Replace each ``"__KEY__"`` of a script template (sw.js) by its value as JSON."""
    for key, value in values.items():
        token = f'"__{key}__"'
        if token not in template:
            raise SharedAssetsError(f"La plantilla no tiene {token}.")
        template = template.replace(token, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return template


def pyodide_core() -> dict[str, bytes]:
    """Pyodide's core files as shipped: node_modules' bytes, the compile hint first in the glue."""
    core = {name: (PYODIDE_DIR / name).read_bytes() for name in PYODIDE_CORE}
    core["pyodide.asm.mjs"] = COMPILE_HINT + core["pyodide.asm.mjs"]
    return core


def build(
    site_root: Path, checker_dir: Path = CHECKER_DIR, data_dir: Path = POSTAL_DATA_DIR, use_cache: bool = True
) -> dict:
    """Write ``site_root/_shared/``; return the manifest.

    Manifest paths are relative to ``site_root`` (no leading slash)."""
    site_root = Path(site_root)
    shared = site_root / SHARED
    if shared.exists():
        shutil.rmtree(shared)
    zips, report = compile_zips(checker_dir, data_dir, use_cache=use_cache)
    stdlib_zip, extra_zip, app_zip = zips["stdlib"], zips["stdlib-extra"], zips["checker"]

    core = pyodide_core()
    pyodide_dir = "pyodide-" + _hash(b"".join(name.encode() + core[name] for name in PYODIDE_CORE))
    for name, data in core.items():
        _write(shared / pyodide_dir / name, data)
    # The two big first-use files also as .xz, decoded in the worker; the
    # plain files stay for the fallback (and for the Node proofs).
    wasm_xz = xz.compress(core["pyodide.asm.wasm"], use_cache=use_cache)
    _write(shared / pyodide_dir / "pyodide.asm.wasm.xz", wasm_xz)
    stdlib_name = _hashed_name("stdlib.zip", stdlib_zip)
    app_name = _hashed_name("checker.zip", app_zip)
    extra_name = _hashed_name("stdlib-extra.zip", extra_zip)
    _write(shared / stdlib_name, stdlib_zip)
    stdlib_xz = xz.compress(stdlib_zip, use_cache=use_cache)
    _write(shared / (stdlib_name + ".xz"), stdlib_xz)
    if not XZ_DECODER.is_file():
        raise SharedAssetsError("Falta node_modules/xzwasm: ejecuta «npm ci».")
    decoder = XZ_DECODER.read_bytes()
    decoder_name = _hashed_name("xzwasm.js", decoder)
    _write(shared / decoder_name, decoder)
    _write(shared / extra_name, extra_zip)
    _write(shared / app_name, app_zip)
    lists_name = _hashed_name("lists.zip", zips["lists"])
    excel_name = _hashed_name("excel.zip", zips["excel"])
    _write(shared / lists_name, zips["lists"])
    _write(shared / excel_name, zips["excel"])
    postal = {}
    for name, path in postal_files(data_dir).items():
        data = path.read_bytes()
        postal[name] = "postal/" + _hashed_name(name, data)
        _write(shared / postal[name], data)

    css = (WIDGETS_SRC / "widgets.css").read_bytes()
    css_name = _hashed_name("widgets.css", css)
    _write(shared / css_name, css)

    # The scripts: ES modules importing each other by plain relative names, in
    # one folder named after all their contents (config.js included), as
    # Pyodide's core is.  Paths in config.js are relative to that folder.
    up = "../"
    first_use = [core[n] for n in PYODIDE_CORE] + [stdlib_zip, app_zip]
    first_use += [(data_dir / n).read_bytes() for n in ("index.bin", "meta.json") if n in postal]
    gzipped = [b for b in first_use if b is not core["pyodide.asm.wasm"] and b is not stdlib_zip]  # the rest is .xz
    config = {
        "pyodide": up + pyodide_dir + "/",
        "stdlib": up + stdlib_name,
        "stdlibExtra": up + extra_name,
        # the list page's additional first-use bytes for a CSV (the stdlib's second zip, the list's)
        "extraBytes": _gzip_size(extra_zip) + _gzip_size(zips["lists"]),
        "app": up + app_name,
        # the list page's zips: a CSV list's, and what an Excel list adds
        "lists": up + lists_name,
        "excel": up + excel_name,
        "postal": {name: up + url for name, url in postal.items()},
        "lock": report["inline_lock"],
        # plain file -> its .xz copy, fetched instead on a first use and decoded by `decoder`
        "xz": {
            up + pyodide_dir + "/pyodide.asm.wasm": up + pyodide_dir + "/pyodide.asm.wasm.xz",
            up + stdlib_name: up + stdlib_name + ".xz",
        },
        "decoder": up + decoder_name,
        # bytes the worker counts while downloading (progress): the .xz files as they are, the rest decoded
        "progressBytes": len(wasm_xz) + len(stdlib_xz) + len(app_zip),
        # what the first use costs, as served (gzip; the .xz files and the decoder as they are): the boxes' figure
        "downloadBytes": sum(_gzip_size(b) for b in gzipped) + len(wasm_xz) + len(stdlib_xz) + _gzip_size(decoder),
        # a memory snapshot belongs to exactly this Python: core, stdlib, checker
        "build": _hash(b"".join(hashlib.sha256(b).digest() for b in first_use[:5])),
        "sw": up + up + "sw.js",
    }
    scripts = script_files()
    scripts["config.js"] = config_module(config)
    js_dir = "js-" + _hash(b"".join(name.encode() + scripts[name] for name in sorted(scripts)))
    for name, data in scripts.items():
        _write(shared / js_dir / name, data)

    listing = [
        (stdlib_name, "standard-library files (measured; see guide/shared_assets.py)", report["members"]),
        (app_name, "the boxes' files", report["app"]["checker"]),
        (extra_name, "standard-library files only the list page loads", report["extra_members"]),
        (lists_name, "checker files a CSV list adds", report["app"]["lists"]),
        (excel_name, "what an Excel list adds", report["excel_members"] + report["app"]["excel"]),
    ]
    (shared / "MODULES.txt").write_text(
        "".join(f"# In {name}: {what}\n" + "".join(m + "\n" for m in members) for name, what, members in listing),
        encoding="utf-8",
    )
    return {
        "widgets_js": f"{SHARED}/{js_dir}/main.js",
        "widgets_css": f"{SHARED}/{css_name}",
        "worker_js": f"{SHARED}/{js_dir}/worker.js",
        "config_js": f"{SHARED}/{js_dir}/config.js",
        "stdlib_zip": f"{SHARED}/{stdlib_name}",
        "stdlib_extra_zip": f"{SHARED}/{extra_name}",
        "checker_zip": f"{SHARED}/{app_name}",
        "lists_zip": f"{SHARED}/{lists_name}",
        "excel_zip": f"{SHARED}/{excel_name}",
        "pyodide_dir": f"{SHARED}/{pyodide_dir}/",
        "postal": {name: f"{SHARED}/{url}" for name, url in postal.items()},
        "sw": "sw.js",
        "download_bytes": config["downloadBytes"],
    }


if __name__ == "__main__":  # python -m guide.shared_assets SITE_DIR
    print(json.dumps(build(Path(sys.argv[1] if len(sys.argv) > 1 else "site")), indent=1))
