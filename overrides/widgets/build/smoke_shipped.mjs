// Starts Pyodide exactly as the widgets' worker does, from the BUILT site's
// files: _shared/pyodide-<hash>/, the trimmed stdlib zip (stdLibURL), an inline
// lock file, the checker zip on sys.path, postal data handed in through
// checker.postal.set_loader -- and prints guia_bridge's answers for a list of
// inputs as JSON lines.  tests/widgets/test_shared_assets.py compares them with
// checker.text.describe under CPython.
//
// With "lists" (the list page's zips: {extra, lists, excel}) it then mounts
// them as the worker does (guia_bridge.mount, the Excel zip only after the
// CSV lists) and prints batch_report's answers for "batch": [[name, base64]].
//
// With "snapshot": true it goes the worker's snapshot way instead: a first
// Pyodide started with _makeSnapshot imports the checker, warms it up and
// makes a memory snapshot; a second one starts from that snapshot and
// answers.  It also reports whether a corrupt snapshot is refused (the
// worker then starts normally).
//
// Usage: node smoke_shipped.mjs CONFIG.json
//   {shared_dir, pyodide_dir, stdlib, app, postal: {name: path}, lock, cases: [[kind, value, curp]], snapshot,
//    lists: {extra, lists, excel}, batch: [[name, base64]], csv_first: n}  (the first n batch cases are CSV)
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const c = JSON.parse(await readFile(process.argv[2], "utf8"));
const shared = (p) => path.join(c.shared_dir, p);
const { loadPyodide } = await import(pathToFileURL(shared(c.pyodide_dir + "pyodide.mjs")).href);
const APP_MOUNT = "/lib/guia_app.zip";
const appBytes = await readFile(shared(c.app));
const SETUP = `import sys\nsys.path.insert(0, ${JSON.stringify(APP_MOUNT)})\nimport guia_bridge`;

const start = (extra) => loadPyodide({
  indexURL: shared(c.pyodide_dir),
  stdLibURL: shared(c.stdlib),
  lockFileContents: c.lock,
  stdout: () => {},
  stderr: (s) => process.stderr.write(s + "\n"),
  fsInit: async (FS) => FS.writeFile(APP_MOUNT, appBytes),
  ...extra,
});

const t0 = performance.now();
let py = await start(c.snapshot ? { _makeSnapshot: true } : {});
const result = {};
if (c.snapshot) {
  py.runPython(SETUP);
  py.runPython("guia_bridge.warm_up()");
  const snapshot = py.makeMemorySnapshot();
  result.snapshot_bytes = snapshot.length;
  const t1 = performance.now();
  py = await start({ _loadSnapshot: snapshot });
  result.restore_ms = Math.round(performance.now() - t1);
  result.restored_modules = py.runPython("import sys; 'guia_bridge' in sys.modules");
  const corrupt = snapshot.slice();
  corrupt[0] ^= 0xff;
  try {
    await start({ _loadSnapshot: corrupt });
    result.corrupt = "loaded";
  } catch (error) {
    result.corrupt = "refused";
  }
} else {
  py.runPython(SETUP);
}
const bridge = py.pyimport("guia_bridge");
result.start_ms = Math.round(performance.now() - t0);
const answers = [];
for (const [kind, value, curp] of c.cases) {
  let answer;
  for (let i = 0; i < 50; i++) {
    answer = JSON.parse(bridge.describe(kind, value, curp));
    if (!answer.need) break;
    bridge.add_file(answer.need, new Uint8Array(await readFile(shared(c.postal[answer.need]))));
  }
  answers.push(answer);
}
result.answers = answers;
const loadedFiles = () => JSON.parse(py.runPython(`
import sys, json
json.dumps(sorted({getattr(m, "__file__", None) or "" for m in list(sys.modules.values())} - {""}))
`));
result.files = loadedFiles();
if (c.lists) {
  const mount = (where, file) => {
    py.FS.writeFile(where, new Uint8Array(readFileSync(shared(file))));
    bridge.mount(where);
  };
  mount("/lib/guia_stdlib_extra.zip", c.lists.extra);
  mount("/lib/guia_lists.zip", c.lists.lists);
  result.batch = [];
  for (const [i, [name, b64]] of c.batch.entries()) {
    if (i === c.csv_first) {
      result.csv_files = loadedFiles();
      // what the worker reads as "load the next zip": the Excel list before its zip
      result.before_excel = JSON.parse(bridge.batch_report(new Uint8Array(Buffer.from(b64, "base64")), name));
      mount("/lib/guia_excel.zip", c.lists.excel);
    }
    let answer;
    for (let k = 0; k < 50; k++) {
      answer = JSON.parse(bridge.batch_report(new Uint8Array(Buffer.from(b64, "base64")), name));
      if (!answer.need) break;
      bridge.add_file(answer.need, new Uint8Array(await readFile(shared(c.postal[answer.need]))));
    }
    result.batch.push(answer);
  }
  result.batch_files = loadedFiles();
}
console.log(JSON.stringify(result));
process.exit(0);
