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

/** This build's snapshot, or null. @returns {Promise<Uint8Array | null>} */
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
    return new Uint8Array(await hit.arrayBuffer());
  } catch {
    return null;
  }
}

/** @param {Uint8Array} bytes */
export async function saveSnapshot(bytes) {
  const cache = await open();
  if (!cache) return;
  const headers = { "content-type": "application/octet-stream", [BUILD_HEADER]: CONFIG.build };
  await cache.put(KEY, new Response(/** @type {BodyInit} */ (/** @type {unknown} */ (bytes)), { headers })).catch(() => {});
}

export async function dropSnapshot() {
  const cache = await open();
  if (cache) await cache.delete(KEY).catch(() => false);
}
