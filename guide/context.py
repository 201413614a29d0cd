"""A school model as the escaped, plain data its pages are filled with.

Every string is escaped for where it lands (guide/escape.py), according to how
guide/model.py declares the field: Markdown, a key (compared, never shown as
typed), a URL, or, by default, plain text. The result goes into mkdocs.yml
`extra.school`; the hooks mark it as Markup so theme templates print it once.
"""

from __future__ import annotations

import dataclasses
import datetime

from checker._mexico import MONTHS as _MONTHS
from guide import escape, model


def long_date(day: datetime.date) -> str:
    return f"{day.day} de {_MONTHS[day.month - 1]} de {day.year}"


def kind_of(owner: str, name: str) -> str:
    """How the field `owner.name` is written: markdown, key, url or plain."""
    qualified = f"{owner}.{name}"
    if qualified in model.MARKDOWN_FIELDS:
        return "markdown"
    if qualified in model.KEY_FIELDS:
        return "key"
    if qualified in model.URL_FIELDS:
        return "url"
    return "plain"


_ESCAPE = {"markdown": escape.markdown, "key": str, "url": escape.url, "plain": escape.plain}


def escaped(value, kind: str = "plain"):
    """A model value (dataclass, list, dict, str…) with every string escaped as `kind`.

    Dataclass fields take their own kind; dict keys are keys (validated names).
    """
    if dataclasses.is_dataclass(value):
        owner = type(value).__name__
        return {f.name: escaped(getattr(value, f.name), kind_of(owner, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {k: escaped(v, kind) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escaped(v, kind) for v in value]
    if isinstance(value, str):
        return _ESCAPE[kind](value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def texts(value, kind: str = "plain", path: str = ""):
    """(field path, kind, text) of every string in a model value, for validation."""
    if dataclasses.is_dataclass(value):
        owner = type(value).__name__
        for f in dataclasses.fields(value):
            yield from texts(getattr(value, f.name), kind_of(owner, f.name), f"{path}.{f.name}".lstrip("."))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(v, kind, f"{path}[{k!r}]")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from texts(v, kind, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, kind, value


def text_problem(kind: str, text: str) -> str | None:
    """The Spanish reason a field's text cannot be published, or None."""
    problem = escape.control_problem(text)
    if problem or not text:
        return problem
    if kind == "markdown":
        return escape.markdown_problem(text)
    if kind == "url":
        return escape.url_problem(text)
    return None


def check_texts(school: model.School) -> None:
    """Raise ModelError for the first text that cannot be shown as written."""
    for path, kind, text in texts(school):
        if path == "logo_svg":
            continue  # checked as SVG by guide/logo.py
        problem = text_problem(kind, text)
        if problem:
            raise model.ModelError(path, problem)


def raw_contact(school: model.School) -> dict:
    """The contact office as the model has it, unescaped: for writers that escape
    for their own format (JSON, .ics, a `| e` data attribute), not for pages."""
    office = next((o for o in school.offices if o.name == school.contact_office), school.offices[0])
    data = dataclasses.asdict(office)
    for phone, source in zip(data["phones"], office.phones):
        phone.update(display=source.display, tel=source.tel)
    return data


def school_context(school: model.School) -> dict:
    """The school as escaped plain data for the Markdown templates (mkdocs.yml `extra`)."""
    data = escaped(school)
    del data["logo_svg"]  # written as its own file, never into a page
    data["slug"] = school.slug
    data["reviewed_text"] = long_date(school.reviewed)
    for office, source in zip(data["offices"], school.offices):
        for phone, p in zip(office["phones"], source.phones):
            phone.update(display=p.display, tel=p.tel)  # digits only
    data["offices_by_name"] = {o["name"]: o for o in data["offices"]}
    data["contact"] = data["offices_by_name"].get(escape.plain(school.contact_office)) or data["offices"][0]
    data["step_titles"] = {}
    return data
