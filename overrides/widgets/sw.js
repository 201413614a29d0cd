// Guía NSS – Service Worker (site root, so its scope is the whole site).
//
// One cache per build (named after VERSION) holds:
// * a school's pages and their CSS/JS (SCHOOLS[slug]), kept as soon as the
//   student opens any page of that school (offline.js posts {type: "school"});
// * the widgets' files under _shared/ (Pyodide, stdlib, checker, postal
//   shards) only once a widget used them: they are stored as they pass through
//   here, and widgets.js posts {type: "cache", urls} for what it fetched before
//   this worker controlled the page.  Never at install: no byte unasked.
//
// Across deploys: a new build's worker, while installing, fills its own cache
// with what the student had in the old ones: the same schools' pages fetched
// anew, the _shared/ files whose hashed name is in this build copied, and the
// postal shards whose hash changed fetched anew (old hashed files are never
// carried over).  Messages that reach an older worker are passed to the newest
// one.  Old caches are deleted only once everything was carried over.
// The .xz copies of the biggest files are never stored: the widgets' worker
// decodes them into the DECODED cache under the plain file's URL, and they are
// moved from there into this build's cache (no second download).
// Only complete responses are stored: status 200, a body, and as many bytes as
// Content-Length says.  Files under _shared/ are cache-first (hashed names);
// pages are network-first with the cache as the offline copy.
//
// guide/pwa.py fills in the constants, once per build (only the first two for
// the widgets' demo pages, where SCHOOLS, SHARED_FILES and INDEX stay unfilled).
const VERSION = "__VERSION__";
const PRECACHE = "__PRECACHE__"; // the widgets' runtime: megabytes, never re-fetched by a deploy
const SCHOOLS = "__SCHOOLS__"; // {slug: [paths of its pages, CSS and JS]}
const SHARED_FILES = "__SHARED__"; // every file under _shared/ in this build
const INDEX = "__INDEX__"; // the index site's pages and files: kept once a widget there used them
const PREFIX = "guia-nss-";
const DECODED = "guia-decoded"; // worker.js's name: files it decoded from their .xz copy
const CACHE = PREFIX + VERSION;
const SCOPE = new URL("./", self.location.href);
const SHARED = new URL("_shared/", SCOPE).href;

const abs = (path) => new URL(path, SCOPE).href;
const schools = {};
for (const [slug, paths] of Object.entries(typeof SCHOOLS === "object" ? SCHOOLS : {})) schools[slug] = new Set(paths.map(abs));
const known = Array.isArray(SHARED_FILES) ? new Set(SHARED_FILES.map(abs)) : null;
const index = new Set((Array.isArray(INDEX) ? INDEX : []).map(abs));
// The widgets' demo pages (lists unfilled): any page in scope may be kept.
const listed = typeof SCHOOLS === "object";
const runtime = new Set((Array.isArray(PRECACHE) ? PRECACHE : []).map(abs));
// "postal/44.<hash>.json" and "pyodide-<hash>/x" name the same file in every build.
const logical = (url) => url.replace(/\/pyodide-[0-9a-f]+\//, "/pyodide/").replace(/\.[0-9a-f]{10}\.(\w+)$/, ".$1");
const renamed = new Map([...(known || [])].map((url) => [logical(url), url]));

function schoolOf(url) {
  for (const slug of Object.keys(schools)) if (url.startsWith(SCOPE.href + slug + "/")) return slug;
  return null;
}

// Only this build's files: its schools' and index's pages and its own hashed _shared/ files.
function storable(url) {
  if (url.endsWith(".xz")) return false;
  if (url.startsWith(SHARED)) return known ? known.has(url) : true;
  if (!listed || index.has(url)) return listed || url.startsWith(SCOPE.href);
  const slug = schoolOf(url);
  return !!slug && schools[slug].has(url);
}

// A copy worth keeping, or null: a cut or empty download is never stored.
async function complete(response) {
  if (!response || response.status !== 200 || response.type === "opaque") return null;
  let body;
  try {
    body = await response.arrayBuffer();
  } catch (error) {
    return null; // the connection dropped mid-body
  }
  const length = response.headers.get("Content-Length");
  const encoding = response.headers.get("Content-Encoding");
  if (!body.byteLength) return null;
  // With gzip, Content-Length counts the compressed bytes; the decoder itself fails on a cut stream.
  if (length !== null && (!encoding || encoding === "identity") && Number(length) !== body.byteLength) return null;
  return new Response(body, { status: 200, statusText: response.statusText, headers: response.headers });
}

async function store(cache, url, init) {
  const copy = await complete(await fetch(url, init));
  if (!copy) throw new Error("incomplete " + url);
  await cache.put(url, copy);
}

// A file the worker decoded from its .xz copy, moved into `cache`; or null.
async function takeDecoded(cache, url) {
  if (!(await caches.has(DECODED))) return null;
  const decoded = await caches.open(DECODED);
  const hit = await decoded.match(url);
  if (!hit) return null;
  await cache.put(url, hit);
  await decoded.delete(url);
  return cache.match(url);
}

async function missing(cache, urls) {
  const hits = await Promise.all([...urls].map((u) => cache.match(u)));
  return [...urls].filter((u, i) => !hits[i]);
}

// Keep every page of a school; a page that fails is tried again on the next visit.
async function keepSchool(slug) {
  if (!schools[slug]) return;
  const cache = await caches.open(CACHE);
  // no-cache: revalidated, so a bad copy in the HTTP cache is not taken again
  await Promise.allSettled((await missing(cache, schools[slug])).map((u) => store(cache, u, { cache: "no-cache" })));
}

async function keepUrls(urls) {
  const cache = await caches.open(CACHE);
  const wanted = urls.map((u) => new URL(u, SCOPE)).filter((u) => u.origin === SCOPE.origin && !u.search)
    .map((u) => u.href).filter(storable);
  const todo = new Set(await missing(cache, wanted));
  // (a decoded copy replaces one the Service Worker fetched meanwhile: it is not left behind)
  await Promise.allSettled(wanted.map(async (u) => (await takeDecoded(cache, u)) || (todo.has(u) && store(cache, u))));
}

// What the student had in older builds' caches, brought into this one.
// With `strict`, any failure rejects (the install fails and the old worker stays).
async function carryOver(strict) {
  const cache = await caches.open(CACHE);
  const olds = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
  const kept = new Set();
  const fetchAnew = new Set();
  for (const name of olds) {
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const url = request.url;
      if (!url.startsWith(SHARED)) {
        const slug = schoolOf(url);
        if (slug) kept.add(slug);
        else if (index.has(url)) fetchAnew.add(url);
      } else if (storable(url)) {
        if (!(await cache.match(url))) await cache.put(url, await old.match(request));
      } else {
        const next = renamed.get(logical(url));
        if (next && !runtime.has(next)) fetchAnew.add(next);
      }
    }
  }
  const pages = [];
  for (const slug of kept) pages.push(...schools[slug]);
  const todo = [
    ...(await missing(cache, pages)).map((u) => store(cache, u, { cache: "no-cache" })),
    ...(await missing(cache, fetchAnew)).map((u) => store(cache, u)),
  ];
  const results = await Promise.allSettled(todo);
  const failed = results.some((r) => r.status === "rejected");
  if (failed && strict) throw new Error("carry-over incomplete");
  return { olds, failed };
}

self.addEventListener("install", (event) => {
  event.waitUntil(carryOver(true).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // Again, for what an older worker stored while this one was installing.
  // An old cache whose pages could not all be carried over stays as a fallback.
  event.waitUntil(
    carryOver(false)
      .then(({ olds, failed }) => (failed ? null : Promise.all(olds.map((k) => caches.delete(k)))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const newest = self.registration.installing || self.registration.waiting;
  // One hop at most: a newer worker keeps what an older one was asked for (its cache survives).
  if (newest && !data.from && newest !== self.serviceWorker) {
    newest.postMessage({ ...data, from: VERSION });
    return;
  }
  if (data.type === "school" && typeof data.school === "string") {
    event.waitUntil(keepSchool(data.school));
  } else if (data.type === "cache" && Array.isArray(data.urls)) {
    event.waitUntil(keepUrls(data.urls));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  // Query strings are never stored (they could hold a search term).
  const key = url.origin + url.pathname;
  if (key.startsWith(SHARED)) {
    if (!url.search) event.respondWith(cacheFirst(event, request, key));
  } else if (!url.search || request.mode === "navigate") {
    event.respondWith(networkFirst(event, request, key, !url.search));
  }
});

async function cacheFirst(event, request, key) {
  const cache = await caches.open(CACHE);
  const hit = (await cache.match(key)) || (storable(key) && (await takeDecoded(cache, key)));
  if (hit) return hit;
  const response = await fetch(request);
  if (response.status === 200 && storable(key)) {
    event.waitUntil(complete(response.clone()).then((copy) => copy && cache.put(key, copy)));
  }
  return response;
}

async function networkFirst(event, request, key, keep) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (keep && response.status === 200 && storable(key) && (await cache.match(key, { ignoreVary: true }))) {
      event.waitUntil(complete(response.clone()).then((copy) => copy && cache.put(key, copy)));
    }
    return response;
  } catch (error) {
    // This build's copy first; an older build's (kept when a carry-over failed) is better than nothing.
    const hit = (await cache.match(key, { ignoreVary: true })) || (await caches.match(key, { ignoreVary: true }));
    if (hit) return hit;
    throw error;
  }
}
