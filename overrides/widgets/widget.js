// @ts-check
// One CURP, NSS or postal-code box: sends what is typed to Python (the latest
// value wins, no keystroke lost) and shows the checker's verdict.

import { el, compactFor, uniqueIds } from "./dom.js";
import { TEXT } from "./text.js";
import { setupCompare } from "./compare.js";

/** @typedef {import("./python.js").PythonClient} PythonClient */
/** @typedef {import("./python.js").Answer} Answer */
/** @typedef { {python: PythonClient, widgets: Array<{ kind: string, input: HTMLInputElement | null, check?: (force?: boolean) => void }> }} PageState */

/** @param {HTMLElement} status @param {HTMLElement} root @param {string} state @param {string} message */
export function showState(root, status, state, message) {
  // Only what changed is written: an unchanged attribute or text still costs
  // the next frame a style pass, and the live region would repeat itself.
  if (status.dataset.state !== state) status.dataset.state = state;
  if (status.textContent !== message) status.textContent = message;
  if (root.dataset.state !== state) root.dataset.state = state;
}

// Whether any box of this page has shown a verdict (the bench's mark).
let firstVerdict = false;

export class Widget {
  /** @param {HTMLElement} root the [data-checker] element @param {PageState} page */
  constructor(root, page) {
    this.root = root;
    this.page = page;
    this.python = page.python;
    this.kind = root.dataset.checker || "";
    const card = root.parentElement || root;
    uniqueIds(card);
    const input = root.querySelector("input[data-guia-input]");
    const status = root.querySelector('[role="status"]');
    if (!(input instanceof HTMLInputElement) || !(status instanceof HTMLElement)) throw new Error("widget sin input o status");
    this.input = input;
    this.status = status;
    this.details = /** @type {HTMLElement | null} */ (root.querySelector("[data-guia-details]"));
    this.echo = /** @type {HTMLElement | null} */ (root.querySelector("[data-guia-echo]"));
    /** @type {string | null} value whose verdict is on screen */
    this.shown = null;
    /** what the details and echo boxes show now ("" = empty), to rebuild them only when it changes */
    this.detailsKey = "";
    this.echoKey = "";
    this.busy = false;
    /** @type {string | null} the value of the question in flight */
    this.asking = null;
    this.again = false;
    const start = () => this.python.start();
    input.addEventListener("input", () => this.onInput());
    card.addEventListener("focusin", start);
    if (this.kind === "curp") setupCompare(card, this);
    root.classList.add("guia-widget--js");
  }

  /** @param {string} state @param {string} message */
  setState(state, message) {
    showState(this.root, this.status, state, message);
  }

  onPhase() {
    const { phase, failure, percent } = this.python;
    const value = this.input.value;
    if (phase === "error") {
      this.setState("error", TEXT.fallback[failure || "failed"]);
      this.clearDetails();
      this.root.classList.add("guia-widget--fallback");
    } else if (phase === "loading") {
      if (percent === "start") this.setState("loading", TEXT.starting);
      else if (value.trim()) this.setState("loading", TEXT.loadingTyped(this.kind, this.python.percentNumber()));
      else this.setState("loading", TEXT.loading(this.python.percentNumber()));
    } else if (phase === "ready") {
      if (!value.trim()) this.setState("idle", TEXT.ready[this.kind]);
      else this.check();
    }
  }

  onInput() {
    this.python.start();
    if (this.python.phase !== "ready") this.onPhase(); // "loading…" until the answer
    // Asked now even while Python starts: the worker answers as soon as it is
    // up, without waiting for this page to hear "ready" and ask back.
    if (this.python.phase !== "error") this.check();
    // The NSS is cross-checked against a CURP typed on the same page.
    if (this.kind === "curp") {
      for (const w of this.page.widgets) if (w.kind === "nss" && w.input && w.input.value.trim() && w.check) w.check(true);
    }
  }

  /** The CURP typed in a CURP box of this page, if any. */
  pageCurp() {
    const curp = this.page.widgets.find((w) => w.kind === "curp" && w.input && w.input.value.trim());
    return curp && curp.input ? curp.input.value : null;
  }

  /** @param {boolean} [force] ask again even if this value is on screen */
  async check(force) {
    const value = this.input.value;
    if (!value.trim()) {
      this.shown = value;
      this.clearDetails();
      if (this.python.phase === "ready") this.setState("idle", TEXT.ready[this.kind]);
      else this.onPhase();
      return;
    }
    if (this.busy) {
      // "ready" re-checks every box: the question already asked still stands
      if (force || value !== this.asking) this.again = true;
      return;
    }
    if (!force && value === this.shown) return;
    this.busy = true;
    this.asking = value;
    this.again = false;
    const t0 = performance.now();
    const curp = this.kind === "nss" ? this.pageCurp() : null;
    const answer = await this.python.ask({ type: "describe", kind: this.kind, value, curp });
    this.busy = false;
    if (this.input.value === value) {
      this.render(value, answer);
      this.shown = answer && answer.retry ? null : value;
      this.root.dataset.latency = String(Math.round(performance.now() - t0));
      this.root.dataset.verdicts = String(Number(this.root.dataset.verdicts || 0) + 1);
      if (!firstVerdict) {
        firstVerdict = true;
        performance.mark("guia:first-verdict");
      }
    }
    if (this.again || this.input.value !== value) this.check(true);
  }

  clearDetails() {
    this.showEcho("", null);
    this.showDetails("", () => []);
    this.setInvalid(false);
  }

  /** @param {boolean} invalid */
  setInvalid(invalid) {
    if (invalid === this.input.hasAttribute("aria-invalid")) return;
    if (invalid) this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
  }

  /**
   * Fill the details box, unless it already shows `key` (then nothing is rebuilt).
   * @param {string} key @param {() => HTMLElement[]} build
   */
  showDetails(key, build) {
    if (key === this.detailsKey || !this.details) return;
    this.detailsKey = key;
    const blocks = key ? build() : [];
    this.details.replaceChildren(...blocks);
    this.details.hidden = !blocks.length;
  }

  /**
   * The compacted value with the bad character marked, unless already shown.
   * @param {string} compact @param {number | null} position null: no echo
   */
  showEcho(compact, position) {
    if (!this.echo) return;
    const ok = position != null && position >= 0 && position <= compact.length;
    const key = ok ? `${position}:${compact}` : "";
    if (key === this.echoKey) return;
    this.echoKey = key;
    if (!ok) {
      this.echo.replaceChildren();
      this.echo.hidden = true;
      return;
    }
    const chars = [...compact];
    const before = chars.slice(0, position).join("");
    const bad = position < chars.length ? chars[position] : "\u00a0";
    const after = chars.slice(position + 1).join("");
    this.echo.replaceChildren(
      el("span", { class: "guia-widget__echo-label" }, TEXT.character(position + 1)),
      el("span", { class: "guia-widget__echo-value", translate: "no" }, before, el("mark", {}, bad), after),
    );
    this.echo.hidden = false;
  }

  /** @param {string} value @param {Answer} answer */
  render(value, answer) {
    if (!answer || answer.error) {
      this.clearDetails();
      if (answer && answer.error === "failed") return this.onPhase();
      this.setState("error", (answer && answer.message) || TEXT.checkerError);
      return;
    }
    const r = answer.ok;
    this.setState(r.state, r.message);
    this.setInvalid(r.state === "invalid");
    if (r.position != null && r.state !== "valid") {
      this.showEcho(typeof r.value === "string" ? r.value : compactFor(this.kind, value), r.position);
    } else this.showEcho("", null);
    const ok = r.state === "valid" || r.state === "warning";
    const warnings = r.warnings && r.warnings.length && r.state !== "invalid" ? r.warnings : null;
    // Everything the blocks below are made of; most keystrokes show none.
    const shown = [warnings, ok && r.parts, ok && r.catalogue_date, ok && r.details, ok && r.notes];
    const key = shown.some((x) => x && (!Array.isArray(x) || x.length)) ? JSON.stringify(shown) : "";
    this.showDetails(key, () => this.detailBlocks(r, warnings, ok));
  }

  /** @param {any} r the verdict @param {any[] | null} warnings @param {boolean} ok */
  detailBlocks(r, warnings, ok) {
    /** @type {HTMLElement[]} */
    const blocks = [];
    if (warnings) {
      blocks.push(el("ul", { class: "guia-widget__warnings" }, warnings.map((/** @type {any} */ w) => el("li", {}, w.message || String(w)))));
    }
    if (ok && this.kind === "curp" && r.parts) blocks.push(curpParts(r.parts));
    else if (ok && this.kind === "cp" && r.parts) blocks.push(this.cpRecord(r.parts, r.catalogue_date));
    else if (ok && r.details && r.details.length) {
      blocks.push(el("ul", { class: "guia-widget__facts-list" }, r.details.map((/** @type {string} */ d) => el("li", {}, d))));
    }
    if (ok && r.notes && r.notes.length) {
      blocks.push(...r.notes.map((/** @type {string} */ n) => el("p", { class: "guia-widget__note" }, n)));
    }
    return blocks;
  }

  /** @param {any} rec @param {string | undefined} date */
  cpRecord(rec, date) {
    // municipalities lists the current names first, then the former ones
    const former = rec.former || [];
    const municipalities = (rec.municipalities || []).filter((/** @type {string} */ m) => !former.includes(m));
    const rows = [
      [TEXT.cp.state, rec.state],
      [TEXT.cp.municipality(municipalities.length), municipalities.join(", ")],
      [TEXT.cp.city, rec.city],
      [TEXT.cp.former, former.join(", ")],
    ].filter(([, v]) => v);
    const settlements = rec.settlements || [];
    const out = [facts(rows)];
    if (settlements.length) {
      const listId = `${this.input.id}-colonias`;
      out.push(
        el("p", { class: "guia-widget__list-title", id: listId }, TEXT.cp.settlements(settlements.length)),
        el("ul", { class: "guia-widget__list", tabindex: settlements.length > 8 ? "0" : null, "aria-labelledby": listId },
          settlements.map((/** @type {any} */ s) => {
            const [name, type] = Array.isArray(s) ? s : [s.name || String(s), s.type || ""];
            return el("li", {}, name, type ? el("span", { class: "guia-widget__type" }, ` (${type})`) : null);
          })),
      );
    }
    if (rec.catalogue) out.push(el("p", { class: "guia-widget__note" }, TEXT.cp.catalogue(rec.catalogue, rec.sources || [])));
    else if (date) out.push(el("p", { class: "guia-widget__note" }, TEXT.cp.catalogueDate(date)));
    return el("div", {}, out);
  }
}

/** @param {string[][]} rows */
function facts(rows) {
  return el("dl", { class: "guia-widget__facts" }, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

/** @param {any} p the parts of a valid CURP */
function curpParts(p) {
  return facts([
    [TEXT.curp.birth, p.birth_date_text || p.birth_date],
    [TEXT.curp.sex, p.sex_name || p.sex],
    [TEXT.curp.state, p.state_name || p.state],
  ].filter(([, v]) => v));
}
