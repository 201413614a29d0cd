"""Load and validate the school models in schools/<slug>.py."""

from __future__ import annotations

import importlib.util
import re
import sys
import traceback
from pathlib import Path

from guide.context import check_texts
from guide.model import ModelError, School, validate

ROOT = Path(__file__).resolve().parent.parent
SCHOOLS_DIR = ROOT / "schools"
_SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


class SchoolError(Exception):
    """One line a school's staff can act on: file, field, what is wrong."""


def school_files(directory: Path = SCHOOLS_DIR) -> list[Path]:
    return sorted(p for p in directory.glob("*.py") if not p.name.startswith("_"))


def load(path: Path) -> School:
    """Run a school file and return its validated SCHOOL."""
    rel = _relative(path)
    slug = path.stem
    if not _SLUG.fullmatch(slug):
        raise SchoolError(
            f"{rel}: el nombre del archivo debe ser el slug en minúsculas con guiones, p. ej. mi-escuela.py"
        )
    if slug in reserved_slugs():
        raise SchoolError(f"{rel}: «{slug}» ya es una página del índice; elige otro nombre de archivo para la escuela")
    spec = importlib.util.spec_from_file_location(f"schools.{slug.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ModelError as exc:
        raise SchoolError(f"{rel}: {exc}") from None
    except TypeError as exc:
        raise SchoolError(f"{rel}{_line(exc, path)}: {_explain_type_error(exc)}") from None
    except Exception as exc:  # a typo in the school file: name the line, not a traceback
        raise SchoolError(f"{rel}{_line(exc, path)}: {type(exc).__name__}: {_one_line(exc)}") from None
    except SystemExit as exc:
        raise SchoolError(
            f"{rel}{_line(exc, path)}: el archivo termina el programa (sys.exit({exc.code!r})); "
            "quítalo: un modelo solo define SCHOOL = School(...)"
        ) from None
    except BaseException as exc:  # KeyboardInterrupt, GeneratorExit… raised by the file itself
        detail = f": {_one_line(exc)}" if str(exc) else ""
        raise SchoolError(
            f"{rel}{_line(exc, path)}: el archivo lanzó {type(exc).__name__}{detail}; "
            "un modelo solo define SCHOOL = School(...)"
        ) from None
    school = getattr(module, "SCHOOL", None)
    if not isinstance(school, School):
        raise SchoolError(f"{rel}: SCHOOL: el archivo debe definir SCHOOL = School(...)")
    try:
        validate(school)
        check_texts(school)
    except ModelError as exc:
        raise SchoolError(f"{rel}: {exc.field}: {exc.message}") from None
    except Exception as exc:  # e.g. a value whose own methods fail
        raise SchoolError(f"{rel}: SCHOOL: {type(exc).__name__}: {_one_line(exc)}") from None
    school.slug = slug
    school.pages_dir = path.with_suffix("")  # schools/<slug>/ holds the school's own Markdown
    return school


def reserved_slugs() -> set[str]:
    """Names the index site already uses at the top of site/."""
    pages = {p.stem for p in (ROOT / "docs" / "_index").glob("*.md")}
    return pages | {"assets", "search", "sw", "sitemap", "404"}


def load_all(directory: Path = SCHOOLS_DIR) -> list[School]:
    schools = [load(p) for p in school_files(directory)]
    if not schools:
        raise SchoolError(f"{_relative(directory)}: no hay ninguna escuela (schools/<slug>.py)")
    return schools


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _line(exc: BaseException, path: Path) -> str:
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if Path(frame.filename).resolve() == path.resolve():
            return f", línea {frame.lineno}"
    return ""


def _explain_type_error(exc: TypeError) -> str:
    text = str(exc)
    match = re.search(r"(\w+)\.__init__\(\) got an unexpected keyword argument '(\w+)'", text)
    if match:
        return f"{match.group(2)}: {match.group(1)} no tiene el campo «{match.group(2)}» (¿está bien escrito?)"
    match = re.search(r"(\w+)\.__init__\(\) missing \d+ required (?:positional )?arguments?: (.+)", text)
    if match:
        fields = match.group(2).replace("'", "")
        return f"{fields}: falta en {match.group(1)}(...) y es obligatorio"
    return text


if __name__ == "__main__":
    try:
        for s in load_all():
            print(s.slug, "ok")
    except SchoolError as e:
        sys.exit(str(e))
