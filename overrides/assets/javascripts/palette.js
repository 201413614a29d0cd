// Light / dark scheme without Material's bundle. Runs synchronously right
// after the palette form in the header, so the first paint has the right
// scheme. Only the scheme choice is stored, never anything the student types.
(function () {
  var KEY = "guia-scheme";
  var form = document.querySelector("[data-md-component=palette]");
  if (!form) return;
  var inputs = form.querySelectorAll("input[name=__palette]");
  function stored() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }
  function apply(index, remember) {
    var input = inputs[index];
    input.checked = true;
    ["scheme", "primary", "accent"].forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, input.getAttribute("data-md-color-" + key));
    });
    // Show only the button that switches to the other scheme.
    form.querySelectorAll("label").forEach(function (label) {
      label.hidden = label.htmlFor !== "__palette_" + ((index + 1) % inputs.length);
    });
    if (remember) { try { localStorage.setItem(KEY, String(index)); } catch (e) { /* private mode */ } }
  }
  var saved = stored();
  var dark = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches;
  apply(saved !== null && inputs[+saved] ? +saved : (dark ? 1 : 0), false);
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () { apply(index, true); });
  });
})();
