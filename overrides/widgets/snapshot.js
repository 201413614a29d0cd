// @ts-check
// The worker's memory snapshot: Python's heap right after it started and
// imported the checker, made in this phone on first use (Pyodide 314's
// private `_makeSnapshot` / `_loadSnapshot`, pinned in package-lock.json) and
// kept in Cache Storage, so later visits skip Python's start-up.
//
// It is taken before the worker handles any message, so nothing the student
// types is ever in it.  One entry per site, tagged with the build it belongs
// to; a snapshot of another build is deleted, never loaded.  Any failure
// (no Cache Storage, quota, a corrupt entry) only means a normal start.
//
// The cache name does not start with "guia-nss-", so the Service Worker's
// clean-up of old builds leaves it alone; the worker replaces it itself.

import CONFIG from "./config.js";

const CACHE = "guia-snapshot";
// Stored sparse: most of Python's heap is zeros (about 2/3 of it), and
// reading the stored bytes is what a warm start waits for.  Layout: MAGIC,
// the heap's length, its number of PAGE-sized pages N (u32, little-endian),
// N flags (1: the page is stored), then the stored pages in order.
const PAGE = 4096;
const MAGIC = 0x314e5347; // "GSN1"
const HEAD = 12;
// Never requested from the server: only a key, under this site's _shared/.
const KEY = new URL("../memory-snapshot", import.meta.url).href;
const BUILD_HEADER = "x-guia-build";

/** @returns {Promise<Cache | null>} */
async function open() {
  try {
    return "caches" in self ? await caches.open(CACHE) : null;
  } catch {
    return null;
  }
}

/**
 * This build's snapshot, or null.  Its bytes are still being read when this
 * answers: Pyodide awaits them (`_loadSnapshot` takes a promise) only after
 * its own scripts are in, so the read and those overlap.  A read that fails
 * fails that start, which then starts normally.
 * @returns {Promise<{ bytes: Promise<Uint8Array> } | null>}
 */
export async function loadSnapshot() {
  const cache = await open();
  if (!cache) return null;
  try {
    const hit = await cache.match(KEY);
    if (!hit) return null;
    if (hit.headers.get(BUILD_HEADER) !== CONFIG.build) {
      await cache.delete(KEY);
      return null;
    }
    const bytes = hit.arrayBuffer().then((buffer) => unpack(new Uint8Array(buffer)));
    bytes.catch(() => {}); // (handled where Pyodide awaits it)
    return { bytes };
  } catch {
    return null;
  }
}

/** @param {Uint8Array} heap */
export async function saveSnapshot(heap) {
  const cache = await open();
  if (!cache) return;
  const headers = { "content-type": "application/octet-stream", [BUILD_HEADER]: CONFIG.build };
  const body = /** @type {BodyInit} */ (/** @type {unknown} */ (pack(heap)));
  await cache.put(KEY, new Response(body, { headers })).catch(() => {});
}

/** @param {Uint8Array} heap @param {number} start @param {number} end */
function zeros(heap, start, end) {
  for (let i = start; i < end; i++) if (heap[i] !== 0) return false;
  return true;
}

/** The heap without its all-zero pages. @param {Uint8Array} heap */
export function pack(heap) {
  const pages = Math.ceil(heap.length / PAGE);
  const kept = new Uint8Array(pages);
  let size = HEAD + pages;
  for (let p = 0; p < pages; p++) {
    const start = p * PAGE;
    const end = Math.min(start + PAGE, heap.length);
    if (zeros(heap, start, end)) continue;
    kept[p] = 1;
    size += end - start;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, heap.length, true);
  view.setUint32(8, pages, true);
  out.set(kept, HEAD);
  let at = HEAD + pages;
  for (let p = 0; p < pages; p++) {
    if (!kept[p]) continue;
    const page = heap.subarray(p * PAGE, Math.min((p + 1) * PAGE, heap.length));
    out.set(page, at);
    at += page.length;
  }
  return out;
}

/** The heap back from `pack`; throws on anything else. @param {Uint8Array} bytes */
export function unpack(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < HEAD || view.getUint32(0, true) !== MAGIC) throw new Error("snapshot: unknown format");
  const length = view.getUint32(4, true);
  const pages = view.getUint32(8, true);
  if (pages !== Math.ceil(length / PAGE) || bytes.length < HEAD + pages) throw new Error("snapshot: bad header");
  const heap = new Uint8Array(length);
  let at = HEAD + pages;
  for (let p = 0; p < pages; p++) {
    if (!bytes[HEAD + p]) continue;
    const start = p * PAGE;
    const end = Math.min(start + PAGE, length);
    if (at + end - start > bytes.length) throw new Error("snapshot: cut short");
    heap.set(bytes.subarray(at, at + end - start), start);
    at += end - start;
  }
  if (at !== bytes.length) throw new Error("snapshot: trailing bytes");
  return heap;
}

export async function dropSnapshot() {
  const cache = await open();
  if (cache) await cache.delete(KEY).catch(() => false);
}
