"""The content model of a school's guide: plain dataclasses, validated on load.

A school file (`schools/<slug>.py`) builds one `School(...)` named `SCHOOL`.
`validate()` walks it and raises `ModelError` naming the field path, so the
loader can print one line a school office can act on.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from dataclasses import dataclass, field

from checker._mexico import STATES as _STATES
from guide import escape, imss, logo

# Steps that exist as shared Markdown in docs/pasos/<name>.md.
KNOWN_STEPS = (
    "obtener-nss",
    "entregar-nss",
    "hoja-afiliacion",
    "verificar-vigencia",
    "alta-clinica",
    "carnet",
    "cambio-clinica",
    "listo",
)
# The end page: what the student has now, what to keep, whom to call. It comes
# right after the required steps (the last one leads to it) and before any
# optional step; School() puts it there if steps doesn't name it.
END_STEP = "listo"
LEVELS = ("media superior", "superior")
STATES = tuple(sorted(name for _, _, _, name, _ in _STATES))  # as students write them


class ModelError(ValueError):
    """A school model that cannot be built; `field` is the dotted path."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


# How each text field is written; guide/escape.py renders each kind. Any str
# field not listed is plain text, shown exactly as typed wherever it lands.
MARKDOWN_FIELDS = {  # Markdown (bold, lists, https/mailto links), never raw HTML
    "School.intro",
    "School.eligibility",
    "School.insured_elsewhere",
    "School.opt_out",
    "School.coverage",
    "School.clinic_notes",
    "School.message_actions",
    "School.step_notes",
    "QA.answer",
}
KEY_FIELDS = {  # names from a closed list: compared and looked up, never shown as typed
    "School.steps",
    "School.optional_steps",
    "School.nss_routes",
    "School.nss_web_entry",
    "School.vigencia_entry",
    "School.clinic_entry",
    "School.have_at_hand",
    "School.route_documents",
    "School.urgent_messages",
    "School.primary_color",
    "School.accent_color",
    "School.logo_svg",
    "Deadline.step",
    "Phone.number",
    "Phone.extensions",
}
URL_FIELDS = {"School.site_url", "Office.web"}  # https:// only, re-serialised


@dataclass
class Phone:
    """A Mexican phone number; `extensions` are dialled after the call connects."""

    number: str
    extensions: list[str] = field(default_factory=list)
    label: str = ""

    @property
    def digits(self) -> str:
        digits = re.sub(r"\D", "", self.number)
        return digits[2:] if len(digits) == 12 and digits.startswith("52") else digits

    @property
    def tel(self) -> str:
        return "tel:+52" + self.digits

    @property
    def display(self) -> str:
        d = self.digits
        # Mexico City, Guadalajara and Monterrey use 2-digit area codes.
        if d[:2] in ("55", "56", "33", "81"):
            return f"{d[:2]} {d[2:6]} {d[6:]}"
        return f"{d[:3]} {d[3:6]} {d[6:]}"


@dataclass
class Office:
    """A school office students deal with (afiliación, servicios escolares…)."""

    name: str
    role: str = ""
    address: str = ""
    phones: list[Phone] = field(default_factory=list)
    email: str = ""
    hours: str = ""
    web: str = ""
    # What to write in your message when you ask this office for help.
    include_data: list[str] = field(default_factory=list)


@dataclass
class Deadline:
    """A date or waiting time, rendered as one sentence: "{action} **{when}**."

    action: what the student does, a capitalised clause without final period,
    e.g. "Entrega el acuse con tu NSS a Control Escolar".
    when: the time phrase that ends the sentence, in lower case, e.g.
    "durante los 3 días posteriores a tu inscripción". A rule that is not a
    time ("es obligatorio") is not a Deadline: put it in intro.
    """

    action: str
    when: str
    step: str = ""  # also shown on this step (a name in School.steps)


@dataclass
class QA:
    question: str
    answer: str


@dataclass
class Delivery:
    """Where the student hands in the NSS proof, rendered as one sentence:
    "Entrega {what} {to}{, purpose}." e.g. what="el acuse impreso con tu NSS",
    to="al responsable de la afiliación de Control Escolar",
    purpose="para su proceso". When it is due is a Deadline on "entregar-nss".
    """

    office: str  # a name in School.offices (shown under «Dónde»)
    what: str = "tu Número de Seguridad Social (NSS)"
    to: str = ""  # "a …", "al …" or "en …"; empty: "a {office}"
    purpose: str = ""  # "para …"
    confirm: str = ""  # a whole sentence: what to do afterwards


@dataclass
class School:
    name: str
    short_name: str
    level: str
    state: str
    logo_svg: str
    primary_color: str
    accent_color: str
    offices: list[Office]
    steps: list[str]
    reviewed: datetime.date
    # Steps a student may skip (e.g. cambio-clinica): marked «opcional», not
    # counted in «Paso N de M»; listed last in steps, after the end page.
    optional_steps: list[str] = field(default_factory=list)
    site_url: str = ""
    example: bool = False
    city: str = ""
    intro: str = ""
    eligibility: str = ""
    have_at_hand: list[str] = field(default_factory=lambda: ["curp", "email", "domicilio"])
    deadlines: list[Deadline] = field(default_factory=list)
    nss_routes: list[str] = field(default_factory=lambda: ["web"])
    nss_web_entry: str = "afiliatealimss"
    vigencia_entry: str = ""  # where to check vigencia; empty: same door as nss_web_entry
    clinic_entry: str = ""  # where to register at the clinic; empty: same as nss_web_entry
    route_documents: dict[str, list[str]] = field(default_factory=dict)
    message_actions: dict[str, str] = field(default_factory=dict)
    urgent_messages: list[str] = field(default_factory=list)  # shown as a red call-out
    delivery: Delivery | None = None
    insured_elsewhere: str = ""
    opt_out: str = ""
    clinic_notes: list[str] = field(default_factory=list)
    carnet_documents: list[str] = field(default_factory=list)
    covered_services: list[str] = field(default_factory=list)  # only where the school's guide lists them
    coverage: str = ""
    step_notes: dict[str, list[str]] = field(default_factory=dict)
    faq: list[QA] = field(default_factory=list)
    contact_office: str = ""
    # End page: what to print and keep (one line each); empty: the shared list.
    keep: list[str] = field(default_factory=list)

    def __post_init__(self):
        if isinstance(self.steps, list) and END_STEP not in self.steps:
            optional = self.optional_steps if isinstance(self.optional_steps, list) else []
            required = [i for i, s in enumerate(self.steps) if s not in optional]
            at = required[-1] + 1 if required else 0
            self.steps = [*self.steps[:at], END_STEP, *self.steps[at:]]


# ---------------------------------------------------------------- validation

_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}")
_EXTENSION = re.compile(r"\d{1,6}")


def validate(school: School) -> School:
    """Check types and each rule, naming the first bad field."""
    _check_types(school, "")
    for name in ("name", "short_name"):
        if not getattr(school, name).strip():
            raise ModelError(name, "falta el nombre de la escuela: no puede quedar vacío")
        # «UdG :» in every page description otherwise: a stray space typed
        # around the name is never meant
        setattr(school, name, getattr(school, name).strip())
    if school.level not in LEVELS:
        raise ModelError("level", f"«{school.level}» no es un nivel; usa uno de: {', '.join(LEVELS)}")
    if school.state not in STATES and not (school.example and not school.state):
        raise ModelError(
            "state",
            f"«{school.state}» no es una entidad federativa escrita como en la lista oficial (p. ej. «Jalisco», «Ciudad de México»)",
        )
    for name in ("primary_color", "accent_color"):
        value = getattr(school, name)
        if not _HEX.fullmatch(value):
            raise ModelError(name, f"«{value}» no es un color; escríbelo como #RRGGBB, p. ej. #1a5c3a")
    _check_logo(school.logo_svg)
    if school.site_url and escape.url_problem(school.site_url):
        raise ModelError("site_url", escape.url_problem(school.site_url))
    if not school.offices:
        raise ModelError("offices", "falta al menos una oficina a la que los estudiantes puedan acudir")
    for i, office in enumerate(school.offices):
        _check_office(office, f"offices[{i}]", school.example)
    office_names = [o.name for o in school.offices]
    if not school.steps:
        raise ModelError("steps", "la guía necesita al menos un paso")
    for i, step in enumerate(school.steps):
        if step not in KNOWN_STEPS:
            raise ModelError(f"steps[{i}]", f"no existe el paso «{step}»; los pasos son: {', '.join(KNOWN_STEPS)}")
    if len(set(school.steps)) != len(school.steps):
        raise ModelError("steps", "un paso aparece dos veces")
    for i, step in enumerate(school.optional_steps):
        if step not in school.steps or step == END_STEP:
            raise ModelError(f"optional_steps[{i}]", f"el paso «{step}» no está en steps")
    end = school.steps.index(END_STEP)
    if end == 0:
        raise ModelError("steps", "la guía necesita al menos un paso antes de la página final")
    if any(s in school.optional_steps for s in school.steps[:end]) or any(
        s not in school.optional_steps for s in school.steps[end + 1 :]
    ):
        raise ModelError(
            "steps",
            f"los pasos opcionales van al final de steps, después de los obligatorios "
            f"(y «{END_STEP}», la página final, entre unos y otros)",
        )
    if "carnet" in school.steps and not school.carnet_documents:
        raise ModelError(
            "carnet_documents", "el paso «carnet» necesita la lista de documentos que pide tu guía para el carnet"
        )
    for step in school.step_notes:
        if step not in school.steps:
            raise ModelError(f"step_notes[{step!r}]", f"el paso «{step}» no está en steps")
    for i, route in enumerate(school.nss_routes):
        if route not in imss.ROUTES:
            raise ModelError(f"nss_routes[{i}]", f"«{route}» no es una vía; usa: {', '.join(imss.ROUTES)}")
    for name in ("nss_web_entry", "vigencia_entry", "clinic_entry"):
        value = getattr(school, name)
        if (value or name == "nss_web_entry") and value not in imss.WEB_ENTRIES:
            raise ModelError(name, f"«{value}» no existe; usa: {', '.join(imss.WEB_ENTRIES)}")
    for route, docs in school.route_documents.items():
        if route not in imss.ROUTES:
            raise ModelError(f"route_documents[{route!r}]", f"«{route}» no es una vía; usa: {', '.join(imss.ROUTES)}")
        _check_documents(docs, f"route_documents[{route!r}]")
    _check_documents(school.have_at_hand, "have_at_hand")
    for key in school.message_actions:
        if key not in imss.MESSAGES:
            raise ModelError(
                f"message_actions[{key!r}]", f"no es un mensaje conocido del IMSS; usa: {', '.join(imss.MESSAGES)}"
            )
    for i, key in enumerate(school.urgent_messages):
        if key not in imss.MESSAGES:
            raise ModelError(
                f"urgent_messages[{i}]", f"«{key}» no es un mensaje conocido del IMSS; usa: {', '.join(imss.MESSAGES)}"
            )
    for i, deadline in enumerate(school.deadlines):
        _check_deadline(deadline, f"deadlines[{i}]")
        if deadline.step and deadline.step not in school.steps:
            raise ModelError(f"deadlines[{i}].step", f"el paso «{deadline.step}» no está en steps")
    if school.delivery:
        _check_delivery(school.delivery)
    for name in ("delivery", "contact_office"):
        office = getattr(school, name)
        office = office.office if isinstance(office, Delivery) else office
        if office and office not in office_names:
            raise ModelError(f"{name}", f"la oficina «{office}» no está en offices ({', '.join(office_names)})")
    if school.reviewed > datetime.date.today():
        raise ModelError("reviewed", f"la fecha de revisión {school.reviewed.isoformat()} está en el futuro")
    return school


def _check_logo(svg: str) -> None:
    """A self-contained SVG: an allowlist of elements and attributes (guide/logo.py)."""
    found = logo.problem(svg)
    if found:
        raise ModelError("logo_svg", found)


def _check_deadline(deadline: Deadline, path: str) -> None:
    """action + when must read as one sentence: «Entrega tu acuse **durante los 3 días…**.»"""
    action, when = deadline.action.strip(), deadline.when.strip()
    if not action or not action[0].isupper() or action[-1] in ".:;,":
        raise ModelError(
            f"{path}.action",
            f"«{deadline.action}» debe empezar con mayúscula y no terminar en «.» ni «:»; "
            "se lee junto con when, p. ej. «Entrega tu acuse» + «durante los 3 días posteriores a tu inscripción»",
        )
    if not when or when[0].isupper() or when[-1] in ".:;,":  # "1 día después…" is fine
        raise ModelError(
            f"{path}.when",
            f"«{deadline.when}» debe empezar con minúscula y no terminar en «.»: "
            "es el final de la oración, p. ej. «durante los 3 días posteriores a tu inscripción»",
        )


def _check_delivery(delivery: Delivery) -> None:
    """Entrega {what} {to}{, purpose}. must be one sentence."""
    if not delivery.what.strip() or delivery.what[0].isupper() or delivery.what.rstrip()[-1] in ".:;,":
        raise ModelError(
            "delivery.what", f"«{delivery.what}» va en minúscula y sin punto: se lee «Entrega {delivery.what} …»"
        )
    if delivery.to and not delivery.to.startswith(("a ", "al ", "en ")):
        raise ModelError(
            "delivery.to", f"«{delivery.to}» debe empezar con «a », «al » o «en »: se lee «Entrega … {delivery.to}»"
        )
    if delivery.purpose and not delivery.purpose.startswith("para "):
        raise ModelError("delivery.purpose", f"«{delivery.purpose}» debe empezar con «para »")
    for name in ("to", "purpose"):
        if getattr(delivery, name).rstrip()[-1:] in (".", ":", ";"):
            raise ModelError(f"delivery.{name}", f"«{getattr(delivery, name)}» no lleva punto al final")
    if delivery.confirm and not (delivery.confirm[0].isupper() and delivery.confirm.rstrip()[-1] in ".!"):
        raise ModelError(
            "delivery.confirm",
            f"«{delivery.confirm}» debe ser una oración completa: mayúscula al inicio y punto al final",
        )


def _check_office(office: Office, path: str, example: bool = False) -> None:
    if not office.name.strip():
        raise ModelError(f"{path}.name", "la oficina necesita un nombre")
    if office.email and not _EMAIL.fullmatch(office.email):
        problem = "le falta la @" if "@" not in office.email else "no tiene la forma nombre@dominio.mx"
        raise ModelError(f"{path}.email", f"«{office.email}» no es un correo válido: {problem}")
    if office.web and escape.url_problem(office.web):
        raise ModelError(f"{path}.web", escape.url_problem(office.web))
    for j, phone in enumerate(office.phones):
        where = f"{path}.phones[{j}]"
        if len(phone.digits) != 10 or re.search(r"[^\d\s()+.-]", phone.number):
            raise ModelError(
                f"{where}.number",
                f"«{phone.number}» no es un teléfono de México: deben ser 10 dígitos con lada, p. ej. 33 3827 0613",
            )
        for ext in phone.extensions:
            if not _EXTENSION.fullmatch(ext):
                raise ModelError(f"{where}.extensions", f"«{ext}» no es una extensión: usa solo dígitos")
    if not (office.phones or office.email or office.address or example):
        raise ModelError(path, f"la oficina «{office.name}» necesita al menos un teléfono, correo o dirección")


def _check_documents(keys: list[str], path: str) -> None:
    for i, key in enumerate(keys):
        if key not in imss.DOCUMENTS:
            raise ModelError(f"{path}[{i}]", f"«{key}» no es un documento conocido; usa: {', '.join(imss.DOCUMENTS)}")


def _check_types(value, path: str, hint=None) -> None:
    """Structural type check of a dataclass tree against its annotations."""
    if dataclasses.is_dataclass(value):
        hints = typing.get_type_hints(type(value))
        for f in dataclasses.fields(value):
            _check_types(getattr(value, f.name), f"{path}.{f.name}".lstrip("."), hints[f.name])
        return
    if hint is None:
        return
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:  # Optional[X] and X | None
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return
        return _check_types(value, path, options[0])
    if origin is list:
        if not isinstance(value, (list, tuple)):
            raise ModelError(path, f"debe ser una lista [...], no {_kind(value)}")
        (item,) = typing.get_args(hint)
        for i, v in enumerate(value):
            _check_types(v, f"{path}[{i}]", item)
        return
    if origin is dict:
        if not isinstance(value, dict):
            raise ModelError(path, f"debe ser un diccionario {{...}}, no {_kind(value)}")
        _, item = typing.get_args(hint)
        for k, v in value.items():
            _check_types(v, f"{path}[{k!r}]", item)
        return
    if isinstance(hint, type):
        if hint is datetime.date and isinstance(value, datetime.datetime):
            raise ModelError(path, "debe ser una fecha datetime.date(AAAA, M, D)")
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            expected = {
                str: "un texto entre comillas",
                bool: "True o False",
                datetime.date: "una fecha datetime.date(AAAA, M, D)",
            }.get(hint, hint.__name__)
            raise ModelError(path, f"debe ser {expected}, no {_kind(value)}")


def _kind(value) -> str:
    return {
        str: "un texto",
        int: "un número",
        list: "una lista",
        dict: "un diccionario",
        type(None): "None",
        bool: "True/False",
    }.get(type(value), type(value).__name__)
