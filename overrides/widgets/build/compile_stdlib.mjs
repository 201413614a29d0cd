// Build-time helper for guide/shared_assets.py (run with Node >= 18).
//
// 1. Starts Pyodide from node_modules with its stock stdlib, runs the same
//    bridge calls the widgets' worker makes (exercise.py) and imports every
//    module the checker's sources name, then records which stdlib files are in
//    sys.modules: that measured set is Pyodide's own start-up plus the checker.
// 2. Compiles that set, the checker and the bridge to .pyc with Pyodide's OWN
//    interpreter (so the bytecode magic is the one the browser runs) as
//    unchecked hash-based pycs (no timestamps: reproducible), and writes two
//    zips with members sorted, stored uncompressed, fixed dates.
// 3. Starts a second Pyodide exactly as the browser will (trimmed stdlib via
//    stdLibURL, inline lock file, the app zip on sys.path), reruns the exercise
//    and checks it answers identically.  Exits non-zero on any difference.
//
// Usage: node compile_stdlib.mjs CONFIG.json   (see shared_assets.py for keys)
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const config = JSON.parse(await readFile(process.argv[2], "utf8"));
const pyodideDir = config.pyodide_dir.endsWith("/") ? config.pyodide_dir : config.pyodide_dir + "/";
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "pyodide.mjs").href);
const exercise = await readFile(config.exercise, "utf8");
const APP_MOUNT = "/lib/guia_app.zip";
const EXTRA_MOUNT = "/lib/guia_stdlib_extra.zip"; // the worker's name for the stdlib's second zip
const quiet = { stdout: () => {}, stderr: (s) => process.stderr.write(s + "\n") };

async function putFiles(py, root, files) {
  for (const [rel, src] of Object.entries(files)) {
    const dest = `${root}/${rel}`;
    py.FS.mkdirTree(path.posix.dirname(dest));
    py.FS.writeFile(dest, await readFile(src));
  }
}

async function runExercise(py) {
  py.FS.mkdirTree("/exercise-data");
  await putFiles(py, "/exercise-data", config.data_files || {});
  py.globals.set("EXTRA_MODULES", py.toPy(config.extra_modules || []));
  py.globals.set("DATA_DIR", "/exercise-data");
  return py.runPython(exercise);
}

// ---- 1. measure -----------------------------------------------------------
let t0 = performance.now();
// PYTHONNODEBUGRANGES: compile() leaves out column positions (only tracebacks
// use them), which makes the .pyc files about a third smaller.
const full = await loadPyodide({ indexURL: pyodideDir, env: { PYTHONNODEBUGRANGES: "1" }, ...quiet });
const stockStartMs = performance.now() - t0;
const startupModules = JSON.parse(full.runPython(`
import sys, json
json.dumps(sorted(n for n, m in sys.modules.items()
                  if (getattr(m, "__file__", None) or "").startswith("/lib/python")))
`));
await putFiles(full, "/app", config.app_files);
full.runPython("import sys; sys.path.insert(0, '/app')");
// The stdlib files in sys.modules (frozen modules excluded: their __file__
// names the zip, but the zip's copy is never read).
full.runPython(`
import sys, json
ZIP_PREFIX = "/lib/python%d%d.zip/" % sys.version_info[:2]

def _measure():
    members, modules, frozen = set(), [], []
    for name, mod in list(sys.modules.items()):
        f = getattr(mod, "__file__", None) or ""
        spec = getattr(mod, "__spec__", None)
        if spec is not None and spec.origin == "frozen":
            if f.startswith(ZIP_PREFIX):
                frozen.append(name)
            continue
        if f.startswith(ZIP_PREFIX):
            modules.append(name)
            members.add(f[len(ZIP_PREFIX):])
    return members, modules, frozen

BOOT_MEMBERS = None

def MARK_BOOT():
    # what the CURP/NSS/CP boxes needed: the first zip; the rest, the second
    global BOOT_MEMBERS
    BOOT_MEMBERS = _measure()[0]
`);
const expected = await runExercise(full);
const measured = JSON.parse(full.runPython(`
members, modules, frozen = _measure()
# A package cannot span two zips (its __path__ is one folder): the list
# page's modules of a package the boxes already use stay in the first zip.
_boot_packages = {m.split("/")[0] for m in BOOT_MEMBERS if "/" in m}
_extra = {m for m in members - BOOT_MEMBERS if m.split("/")[0] not in _boot_packages}
BOOT_MEMBERS = members - _extra
json.dumps({"zip_prefix": ZIP_PREFIX, "modules": sorted(modules), "members": sorted(BOOT_MEMBERS),
            "extra_members": sorted(_extra), "frozen": sorted(frozen),
            "version": sys.version, "magic": __import__("importlib.util").util.MAGIC_NUMBER.hex()})
`));

// ---- 2. compile -----------------------------------------------------------
full.globals.set("STDLIB_MEMBERS", full.toPy(measured.members));
full.globals.set("EXTRA_MEMBERS", full.toPy(measured.extra_members));
full.globals.set("APP_FILES", full.toPy(Object.keys(config.app_files).sort()));
full.globals.set("STDLIB_OPTIMIZE", config.stdlib_optimize ?? 0);
full.globals.set("APP_OPTIMIZE", config.app_optimize ?? 0);
full.globals.set("STDLIB_MINIMAL_LINES", !!config.stdlib_minimal_lines);
full.globals.set("APP_MOUNT", APP_MOUNT);
full.runPython(`
import io, zipfile, importlib.util
from importlib._bootstrap_external import _code_to_hash_pyc

import types

def _minimal_lines(code):
    # A valid location table that maps every instruction to the function's
    # first line ("no column" entries of up to 8 code units, line delta 0):
    # tracebacks then name the function's first line; nothing else changes.
    n = len(code.co_code) // 2
    table = bytearray()
    while n > 0:
        k = min(8, n)
        table += bytes([0x80 | (13 << 3) | (k - 1), 0])
        n -= k
    consts = tuple(_minimal_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=consts)

def _pyc(source, dfile, optimize, minimal_lines=False):
    code = compile(source, dfile, "exec", dont_inherit=True, optimize=optimize)
    if minimal_lines:
        code = _minimal_lines(code)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

def _zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED
            zf.writestr(info, entries[name])
    return buf.getvalue()

_stock = zipfile.ZipFile(ZIP_PREFIX.rstrip("/"))

def _stdlib_zip(members):
    entries = {}
    for member in members:
        if member.endswith(".py"):
            entries[member + "c"] = _pyc(_stock.read(member), ZIP_PREFIX + member, STDLIB_OPTIMIZE, STDLIB_MINIMAL_LINES)
        else:
            entries[member] = _stock.read(member)
    return _zip(entries)

STDLIB_ZIP = _stdlib_zip(STDLIB_MEMBERS)
EXTRA_ZIP = _stdlib_zip(EXTRA_MEMBERS)

_app = {}
for rel in APP_FILES:
    with open("/app/" + rel, "rb") as fh:
        src = fh.read()
    if rel.endswith(".py"):
        _app[rel + "c"] = _pyc(src, APP_MOUNT + "/" + rel, APP_OPTIMIZE)
    else:
        _app[rel] = src
APP_ZIP = _zip(_app)
`);
const stdlibZip = full.globals.get("STDLIB_ZIP").toJs();
const extraZip = full.globals.get("EXTRA_ZIP").toJs();
const appZip = full.globals.get("APP_ZIP").toJs();
await mkdir(config.out_dir, { recursive: true });
await writeFile(path.join(config.out_dir, "stdlib.zip"), stdlibZip);
await writeFile(path.join(config.out_dir, "stdlib-extra.zip"), extraZip);
await writeFile(path.join(config.out_dir, "app.zip"), appZip);

// ---- 3. verify as the browser runs it ---------------------------------------
const lock = JSON.parse(await readFile(pyodideDir + "pyodide-lock.json", "utf8"));
const inlineLock = { info: lock.info, packages: {} };
t0 = performance.now();
const trimmed = await loadPyodide({
  indexURL: pyodideDir,
  stdLibURL: path.join(config.out_dir, "stdlib.zip"),
  lockFileContents: inlineLock,
  ...quiet,
});
const trimmedStartMs = performance.now() - t0;
trimmed.FS.writeFile(APP_MOUNT, appZip);
trimmed.FS.writeFile(EXTRA_MOUNT, extraZip);
// The boxes' calls with the first zip only; the list page's with both, as the worker does.
trimmed.runPython(`import sys
sys.path.insert(0, ${JSON.stringify(APP_MOUNT)})
def MARK_BOOT():
    sys.path.append(${JSON.stringify(EXTRA_MOUNT)})
`);
const got = await runExercise(trimmed);
const report = {
  python: measured.version,
  magic: measured.magic,
  startup_modules: startupModules,
  modules: measured.modules,
  frozen: measured.frozen,
  members: measured.members,
  extra_members: measured.extra_members,
  stock_start_ms: Math.round(stockStartMs),
  trimmed_start_ms: Math.round(trimmedStartMs),
  inline_lock: inlineLock,
  verified: got === expected,
};
await writeFile(path.join(config.out_dir, "report.json"), JSON.stringify(report, null, 1));
if (got !== expected) {
  await writeFile(path.join(config.out_dir, "expected.json"), expected);
  await writeFile(path.join(config.out_dir, "got.json"), got);
  console.error("compile_stdlib: the trimmed build answers differently from stock Pyodide; see", config.out_dir);
  process.exit(1);
}
console.log(JSON.stringify({ members: measured.members.length, extra_members: measured.extra_members.length, stock_start_ms: report.stock_start_ms, trimmed_start_ms: report.trimmed_start_ms }));
process.exit(0);
