// @ts-check
// The widgets' side of the Service Worker (sw.js, engineer D's).  Contract, as
// documented in README.md: the page posts {type: "cache", urls: [...]} to the
// active Service Worker, which stores those same-origin URLs (no query, no
// fragment) in its current cache.  The widgets ask for the page and the files
// Python used after it first started, and for each postal shard fetched.

/** @type {Set<string>} */
const pending = new Set();

/** The active Service Worker, if any controls or will control this page. */
function activeWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return Promise.resolve(null);
  return navigator.serviceWorker.ready.then((r) => r.active || r.waiting || r.installing).catch(() => null);
}

function flush() {
  activeWorker().then((target) => {
    if (!target || !pending.size) return;
    target.postMessage({ type: "cache", urls: [...pending] });
    pending.clear();
  });
}

/**
 * Ask the Service Worker to keep these URLs (query strings and fragments are
 * dropped: they could hold a search term).
 * @param {Iterable<string>} urls
 */
export function cacheLater(urls) {
  for (const u of urls) {
    const url = new URL(u, location.href);
    if (url.origin !== location.origin) continue;
    url.search = "";
    url.hash = "";
    pending.add(url.href);
  }
  flush();
}

/** The page and everything it loaded (Pyodide included), once Python started. */
export function cacheThisPage() {
  const urls = [location.href];
  for (const entry of performance.getEntriesByType("resource")) urls.push(entry.name);
  cacheLater(urls);
}
