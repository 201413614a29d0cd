// @ts-check
// Small DOM helpers shared by the widgets.

/**
 * An element with attributes and children (strings become text, never HTML).
 * @param {string} tag
 * @param {Record<string, string | boolean | null | undefined>} [attrs]
 * @param {...any} children  nodes, strings, or nested arrays of them
 * @returns {HTMLElement}
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = String(v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * The value as the checker compacts it (to place the highlighted character).
 * @param {string} kind @param {string} value
 */
export function compactFor(kind, value) {
  if (kind === "curp") return value.trim().replace(/[\s\-_]/g, "").toUpperCase().normalize("NFC");
  return value.trim().replace(/[\s\-\u00a0]/g, "");
}

/**
 * Two copies of a widget on one page would share ids: renumber the later one
 * and the references to it inside `root`.
 * @param {Element} root
 */
export function uniqueIds(root) {
  for (const node of root.querySelectorAll("[id]")) {
    if (document.querySelectorAll(`[id="${CSS.escape(node.id)}"]`).length < 2) continue;
    const old = node.id;
    let n = 2;
    while (document.getElementById(`${old}-${n}`)) n++;
    node.id = `${old}-${n}`;
    for (const ref of root.querySelectorAll(`[for="${CSS.escape(old)}"]`)) {
      /** @type {HTMLLabelElement} */ (ref).htmlFor = node.id;
    }
    for (const ref of root.querySelectorAll("[aria-describedby]")) {
      const ids = (ref.getAttribute("aria-describedby") || "").split(" ");
      ref.setAttribute("aria-describedby", ids.map((t) => (t === old ? node.id : t)).join(" "));
    }
  }
}
