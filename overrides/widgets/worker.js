// Guía NSS – the widgets' dedicated Web Worker (an ES module worker).
//
// Loads the self-hosted Pyodide with the trimmed standard library (stdLibURL)
// and an inline lock file (no lock request), puts the checker's zip on
// sys.path and answers the page's questions through guia_bridge, which calls
// the unchanged checker.  Postal data reaches Python only as bytes handed to
// checker.postal.set_loader (via guia_bridge.add_file); the worker fetches the
// index and the one shard a lookup needs, on demand.
//
// Privacy: what the student types travels only inside postMessage between the
// page and this worker.  No request carries it: the only URLs fetched are the
// fixed asset names below (a postal shard's name is its 2-digit prefix, which
// is the file every student of that state fetches).
//
// shared_assets.py replaces the next line with the build's file names.
const CONFIG = "__CONFIG__";

const BASE = new URL("./", import.meta.url);
const url = (path) => new URL(path, BASE).href;
const APP_MOUNT = "/lib/guia_app.zip";

let bridge = null;
let starting = null;
let received = 0;
let lastProgress = 0;

function post(message) {
  self.postMessage(message);
}

function progress(stage, force) {
  const now = Date.now();
  if (!force && now - lastProgress < 250) return;
  lastProgress = now;
  const total = CONFIG.sizes ? CONFIG.sizes.total : 0;
  const percent = total ? Math.min(99, Math.round((100 * received) / total)) : null;
  post({ type: "progress", stage, percent });
}

// Count the bytes of the big downloads as they arrive, to show progress.
// The body is passed through unchanged (same headers, so the .wasm keeps its
// application/wasm type for streaming compilation).
const realFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  let response;
  try {
    response = await realFetch(input, init);
  } catch (error) {
    if (!bridge) post({ type: "failed", reason: "network" });
    throw error;
  }
  if (!response.ok && !bridge) {
    // Pyodide would wait forever for a wasm that never comes: say so now.
    post({ type: "failed", reason: `HTTP ${response.status}` });
    return response;
  }
  if (!response.ok || !response.body) return response;
  // Count a clone's bytes, and hand Pyodide the original response: a
  // constructed Response would lose its URL, and with it the browser's
  // compiled-code cache for the .wasm on the next visit.
  const reader = response.clone().body.getReader();
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      progress("download");
    }
  })().catch(() => {});
  return response;
};

async function fetchBytes(path) {
  const response = await fetch(url(path));
  if (!response.ok) throw new Error(`HTTP ${response.status} al descargar ${path}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function start() {
  if (typeof WebAssembly !== "object") throw new Error("nowasm");
  const started = performance.now();
  progress("download", true);
  const appBytes = fetchBytes(CONFIG.app);
  appBytes.catch(() => {});
  const { loadPyodide } = await import(url(CONFIG.pyodide + "pyodide.mjs"));
  const imported = performance.now();
  const pyodide = await loadPyodide({
    indexURL: url(CONFIG.pyodide),
    stdLibURL: url(CONFIG.stdlib),
    lockFileContents: CONFIG.lock,
    packageBaseUrl: url(CONFIG.pyodide),
    stdout: () => {},
    stderr: () => {},
    fsInit: async (FS) => {
      FS.writeFile(APP_MOUNT, await appBytes);
    },
  });
  const loaded = performance.now();
  progress("start", true);
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(APP_MOUNT)})`);
  bridge = pyodide.pyimport("guia_bridge");
  const done = performance.now();
  post({
    type: "ready",
    ms: Math.round(done - started),
    phases: { import: Math.round(imported - started), pyodide: Math.round(loaded - imported), checker: Math.round(done - loaded) },
  });
}

const fetched = new Map();

function fetchData(name) {
  if (!fetched.has(name)) {
    const path = CONFIG.postal[name];
    const promise = path ? fetchBytes(path) : Promise.reject(new Error(`sin archivo ${name}`));
    fetched.set(name, promise);
    promise.then(
      (bytes) => {
        bridge.add_file(name, bytes);
        post({ type: "fetched", url: url(path) });
      },
      () => fetched.delete(name),
    );
  }
  return fetched.get(name);
}

// Call a bridge function; while the checker asks for a data file we have not
// fetched yet, fetch it and call again.
async function call(fn, ...args) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const answer = JSON.parse(bridge[fn](...args));
    if (!answer.need) return answer;
    try {
      await fetchData(answer.need);
    } catch (error) {
      // The checker's own message says the catalogue is unavailable.
      bridge.add_file(answer.need, new Uint8Array(0));
    }
  }
  return { error: "loop", message: "Demasiados archivos solicitados." };
}

async function handle(message) {
  if (message.type === "start") return;
  if (message.type === "describe") return call("describe", message.kind, message.value, message.curp || null);
  if (message.type === "compare") {
    const f = message.fields;
    return call("compare", message.value, f.given_names, f.first_surname, f.second_surname, f.birth_date, f.sex, f.state);
  }
  if (message.type === "batch") return call("batch_report", message.data, message.name || null);
  throw new Error(`mensaje desconocido ${message.type}`);
}

// Messages are handled one at a time, in order.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const message = event.data;
  if (!starting) {
    starting = start();
    starting.catch((error) => post({ type: "failed", reason: String(error && error.message ? error.message : error) }));
  }
  queue = queue.then(async () => {
    try {
      await starting;
    } catch {
      return;
    }
    try {
      const result = await handle(message);
      if (message.id !== undefined) post({ type: "result", id: message.id, result });
    } catch (error) {
      if (message.id !== undefined) post({ type: "result", id: message.id, result: { error: "worker", message: String(error) } });
    }
  });
};
