// Guía NSS: «Agregar a mi calendario». Builds an iCalendar file (RFC 5545)
// in the phone and downloads it: one all-day VEVENT on the due date with the
// action and the contact, and a reminder the day before. For a deadline
// counted from an event, the student picks the event's date; nothing is sent.
(function () {
  "use strict";
  var DAY = 86400000;
  var utf8 = new TextEncoder();

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function ymd(date) { return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()); }
  function stamp(date) {
    return ymd(date) + "T" + pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
  }
  // TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
  function text(value) {
    return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  // Lines longer than 75 octets are folded (3.1), never inside a UTF-8 character.
  function fold(line) {
    var out = [];
    var current = "";
    var octets = 0;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      var code = line.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) ch += line[++i];
      var size = utf8.encode(ch).length;
      if (octets + size > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        octets = 0;
      }
      current += ch;
      octets += size;
    }
    out.push(current);
    return out.join("\r\n ");
  }

  function ics(due, summary, description) {
    var next = new Date(due.getTime() + DAY);
    var now = new Date();
    var uid = ymd(due) + "-" + Math.random().toString(36).slice(2) + "@guia-nss";
    return [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Guia NSS//Calendario//ES", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
      "BEGIN:VEVENT", "UID:" + uid, "DTSTAMP:" + stamp(now),
      "DTSTART;VALUE=DATE:" + ymd(due), "DTEND;VALUE=DATE:" + ymd(next),
      "SUMMARY:" + text(summary), "DESCRIPTION:" + text(description),
      "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + text("Mañana: " + summary), "TRIGGER:-P1D", "END:VALARM",
      "END:VEVENT", "END:VCALENDAR",
    ].map(fold).join("\r\n") + "\r\n";
  }

  function download(name, body) {
    var url = URL.createObjectURL(new Blob([body], { type: "text/calendar;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function long(date) {
    return date.toLocaleDateString("es-MX", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  }

  document.querySelectorAll("form[data-guia-calendar]").forEach(function (form) {
    var input = form.querySelector("input[type=date]");
    var status = form.querySelector("[role=status]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var due;
      if (form.hasAttribute("data-date")) {
        due = new Date(form.getAttribute("data-date") + "T00:00:00Z");
      } else {
        var start = input.value && new Date(input.value + "T00:00:00Z");
        if (!start || isNaN(start.getTime())) {
          status.textContent = "Escribe primero la fecha (día, mes y año) en el recuadro de arriba.";
          input.focus();
          return;
        }
        due = new Date(start.getTime() + Number(form.getAttribute("data-days")) * DAY);
      }
      download(form.getAttribute("data-file"),
        ics(due, form.getAttribute("data-summary"), form.getAttribute("data-description")));
      status.textContent = "Listo: abre el archivo descargado para agregarlo a tu calendario (" + long(due) +
        ", con aviso un día antes).";
    });
    form.hidden = false;
  });
})();
