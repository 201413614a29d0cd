// Served only by `python -m guide serve --watch` (never part of a built site):
// asks the local server for the build id every second and reloads the page
// when a rebuild finished. Same origin, so the pages' CSP allows it.
(function () {
  "use strict";
  var url = "/__guia__/build-id";
  var seen = null;
  function check() {
    fetch(url, { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (id) {
        if (id === null) return;
        if (seen !== null && id !== seen) { location.reload(); return; }
        seen = id;
      })
      .catch(function () { /* server restarting: try again */ })
      .then(function () { setTimeout(check, 1000); });
  }
  check();
})();
