// Guía NSS: the guide works offline after one visit.
// Registers the site's Service Worker (sw.js at the site root) on the first
// page view and asks it to keep this school's pages, CSS and JS (never
// Pyodide: the widgets' files are kept only once a widget used them).
// Without a connection a banner says the student sees the saved guide.
(function () {
  "use strict";
  var script = document.currentScript;
  var swPath = script && script.getAttribute("data-sw");
  var school = script && script.getAttribute("data-school");
  var TEXT = "Sin conexión: estás viendo la guía guardada";

  var banner = null;
  function showBanner() {
    if (navigator.onLine !== false) {
      if (banner) banner.hidden = true;
      return;
    }
    if (!banner) {
      banner = document.createElement("p");
      banner.className = "guia-offline";
      banner.setAttribute("role", "status");
      banner.textContent = TEXT;
      document.body.insertBefore(banner, document.body.firstChild);
    }
    banner.hidden = false;
  }
  window.addEventListener("online", showBanner);
  window.addEventListener("offline", showBanner);
  showBanner();

  if (!swPath || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  var url = new URL(swPath, location.href);
  navigator.serviceWorker
    .register(url.href, { scope: new URL("./", url).pathname })
    .then(function (registration) {
      if (!school) return null;
      return navigator.serviceWorker.ready.then(function () {
        // The newest worker: its cache is the one that survives a deploy.
        var target = registration.installing || registration.waiting || registration.active;
        if (target) target.postMessage({ type: "school", school: school });
      });
    })
    .catch(function () { /* no offline copy; the page works as before */ });
})();
