// @ts-check
// "Revisa tu lista": an Excel or CSV file from this computer checked row by row
// by the checker (the same report as `python -m checker FILE`), with the list's
// annotated copies to download.
// Nothing is uploaded: the file's bytes go to the worker by postMessage.

import { el } from "./dom.js";
import { TEXT } from "./text.js";
import { showState } from "./widget.js";

export class BatchWidget {
  /** @param {HTMLElement} root the [data-checker-batch] element @param { {python: import("./python.js").PythonClient }} page */
  constructor(root, page) {
    this.root = root;
    this.python = page.python;
    this.kind = "batch";
    const input = root.querySelector("input[type=file]");
    const status = root.querySelector('[role="status"]');
    const output = root.querySelector("[data-guia-batch-output]");
    if (!(input instanceof HTMLInputElement) || !(status instanceof HTMLElement) || !(output instanceof HTMLElement)) {
      throw new Error("lista sin input, status o salida");
    }
    this.input = input;
    this.status = status;
    this.output = output;
    this.busy = false;
    /** @type {string | null} */
    this.blobUrl = null;
    /** @type {string[]} */
    this.copyUrls = [];
    input.addEventListener("focus", () => this.python.start());
    input.addEventListener("change", () => this.run());
    root.classList.add("guia-widget--js");
  }

  /** @param {string} state @param {string} message */
  setState(state, message) {
    showState(this.root, this.status, state, message);
  }

  onPhase() {
    const { phase, failure, percent } = this.python;
    if (phase === "error") this.setState("error", TEXT.fallback[failure || "failed"]);
    else if (phase === "loading") this.setState("loading", percent === "start" ? TEXT.starting : TEXT.loading(this.python.percentNumber()));
    else if (phase === "ready" && !this.busy) this.setState("idle", TEXT.ready.batch);
  }

  async run() {
    const file = this.input.files && this.input.files[0];
    if (!file) return;
    this.python.start();
    this.busy = true;
    this.output.replaceChildren();
    this.output.hidden = true;
    this.setState("loading", this.python.phase === "ready" ? TEXT.batch.checking(file.name) : TEXT.loading(this.python.percentNumber()));
    const data = new Uint8Array(await file.arrayBuffer());
    const answer = await this.python.ask({ type: "batch", data, name: file.name });
    this.busy = false;
    if (!answer || answer.error) {
      if (answer && answer.error === "failed") return this.onPhase();
      this.setState("error", (answer && answer.message) || TEXT.checkerError);
      return;
    }
    // summary_lines: the checker's own closing lines for answer.ok.summary
    // (counts, then the verdict); none when the file could not be checked.
    const { report, status, summary, summary_lines: lines } = answer.ok;
    const verdict = summary && lines.length ? lines[lines.length - 1] : report.trim();
    this.setState(status === 0 ? "valid" : status === 1 ? "invalid" : "error", verdict);
    if (this.blobUrl) URL.revokeObjectURL(this.blobUrl);
    this.blobUrl = URL.createObjectURL(new Blob([report], { type: "text/plain;charset=utf-8" }));
    const base = file.name.replace(/\.[^.]*$/, "") || TEXT.batch.fileStem;
    const counts = summary ? lines.slice(1, -1).map((/** @type {string} */ l) => l.trim()).join("\n") : "";
    this.output.replaceChildren(
      el("pre", { class: "guia-widget__summary", "data-guia-summary": true }, counts),
      el("p", {}, el("a", { href: this.blobUrl, download: `${base}-reporte.txt`, class: "md-button md-button--primary", "data-guia-download": true }, TEXT.batch.download)),
      ...this.copyLinks(answer.ok, base),
      el("details", {}, el("summary", {}, TEXT.batch.full), el("pre", { class: "guia-widget__report", tabindex: "0", "data-guia-report": true }, report)),
    );
    this.output.hidden = false;
  }

  /**
   * Download links for the annotated copies of the list (Excel and CSV), made
   * by the checker in the worker (issue 12); none when the file could not be checked.
   * @param { {copy_xlsx?: string, copy_csv?: string }} ok @param {string} base
   */
  copyLinks(ok, base) {
    this.copyUrls.forEach((url) => URL.revokeObjectURL(url));
    this.copyUrls = [];
    const kinds = [
      ["xlsx", ok.copy_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", TEXT.batch.downloadXlsx],
      ["csv", ok.copy_csv, "text/csv;charset=utf-8", TEXT.batch.downloadCsv],
    ];
    const links = [];
    for (const [ext, b64, type, label] of kinds) {
      if (!b64) continue;
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type }));
      this.copyUrls.push(url);
      links.push(el("a", { href: url, download: `${base}-revisada.${ext}`, class: "md-button", [`data-guia-copy-${ext}`]: true }, label));
    }
    return links.length ? [el("p", { "data-guia-copies": true }, ...links), el("p", {}, TEXT.batch.copyNote)] : [];
  }
}
