// @ts-check
// The page's side of the worker that runs Python: starts it on demand, tells
// the widgets how far loading got, and answers their questions.  One
// PythonClient per page; the widgets subscribe to its phase changes.
//
// Privacy: what the student types goes only to the worker by postMessage.  It
// is never put in a URL, a request body, localStorage, IndexedDB or a cookie.

import CONFIG from "./config.js";

/** @typedef {"off" | "loading" | "ready" | "error"} Phase */
/** @typedef {"nowasm" | "failed" | "stalled"} Failure */
/** @typedef { {error?: string, message?: string, ok?: any, retry?: boolean }} Answer */
/** @typedef { {onPhase(): void }} Listener */

export class PythonClient {
  /**
   * @param { {stallMs: number, snapshots: boolean, onFetched?: (urls: string[]) => void }} options
   *   stallMs: no progress for this long shows the fallback;
   *   snapshots: whether the worker may use a memory snapshot;
   *   onFetched: a data file the worker downloaded (to keep it offline).
   */
  constructor(options) {
    this.options = options;
    /** @type {Phase} */
    this.phase = "off";
    /** @type {Failure | null} */
    this.failure = null;
    /** @type {number | "start" | null} last progress shown: a percentage or "start" */
    this.percent = null;
    /** @type {Worker | null} */
    this.worker = null;
    this.nextId = 1;
    /** @type {Map<number, (answer: Answer) => void>} */
    this.waiting = new Map();
    /** @type {Set<Listener>} */
    this.listeners = new Set();
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.stallTimer = undefined;
    /** @type {(() => void)[]} */
    this.onReady = [];
  }

  /** @param {Listener} listener */
  subscribe(listener) {
    this.listeners.add(listener);
  }

  notify() {
    for (const listener of this.listeners) {
      try {
        listener.onPhase();
      } catch (error) {
        console.error(error); // one broken widget must not stop the others
      }
    }
  }

  /** A number for "(N %)", or null while there is none. */
  percentNumber() {
    return typeof this.percent === "number" ? this.percent : null;
  }

  armStall() {
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => this.fail("stalled"), this.options.stallMs);
  }

  /** @param {string} reason */
  fail(reason) {
    if (this.phase === "error" || this.phase === "ready") return;
    this.phase = "error";
    this.failure = reason === "nowasm" || reason === "stalled" ? reason : "failed";
    clearTimeout(this.stallTimer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const [, resolve] of this.waiting) resolve({ error: "failed" });
    this.waiting.clear();
    this.notify();
  }

  /** Start the worker (once); safe to call on every focus and keystroke. */
  start() {
    if (this.phase !== "off") return;
    this.phase = "loading";
    performance.mark("guia:start");
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this.phase = "off";
      this.fail("nowasm");
      return;
    }
    this.notify();
    let worker;
    try {
      // The worker starts itself as soon as its script runs (a "start" message
      // would wait for this page's busy main thread to pass it on); its name
      // says whether it may use a snapshot (read by worker.js).
      const name = this.options.snapshots ? "guia-checker" : "guia-checker sin-snapshot";
      worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module", name });
    } catch (error) {
      this.fail("failed");
      return;
    }
    this.worker = worker;
    this.armStall();
    worker.onmessage = (event) => this.onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail("failed");
    };
    sendCompiledWasm(worker);
  }

  /** @param {any} m a message from the worker */
  onMessage(m) {
    if (m.type === "progress") {
      this.armStall();
      const last = this.percent;
      if (m.stage === "start") this.percent = "start";
      else if (m.percent != null && (typeof last !== "number" || m.percent - last >= 10 || m.percent < last)) this.percent = m.percent;
      else return;
      this.notify();
    } else if (m.type === "ready") {
      clearTimeout(this.stallTimer);
      this.phase = "ready";
      performance.mark("guia:ready", { detail: { worker: m.ms, phases: m.phases, snapshot: m.snapshot, wasm: m.wasm } });
      this.notify();
      for (const callback of this.onReady.splice(0)) callback();
    } else if (m.type === "failed") {
      this.fail(m.reason === "nowasm" ? "nowasm" : "failed");
    } else if (m.type === "fetched") {
      if (this.options.onFetched) this.options.onFetched(m.urls);
    } else if (m.type === "result") {
      const resolve = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (resolve) resolve(m.result);
    }
  }

  /**
   * Ask the worker; starts it if needed.  Resolves {error: "failed"} if Python
   * could not start.
   * @param {Record<string, any>} message
   * @returns {Promise<Answer>}
   */
  ask(message) {
    this.start();
    const worker = this.worker;
    if (this.phase === "error" || !worker) return Promise.resolve({ error: "failed" });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ ...message, id });
    });
  }
}

const WASM = new URL(CONFIG.pyodide + "pyodide.asm.wasm", import.meta.url).href;

/**
 * On a later visit, compile Pyodide's wasm here, from the Service Worker's
 * copy (the browser's compiled-code cache makes that a read), while the
 * worker parses Pyodide's scripts, and hand the module over; the worker waits
 * for this message (a module, or null: it then compiles its own).  Never on
 * a first visit: that would download the plain wasm next to its .xz copy.
 * @param {Worker} worker
 */
async function sendCompiledWasm(worker) {
  let module = null;
  try {
    if (typeof WebAssembly.compileStreaming === "function" && navigator.serviceWorker?.controller && (await alreadyDownloaded())) {
      module = await WebAssembly.compileStreaming(fetch(WASM));
    }
  } catch {
    module = null;
  }
  try {
    worker.postMessage({ type: "wasm", module });
  } catch {
    worker.postMessage({ type: "wasm", module: null }); // a module that does not clone
  }
}

/** @type {Promise<boolean> | null} */
let downloaded = null;

/**
 * Whether Python's files were already in this phone when the page loaded (a
 * Service Worker cache holds the wasm): then there is nothing to announce or
 * to wait for, and the page may compile the wasm.  Looked up once per page.
 * @returns {Promise<boolean>}
 */
export function alreadyDownloaded() {
  downloaded ??= (async () => {
    if (!("caches" in self)) return false;
    try {
      return !!(await caches.match(WASM));
    } catch {
      return false;
    }
  })();
  return downloaded;
}
