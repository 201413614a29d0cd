// @ts-check
// Glossary terms on a phone: a tap (or Enter/Space) on an underlined word
// shows its definition right after it; another tap hides it. Material's
// tooltip script is not loaded, and a phone has no hover for `title`.
(function () {
  "use strict";
  /** @param {HTMLElement} term */
  function toggle(term) {
    const open = term.getAttribute("aria-expanded") === "true";
    const next = term.nextElementSibling;
    if (open && next && next.classList.contains("guia-def")) next.remove();
    if (!open) {
      const def = document.createElement("span");
      def.className = "guia-def";
      def.textContent = " (" + (term.dataset.def || "") + ")";
      term.after(def);
    }
    term.setAttribute("aria-expanded", String(!open));
  }
  document.querySelectorAll("article abbr[title]").forEach(function (node) {
    const term = /** @type {HTMLElement} */ (node);
    if (term.closest("a, button, summary, h1, h2, h3")) return; // no control inside a control
    term.dataset.def = term.title;
    term.tabIndex = 0;
    term.setAttribute("role", "button");
    term.setAttribute("aria-expanded", "false");
    term.addEventListener("click", function () { toggle(term); });
    term.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle(term);
      }
    });
  });
})();
