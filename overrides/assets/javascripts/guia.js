// Guía NSS page script: accent-insensitive search and the school filter.
// The search index (search.json) is fetched only when the student uses the
// search box, never with the page. Nothing typed is sent anywhere.
(function () {
  "use strict";

  // "Clínica" → "clinica": strip diacritics (NFD + combining marks) and case.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) { return fold(text).split(/[^a-z0-9ñ]+/).filter(Boolean); }
  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // ---- search page: form[data-guia-search] ----
  var form = document.querySelector("form[data-guia-search]");
  if (form) {
    var input = form.querySelector("input");
    var output = document.getElementById(form.getAttribute("data-guia-search"));
    var index = null;
    var base = new URL(form.getAttribute("data-index"), location.href);

    function load() {
      if (!index) {
        index = fetch(base).then(function (r) { return r.json(); }).then(function (docs) {
          return docs.map(function (d) { return { doc: d, title: fold(d.t), text: fold(d.x) }; });
        });
        index.catch(function () { index = null; });
      }
      return index;
    }
    function snippet(doc, term) {
      var at = fold(doc.x).indexOf(term);
      var start = Math.max(0, at - 60);
      return (start ? "…" : "") + doc.x.slice(start, start + 180) + "…";
    }
    function search() {
      var terms = words(input.value);
      if (!terms.length) { output.innerHTML = ""; return; }
      load().then(function (docs) {
        var hits = docs.map(function (d) {
          var score = 0;
          for (var i = 0; i < terms.length; i++) {
            var t = terms[i];
            if (d.text.indexOf(t) < 0 && d.title.indexOf(t) < 0) return null;
            score += (d.title.indexOf(t) >= 0 ? 10 : 0) + d.text.split(t).length - 1;
          }
          return { d: d, score: score };
        }).filter(Boolean).sort(function (a, b) { return b.score - a.score; });
        var head = hits.length === 1 ? "1 página encontrada" : hits.length + " páginas encontradas";
        if (!hits.length) head = "No encontramos «" + input.value.trim() + "». Prueba con otra palabra.";
        output.innerHTML = "<p>" + escapeHtml(head) + "</p><ol class=\"guia-results\">" + hits.map(function (h) {
          var url = new URL(h.d.doc.u, base).href;
          return "<li><a href=\"" + escapeHtml(url) + "\">" + escapeHtml(h.d.doc.t) + "</a><p>" +
            escapeHtml(snippet(h.d.doc, terms[0])) + "</p></li>";
        }).join("") + "</ol>";
      }, function () {
        output.textContent = "No se pudo cargar la búsqueda. Revisa tu conexión e inténtalo de nuevo.";
      });
    }
    input.addEventListener("focus", load, { once: true });
    input.addEventListener("input", search);
    form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
    // Words typed before this deferred script ran (a slow phone) or kept by
    // the browser on "back" got no input event: search them now.
    if (input.value.trim()) search();
  }

  // ---- index page: filter schools by name or state ----
  var filter = document.querySelector("input[data-guia-filter]");
  if (filter) {
    var items = document.querySelectorAll("[data-guia-filter-text]");
    var status = document.getElementById(filter.getAttribute("aria-describedby"));
    var apply = function () {
      var terms = words(filter.value);
      var shown = 0;
      items.forEach(function (item) {
        var text = fold(item.getAttribute("data-guia-filter-text"));
        var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
        item.hidden = !match;
        if (match) shown++;
      });
      if (status) status.textContent = shown === 1 ? "1 escuela" : shown + " escuelas";
    };
    filter.addEventListener("input", apply);
    if (filter.value.trim()) apply();  // typed before this script ran
  }
})();
