"""Deadlines a student can put in a phone calendar («Agregar a mi calendario»).

Read-only on the school model: a deadline whose `when` counts days or weeks
from an event («durante los 3 días después de tu inscripción», «a las 4
semanas de tu ingreso al CUCS») becomes an entry with the event's name and the
offset in days; calendar.js asks for the event's date and builds the .ics in
the phone. Approximate times («aproximadamente 1 mes…») are not deadlines to
remind and are left out. A deadline with a fixed `date` downloads directly.
"""

from __future__ import annotations

import datetime
import re

_NUMBERS = {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5}
_UNITS = {"día": 1, "días": 1, "semana": 7, "semanas": 7}
_RELATIVE = re.compile(
    r"(?P<n>\d+|un|una|uno|dos|tres|cuatro|cinco)\s+(?P<unit>días?|semanas?)\s+"
    r"(?:(?:después|posteriores|luego)\s+)?(?P<link>de|del|a|al)\s+(?P<event>.+?)\s*$"
)
_VAGUE = re.compile(r"\b(aproximadamente|alrededor|unos|unas|más o menos)\b", re.IGNORECASE)


def relative(when: str) -> tuple[int, str] | None:
    """(days after the event, the event) or None.

    >>> relative("durante los 3 días después de tu inscripción")
    (3, 'tu inscripción')
    >>> relative("a las 4 semanas de tu ingreso al CUCS")
    (28, 'tu ingreso al CUCS')
    >>> relative("1 día después de entregar tu NSS")
    (1, 'entregar tu NSS')
    >>> relative("aproximadamente 1 mes después del inicio de tu ingreso") is None
    True
    """
    if _VAGUE.search(when):
        return None
    match = _RELATIVE.search(when)
    if not match:
        return None
    n = match.group("n")
    days = (int(n) if n.isdigit() else _NUMBERS[n]) * _UNITS[match.group("unit")]
    event = match.group("event")
    if match.group("link") in ("del", "al"):  # «después del inicio» → «el inicio»
        event = "el " + event
    return days, event


def entries(school, contact: dict) -> dict[str, list[dict]]:
    """{step: [entry]} for the step pages; entry keys are calendar.js's data attributes."""
    found: dict[str, list[dict]] = {}
    for deadline in school.deadlines:
        action = getattr(deadline, "action", None) or getattr(deadline, "what", "")
        fixed = getattr(deadline, "date", None)
        entry = {
            "summary": action,
            "when": deadline.when,
            "description": f"{action} {deadline.when}. {contact_line(contact)}",
        }
        if isinstance(fixed, datetime.date):
            entry["date"] = fixed.isoformat()
        else:
            rule = relative(deadline.when)
            if not rule:
                continue
            entry["days"], entry["event"] = rule
        found.setdefault(deadline.step or "", []).append(entry)
    return found


def contact_line(office: dict) -> str:
    """«Contacto: Control Escolar, 951 123 4567, correo@escuela.mx.»"""
    parts = [office["name"]]
    parts += [
        p["display"] + (" ext. " + ", ".join(p["extensions"]) if p.get("extensions") else "")
        for p in office.get("phones", [])[:1]
    ]
    if office.get("email"):
        parts.append(office["email"])
    return "Contacto: " + ", ".join(parts) + "."
