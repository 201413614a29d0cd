// @ts-check
// "¿Coincide con mis datos?": the CURP compared with the student's names,
// birth date, sex and state (checker.curp.compare), beside a CURP box.

import { el, compactFor } from "./dom.js";
import { TEXT } from "./text.js";

/**
 * @param {Element} card the widget's card (holds the compare form, if any)
 * @param {import("./widget.js").Widget} widget the CURP box
 */
export function setupCompare(card, widget) {
  const box = card.querySelector("[data-guia-compare]");
  if (!box) return;
  const button = box.querySelector("button");
  const out = box.querySelector("[data-guia-compare-result]");
  if (!button || !out) return;
  const python = widget.python;
  button.addEventListener("click", async () => {
    const value = widget.input.value;
    if (!compactFor("curp", value)) {
      out.textContent = TEXT.compare.noCurp;
      return;
    }
    /** @type {Record<string, string>} */
    const fields = {};
    for (const field of box.querySelectorAll("[data-field]")) {
      const input = /** @type {HTMLInputElement | HTMLSelectElement} */ (field);
      fields[input.dataset.field || ""] = input.value.trim();
    }
    if (!Object.values(fields).some(Boolean)) {
      out.textContent = TEXT.compare.noFields;
      return;
    }
    out.textContent = python.phase === "ready" ? TEXT.compare.busy : TEXT.loading(python.percentNumber());
    const answer = await python.ask({ type: "compare", value, fields });
    if (!answer || answer.error) {
      out.textContent = answer && answer.error === "failed"
        ? TEXT.fallback[python.failure || "failed"]
        : (answer && answer.message) || TEXT.checkerError;
      return;
    }
    const list = answer.ok || [];
    if (!list.length) {
      out.replaceChildren(el("p", { class: "guia-widget__ok" }, TEXT.compare.same));
      return;
    }
    out.replaceChildren(
      el("p", {}, TEXT.compare.found(list.length)),
      el("ul", { class: "guia-widget__mismatches" }, list.map((/** @type {any} */ m) => el("li", {}, m.message))),
    );
  });
}
