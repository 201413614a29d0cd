// Runs the checker's test suite under Pyodide (Node), against exactly the
// checker bytes the site ships: the .pyc files of _shared/checker.<hash>.zip
// and of the list page's zips (lists, excel: the checker is one package),
// extracted as they are (no .py file of the checker is reachable), with the
// postal data next to them as in the repository.  Used by
// tests/widgets/test_shared_assets.py.
//
// Pyodide's stock stdlib is loaded here (pytest needs far more of the stdlib
// than the checker); that the trimmed stdlib is enough for the checker is
// proven separately (the build's own verification and smoke_shipped.mjs).
//
// Usage: node run_checker_tests.mjs CONFIG.json
//   {pyodide_dir, app_zips: [paths], data_dir, site_packages: [paths], tests: {rel: abs},
//    pytest_args: [...]}
// Prints the pytest and doctest output; exit status 0 only when both pass.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const config = JSON.parse(await readFile(process.argv[2], "utf8"));
const pyodideDir = config.pyodide_dir.endsWith("/") ? config.pyodide_dir : config.pyodide_dir + "/";
const { loadPyodide } = await import(pathToFileURL(pyodideDir + "pyodide.mjs").href);
const out = (s) => process.stdout.write(s + "\n");
const py = await loadPyodide({ indexURL: pyodideDir, stdout: out, stderr: out });
const raw = { write: (buffer) => { process.stdout.write(buffer); return buffer.length; } };
py.setStdout(raw);
py.setStderr(raw);

async function copyTree(src, dest) {
  const info = await stat(src);
  if (info.isDirectory()) {
    if (path.basename(src) === "__pycache__") return;
    py.FS.mkdirTree(dest);
    for (const name of await readdir(src)) await copyTree(path.join(src, name), `${dest}/${name}`);
  } else if (info.isFile()) {
    py.FS.writeFile(dest, await readFile(src));
  }
}

py.FS.mkdirTree("/sp");
for (const p of config.site_packages) await copyTree(p, `/sp/${path.basename(p)}`);
for (const [rel, abs] of Object.entries(config.tests)) {
  py.FS.mkdirTree(path.posix.dirname(`/t/${rel}`));
  py.FS.writeFile(`/t/${rel}`, await readFile(abs));
}
py.FS.mkdirTree("/shipped");
for (const [i, zip] of config.app_zips.entries()) py.FS.writeFile(`/shipped/${i}.zip`, await readFile(zip));
// The repository's sources of the shipped members, to prove each .pyc was
// compiled from exactly that file (hash-based pycs embed the source's hash).
for (const [member, abs] of Object.entries(config.sources || {})) {
  py.FS.mkdirTree(path.posix.dirname(`/src/${member}`));
  py.FS.writeFile(`/src/${member}`, await readFile(abs));
}
if (config.data_dir) await copyTree(config.data_dir, "/ship/checker/data/postal");
py.FS.writeFile("/t/pytest.ini", "[pytest]\n");
// No processes under Pyodide: a test that starts one (the command line) is
// skipped here; it runs under CPython in the normal suite.
py.FS.writeFile("/t/conftest.py", `
import subprocess
import pytest

class _NoProcess(subprocess.Popen):
    def __init__(self, *args, **kwargs):
        pytest.skip("starts a process (the command line): runs under CPython in the normal suite")

subprocess.Popen = _NoProcess
`);
// hypothesis ships a compiled extension (hypothesis._native) that Pyodide
// cannot load offline, so property-based tests are skipped here (they run
// under CPython in the normal suite); every other test of the same files runs.
py.FS.mkdirTree("/shim/hypothesis");
py.FS.writeFile("/shim/hypothesis/__init__.py", `
import functools, pytest
class _Anything:
    def __getattr__(self, name):
        return _Anything()
    def __call__(self, *a, **k):
        return _Anything()
    def __or__(self, other):
        return self
HealthCheck = Phase = Verbosity = _Anything()
strategies = _Anything()
def given(*a, **k):
    def deco(fn):
        @functools.wraps(fn)
        def skipped(*args, **kwargs):
            pytest.skip("hypothesis cannot run under Pyodide (compiled extension)")
        skipped.__signature__ = __import__("inspect").Signature()
        return skipped
    return deco
class settings:
    def __init__(self, *a, **k):
        pass
    def __call__(self, fn):
        return fn
    @staticmethod
    def register_profile(*a, **k):
        pass
    @staticmethod
    def load_profile(*a, **k):
        pass
def assume(x):
    return True
def example(*a, **k):
    return lambda fn: fn
`);
py.FS.writeFile("/shim/hypothesis/strategies.py", `
from hypothesis import _Anything
def __getattr__(name):
    return _Anything()
def composite(fn):
    return lambda *a, **k: _Anything()
`);
py.globals.set("PYTEST_ARGS", py.toPy(config.pytest_args || []));

const status = await py.runPythonAsync(`
import sys, zipfile, doctest, importlib, os
import importlib.util
names = []
for shipped in sorted(os.listdir("/shipped")):
    with zipfile.ZipFile("/shipped/" + shipped) as zf:
        # the app's members (the Excel zip also holds the stdlib only it uses)
        own = [n for n in zf.namelist() if n.startswith("checker/") or n == "guia_bridge.pyc"]
        assert not [n for n in own if n.endswith(".py")], "the shipped zip holds sources"
        assert not set(own) & set(names), "a member in two zips"
        names += own
        zf.extractall("/ship", own)
        for member in own:
            pyc = zf.read(member)
            assert pyc[:4] == importlib.util.MAGIC_NUMBER, member
            assert int.from_bytes(pyc[4:8], "little") == 1, member  # unchecked hash-based
            src = "/src/" + member[:-1]
            if os.path.exists(src):
                with open(src, "rb") as fh:
                    assert pyc[8:16] == importlib.util.source_hash(fh.read()), f"{member} is not compiled from the repository's file"
                print("same source:", member)
            else:
                raise AssertionError(f"no repository source given for {member}")
sys.path[:0] = ["/ship", "/sp", "/shim"]
os.chdir("/t")
import checker
assert checker.__file__ == "/ship/checker/__init__.pyc", checker.__file__
print("checker imported from", checker.__file__)
# checker.build_data is the maintainer's data step (sqlite3, the SAT wheel), not
# shipped; tests only use it to find the generated data, so it stands in here.
import types, pathlib
_bd = types.ModuleType("checker.build_data")
_bd.DEFAULT_OUT = pathlib.Path("/ship/checker/data/postal")
def _no_build(*a, **k):
    raise RuntimeError("checker.build_data does not run under Pyodide")
_bd.main = _no_build
sys.modules["checker.build_data"] = _bd

failures = 0
modules = sorted(n[:-4].replace("/", ".") for n in names
                 if n.startswith("checker/") and n.endswith(".pyc"))
for name in modules:
    name = name[:-len(".__init__")] if name.endswith(".__init__") else name
    mod = importlib.import_module(name)
    assert mod.__file__.endswith(".pyc"), mod.__file__
    result = doctest.testmod(mod)
    print(f"doctest {name}: {result.attempted} examples, {result.failed} failed")
    failures += result.failed

import pytest
code = pytest.main(["-p", "no:cacheprovider", "-p", "no:faulthandler", "-c", "/t/pytest.ini",
                    "--rootdir", "/t", "--import-mode=importlib", *PYTEST_ARGS])
print(f"pytest exit status {int(code)}; doctest failures {failures}")
0 if int(code) == 0 and failures == 0 else 1
`);
process.exit(status);
