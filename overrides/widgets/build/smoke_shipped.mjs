// Starts Pyodide exactly as the widgets' worker does, from the BUILT site's
// files: _shared/pyodide-<hash>/, the trimmed stdlib zip (stdLibURL), an inline
// lock file, the checker zip on sys.path, postal data handed in through
// checker.postal.set_loader -- and prints guia_bridge's answers for a list of
// inputs as JSON lines.  tests/widgets/test_shared_assets.py compares them with
// checker.text.describe under CPython.
//
// Usage: node smoke_shipped.mjs CONFIG.json
//   {shared_dir, pyodide_dir, stdlib, app, postal: {name: path}, lock, cases: [[kind, value, curp]]}
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const c = JSON.parse(await readFile(process.argv[2], "utf8"));
const shared = (p) => path.join(c.shared_dir, p);
const { loadPyodide } = await import(pathToFileURL(shared(c.pyodide_dir + "pyodide.mjs")).href);
const t0 = performance.now();
const py = await loadPyodide({
  indexURL: shared(c.pyodide_dir),
  stdLibURL: shared(c.stdlib),
  lockFileContents: c.lock,
  stdout: () => {},
  stderr: (s) => process.stderr.write(s + "\n"),
});
py.FS.writeFile("/lib/guia_app.zip", await readFile(shared(c.app)));
py.runPython("import sys; sys.path.insert(0, '/lib/guia_app.zip')");
const bridge = py.pyimport("guia_bridge");
const startMs = performance.now() - t0;
const lines = [];
for (const [kind, value, curp] of c.cases) {
  let answer;
  for (let i = 0; i < 50; i++) {
    answer = JSON.parse(bridge.describe(kind, value, curp));
    if (!answer.need) break;
    bridge.add_file(answer.need, new Uint8Array(await readFile(shared(c.postal[answer.need]))));
  }
  lines.push(JSON.stringify(answer));
}
const modules = JSON.parse(py.runPython(`
import sys, json
json.dumps(sorted({getattr(m, "__file__", None) or "" for m in list(sys.modules.values())} - {""}))
`));
console.log(JSON.stringify({ start_ms: Math.round(startMs), answers: lines.map((l) => JSON.parse(l)), files: modules }));
process.exit(0);
