// Guía NSS – CURP, NSS and postal-code widgets (ES module, no framework).
//
// The page is server-rendered and readable without this script.  This module
// finds every [data-checker] widget, and starts ONE dedicated Web Worker (which
// runs Pyodide and the unchanged checker) only when a widget scrolls into view
// or takes focus -- never on page load, and with Save-Data only on focus or
// typing.  Until the worker is ready the widget says it is preparing the check
// (with progress) and keeps what was typed; the verdict appears as soon as it
// can.  If WebAssembly is missing or the load fails or stalls, the widget says
// so in Spanish and points to the official pages.
//
// Privacy: what the student types goes only to the worker by postMessage.  It
// is never put in a URL, a request body, localStorage, IndexedDB or a cookie.
//
// shared_assets.py replaces the next line with the build's file names.
const CONFIG = "__CONFIG__";

// No progress for this long: give up and show the fallback (tests shorten it).
const STALL_MS = Number(window.guiaWidgetsStallMs) || 45000;
const WORKER_URL = new URL(CONFIG.worker, import.meta.url);
const SW_URL = new URL(CONFIG.sw, import.meta.url);

const KIND_NAMES = { curp: "tu CURP", nss: "tu NSS", cp: "tu código postal" };
const TEXT = {
  loading: (percent) =>
    "Preparando la revisión en tu teléfono" + (percent != null ? ` (${percent} %)` : "") + "…",
  loadingTyped: (kind, percent) =>
    `Preparando la revisión${percent != null ? ` (${percent} %)` : ""}; revisaré ${KIND_NAMES[kind] || "el dato"} en cuanto esté lista.`,
  starting: "Casi listo: iniciando la revisión…",
  ready: {
    curp: "Listo. Escribe tu CURP (18 caracteres) y te diré si está bien escrita.",
    nss: "Listo. Escribe tu NSS (11 dígitos) y te diré si está bien escrito.",
    cp: "Listo. Escribe tu código postal (5 dígitos) y te diré a qué lugar corresponde.",
    batch: "Listo. Elige el archivo CSV de tu lista.",
  },
  fallback: {
    nowasm: "Tu navegador no puede ejecutar la revisión en el teléfono (le falta WebAssembly). Puedes revisar tu dato en las páginas oficiales de abajo.",
    failed: "No pude preparar la revisión (falló la descarga o el navegador la detuvo). Revisa tu conexión y recarga la página, o consulta las páginas oficiales de abajo.",
    stalled: "La revisión está tardando demasiado en prepararse. Revisa tu conexión y recarga la página, o consulta las páginas oficiales de abajo.",
  },
  checkerError: "No pude revisar este dato por un error interno. Consulta las páginas oficiales de abajo.",
};

const saveData = !!(navigator.connection && navigator.connection.saveData);
let worker = null;
let phase = "off"; // off | loading | ready | error
let failure = null;
let lastPercent = null;
let nextId = 1;
const waiting = new Map(); // id -> resolve
const widgets = [];
let stallTimer = null;

function armStall() {
  clearTimeout(stallTimer);
  stallTimer = setTimeout(() => fail("stalled"), STALL_MS);
}

function fail(reason) {
  if (phase === "error" || phase === "ready") return;
  phase = "error";
  failure = TEXT.fallback[reason] ? reason : "failed";
  clearTimeout(stallTimer);
  if (worker) worker.terminate();
  worker = null;
  for (const [, resolve] of waiting) resolve({ error: "failed" });
  waiting.clear();
  for (const w of widgets) w.onPhase();
}

function start() {
  if (phase !== "off") return;
  phase = "loading";
  performance.mark("guia:start");
  if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
    phase = "off";
    fail("nowasm");
    return;
  }
  for (const w of widgets) w.onPhase();
  try {
    worker = new Worker(WORKER_URL, { type: "module", name: "guia-checker" });
  } catch (error) {
    fail("failed");
    return;
  }
  armStall();
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "progress") {
      armStall();
      if (m.stage === "start") lastPercent = "start";
      else if (m.percent != null && (lastPercent == null || lastPercent === "start" || m.percent - lastPercent >= 10 || m.percent < lastPercent)) lastPercent = m.percent;
      else return;
      for (const w of widgets) w.onPhase();
    } else if (m.type === "ready") {
      clearTimeout(stallTimer);
      phase = "ready";
      performance.mark("guia:ready", { detail: { worker: m.ms, phases: m.phases } });
      for (const w of widgets) w.onPhase();
      registerServiceWorker();
    } else if (m.type === "failed") {
      fail(m.reason === "nowasm" ? "nowasm" : "failed");
    } else if (m.type === "fetched") {
      cacheLater([m.url]);
    } else if (m.type === "result") {
      const resolve = waiting.get(m.id);
      waiting.delete(m.id);
      if (resolve) resolve(m.result);
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail("failed");
  };
  worker.postMessage({ type: "start" });
}

function ask(message) {
  start();
  if (phase === "error" || !worker) return Promise.resolve({ error: "failed" });
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker.postMessage({ ...message, id });
  });
}

// ---------------------------------------------------------------- caching
// After the first successful start the Service Worker (sw.js at the site root)
// keeps Pyodide, the checker and the data, so repeat and offline visits make
// no request for them.  The page and its own CSS/JS are cached too, so the
// page reloads in airplane mode.  Query strings and fragments are never cached
// or sent (they could hold a search term).
const toCache = new Set();
let swReady = null;

function cacheLater(urls) {
  for (const u of urls) {
    const url = new URL(u, location.href);
    if (url.origin !== location.origin) continue;
    url.search = "";
    url.hash = "";
    toCache.add(url.href);
  }
  if (swReady) swReady.then(flushCache);
}

function flushCache(registration) {
  const target = registration && (registration.active || registration.waiting || registration.installing);
  if (!target || !toCache.size) return;
  target.postMessage({ type: "cache", urls: [...toCache] });
  toCache.clear();
}

function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const urls = [location.href];
  for (const entry of performance.getEntriesByType("resource")) urls.push(entry.name);
  cacheLater(urls);
  swReady = navigator.serviceWorker
    .register(SW_URL, { scope: new URL("./", SW_URL).pathname })
    .then(() => navigator.serviceWorker.ready)
    .catch(() => null);
  swReady.then(flushCache);
}

// ---------------------------------------------------------------- helpers
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function compactFor(kind, value) {
  if (kind === "curp") return value.trim().replace(/[\s\-_]/g, "").toUpperCase().normalize("NFC");
  return value.trim().replace(/[\s\-\u00a0]/g, "");
}

function uniqueIds(root) {
  for (const node of root.querySelectorAll("[id]")) {
    if (document.querySelectorAll(`[id="${CSS.escape(node.id)}"]`).length < 2) continue;
    const old = node.id;
    let n = 2;
    while (document.getElementById(`${old}-${n}`)) n++;
    node.id = `${old}-${n}`;
    for (const ref of root.querySelectorAll(`[for="${CSS.escape(old)}"]`)) ref.htmlFor = node.id;
    for (const ref of root.querySelectorAll("[aria-describedby]")) {
      ref.setAttribute("aria-describedby", ref.getAttribute("aria-describedby").split(" ").map((t) => (t === old ? node.id : t)).join(" "));
    }
  }
}

// ---------------------------------------------------------------- widgets
class Widget {
  constructor(root) {
    this.root = root;
    this.kind = root.dataset.checker;
    uniqueIds(root.parentElement);
    this.input = root.querySelector("input[data-guia-input]");
    this.status = root.querySelector('[role="status"]');
    this.details = root.querySelector("[data-guia-details]");
    this.echo = root.querySelector("[data-guia-echo]");
    this.sent = null; // value of the request in flight
    this.shown = null; // value whose verdict is on screen
    this.busy = false;
    this.input.addEventListener("input", () => this.onInput());
    this.input.addEventListener("focus", start);
    root.parentElement.addEventListener("focusin", start);
    if (this.kind === "curp") this.setupCompare();
    root.classList.add("guia-widget--js");
  }

  setState(state, message) {
    if (this.status.dataset.state !== state) this.status.dataset.state = state;
    if (this.status.textContent !== message) this.status.textContent = message;
    this.root.dataset.state = state;
  }

  onPhase() {
    const value = this.input.value;
    if (phase === "error") {
      this.setState("error", TEXT.fallback[failure]);
      this.clearDetails();
      this.root.classList.add("guia-widget--fallback");
    } else if (phase === "loading") {
      if (lastPercent === "start") this.setState("loading", TEXT.starting);
      else if (value.trim()) this.setState("loading", TEXT.loadingTyped(this.kind, lastPercent));
      else this.setState("loading", TEXT.loading(lastPercent));
    } else if (phase === "ready") {
      if (!value.trim()) this.setState("idle", TEXT.ready[this.kind]);
      else this.check();
    }
  }

  onInput() {
    start();
    if (phase === "ready") this.check();
    else this.onPhase();
    if (this.kind === "curp") for (const w of widgets) if (w.kind === "nss" && w.input.value.trim()) w.check(true);
  }

  pageCurp() {
    const curpWidget = widgets.find((w) => w.kind === "curp" && w.input.value.trim());
    return curpWidget ? curpWidget.input.value : null;
  }

  async check(force) {
    const value = this.input.value;
    if (!value.trim()) {
      this.shown = value;
      this.clearDetails();
      if (phase === "ready") this.setState("idle", TEXT.ready[this.kind]);
      else this.onPhase();
      return;
    }
    if (this.busy) {
      this.again = true;
      return;
    }
    if (!force && value === this.shown) return;
    this.busy = true;
    this.again = false;
    const t0 = performance.now();
    const curp = this.kind === "nss" ? this.pageCurp() : null;
    const answer = await ask({ type: "describe", kind: this.kind, value, curp });
    this.busy = false;
    if (this.input.value === value) {
      this.render(value, answer);
      this.shown = value;
      this.root.dataset.latency = String(Math.round(performance.now() - t0));
      this.root.dataset.verdicts = String(Number(this.root.dataset.verdicts || 0) + 1);
      if (!performance.getEntriesByName("guia:first-verdict").length) performance.mark("guia:first-verdict");
    }
    if (this.again || this.input.value !== value) this.check(true);
  }

  clearDetails() {
    if (this.details) {
      this.details.replaceChildren();
      this.details.hidden = true;
    }
    if (this.echo) {
      this.echo.replaceChildren();
      this.echo.hidden = true;
    }
    this.input.removeAttribute("aria-invalid");
  }

  render(value, answer) {
    this.clearDetails();
    if (!answer || answer.error) {
      if (answer && answer.error === "failed") return this.onPhase();
      this.setState("error", (answer && answer.message) || TEXT.checkerError);
      return;
    }
    const r = answer.ok;
    this.setState(r.state, r.message);
    if (r.state === "invalid") this.input.setAttribute("aria-invalid", "true");
    if (r.position != null && r.state !== "valid") this.showPosition(typeof r.value === "string" ? r.value : compactFor(this.kind, value), r.position);
    const blocks = [];
    if (r.warnings && r.warnings.length && r.state !== "invalid") {
      blocks.push(el("ul", { class: "guia-widget__warnings" }, r.warnings.map((w) => el("li", {}, w.message || String(w)))));
    }
    const ok = r.state === "valid" || r.state === "warning";
    if (ok && this.kind === "curp" && r.parts) blocks.push(this.curpParts(r.parts));
    else if (ok && this.kind === "cp" && r.parts) blocks.push(this.cpRecord(r.parts, r.catalogue_date));
    else if (ok && r.details && r.details.length) {
      blocks.push(el("ul", { class: "guia-widget__facts-list" }, r.details.map((d) => el("li", {}, d))));
    }
    if (ok && r.notes && r.notes.length) {
      blocks.push(...r.notes.map((n) => el("p", { class: "guia-widget__note" }, n)));
    }
    if (blocks.length && this.details) {
      this.details.replaceChildren(...blocks);
      this.details.hidden = false;
    }
  }

  showPosition(compact, position) {
    if (!this.echo) return;
    if (position < 0 || position > compact.length) return;
    const chars = [...compact];
    const before = chars.slice(0, position).join("");
    const bad = position < chars.length ? chars[position] : "\u00a0";
    const after = chars.slice(position + 1).join("");
    this.echo.replaceChildren(
      el("span", { class: "guia-widget__echo-label" }, `Carácter ${position + 1}: `),
      el("span", { class: "guia-widget__echo-value", translate: "no" }, before, el("mark", {}, bad), after),
    );
    this.echo.hidden = false;
  }

  curpParts(p) {
    const rows = [
      ["Fecha de nacimiento", p.birth_date_text || p.birth_date],
      ["Sexo", p.sex_name || p.sex],
      ["Entidad de nacimiento", p.state_name || p.state],
    ].filter(([, v]) => v);
    return el("dl", { class: "guia-widget__facts" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  }

  cpRecord(rec, date) {
    const municipalities = (rec.municipalities || []).join(", ");
    const rows = [
      ["Estado", rec.state],
      [(rec.municipalities || []).length > 1 ? "Municipios" : "Municipio", municipalities],
      ["Ciudad", rec.city],
    ].filter(([, v]) => v);
    const settlements = rec.settlements || [];
    const out = [el("dl", { class: "guia-widget__facts" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]))];
    if (settlements.length) {
      const listId = `${this.input.id}-colonias`;
      out.push(
        el("p", { class: "guia-widget__list-title", id: listId },
          settlements.length === 1 ? "La colonia que ofrecerá el formulario:" : `Las ${settlements.length} colonias que ofrecerá el formulario:`),
        el("ul", { class: "guia-widget__list", tabindex: settlements.length > 8 ? "0" : null, "aria-labelledby": listId },
          settlements.map((s) => {
            const [name, type] = Array.isArray(s) ? s : [s.name || String(s), s.type || ""];
            return el("li", {}, name, type ? el("span", { class: "guia-widget__type" }, ` (${type})`) : null);
          })),
      );
    }
    if (rec.catalogue) out.push(el("p", { class: "guia-widget__note" }, `Catálogo de códigos postales ${rec.catalogue}.`));
    else if (date) out.push(el("p", { class: "guia-widget__note" }, `Catálogo de códigos postales con fecha ${date}.`));
    return el("div", {}, out);
  }

  setupCompare() {
    const box = this.root.parentElement.querySelector("[data-guia-compare]");
    if (!box) return;
    const button = box.querySelector("button");
    const out = box.querySelector("[data-guia-compare-result]");
    button.addEventListener("click", async () => {
      const value = this.input.value;
      if (!compactFor("curp", value)) {
        out.textContent = "Primero escribe tu CURP en el recuadro de arriba.";
        return;
      }
      const fields = {};
      for (const field of box.querySelectorAll("[data-field]")) fields[field.dataset.field] = field.value.trim();
      if (!Object.values(fields).some(Boolean)) {
        out.textContent = "Llena al menos uno de tus datos para compararlo.";
        return;
      }
      out.textContent = phase === "ready" ? "Comparando…" : TEXT.loading(typeof lastPercent === "number" ? lastPercent : null);
      const answer = await ask({ type: "compare", value, fields });
      if (!answer || answer.error) {
        out.textContent = answer && answer.error === "failed" ? TEXT.fallback[failure || "failed"] : (answer && answer.message) || TEXT.checkerError;
        return;
      }
      const list = answer.ok || [];
      if (!list.length) {
        out.replaceChildren(el("p", { class: "guia-widget__ok" }, "Tu CURP coincide con los datos que escribiste."));
        return;
      }
      out.replaceChildren(
        el("p", {}, list.length === 1 ? "Encontré 1 diferencia:" : `Encontré ${list.length} diferencias:`),
        el("ul", { class: "guia-widget__mismatches" }, list.map((m) => el("li", {}, m.message))),
      );
    });
  }
}

// ---------------------------------------------------------------- batch page
class BatchWidget {
  constructor(root) {
    this.root = root;
    this.kind = "batch";
    this.input = root.querySelector("input[type=file]");
    this.status = root.querySelector('[role="status"]');
    this.output = root.querySelector("[data-guia-batch-output]");
    this.input.addEventListener("focus", start);
    this.input.addEventListener("change", () => this.run());
    root.classList.add("guia-widget--js");
  }

  setState(state, message) {
    this.status.dataset.state = state;
    this.status.textContent = message;
    this.root.dataset.state = state;
  }

  onPhase() {
    if (phase === "error") this.setState("error", TEXT.fallback[failure]);
    else if (phase === "loading") this.setState("loading", lastPercent === "start" ? TEXT.starting : TEXT.loading(typeof lastPercent === "number" ? lastPercent : null));
    else if (phase === "ready" && !this.busy) this.setState("idle", TEXT.ready.batch);
  }

  async run() {
    const file = this.input.files && this.input.files[0];
    if (!file) return;
    start();
    this.busy = true;
    this.output.replaceChildren();
    this.output.hidden = true;
    this.setState("loading", phase === "ready" ? `Revisando ${file.name}…` : TEXT.loading(typeof lastPercent === "number" ? lastPercent : null));
    const data = new Uint8Array(await file.arrayBuffer());
    const answer = await ask({ type: "batch", data, name: file.name });
    this.busy = false;
    if (!answer || answer.error) {
      if (answer && answer.error === "failed") return this.onPhase();
      this.setState("error", (answer && answer.message) || TEXT.checkerError);
      return;
    }
    const { report, status } = answer.ok;
    const lines = report.replace(/\n$/, "").split("\n");
    const at = lines.lastIndexOf("Resumen");
    const summary = at >= 0 ? lines.slice(at + 1) : lines.slice(-6);
    const verdict = summary[summary.length - 1] || "";
    this.setState(status === 0 ? "valid" : status === 1 ? "invalid" : "error", verdict);
    const blob = new Blob([report], { type: "text/plain;charset=utf-8" });
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = URL.createObjectURL(blob);
    const base = file.name.replace(/\.[^.]*$/, "") || "lista";
    this.output.replaceChildren(
      el("pre", { class: "guia-widget__summary", "data-guia-summary": true }, summary.slice(0, -1).map((l) => l.trim()).join("\n")),
      el("p", {}, el("a", { href: this.blobUrl, download: `${base}-reporte.txt`, class: "md-button md-button--primary", "data-guia-download": true }, "Descargar el reporte")),
      el("details", {}, el("summary", {}, "Ver el reporte completo"), el("pre", { class: "guia-widget__report", tabindex: "0", "data-guia-report": true }, report)),
    );
    this.output.hidden = false;
  }
}

function init() {
  for (let i = widgets.length - 1; i >= 0; i--) if (!widgets[i].root.isConnected) widgets.splice(i, 1);
  const roots = document.querySelectorAll("[data-checker], [data-checker-batch]");
  if (!roots.length) return;
  for (const root of roots) {
    if (root.dataset.guiaReady) continue;
    root.dataset.guiaReady = "1";
    widgets.push(root.hasAttribute("data-checker-batch") ? new BatchWidget(root) : new Widget(root));
  }
  if (!saveData && "IntersectionObserver" in window) {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        start();
      }
    }, { rootMargin: "200px 0px" });
    for (const w of widgets) observer.observe(w.root);
  }
  // Text typed before this module ran (slow connection) still gets its verdict.
  for (const w of widgets) if (w.input && w.input.type !== "file" && w.input.value.trim()) w.onInput();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();

// Material's instant navigation swaps the page without reloading this module.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(() => init());
