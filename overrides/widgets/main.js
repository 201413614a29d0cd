// @ts-check
// Guía NSS – the widgets' entry module (ES modules, no framework).
//
// The page is server-rendered and readable without this script.  This module
// finds every [data-checker] / [data-checker-batch] box and brings each to
// life on its own: a box whose set-up throws shows its fallback and the
// others still work.  Python (one dedicated Web Worker, python.js) starts
// only when the student focuses or types in a box -- no byte of Pyodide is
// spent unasked -- except on Wi-Fi or ethernet without Save-Data, where it is
// prefetched when the page is idle, and on a later visit (Python's files
// already in this phone, so starting spends no data), where it starts as soon
// as a box is on screen unless Save-Data is on.  Until then each box says how
// big the one-time download is.

import CONFIG from "./config.js";
import { el } from "./dom.js";
import { PythonClient, alreadyDownloaded } from "./python.js";
import { cacheLater, cacheThisPage } from "./sw-client.js";
import { TEXT } from "./text.js";
import { Widget } from "./widget.js";
import { BatchWidget } from "./batch.js";

/** Test hooks: a shorter stall timer; snapshots off. */
const hooks = /** @type { {guiaWidgetsStallMs?: number, guiaWidgetsSnapshots?: boolean }} */ (/** @type {unknown} */ (window));

/** @typedef { {type?: string, saveData?: boolean }} Connection */

function connection() {
  return /** @type {Connection | undefined} */ (/** @type {any} */ (navigator).connection);
}

/** Wi-Fi or ethernet, and the student did not ask to save data. */
function unmetered() {
  const c = connection();
  return !!c && (c.type === "wifi" || c.type === "ethernet") && !c.saveData;
}

// "Nearly on screen": within half a screen's height of it.
const NEAR = 0.5;

/**
 * A later visit: start Python once a box is on screen (or nearly), which
 * costs no data since its files are in this phone.  Not with Save-Data.
 * @param {PythonClient} python @param {HTMLElement[]} roots @param {Promise<boolean>} downloaded
 */
function startWhenSeen(python, roots, downloaded) {
  if (connection()?.saveData || typeof IntersectionObserver !== "function") return;
  downloaded.then((have) => {
    if (!have || python.phase !== "off") return;
    // Already on screen: now (an observer would first wait for the next frame).
    const margin = innerHeight * NEAR;
    const near = (/** @type {HTMLElement} */ r) => {
      const box = r.getBoundingClientRect();
      return box.bottom > -margin && box.top < innerHeight + margin;
    };
    if (roots.some(near)) {
      python.start();
      return;
    }
    const seen = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        seen.disconnect();
        python.start();
      },
      { rootMargin: `${NEAR * 100}% 0px` },
    );
    for (const root of roots) seen.observe(root);
  });
}

/** @param {HTMLElement} root @param {unknown} error */
function showBroken(root, error) {
  console.error("guia widget:", error);
  let status = root.querySelector('[role="status"]');
  if (!(status instanceof HTMLElement)) {
    status = el("p", { class: "guia-widget__status", role: "status", "aria-live": "polite" });
    root.append(status);
  }
  const s = /** @type {HTMLElement} */ (status);
  s.dataset.state = "error";
  s.textContent = TEXT.fallback.broken;
  root.dataset.state = "error";
  root.classList.add("guia-widget--fallback");
}

/** @param {(Widget | BatchWidget)[]} widgets @param {Promise<boolean>} downloaded */
async function announceDownload(widgets, downloaded) {
  if (!CONFIG.downloadBytes || (await downloaded)) return [];
  const notes = [];
  for (const w of widgets) {
    const bytes = CONFIG.downloadBytes + (w instanceof BatchWidget ? CONFIG.extraBytes : 0);
    const note = el("p", { class: "guia-widget__download", "data-guia-download-size": true }, TEXT.download(bytes, w instanceof BatchWidget));
    w.status.after(note);
    notes.push(note);
  }
  return notes;
}

function init() {
  const python = new PythonClient({
    stallMs: Number(hooks.guiaWidgetsStallMs) || 45000,
    snapshots: hooks.guiaWidgetsSnapshots !== false,
    onFetched: (urls) => cacheLater(urls),
  });
  /** @type {(Widget | BatchWidget)[]} */
  const widgets = [];
  const page = { python, widgets };
  for (const node of document.querySelectorAll("[data-checker], [data-checker-batch]")) {
    const root = /** @type {HTMLElement} */ (node);
    try {
      const widget = root.hasAttribute("data-checker-batch") ? new BatchWidget(root, page) : new Widget(root, page);
      widgets.push(widget);
      python.subscribe(widget);
    } catch (error) {
      showBroken(root, error);
    }
  }
  if (!widgets.length) return;
  const downloaded = alreadyDownloaded();
  const notes = announceDownload(widgets, downloaded);
  python.subscribe({
    onPhase: () => {
      if (python.phase === "ready" || python.phase === "error") notes.then((list) => list.forEach((n) => n.remove()));
    },
  });
  python.onReady.push(() => {
    // The Service Worker is registered site-wide (assets/javascripts/offline.js).
    cacheThisPage();
  });
  if (unmetered()) {
    const idle = /** @type {any} */ (window).requestIdleCallback || ((/** @type {() => void} */ f) => setTimeout(f, 1000));
    idle(() => python.start(), { timeout: 5000 });
  }
  startWhenSeen(python, widgets.map((w) => w.root), downloaded);
  // Text typed before this module ran (slow connection) still gets its verdict.
  for (const w of widgets) if (w instanceof Widget && w.input.value.trim()) w.onInput();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
