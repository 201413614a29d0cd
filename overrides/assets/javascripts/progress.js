// Guía NSS: «Ya lo hice». Which steps the student marked done, kept only in
// this phone: localStorage, one key per school, a list of step ids, nothing
// the student typed. The school's home shows "N de M" and «Borrar mi avance».
(function () {
  "use strict";
  var PREFIX = "guia-nss:avance:";

  function read(school) {
    try {
      var ids = JSON.parse(localStorage.getItem(PREFIX + school) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }
  function write(school, ids) {
    try {
      if (ids.length) localStorage.setItem(PREFIX + school, JSON.stringify(ids));
      else localStorage.removeItem(PREFIX + school);
      return true;
    } catch (error) {
      return false; // storage off (private mode): the box still works on this page
    }
  }

  // ---- a step page: the checkbox ----
  document.querySelectorAll("[data-guia-done]").forEach(function (box) {
    var school = box.getAttribute("data-guia-school");
    var step = box.getAttribute("data-guia-done");
    var input = box.querySelector("input[type=checkbox]");
    input.checked = read(school).indexOf(step) >= 0;
    input.addEventListener("change", function () {
      var ids = read(school).filter(function (id) { return id !== step; });
      if (input.checked) ids.push(step);
      write(school, ids);
    });
    box.hidden = false;
  });

  // ---- the home page: "N de M" next to the step list, and clearing it ----
  document.querySelectorAll("[data-guia-progress]").forEach(function (box) {
    var school = box.getAttribute("data-guia-school");
    var steps = box.getAttribute("data-steps").split(" ").filter(Boolean);
    var count = box.querySelector("[data-guia-progress-count]");
    var list = null;
    document.querySelectorAll(".md-content ol").forEach(function (ol) {
      if (!list && ol.querySelector("a[href*='pasos/']")) list = ol;
    });
    if (list) list.parentNode.insertBefore(box, list.nextSibling);
    function show() {
      var done = read(school).filter(function (id) { return steps.indexOf(id) >= 0; });
      count.textContent = done.length + " de " + steps.length;
      if (list) {
        list.querySelectorAll("a[href*='pasos/']").forEach(function (a) {
          var id = a.getAttribute("href").replace(/\/$/, "").split("/").pop().replace(/\.html$/, "");
          a.parentNode.classList.toggle("guia-step--done", done.indexOf(id) >= 0);
        });
      }
    }
    box.querySelector("[data-guia-progress-clear]").addEventListener("click", function () {
      write(school, []);
      show();
    });
    window.addEventListener("storage", show);
    show();
    box.hidden = false;
  });
})();
