// @ts-check
// Guía NSS – the widgets' dedicated Web Worker (an ES module worker).
//
// Loads the self-hosted Pyodide with the trimmed standard library (stdLibURL)
// and an inline lock file (no lock request), puts the checker's zip on
// sys.path and answers the page's questions through guia_bridge, which calls
// the unchanged checker.  On later visits it starts from a memory snapshot
// made in this phone (snapshot.js).  Postal data reaches Python only as bytes
// handed to checker.postal.set_loader (via guia_bridge.add_file); the worker
// fetches the index and the one shard a lookup needs, on demand.
//
// Privacy: what the student types travels only inside postMessage between the
// page and this worker.  No request carries it: the only URLs fetched are the
// fixed asset names of config.js (a postal shard's name is its 2-digit
// prefix, which is the file every student of that state fetches).
//
// On a first use the wasm and the stdlib zip come as .xz, decoded as they
// arrive (xz.js); if that fails, the plain files, once.

import CONFIG from "./config.js";
import { dropSnapshot, loadSnapshot, saveSnapshot } from "./snapshot.js";
import * as xz from "./xz.js";

const scope = /** @type {DedicatedWorkerGlobalScope} */ (/** @type {unknown} */ (self));
/** @param {string} path */
const url = (path) => new URL(path, import.meta.url).href;
const APP_MOUNT = "/lib/guia_app.zip";
// The list page's zips, fetched on its first use and mounted by
// guia_bridge.mount (the names compile_stdlib.mjs verifies them under): for a
// CSV list the stdlib's second zip and the checker's list modules; for an
// Excel list also the .xlsx reader with its stdlib.
const EXTRA_MOUNT = "/lib/guia_stdlib_extra.zip";
const LISTS_MOUNT = "/lib/guia_lists.zip";
const EXCEL_MOUNT = "/lib/guia_excel.zip";
// Run once before a snapshot is taken: the checker imported and its first
// verdicts' code paths warmed with fixed samples (never a typed value).
const SETUP = `import sys\nsys.path.insert(0, ${JSON.stringify(APP_MOUNT)})\nimport guia_bridge`;

/** @type {any} the guia_bridge module (a Pyodide proxy) once Python is ready */
let bridge = null;
/** @type {any} Pyodide, once started */
let python = null;
/** @type {Promise<void> | null} */
let lists = null;
/** @type {Promise<void> | null} */
let excel = null;
/** @type {Uint8Array | null} a snapshot to store once the first answer is out */
let unsavedSnapshot = null;
let received = 0;
let lastProgress = 0;

/** @param {any} message */
function post(message) {
  scope.postMessage(message);
}

/** @param {string} stage @param {boolean} [force] */
function progress(stage, force) {
  const now = Date.now();
  if (!force && now - lastProgress < 250) return;
  lastProgress = now;
  const total = CONFIG.progressBytes;
  const percent = total ? Math.min(99, Math.round((100 * received) / total)) : null;
  post({ type: "progress", stage, percent });
}

// Count the bytes of the big downloads as they arrive, to show progress, and
// report a failed or truncated download at once (before Python is ready; the
// stall timer is only for downloads that stop without an error).  Pyodide
// gets the original response: a constructed Response would lose its URL, and
// with it the browser's compiled-code cache for the .wasm.
const realFetch = scope.fetch.bind(scope);
/** @param {RequestInfo | URL} input @param {RequestInit} [init] */
scope.fetch = async (input, init) => {
  const href = new URL(input instanceof Request ? input.url : String(input), scope.location.href).href;
  if (!href.startsWith("http")) return realFetch(input, init); // the decoder's own wasm (a data: URL)
  const decoded = await xz.fromXz(href, realFetch, (n) => {
    received += n;
    progress("download");
  });
  if (decoded) return decoded;
  let response;
  try {
    response = await realFetch(input, init);
  } catch (error) {
    if (!bridge) post({ type: "failed", reason: "network" });
    throw error;
  }
  if (!response.ok && !bridge) {
    post({ type: "failed", reason: `HTTP ${response.status}` });
    return response;
  }
  if (!response.ok || !response.body) return response;
  const reader = response.clone().body?.getReader();
  if (!reader) return response;
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      progress("download");
    }
  })().catch(() => {
    if (!bridge) post({ type: "failed", reason: "truncated" });
  });
  return response;
};

// Pyodide's wasm as the page compiled it on a later visit (python.js): the
// page sends a module or null once, right after creating this worker.
// Pyodide instantiates through WebAssembly.instantiateStreaming; for its own
// wasm that call takes the page's module when there is one, else it compiles
// as usual (and so does a second boot, after a fallback).
const WASM_URL = url(CONFIG.pyodide + "pyodide.asm.wasm");
/** @type {(module: WebAssembly.Module | null) => void} */
let gotModule = () => {};
/** @type {Promise<WebAssembly.Module | null>} */
let pageModule = new Promise((resolve) => (gotModule = resolve));
/** @type {"page" | "worker"} where Pyodide's wasm was compiled (reported in "ready") */
let wasmFrom = "worker";
const instantiateStreaming = WebAssembly.instantiateStreaming;
/** @param {Response | PromiseLike<Response>} source @param {WebAssembly.Imports} [imports] */
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  if (response.url !== WASM_URL) return instantiateStreaming(response, imports);
  // (bounded: a page that never answers must not hold the start)
  const late = /** @type {Promise<null>} */ (new Promise((resolve) => setTimeout(() => resolve(null), 5000)));
  const module = await Promise.race([pageModule, late]);
  pageModule = Promise.resolve(null);
  if (module) {
    try {
      const instance = await WebAssembly.instantiate(module, imports);
      response.body?.cancel().catch(() => {});
      wasmFrom = "page";
      return { module, instance };
    } catch {
      // compiled for something else: compile here
    }
  }
  return instantiateStreaming(response, imports);
};

/** @param {string} path */
async function fetchBytes(path) {
  const response = await fetch(url(path));
  if (!response.ok) throw new Error(`HTTP ${response.status} al descargar ${path}`);
  const bytes = new Uint8Array(await response.arrayBuffer()); // rejects if the body is cut short
  if (!bytes.length) throw new Error(`${path} llegó vacío`);
  return bytes;
}

/** @type {Promise<any> | null} */
let pyodideImport = null;
// pyodide.mjs, imported once (while the snapshot is read from the cache).
function pyodideModule() {
  pyodideImport ??= import(url(CONFIG.pyodide + "pyodide.mjs"));
  return pyodideImport;
}

/** @param {Promise<Uint8Array> | null} snapshot @param {boolean} makeSnapshot */
async function boot(snapshot, makeSnapshot) {
  const appBytes = fetchBytes(CONFIG.app);
  appBytes.catch(() => {});
  const { loadPyodide } = await pyodideModule();
  return loadPyodide({
    indexURL: url(CONFIG.pyodide),
    stdLibURL: url(CONFIG.stdlib),
    lockFileContents: CONFIG.lock,
    packageBaseUrl: url(CONFIG.pyodide),
    stdout: () => {},
    stderr: () => {},
    fsInit: async (/** @type {any} */ FS) => {
      FS.writeFile(APP_MOUNT, await appBytes);
    },
    ...(snapshot ? { _loadSnapshot: snapshot } : makeSnapshot ? { _makeSnapshot: true } : {}),
  });
}

/**
 * Boot; if an .xz copy fails to decode meanwhile, boot again with the plain files.
 * @param {Promise<Uint8Array> | null} snapshot @param {boolean} makeSnapshot
 */
async function bootOnce(snapshot, makeSnapshot) {
  const first = boot(snapshot, makeSnapshot);
  if (!xz.usable()) return first;
  // (Pyodide itself never settles on a broken wasm: it logs the failed instantiation and waits.)
  const result = await Promise.race([first, xz.broken]);
  if (result !== "xz") return result;
  first.catch(() => {}); // left waiting, or failing, with the broken file
  xz.fellBack();
  received = 0;
  return boot(snapshot, makeSnapshot);
}

/** @param { {snapshots?: boolean }} options */
async function start(options) {
  if (typeof WebAssembly !== "object") throw new Error("nowasm");
  const started = performance.now();
  progress("download", true);
  const useSnapshots = options.snapshots !== false;
  pyodideModule().catch(() => {}); // meanwhile (a failure shows in boot)
  // pyodide.asm.mjs too: loadPyodide imports the same URL and finds it loaded.
  import(url(CONFIG.pyodide + "pyodide.asm.mjs")).catch(() => {});
  const found = useSnapshots ? await loadSnapshot() : null;
  const snapshot = found && found.bytes;
  const read = performance.now(); // found, not yet read: boot awaits the bytes
  /** @type {"off" | "loaded" | "made" | "failed"} */
  let how = snapshot ? "loaded" : useSnapshots ? "made" : "off";
  let pyodide;
  try {
    pyodide = await bootOnce(snapshot, useSnapshots);
  } catch (error) {
    if (!snapshot) throw error;
    // A snapshot that does not load (corrupt, another Pyodide): start normally.
    await dropSnapshot();
    how = "failed";
    received = 0;
    pyodide = await bootOnce(null, false);
  }
  const loaded = performance.now();
  progress("start", true);
  if (how !== "loaded") pyodide.runPython(SETUP);
  if (how === "made") {
    try {
      pyodide.runPython("guia_bridge.warm_up()");
      unsavedSnapshot = pyodide.makeMemorySnapshot();
    } catch {
      unsavedSnapshot = null;
    }
  }
  python = pyodide;
  bridge = pyodide.pyimport("guia_bridge");
  if (unsavedSnapshot) setTimeout(storeSnapshot, 3000);
  // For the Service Worker to keep (the page's own resource list lacks the
  // worker's downloads).
  const files = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"].map((n) => url(CONFIG.pyodide + n));
  const done = performance.now();
  post({
    type: "ready",
    ms: Math.round(done - started),
    snapshot: how,
    wasm: wasmFrom,
    phases: {
      snapshotRead: Math.round(read - started),
      pyodide: Math.round(loaded - read),
      checker: Math.round(done - loaded),
      ...(Object.keys(xz.decodeTimes).length ? { decode: xz.decodeTimes } : {}),
    },
  });
  // A decoded file is listed once kept (the Service Worker takes it from
  // there); one that could not be kept is not: it would download it again.
  const all = [...files, url(CONFIG.stdlib), url(CONFIG.app), url("worker.js"), url("config.js"), url("snapshot.js")];
  Promise.all(all.map((u) => xz.kept.get(u) ?? true)).then((kept) => post({ type: "fetched", urls: all.filter((u, i) => kept[i]) }));
}

// Writing the snapshot can wait: after the first answer is out, or a few
// seconds after a start nobody asked anything of (a prefetch).
function storeSnapshot() {
  if (!unsavedSnapshot) return;
  const bytes = unsavedSnapshot;
  unsavedSnapshot = null;
  saveSnapshot(bytes);
}

/** @type {Map<string, Promise<Uint8Array>>} */
const fetched = new Map();

/** @param {string} name a postal data file */
function fetchData(name) {
  let promise = fetched.get(name);
  if (!promise) {
    const path = CONFIG.postal[name];
    promise = path ? fetchBytes(path) : Promise.reject(new Error(`sin archivo ${name}`));
    fetched.set(name, promise);
    promise.then(
      (bytes) => {
        bridge.add_file(name, bytes);
        post({ type: "fetched", urls: [url(path)] });
      },
      () => fetched.delete(name), // not kept: the next keystroke downloads it again
    );
  }
  return promise;
}

/**
 * Call a bridge function; while the checker asks for a data file we have not
 * fetched yet, fetch it and call again.  A file that cannot be downloaded
 * gets the checker's "no pude cargar el catálogo" answer this once
 * (retry: true), and is asked for again on the next call.
 * @param {string} fn @param {...any} args
 */
async function call(fn, ...args) {
  let retry = false;
  for (let attempt = 0; attempt < 300; attempt++) {
    const answer = JSON.parse(bridge[fn](...args));
    if (!answer.need) return retry ? { ...answer, retry } : answer;
    try {
      await fetchData(answer.need);
    } catch {
      bridge.fail_file(answer.need);
      retry = true;
    }
  }
  return { error: "loop", message: "Demasiados archivos solicitados." };
}

/**
 * Fetch zips (in parallel) and mount them in this order, once they all arrived.
 * @param {[string, string][]} zips [config path, mount point]
 */
async function mountZips(zips) {
  const all = await Promise.all(zips.map(([path]) => fetchBytes(path)));
  zips.forEach(([, mount], i) => {
    python.FS.writeFile(mount, all[i]);
    bridge.mount(mount);
  });
  post({ type: "fetched", urls: zips.map(([path]) => url(path)) });
}

/** The list's zips: the stdlib's second one and the checker's list modules (once). */
function loadLists() {
  if (!lists) {
    lists = mountZips([
      [CONFIG.stdlibExtra, EXTRA_MOUNT],
      [CONFIG.lists, LISTS_MOUNT],
    ]);
    lists.catch(() => (lists = null)); // tried again next time
  }
  return lists;
}

/** The .xlsx reader's zip, after the list's (fetched at the same time). */
function loadExcel() {
  if (!excel) {
    const bytes = fetchBytes(CONFIG.excel);
    bytes.catch(() => {});
    excel = loadLists().then(async () => {
      python.FS.writeFile(EXCEL_MOUNT, await bytes);
      bridge.mount(EXCEL_MOUNT);
      post({ type: "fetched", urls: [url(CONFIG.excel)] });
    });
    excel.catch(() => (excel = null));
  }
  return excel;
}

/**
 * A bridge call; a module of a zip not loaded yet that the call needs after
 * all (an untried path) loads the next zip (the list's, then Excel's) and
 * asks again.
 * @param {string} fn @param {...any} args
 */
async function callLoading(fn, ...args) {
  let answer = await call(fn, ...args);
  for (const load of [loadLists, loadExcel]) {
    if (!answer || answer.error !== "ModuleNotFoundError") break;
    const before = load === loadLists ? lists : excel;
    await load();
    if (!before) answer = await call(fn, ...args);
  }
  return answer;
}

/** @param {Uint8Array} data @returns {boolean} a workbook (.xlsx, or an old .xls): the first bytes */
function isWorkbook(data) {
  const head = Array.from(data.subarray(0, 4)).join(",");
  return head === "80,75,3,4" || head === "208,207,17,224"; // PK\3\4, OLE's D0 CF 11 E0
}

/** @param {any} message */
async function handle(message) {
  if (message.type === "describe") return callLoading("describe", message.kind, message.value, message.curp || null);
  if (message.type === "compare") {
    const f = message.fields;
    return callLoading("compare", message.value, f.given_names, f.first_surname, f.second_surname, f.birth_date, f.sex, f.state);
  }
  if (message.type === "batch") {
    await (isWorkbook(message.data) ? loadExcel() : loadLists());
    return callLoading("batch_report", message.data, message.name || null);
  }
  throw new Error(`mensaje desconocido ${message.type}`);
}

// Python starts as soon as this script runs; the page's python.js names
// this worker to say whether snapshots may be used.
const starting = start({ snapshots: !scope.name.endsWith(" sin-snapshot") });
starting.catch((error) => post({ type: "failed", reason: String(error && error.message ? error.message : error) }));

// Messages are handled one at a time, in order, once Python is up.
let queue = Promise.resolve();
scope.onmessage = (/** @type {MessageEvent} */ event) => {
  const message = event.data;
  if (message.type === "wasm") {
    gotModule(message.module instanceof WebAssembly.Module ? message.module : null);
    return;
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
    if (message.id !== undefined) storeSnapshot();
  });
};
