// Guía NSS: «Compartir». The Web Share API with the guide's public address
// (no tracking parameters, no third-party script); where the phone has no
// share sheet, the address is copied so the student can paste it.
(function () {
  "use strict";
  document.querySelectorAll("[data-guia-share]").forEach(function (button) {
    var url = button.getAttribute("data-url");
    var title = button.getAttribute("data-title");
    var status = document.createElement("span");
    status.className = "guia-share__status";
    status.setAttribute("role", "status");
    button.parentNode.insertBefore(status, button.nextSibling);

    function copied(ok) {
      status.textContent = ok ? "Copié la dirección: " + url : "Copia esta dirección: " + url;
    }
    function copy() {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { copied(true); }, function () { copied(false); });
      } else {
        copied(false);
      }
    }
    button.addEventListener("click", function () {
      status.textContent = "";
      if (navigator.share) {
        navigator.share({ title: title, url: url }).catch(function (error) {
          if (!error || error.name !== "AbortError") copy();
        });
      } else {
        copy();
      }
    });
    button.hidden = false;
  });
})();
