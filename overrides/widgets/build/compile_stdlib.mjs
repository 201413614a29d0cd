// Build-time helper for guide/shared_assets.py (run with Node >= 18).
//
// 1. Starts Pyodide from node_modules with its stock stdlib, runs the same
//    bridge calls the widgets' worker makes (exercise.py) and imports every
//    module the checker's sources name, then records which stdlib files are in
//    sys.modules: that measured set is Pyodide's own start-up plus the checker.
// 2. Compiles that set, the checker and the bridge to .pyc with Pyodide's OWN
//    interpreter (so the bytecode magic is the one the browser runs) as
//    unchecked hash-based pycs (no timestamps: reproducible), and writes the
//    zips with members sorted, stored uncompressed, fixed dates: what the
//    boxes load (stdlib, checker), what a CSV list adds (stdlib-extra, lists)
//    and what an Excel list adds (excel: the .xlsx reader and its stdlib).
// 3. Starts a second Pyodide exactly as the browser will (trimmed stdlib via
//    stdLibURL, inline lock file, the app zip on sys.path, the later zips
//    mounted by guia_bridge.mount only where the worker mounts them), reruns
//    the exercise and checks it answers identically.  Exits non-zero on any
//    difference.
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
// the worker's names for the later zips (worker.js)
const EXTRA_MOUNT = "/lib/guia_stdlib_extra.zip";
const LISTS_MOUNT = "/lib/guia_lists.zip";
const EXCEL_MOUNT = "/lib/guia_excel.zip";
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
full.globals.set("APP_FILES_JSON", JSON.stringify(Object.keys(config.app_files)));
// The stdlib files in sys.modules (frozen modules excluded: their __file__
// names the zip, but the zip's copy is never read).
full.runPython(`
import sys, json
ZIP_PREFIX = "/lib/python%d%d.zip/" % sys.version_info[:2]

def _app():
    # the app's files the exercise has loaded so far (sources under /app)
    return {m.__file__[len("/app/"):] for m in list(sys.modules.values())
            if (getattr(m, "__file__", None) or "").startswith("/app/")}

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

# What each phase of the exercise loaded (stdlib members, app files): the
# CURP/NSS/CP boxes, then a CSV list, then an Excel one.
PHASES = []

def _mark():
    PHASES.append((_measure()[0], _app()))

MARK_BOOT = MARK_LISTS = MARK_EXCEL = _mark
`);
const expected = await runExercise(full);
const measured = JSON.parse(full.runPython(`
members, modules, frozen = _measure()
APP_FILES_ALL = set(json.loads(APP_FILES_JSON))

def _phase(item, sets):
    # the first phase that loaded it; 3: only the exercise's closing imports
    return next((i for i, s in enumerate(sets) if item in s), 3)

# The stdlib by top-level package: all of one package in one zip, the zip of
# the first phase that used any of it (a closing import alone: the list's).
_tops = {}
for _m in members:
    _top = _m.split("/")[0]
    _tops[_top] = min(_tops.get(_top, 3), _phase(_m, [p[0] for p in PHASES]))
_std = {}
for _m in members:
    _p = _tops[_m.split("/")[0]]
    _std[_m] = 1 if _p == 3 else _p
# The checker by file: guia_mount() puts a later zip's folders on the
# packages' __path__, so one package spans zips.  A file no phase loaded goes
# with the list's (a ModuleNotFoundError loads that zip).
_app_phase = {f: _phase(f, [p[1] for p in PHASES]) for f in APP_FILES_ALL}
_app_phase = {f: 1 if p == 3 else p for f, p in _app_phase.items()}
_app_phase["guia_bridge.py"] = 0
json.dumps({"zip_prefix": ZIP_PREFIX, "modules": sorted(modules),
            "members": sorted(m for m, p in _std.items() if p == 0),
            "extra_members": sorted(m for m, p in _std.items() if p == 1),
            "excel_members": sorted(m for m, p in _std.items() if p == 2),
            "app": {k: sorted(f for f, p in _app_phase.items() if p == i)
                    for i, k in enumerate(("checker", "lists", "excel"))},
            "frozen": sorted(frozen),
            "version": sys.version, "magic": __import__("importlib.util").util.MAGIC_NUMBER.hex()})
`));

// ---- 2. compile -----------------------------------------------------------
full.globals.set("STDLIB_MEMBERS", full.toPy(measured.members));
full.globals.set("EXTRA_MEMBERS", full.toPy(measured.extra_members));
full.globals.set("EXCEL_MEMBERS", full.toPy(measured.excel_members));
full.globals.set("APP_SPLIT", full.toPy(measured.app));
full.globals.set("STDLIB_OPTIMIZE", config.stdlib_optimize ?? 0);
full.globals.set("APP_OPTIMIZE", config.app_optimize ?? 0);
full.globals.set("STDLIB_MINIMAL_LINES", !!config.stdlib_minimal_lines);
full.globals.set("MOUNTS", full.toPy({ checker: APP_MOUNT, lists: LISTS_MOUNT, excel: EXCEL_MOUNT }));
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

def _stdlib_entries(members):
    entries = {}
    for member in members:
        if member.endswith(".py"):
            entries[member + "c"] = _pyc(_stock.read(member), ZIP_PREFIX + member, STDLIB_OPTIMIZE, STDLIB_MINIMAL_LINES)
        else:
            entries[member] = _stock.read(member)
    return entries

def _app_entries(files, mount):
    entries = {}
    for rel in files:
        with open("/app/" + rel, "rb") as fh:
            src = fh.read()
        if rel.endswith(".py"):
            entries[rel + "c"] = _pyc(src, mount + "/" + rel, APP_OPTIMIZE)
        else:
            entries[rel] = src
    return entries

ZIPS = {
    "stdlib": _zip(_stdlib_entries(STDLIB_MEMBERS)),
    "stdlib-extra": _zip(_stdlib_entries(EXTRA_MEMBERS)),
    "checker": _zip(_app_entries(APP_SPLIT["checker"], MOUNTS["checker"])),
    "lists": _zip(_app_entries(APP_SPLIT["lists"], MOUNTS["lists"])),
    # the .xlsx reader and the stdlib only it needs, one download
    "excel": _zip({**_stdlib_entries(EXCEL_MEMBERS), **_app_entries(APP_SPLIT["excel"], MOUNTS["excel"])}),
}
`);
const zips = Object.fromEntries(["stdlib", "stdlib-extra", "checker", "lists", "excel"].map((k) => [k, full.globals.get("ZIPS").get(k).toJs()]));
await mkdir(config.out_dir, { recursive: true });
for (const [name, bytes] of Object.entries(zips)) await writeFile(path.join(config.out_dir, name + ".zip"), bytes);

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
trimmed.FS.writeFile(APP_MOUNT, zips.checker);
trimmed.FS.writeFile(EXTRA_MOUNT, zips["stdlib-extra"]);
trimmed.FS.writeFile(LISTS_MOUNT, zips.lists);
trimmed.FS.writeFile(EXCEL_MOUNT, zips.excel);
// The boxes' calls with the first zips only; a CSV list's with the list's
// zips mounted too; an Excel list's with the Excel zip as well: as the worker does.
trimmed.runPython(`import sys
sys.path.insert(0, ${JSON.stringify(APP_MOUNT)})
def MARK_BOOT():
    import guia_bridge
    guia_bridge.mount(${JSON.stringify(EXTRA_MOUNT)})
    guia_bridge.mount(${JSON.stringify(LISTS_MOUNT)})
def MARK_LISTS():
    import guia_bridge
    guia_bridge.mount(${JSON.stringify(EXCEL_MOUNT)})
def MARK_EXCEL():
    pass
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
  excel_members: measured.excel_members,
  app: measured.app,
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
