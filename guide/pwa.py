"""The guide in the student's phone: public URL, web app manifest, icons,
poster QR, calendar entries (before MkDocs runs) and the Service Worker's
lists of what to keep offline (after every site was built).

Two calls from guide/build.py:
* `configure(school, docs, config)` while writing a school's project;
* `write_service_worker(site)` once every school is built (the one place
  sw.js is filled in; the widgets' demo pages call it with pages=False).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from pathlib import Path

from guide import calendar, icons, poster
from guide.context import raw_contact
from guide.model import END_STEP
from guide.shared_assets import fill

ROOT = Path(__file__).resolve().parent.parent
SW_TEMPLATE = ROOT / "overrides" / "widgets" / "sw.js"
LOCAL_URL = "http://127.0.0.1:8000/"
MANIFEST = "manifest.webmanifest"
ICONS_DIR = "assets/icons"
# Pages that are not in the navigation: the printable sheet and the poster.
OWN_PAGES = ("mi-hoja.md", "cartel.md")
# Files a page never needs offline: the manifest's icons (the phone keeps its
# own copy once installed) and Material's unused PNG favicon.
NOT_OFFLINE = (".png",)
# Printed pages (the office poster, «Mi hoja») are not read on the bus: not
# part of the offline copy, which stays ≤ 100 KB gzip per school.
NOT_OFFLINE_PATHS = ("cartel/", "mi-hoja/", "assets/stylesheets/cartel.css")


def description(name: str) -> str:
    """The guide in one sentence, for the meta description and the manifest.

    The school's name leads, so no article has to agree with it
    ("en Instituto…" would need "el").
    """
    return f"{name}: cómo obtener tu NSS y tu seguro de salud para estudiantes del IMSS."


def guia_url() -> str:
    """The site's public base URL: GUIA_URL (the Pages workflow sets it), else the local server."""
    url = os.environ.get("GUIA_URL", "").strip() or LOCAL_URL
    return url if url.endswith("/") else url + "/"


def school_url(slug: str) -> str:
    return guia_url() + slug + "/"


def manifest(school, icon_names=icons.ICONS) -> dict:
    """The school's web app manifest; URLs relative to the manifest at the school's root."""
    return {
        "id": "./",
        "name": f"Guía NSS · {school.short_name}",
        "short_name": school.short_name,
        "description": description(school.name),
        "lang": "es-MX",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": school.primary_color,
        "background_color": school.accent_color,
        "icons": [
            {"src": f"{ICONS_DIR}/{name}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
            for name, size, purpose in icon_names
        ],
    }


def configure(school, docs: Path, config: dict) -> None:
    """Add the phone features to a school's generated project (files in `docs`, keys in `config`)."""
    url = school_url(school.slug)
    config["site_url"] = url  # canonical links
    # glosario.md (docs/, engineer A): linked from the pages, not in the menu.
    config["not_in_nav"] = "\n".join("/" + page for page in (*OWN_PAGES, "glosario.md"))
    (docs / ICONS_DIR).mkdir(parents=True, exist_ok=True)
    for name, size, purpose in icons.ICONS:
        (docs / ICONS_DIR / name).write_bytes(icons.render(school.logo_svg, size, purpose, school.primary_color))
    (docs / MANIFEST).write_text(json.dumps(manifest(school), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    extra = config["extra"]
    # «Ya lo hice» on every step but the end page; "N de M" counts the required ones.
    checkable = [s for s in school.steps if s != END_STEP]
    optional = set(getattr(school, "optional_steps", ()))
    extra["phone"] = {
        "url": url,
        "qr_svg": poster.qr_svg(url),
        "checkable": checkable,
        "steps": [s for s in checkable if s not in optional],
        "calendar": calendar.entries(school, raw_contact(school)),  # extra["school"] is escaped for pages
    }


# ------------------------------------------------------------ after the build


def offline_files(site: Path, slug: str) -> list[str]:
    """What a school keeps offline after one visit, relative to the site root:
    every page (as its folder URL) but the printed ones, its CSS/JS, logo,
    manifest and search index. Not the widgets' files: like Pyodide, they are
    kept once a widget was used."""
    base = site / slug
    files = []
    for path in sorted(base.rglob("*")):
        if not path.is_file() or path.suffix in NOT_OFFLINE:
            continue
        rel = path.relative_to(site).as_posix()
        if rel[len(slug) + 1 :].startswith(NOT_OFFLINE_PATHS):
            continue
        files.append(rel[: -len("index.html")] if path.name == "index.html" else rel)
    return files


# The widgets' runtime (megabytes): cached only once used, never re-fetched by a deploy
# (not the .xz copies, which are never stored: their decoded files are).
_RUNTIME = re.compile(r"^_shared/(?!.*\.xz$)(pyodide-[0-9a-f]+/|stdlib[.-]|checker\.|lists\.|excel\.|worker\.)")


def index_files(site: Path, slugs: list[str]) -> list[str]:
    """The index site's pages and files (site root, outside the schools and _shared/)."""
    skip = set(slugs) | {"_shared", "demo"}
    files = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site)
        if not path.is_file() or rel.parts[0] in skip or path.name.startswith(".") or rel.as_posix() == "sw.js":
            continue
        files.append(rel.as_posix()[: -len("index.html")] if path.name == "index.html" else rel.as_posix())
    return files


def precache_bytes(site: Path, files: list[str]) -> tuple[int, int]:
    """(bytes, gzip bytes) of a school's offline files."""
    raw = gz = 0
    for rel in files:
        path = site / rel
        data = (path / "index.html" if rel.endswith("/") or path.is_dir() else path).read_bytes()
        raw += len(data)
        gz += len(gzip.compress(data, 6, mtime=0))
    return raw, gz


def write_service_worker(site: Path, pages: bool = True) -> dict[str, list[str]]:
    """Write site/sw.js with this build's lists; return {slug: offline files}.

    Everything is read from the built files, so a test can rewrite the lists
    of a changed copy of a site.  pages=False (the widgets' demo pages, no
    school): only VERSION and PRECACHE, so any page in scope may be kept."""
    site = Path(site)
    slugs = sorted(p.parent.name for p in site.glob("*/" + MANIFEST))
    schools = {slug: offline_files(site, slug) for slug in slugs}
    shared_dir = site / "_shared"
    shared_files = (
        sorted(p.relative_to(site).as_posix() for p in shared_dir.rglob("*") if p.is_file() and p.name != "MODULES.txt")
        if shared_dir.is_dir()
        else []
    )
    runtime = [f for f in shared_files if _RUNTIME.match(f)]
    digest = hashlib.sha256()
    for rel in sorted({f for files in schools.values() for f in files} | set(shared_files)):
        path = site / rel
        digest.update(rel.encode() + (path / "index.html" if path.is_dir() else path).read_bytes())
    values = {"VERSION": digest.hexdigest()[:12], "PRECACHE": runtime}
    if pages:
        values.update(SCHOOLS=schools, SHARED=shared_files, INDEX=index_files(site, slugs))
    (site / "sw.js").write_text(fill(SW_TEMPLATE.read_text(encoding="utf-8"), **values), encoding="utf-8")
    return schools
