"""Generate each school's MkDocs project and build every site into site/.

For each school: build/<slug>/mkdocs.yml (INHERITs the base mkdocs.yml) plus
build/<slug>/docs/ (the shared docs/ steps it uses, its own pages, logo and
colours). Each project is built by its own `mkdocs build -f` run, in parallel,
into a staging folder; only when every build succeeded does the staging
folder replace site/, so the last good site survives a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from guide import colors, escape, imss, mkdocs_messages, pwa
from guide.context import school_context
from guide.model import END_STEP, School
from guide.schools import ROOT, SCHOOLS_DIR, load, load_all

DOCS = ROOT / "docs"
INDEX_DOCS = DOCS / "_index"  # pages of the index site, not of a school
GLOSSARY = "_glosario.md"  # abbreviations, appended to every page by pymdownx.snippets
STEPS_DIR = "pasos"
SHARED_PAGES = [  # (file, nav title) around the steps, in nav order
    ("problemas.md", "Problemas frecuentes"),
    ("preguntas.md", "Preguntas frecuentes"),
    ("contacto.md", "Contacto"),
]
INDEX_PAGES = [("revisa-tus-datos.md", "Revisa tus datos"), ("revisa-tu-lista.md", "Revisa tu lista")]


class BuildError(Exception):
    pass


class NeedsFullBuild(BuildError):
    """rebuild_schools() cannot reuse the last build: build everything."""


# ------------------------------------------------------------ per-school project


def _step_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    raise BuildError(f"{path.relative_to(ROOT)}: la página necesita un título en la primera línea «# …»")


def write_project(school: School, out: Path, shared: dict) -> Path:
    """Write build/<slug>/ (mkdocs.yml + docs/) and return the config path."""
    _fresh_project_dir(out)
    docs = out / "docs"
    shutil.copytree(DOCS, docs, ignore=shutil.ignore_patterns("_index", STEPS_DIR))
    (docs / STEPS_DIR).mkdir()
    for step in school.steps:
        shutil.copy2(DOCS / STEPS_DIR / f"{step}.md", docs / STEPS_DIR / f"{step}.md")
    own_pages, sources = [], {}
    if school.pages_dir.is_dir():  # the school's own Markdown adds or replaces pages
        for page in sorted(school.pages_dir.rglob("*.md")):
            rel = page.relative_to(school.pages_dir)
            try:
                page.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise BuildError(
                    f"{_shown(page)}: la página no está guardada en UTF-8; guárdala como «UTF-8» en tu editor"
                ) from None
            sources[rel.as_posix()] = _shown(page)
            if not (docs / rel).exists():
                own_pages.append(rel.as_posix())
            (docs / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, docs / rel)
    assets = docs / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "logo.svg").write_text(school.logo_svg.strip() + "\n", encoding="utf-8")
    (assets / "school.css").write_text(colors.school_css(school.primary_color, school.accent_color), encoding="utf-8")

    context = school_context(school)
    nav = [{"Inicio": "index.md"}]
    steps = []
    n = 0
    for step in school.steps:
        title = _step_title(docs / STEPS_DIR / f"{step}.md")
        context["step_titles"][step] = title
        # Only required steps count: the end page and optional steps are not "Paso N".
        if step == END_STEP:
            label = title
        elif step in school.optional_steps:
            label = f"Opcional: {title}"
        else:
            n += 1
            label = f"{n}. {title}"
        steps.append({label: f"{STEPS_DIR}/{step}.md"})
    nav.append({"Pasos": steps})
    nav += [{title: page} for page, title in SHARED_PAGES]
    nav += own_pages
    nav.append({"Buscar": "buscar.md"})
    config = {
        "INHERIT": os.path.relpath(ROOT / "mkdocs.yml", out),
        # Escaped here; the hooks mark both as Markup for the theme templates.
        "site_name": f"Guía NSS · {escape.plain(school.short_name)}",
        "site_description": escape.plain(pwa.description(school.name)),
        "docs_dir": "docs",
        "theme": {
            "custom_dir": os.path.relpath(ROOT / "overrides", out),
            "logo": "assets/logo.svg",
            "favicon": "assets/logo.svg",
        },
        "hooks": [os.path.relpath(ROOT / "guide" / "hooks.py", out)],
        "extra_css": ["assets/stylesheets/guia.css", "assets/school.css"],
        "nav": nav,
        "extra": {
            "school": context,
            "imss": _imss_context(),
            "shared": _relative_shared(shared, 1),
            "index_url": "../",
            "page_sources": sources,
        },
    }
    if school.site_url:
        config["extra"]["school_url"] = escape.url(school.site_url)
    pwa.configure(school, docs, config)  # manifest, icons, poster QR, calendar (engineer D)
    path = out / "mkdocs.yml"
    path.write_text(_yaml(config), encoding="utf-8")
    return path


def _imss_context() -> dict:
    return {name: getattr(imss, name) for name in dir(imss) if name.isupper() and not name.startswith("_")}


def _relative_shared(shared: dict, depth: int) -> dict:
    """The widget tags pages need; shared assets live at the site root, `depth` levels up."""
    return {k: "../" * depth + shared[k] for k in ("widgets_js", "widgets_css") if k in shared}


class _PlainDumper(yaml.SafeDumper):
    """No &anchors/*aliases: the generated mkdocs.yml stays plain to read."""

    def ignore_aliases(self, data):
        return True


def _yaml(config: dict) -> str:
    return "# Generated by `python -m guide build` from schools/ and docs/. Do not edit.\n" + yaml.dump(
        config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100
    )


# ------------------------------------------------------------ index site


def write_index_project(schools: list[School], out: Path, shared: dict) -> Path:
    _fresh_project_dir(out)
    docs = out / "docs"
    shutil.copytree(INDEX_DOCS, docs)
    shutil.copy2(DOCS / GLOSSARY, docs / GLOSSARY)  # mkdocs.yml appends it to every page
    logos = docs / "assets" / "logos"
    logos.mkdir(parents=True, exist_ok=True)
    cards = []
    for s in sorted(schools, key=lambda s: s.name):
        (logos / f"{s.slug}.svg").write_text(s.logo_svg.strip() + "\n", encoding="utf-8")
        label = " · Escuela de ejemplo" if s.example else ""
        search = escape.html_text(f"{s.name} {s.short_name} {s.state} {s.city}".lower())
        cards.append(
            f'<li class="guia-school" data-guia-filter-text="{search}">'
            f'<a href="{s.slug}/"><img src="assets/logos/{s.slug}.svg" alt="" width="48" height="48">'
            f'<span><strong>{escape.html_text(s.name)}</strong>'
            f'<span class="guia-school__meta">{escape.html_text(" · ".join(filter(None, [s.state, s.level.capitalize()])))}{label}</span>'
            f"</span></a></li>"
        )
    (docs / "assets" / "stylesheets").mkdir(parents=True, exist_ok=True)
    (docs / "assets" / "school.css").write_text(colors.school_css("#1f5f4a", "#b1402b"), encoding="utf-8")
    config = {
        "INHERIT": os.path.relpath(ROOT / "mkdocs.yml", out),
        "site_name": "Guía NSS",
        "site_description": "Guías de cada escuela para obtener tu NSS y tu seguro de salud para estudiantes del IMSS.",
        "docs_dir": "docs",
        "theme": {"custom_dir": os.path.relpath(ROOT / "overrides", out)},
        "hooks": [os.path.relpath(ROOT / "guide" / "hooks.py", out)],
        "extra_css": ["assets/stylesheets/guia.css", "assets/school.css"],
        "nav": [{"Escuelas": "index.md"}] + [{t: p} for p, t in INDEX_PAGES] + [{"Buscar": "buscar.md"}],
        "extra": {
            "index": True,
            "shared": _relative_shared(shared, 0),
            "imss": _imss_context(),
            "schools_html": "\n".join(cards),
            "page_sources": {p.relative_to(INDEX_DOCS).as_posix(): _shown(p) for p in INDEX_DOCS.rglob("*.md")},
        },
    }
    path = out / "mkdocs.yml"
    path.write_text(_yaml(config), encoding="utf-8")
    return path


# ------------------------------------------------------------ building


def _mkdocs(config: Path, dest: Path) -> tuple[Path, str | None]:
    """Run one strict build; no --quiet, since strict mode counts the warnings it would hide."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1", NO_COLOR="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        capture_output=True,
        text=True,
        env=env,
    )
    output = proc.stderr + proc.stdout
    sources = (yaml.safe_load(config.read_text(encoding="utf-8")).get("extra") or {}).get("page_sources") or {}
    found = mkdocs_messages.reasons(output, sources, ROOT)
    if proc.returncode == 0 and not found:
        return config, None
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    if any(line.startswith("Traceback") for line in lines):
        found.append(lines[-1])  # the exception line says what went wrong
    return config, "; ".join(found or lines[-2:]) or "falló mkdocs"


def build(
    site: Path = ROOT / "site",
    work: Path = ROOT / "build",
    jobs: int | None = None,
    schools_dir: Path = SCHOOLS_DIR,
    widgets: bool = True,
) -> list[School]:
    """Build every school and the index into `site`, or leave `site` untouched.

    widgets=False skips Pyodide and the checker assets: a quicker preview for
    editors, where widgets show only their text.
    """
    site, work = Path(site).resolve(), Path(work).resolve()
    _check_target(site)
    schools = load_all(schools_dir)
    work.mkdir(parents=True, exist_ok=True)
    site.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        shared = _shared_assets(stage) if widgets else {}
        configs = {s.slug: write_project(s, work / s.slug, shared) for s in schools}
        index_config = write_index_project(schools, work / "_index", shared)
        dests = {cfg: stage / slug for slug, cfg in configs.items()}
        dests[index_config] = stage / "_index"
        _run_all(dests, jobs)
        for item in (stage / "_index").iterdir():
            item.rename(stage / item.name)
        (stage / "_index").rmdir()
        pwa.write_service_worker(stage)  # what each school keeps offline (engineer D)
        (stage / MARKER).write_text("Construido por python -m guide build; se reemplaza completo.\n", encoding="utf-8")
        _swap(stage, site)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    (work / SHARED_MANIFEST).write_text(json.dumps({"widgets": widgets, "shared": shared}), encoding="utf-8")
    return schools


SHARED_MANIFEST = "shared.json"  # what a later rebuild_schools() needs of the full build


def rebuild_schools(
    slugs: set[str],
    site: Path = ROOT / "site",
    work: Path = ROOT / "build",
    schools_dir: Path = SCHOOLS_DIR,
    widgets: bool = True,
) -> list[School]:
    """Rebuild only these schools' folders of a site `build()` made (`serve --watch` after an edit).

    The index and the shared assets stay; each school's folder is replaced only
    if all of them built. Raises BuildError when a full build is needed instead.
    """
    site, work = Path(site).resolve(), Path(work).resolve()
    try:
        last = json.loads((work / SHARED_MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        last = None
    if not (site / MARKER).is_file() or not last or last["widgets"] != widgets:
        raise NeedsFullBuild(f"{_shown(site)}: hace falta construir todo primero")
    schools = [load(schools_dir / f"{slug}.py") for slug in sorted(slugs)]
    stage = Path(tempfile.mkdtemp(prefix=".rebuild-", dir=site))
    try:
        _run_all({write_project(s, work / s.slug, last["shared"]): stage / s.slug for s in schools}, None)
        for school in schools:
            _swap(stage / school.slug, site / school.slug)
        pwa.write_service_worker(site)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return schools


def _run_all(dests: dict[Path, Path], jobs: int | None) -> None:
    """Run every MkDocs project in parallel; BuildError naming each one that failed."""
    with ThreadPoolExecutor(jobs or os.cpu_count() or 1) as pool:
        results = list(pool.map(lambda item: _mkdocs(*item), dests.items()))
    failures = [f"{cfg.parent.name}: {why}" for cfg, why in results if why]
    if failures:
        raise BuildError("no se publicó nada; " + " | ".join(failures))


def _shared_assets(stage: Path) -> dict:
    """Widget assets (Pyodide, checker, data) built once for all schools."""
    from guide import shared_assets  # needs node_modules: imported only when widgets are built

    data = shared_assets.POSTAL_DATA_DIR
    missing = [name for name in POSTAL_REQUIRED if not (data / name).is_file()]
    if missing:  # without it the postal-code widget could never answer
        raise BuildError(
            f"{_shown(data)}: faltan los datos de códigos postales ({', '.join(missing)}); "
            "genéralos con «make data» y vuelve a construir (o usa --sin-widgets)"
        )
    return shared_assets.build(stage, data_dir=data)


POSTAL_REQUIRED = ("meta.json", "index.bin")
PROJECT_MARKER = ".guia-nss-project"


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _ours(out: Path) -> bool:
    if (out / PROJECT_MARKER).is_file():
        return True
    try:  # projects generated before the marker existed
        return (out / "mkdocs.yml").read_text(encoding="utf-8").startswith("# Generated by `python -m guide build`")
    except (OSError, UnicodeDecodeError):
        return False


def _fresh_project_dir(out: Path) -> None:
    """Empty `out` for a generated project; only ever delete a folder this tool made."""
    if out.exists():
        if not _ours(out) and any(out.iterdir()):
            raise BuildError(
                f"{_shown(out)}: ya existe y no la generó esta herramienta; no la borro. "
                "Elige otra carpeta con --work o bórrala tú."
            )
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / PROJECT_MARKER).write_text(
        "Generado por python -m guide build; se borra en cada construcción.\n", encoding="utf-8"
    )


MARKER = ".guia-nss-site"


def _check_target(site: Path) -> None:
    """Refuse to replace anything that is not a site this tool built."""
    if site == Path(site.anchor) or site == ROOT or site == Path.home():
        raise BuildError(f"{site}: no se puede construir el sitio ahí; usa una carpeta propia, p. ej. site/")
    ours = site == ROOT / "site" or (site / MARKER).exists()  # site/ is gitignored output
    if site.exists() and not (site.is_dir() and (ours or not any(site.iterdir()))):
        raise BuildError(
            f"{site}: ya existe y no es un sitio construido por esta herramienta; "
            "no lo reemplazo. Elige otra carpeta o bórrala tú."
        )


def _swap(stage: Path, site: Path) -> None:
    """Put `stage` in place of `site`; the old site goes to a name no one else uses, then away."""
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
        site.rename(old / site.name)
    stage.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    os.chmod(site, 0o755)
