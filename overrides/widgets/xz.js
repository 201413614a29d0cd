// @ts-check
// The worker's .xz downloads (guide/xz.py makes them): the two biggest files
// (Pyodide's wasm, the stdlib zip) come as .xz on a first use, a quarter
// fewer bytes than the server's gzip, and are decoded here as they arrive, so
// Pyodide compiles the wasm while it downloads.  Chromium's
// DecompressionStream has no xz: the decoder is xz-embedded compiled to wasm,
// from npm's xzwasm (config.decoder, loaded only then).  Its own stream hands
// out views of the decoder's memory that its next step overwrites, so this
// module drives the decoder itself and copies each chunk at once.
//
// The decoded file is kept in Cache Storage under its plain URL (DECODED);
// the Service Worker (sw.js) moves it into its own cache, so later visits
// fetch the plain URL from there (with its URL, which the browser's compiled
// code cache needs) and never decode again.  If anything fails (no decoder,
// no .xz, a corrupt or cut one), the plain files are used from then on.

import CONFIG from "./config.js";

// Cache Storage name sw.js takes decoded files from.
const DECODED = "guia-decoded";
/** @type {Map<string, string>} plain file URL -> its .xz copy's URL */
const XZ = new Map(
  Object.entries(CONFIG.xz || {}).map(([plain, xz]) => [new URL(plain, import.meta.url).href, new URL(xz, import.meta.url).href]),
);
const OK = 0;
const STREAM_END = 1;

let off = false;
/** @type {(value: "xz") => void} */
let broke = () => {};
/** Resolves when a decode failed after its Response was handed out. */
export const broken = /** @type {Promise<"xz">} */ (new Promise((resolve) => (broke = resolve)));
/** @type {Map<string, Promise<boolean>>} plain URL -> whether its decoded copy was kept */
export const kept = new Map();
/** @type {Record<string, {ms: number, afterDownload: number}>} decode times, for the ready message */
export const decodeTimes = {};

/** After a failed decode, Python starts again with the plain files: every
 * file is to be listed for the Service Worker, once the first try's decoded
 * copy (if any) is kept or dropped, so none is left behind. */
export function fellBack() {
  for (const [plain, done] of kept) kept.set(plain, done.then(() => true));
}

/** Whether a first use still tries the .xz copies (false after any failure). */
export function usable() {
  return !off && XZ.size > 0;
}

/** @type {Promise<any> | null} */
let decoderLoad = null;
// xzwasm's UMD bundle, as a module, sets self.xzwasm; its class compiles the
// decoder's wasm (inlined in the bundle) once.  What is used of it: the
// exports of that wasm, as xzwasm 0.1.2's XzContext uses them.
function decoderExports() {
  decoderLoad ??= import(new URL(CONFIG.decoder, import.meta.url).href).then(async () => {
    const Stream = /** @type {any} */ (self).xzwasm?.XzReadableStream;
    if (!Stream) throw new Error("xzwasm");
    if (!Stream._moduleInstance) await Stream._getModuleInstance();
    const exports = Stream._moduleInstance?.exports;
    for (const name of ["memory", "create_context", "destroy_context", "supply_input", "get_next_output"]) {
      if (!exports || !(name in exports)) throw new Error("xzwasm: " + name);
    }
    return exports;
  });
  return decoderLoad;
}

/**
 * The decoded bytes of an .xz stream; errors on a corrupt or cut one.
 * @param {any} wasm the decoder's exports @param {ReadableStream<Uint8Array>} input
 * @returns {ReadableStream<Uint8Array>}
 */
function decode(wasm, input) {
  const reader = input.getReader();
  const context = wasm.create_context();
  // The context's words: buffer size, input address, input position and size, output address and position.
  const words = () => new Uint32Array(wasm.memory.buffer, context, 6);
  const [size, inAt, , , outAt] = words();
  /** @type {Uint8Array} */
  let pending = new Uint8Array(0);
  let ended = false;
  let live = true;
  const dispose = () => {
    if (live) wasm.destroy_context(context);
    live = false;
  };
  return new ReadableStream({
    async pull(controller) {
      try {
        for (;;) {
          let w = words();
          if (w[2] === w[3] && !ended) {
            if (!pending.byteLength) {
              const { done, value } = await reader.read();
              if (done) ended = true;
              else pending = value;
            }
            const n = ended ? 0 : Math.min(size, pending.byteLength);
            new Uint8Array(wasm.memory.buffer).set(pending.subarray(0, n), inAt);
            wasm.supply_input(context, n);
            pending = pending.subarray(n);
          }
          const status = wasm.get_next_output(context);
          if (status !== OK && status !== STREAM_END) throw new Error(`xz: error ${status}`);
          w = words();
          const chunk = new Uint8Array(wasm.memory.buffer).slice(outAt, outAt + w[5]); // a copy
          w[5] = 0;
          if (status === STREAM_END) {
            dispose();
            if (chunk.byteLength) controller.enqueue(chunk);
            controller.close();
            return;
          }
          if (chunk.byteLength) return controller.enqueue(chunk);
          if (ended) throw new Error("xz: cut short");
        }
      } catch (error) {
        // Corrupt, cut, or the download failed: the plain files from now on,
        // and the boot that waits for this file is told.
        off = true;
        broke("xz");
        dispose();
        reader.cancel().catch(() => {});
        throw error;
      }
    },
    cancel(reason) {
      dispose();
      return reader.cancel(reason);
    },
  });
}

/**
 * The plain file, decoded from its .xz copy as it downloads; or null to fetch
 * the plain file as usual (no .xz copy, already in this phone, or unusable).
 * @param {string} plain absolute URL
 * @param {(input: string) => Promise<Response>} fetchPlain the network fetch
 * @param {(bytes: number) => void} onBytes compressed bytes as they arrive (progress)
 * @returns {Promise<Response | null>}
 */
export async function fromXz(plain, fetchPlain, onBytes) {
  const xz = XZ.get(plain);
  if (!xz || off) return null;
  try {
    // Decoded on an earlier visit that no Service Worker took it from.
    const mine = (await caches.has(DECODED)) && (await (await caches.open(DECODED)).match(plain));
    if (mine) return mine;
    if (await caches.match(plain)) return null; // the Service Worker's copy
  } catch {
    // no Cache Storage: decode anyway
  }
  if (typeof TransformStream !== "function" || typeof ReadableStream.prototype.tee !== "function") return null;
  // The decoder and the .xz at the same time (one round trip less).
  const [loaded, fetched] = await Promise.allSettled([decoderExports(), fetchPlain(xz)]);
  const response = fetched.status === "fulfilled" ? fetched.value : null;
  if (loaded.status !== "fulfilled" || !response || !response.ok || !response.body) {
    off = true;
    response?.body?.cancel().catch(() => {});
    return null;
  }
  const wasm = loaded.value;
  const started = performance.now();
  let lastByte = started;
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        lastByte = performance.now();
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
    }),
  );
  const name = plain.slice(plain.lastIndexOf("/") + 1);
  const decoded = decode(wasm, counted).pipeThrough(
    new TransformStream({
      flush() {
        const end = performance.now();
        decodeTimes[name] = { ms: Math.round(end - started), afterDownload: Math.round(end - lastByte) };
      },
    }),
  );
  const [forPython, forCache] = decoded.tee();
  const type = plain.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  kept.set(plain, keep(plain, forCache, type));
  return new Response(forPython, { status: 200, headers: { "content-type": type } });
}

/** @param {string} plain @param {ReadableStream} body @param {string} type */
async function keep(plain, body, type) {
  try {
    const cache = await caches.open(DECODED);
    // another build's files, never taken by a Service Worker
    for (const request of await cache.keys()) if (!XZ.has(request.url)) await cache.delete(request);
    await cache.put(plain, new Response(body, { headers: { "content-type": type } }));
    return true;
  } catch {
    body.cancel().catch(() => {}); // not kept (no Cache Storage, quota, or a failed decode)
    return false;
  }
}
