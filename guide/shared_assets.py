"""The widgets' shared assets, built once for every school into ``site/_shared/``.

``build(site_root)`` writes:

* ``_shared/pyodide-<hash>/`` – Pyodide's core from ``node_modules/pyodide``
  (``pyodide.mjs``, ``pyodide.asm.mjs``, ``pyodide.asm.wasm``), unchanged: Pyodide
  needs these fixed names, so the hash is on the directory.  The stock
  ``python_stdlib.zip`` and ``pyodide-lock.json`` are *not* shipped: the worker
  passes ``stdLibURL`` and an inline ``lockFileContents``.
* ``_shared/stdlib.<hash>.zip`` – the trimmed standard library: exactly the files
  Pyodide's own start-up loads plus the ones the checker imports, measured by
  running Pyodide under Node (``overrides/widgets/build/compile_stdlib.mjs``),
  compiled to ``.pyc`` by Pyodide's own interpreter, stored uncompressed so the
  server's gzip applies.
* ``_shared/checker.<hash>.zip`` – the checker's modules (the repository's files,
  unchanged, compiled the same way) and ``guia_bridge`` (the worker's glue).
  A separate small zip, so a checker change does not re-download the stdlib.
* ``_shared/postal/<name>.<hash>.<ext>`` – the postal index and shards.
* ``_shared/worker.<hash>.js``, ``_shared/widgets.<hash>.js``,
  ``_shared/widgets.<hash>.css`` and ``sw.js`` (site root, so its scope is the
  whole site; its cache name is derived from every hash above).

Two builds give byte-identical files.  The compiled zips are cached in
``.cache/widgets/`` under a key made of every input, so rebuilding is quick.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDGETS_SRC = ROOT / "overrides" / "widgets"
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
CHECKER_DIR = ROOT / "checker"
POSTAL_DATA_DIR = CHECKER_DIR / "data" / "postal"
CACHE_DIR = ROOT / ".cache" / "widgets"

PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
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


def compile_zips(checker_dir: Path = CHECKER_DIR, data_dir: Path = POSTAL_DATA_DIR,
                 use_cache: bool = True) -> tuple[bytes, bytes, dict]:
    """(stdlib zip, checker zip, measurement report), compiled by Pyodide under Node."""
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
        return ((cached / "stdlib.zip").read_bytes(), (cached / "app.zip").read_bytes(),
                json.loads((cached / "report.json").read_text()))
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
        proc = subprocess.run([node, str(script), str(Path(tmp) / "config.json")],
                              capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            raise SharedAssetsError(
                "No pude compilar el checker con Pyodide: "
                + (proc.stderr.strip().splitlines() or ["error desconocido"])[-1][-300:])
        result = ((out / "stdlib.zip").read_bytes(), (out / "app.zip").read_bytes(),
                  json.loads((out / "report.json").read_text()))
        if use_cache:
            tmp_cache = CACHE_DIR / (cached.name + ".tmp")
            shutil.rmtree(tmp_cache, ignore_errors=True)
            shutil.copytree(out, tmp_cache)
            shutil.rmtree(cached, ignore_errors=True)
            os.replace(tmp_cache, cached)
            # keep the few most recent compilations only
            entries = sorted((p for p in CACHE_DIR.iterdir() if p.is_dir() and p != cached),
                             key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[3:]:
                shutil.rmtree(old, ignore_errors=True)
        return result


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _hashed_name(name: str, data: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{_hash(data)}.{ext}" if dot else f"{name}.{_hash(data)}"


def _fill(template: str, **values) -> str:
    for key, value in values.items():
        token = f'"__{key}__"'
        if token not in template:
            raise SharedAssetsError(f"La plantilla no tiene {token}.")
        template = template.replace(token, json.dumps(value, ensure_ascii=False, sort_keys=True))
    return template


def build(site_root: Path, checker_dir: Path = CHECKER_DIR, data_dir: Path = POSTAL_DATA_DIR,
          use_cache: bool = True) -> dict:
    """Write ``site_root/_shared/`` and ``site_root/sw.js``; return the manifest.

    Manifest paths are relative to ``site_root`` (no leading slash)."""
    site_root = Path(site_root)
    shared = site_root / SHARED
    if shared.exists():
        shutil.rmtree(shared)
    stdlib_zip, app_zip, report = compile_zips(checker_dir, data_dir, use_cache=use_cache)

    core = {name: (PYODIDE_DIR / name).read_bytes() for name in PYODIDE_CORE}
    pyodide_dir = "pyodide-" + _hash(b"".join(name.encode() + core[name] for name in PYODIDE_CORE))
    for name, data in core.items():
        _write(shared / pyodide_dir / name, data)
    stdlib_name = _hashed_name("stdlib.zip", stdlib_zip)
    app_name = _hashed_name("checker.zip", app_zip)
    _write(shared / stdlib_name, stdlib_zip)
    _write(shared / app_name, app_zip)
    postal = {}
    for name, path in postal_files(data_dir).items():
        data = path.read_bytes()
        postal[name] = "postal/" + _hashed_name(name, data)
        _write(shared / postal[name], data)

    # Everything below is relative to _shared/ (the worker and widgets resolve
    # it against their own URL).
    worker_config = {
        "pyodide": pyodide_dir + "/",
        "stdlib": stdlib_name,
        "app": app_name,
        "postal": postal,
        "lock": report["inline_lock"],
        # uncompressed bytes the worker counts while downloading (progress)
        "sizes": {"total": len(core["pyodide.asm.wasm"]) + len(stdlib_zip) + len(app_zip)},
    }
    worker = _fill((WIDGETS_SRC / "worker.js").read_text(encoding="utf-8"), CONFIG=worker_config).encode()
    worker_name = _hashed_name("worker.js", worker)
    _write(shared / worker_name, worker)

    css = (WIDGETS_SRC / "widgets.css").read_bytes()
    css_name = _hashed_name("widgets.css", css)
    _write(shared / css_name, css)

    precache = sorted([f"{pyodide_dir}/{n}" for n in PYODIDE_CORE] + [stdlib_name, app_name, worker_name, css_name]
                      + [url for name, url in postal.items() if name in ("meta.json", "index.bin")])
    version = _hash(json.dumps([precache, sorted(postal.values())]).encode(), 12)
    widgets_config = {"worker": worker_name, "sw": "../sw.js", "version": version}
    widgets = _fill((WIDGETS_SRC / "widgets.js").read_text(encoding="utf-8"), CONFIG=widgets_config).encode()
    widgets_name = _hashed_name("widgets.js", widgets)
    _write(shared / widgets_name, widgets)

    precache = sorted(precache + [widgets_name])
    sw = _fill((WIDGETS_SRC / "sw.js").read_text(encoding="utf-8"),
               VERSION=version, PRECACHE=[f"{SHARED}/{p}" for p in precache])
    _write(site_root / "sw.js", sw.encode())
    (shared / "MODULES.txt").write_text(
        "# Standard-library files in " + stdlib_name + " (measured; see guide/shared_assets.py)\n"
        + "\n".join(report["members"]) + "\n", encoding="utf-8")
    return {
        "widgets_js": f"{SHARED}/{widgets_name}",
        "widgets_css": f"{SHARED}/{css_name}",
        "worker_js": f"{SHARED}/{worker_name}",
        "stdlib_zip": f"{SHARED}/{stdlib_name}",
        "checker_zip": f"{SHARED}/{app_name}",
        "pyodide_dir": f"{SHARED}/{pyodide_dir}/",
        "postal": {name: f"{SHARED}/{url}" for name, url in postal.items()},
        "sw": "sw.js",
        "version": version,
    }


if __name__ == "__main__":  # python -m guide.shared_assets SITE_DIR
    print(json.dumps(build(Path(sys.argv[1] if len(sys.argv) > 1 else "site")), indent=1))


# The own-origin policy of a page with widgets (the site's pages set it in overrides/main.html).
PAGE_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; "
            "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")

_DEMO_PAGE = """<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="icon" href="data:,">
{css}
</head>
<body>
<main>
<h1>{title}</h1>
<p>Esta página de prueba muestra los recuadros que revisan tus datos. El texto de la guía se lee
aunque la revisión no haya cargado.</p>
<ol><li>Ten a la mano tu CURP.</li><li>Escríbela en el recuadro.</li><li>Revisa lo que dice.</li></ol>
{body}
</main>
{js}
</body>
</html>
"""


def write_demo(site_root: Path, manifest: dict) -> dict:
    """Standalone pages for tests and benchmarks (not part of the guide).

    ``demo/index.html`` has the three widgets, ``demo/lista/index.html`` the
    CSV checker, ``demo/sin-widgets/index.html`` the same text without them.
    Returns their paths relative to ``site_root``."""
    from guide import widgets

    site_root = Path(site_root)
    pages = {}
    for rel, title, body in (
        ("demo/index.html", "Revisa tus datos", widgets.render("curp") + widgets.render("nss") + widgets.render("cp")),
        ("demo/lista/index.html", "Revisa tu lista", widgets.render_batch()),
        ("demo/sin-widgets/index.html", "Revisa tus datos", ""),
        ("demo/largo/index.html", "Revisa tus datos",
         "".join(f"<p>Párrafo {i} de la guía: lee con calma cada paso antes de seguir.</p>" for i in range(80))
         + widgets.render("curp")),
    ):
        up = "../" * rel.count("/")
        # As pages should carry them: the stylesheet in the body right before
        # the first widget (it blocks only what follows it, not the first
        # paint) and the module script at low fetch priority.
        if body:
            link = f'<link rel="stylesheet" href="{up}{manifest["widgets_css"]}">'
            body = body.replace('<div class="guia-widget', link + '<div class="guia-widget', 1)
        css = ""
        js = (f'<script type="module" fetchpriority="low" src="{up}{manifest["widgets_js"]}"></script>'
              if body else "")
        page = site_root / rel
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(_DEMO_PAGE.format(csp=PAGE_CSP, title=title, css=css, js=js, body=body), encoding="utf-8")
        pages[rel.split("/")[1] if rel.count("/") > 1 else "widgets"] = rel
    return pages
