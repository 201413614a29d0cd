// Guía NSS – Service Worker (site root, so its scope is the whole site).
//
// Keeps the widgets' files (Pyodide, the trimmed stdlib, the checker, postal
// data) so that a repeat visit makes no request for them and the widgets work
// offline after the first use.  The cache name carries the build's version
// (derived from every content hash), and older caches are deleted on
// activation.  Files under _shared/ have a content hash in their name, so
// they are served cache-first; pages and the theme's files are network-first
// with the cache as the offline fallback.  Registered by the widgets only
// after Python first started, never on plain page loads.
//
// shared_assets.py fills in the two constants below.
const VERSION = "__VERSION__";
const PRECACHE = "__PRECACHE__";
const PREFIX = "guia-nss-";
const CACHE = PREFIX + VERSION;
const SCOPE = new URL("./", self.location.href);
const SHARED = new URL("_shared/", SCOPE).href;

self.addEventListener("install", (event) => {
  // The page has just loaded these files, so they come from the HTTP cache.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((p) => new URL(p, SCOPE).href))).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type !== "cache" || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .map((u) => new URL(u, SCOPE))
    .filter((u) => u.origin === SCOPE.origin && u.href.startsWith(SCOPE.href) && !u.search)
    .map((u) => u.href);
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(urls.map((u) => cache.match(u).then((hit) => hit || cache.add(u).catch(() => {})))),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  if (url.href.startsWith(SHARED) && !url.search) {
    event.respondWith(cacheFirst(request));
  } else if (!url.search) {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (await cache.match(request, { ignoreVary: true }))) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request, { ignoreVary: true });
    if (hit) return hit;
    throw error;
  }
}
