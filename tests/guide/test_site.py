"""The built site as files: links, assets, privacy, reproducibility, safe swaps."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from guide.testing import ROOT, SCHOOL_SLUGS, build_cli
from tests.guide.test_model import GOOD

OFFICIAL_HOSTS = ("imss.gob.mx", "gob.mx")


class Refs(HTMLParser):
    """Every URL a page links to or loads, split by kind."""

    def __init__(self):
        super().__init__()
        self.links, self.assets, self.csp = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and a.get("src"):
            self.assets.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "prev", "next"):
            self.assets.append(a["href"])
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp.append(a.get("content", ""))


def pages(site: Path):
    return sorted(site.rglob("*.html"))


def parse(page: Path) -> Refs:
    refs = Refs()
    refs.feed(page.read_text(encoding="utf-8"))
    return refs


def url_of(site: Path, page: Path) -> str:
    return "http://site/" + page.relative_to(site).as_posix()


def resolve(site: Path, url: str) -> Path:
    path = site / urlsplit(url).path.lstrip("/")
    return path / "index.html" if url.split("#")[0].endswith("/") or path.is_dir() else path


def test_every_school_and_the_index_are_built(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for slug in SCHOOL_SLUGS:
        assert (built_site / slug / "index.html").is_file(), slug
        assert f'href="{slug}/"' in html


def test_every_internal_link_resolves(built_site):
    broken = []
    for page in pages(built_site):
        for href in parse(page).links + parse(page).assets:
            if href.startswith(("http:", "https:", "tel:", "mailto:", "data:")):
                continue
            target = urljoin(url_of(built_site, page), href)
            path = urlsplit(target).path
            if not resolve(built_site, "http://site" + path).exists():
                broken.append(f"{page.relative_to(built_site)} → {href}")
    assert not broken, broken[:20]


def test_no_external_asset_and_links_out_only_to_official_pages(built_site):
    from guide.schools import load_all

    school_hosts = {urlsplit(s.site_url).hostname for s in load_all() if s.site_url}
    school_hosts |= {urlsplit(o.web).hostname for s in load_all() for o in s.offices if o.web}
    bad_assets, bad_links = [], []
    for page in pages(built_site):
        refs = parse(page)
        bad_assets += [f"{page.relative_to(built_site)}: {u}" for u in refs.assets if re.match(r"(https?:)?//", u)]
        for href in refs.links:
            host = urlsplit(href).hostname if href.startswith("http") else None
            if host and not (host.endswith(OFFICIAL_HOSTS) or host in school_hosts):
                bad_links.append(f"{page.relative_to(built_site)}: {href}")
    assert not bad_assets, bad_assets[:10]
    assert not bad_links, bad_links[:10]
    # Nothing in CSS or JS that the site serves names another host either.
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not re.search(r"url\(\s*['\"]?https?://|fonts\.googleapis|unpkg\.com|cdn\.jsdelivr", text), path


def test_every_page_has_an_own_origin_csp(built_site):
    for page in pages(built_site):
        csp = parse(page).csp
        assert len(csp) == 1, page
        policy = dict(part.strip().split(" ", 1) for part in csp[0].split(";") if part.strip())
        assert policy["default-src"] == "'self'", page
        for directive, sources in policy.items():
            for source in sources.split():
                assert source in ("'self'", "'none'", "'wasm-unsafe-eval'", "data:"), (page, directive, source)
        assert "unsafe-inline" not in csp[0] and "unsafe-eval'" not in csp[0].replace("wasm-unsafe-eval'", "")
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", html), page


def test_no_unrendered_template_ships(built_site):
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".js", ".css", ".txt") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "{%" not in text and "{{ " not in text, path


def test_no_search_index_or_bundle_loaded_by_pages(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "search_index.json" not in html and "bundle." not in html, page


def test_each_school_has_its_brand(built_site):
    from guide.schools import load_all

    for school in load_all():
        home = (built_site / school.slug / "index.html").read_text(encoding="utf-8")
        assert school.name.split()[0] in home
        assert 'rel="icon" href="assets/logo.svg"' in home
        css = (built_site / school.slug / "assets" / "school.css").read_text(encoding="utf-8")
        assert "--md-primary-fg-color:" in css
        assert (built_site / school.slug / "assets" / "logo.svg").read_text(encoding="utf-8").startswith("<svg")
        assert "Guía revisada el" in home


def digest_tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_build_is_reproducible(built_site, tmp_path):
    proc = build_cli("--site", tmp_path / "again", "--work", tmp_path / "work")
    assert proc.returncode == 0, proc.stderr
    first, second = digest_tree(built_site), digest_tree(tmp_path / "again")
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:10]


def test_failed_build_leaves_previous_site_intact(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    site, work = tmp_path / "site", tmp_path / "work"
    assert build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", work).returncode == 0
    before = digest_tree(site)
    # A page of the school's own with a template typo fails inside mkdocs.
    (schools / "prueba").mkdir()
    (schools / "prueba" / "extra.md").write_text("# Extra\n\n{{ school.horario_inexistente }}\n", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", work)
    assert proc.returncode == 1
    assert "horario_inexistente" in proc.stderr and "Traceback" not in proc.stderr
    assert "prueba/extra.md" in proc.stderr  # the school's own file, not a generated path
    assert len(proc.stderr.strip().splitlines()) == 1
    assert digest_tree(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []
    # A broken model fails before anything is built, also leaving the site.
    (schools / "prueba" / "extra.md").unlink()
    (schools / "prueba.py").write_text(GOOD.replace('"#1a5c3a"', '"#12345"'), encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", work)
    assert proc.returncode == 1 and "primary_color" in proc.stderr
    assert digest_tree(site) == before


def test_make_serve_answers_on_the_port(tmp_path):
    port = 8765
    proc = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.time() + 300
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.time() < deadline, "make serve did not answer"
                time.sleep(0.5)
        for slug in SCHOOL_SLUGS:
            assert f'href="{slug}/"' in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{SCHOOL_SLUGS[0]}/", timeout=5) as response:
            assert response.status == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_school_adds_and_replaces_pages_with_its_own_markdown(tmp_path):
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (schools / "prueba" / "becas.md").write_text(
        "# Becas\n\nPregunta por la beca de {{ school.short_name }}.\n", encoding="utf-8"
    )
    (schools / "prueba" / "contacto.md").write_text("# Contacto\n\nVen a la ventanilla 3.\n", encoding="utf-8")
    site = tmp_path / "site"
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", tmp_path / "work")
    assert proc.returncode == 0, proc.stderr
    added = (site / "prueba" / "becas" / "index.html").read_text(encoding="utf-8")
    assert "Pregunta por la beca de Prueba." in added
    assert "ventanilla 3" in (site / "prueba" / "contacto" / "index.html").read_text(encoding="utf-8")
    # The rest of the shared guide is still there, untouched.
    assert (site / "prueba" / "pasos" / "obtener-nss" / "index.html").is_file()
    assert (site / "prueba" / "problemas" / "index.html").is_file()
    assert 'href="becas/"' in (site / "prueba" / "index.html").read_text(encoding="utf-8")


def test_build_never_replaces_a_folder_it_did_not_build(tmp_path):
    target = tmp_path / "trabajo"
    target.mkdir()
    (target / "tesis.docx").write_text("importante", encoding="utf-8")
    proc = build_cli("--sin-widgets", "--site", target, "--work", tmp_path / "work")
    assert proc.returncode == 1 and "no lo reemplazo" in proc.stderr
    assert (target / "tesis.docx").read_text(encoding="utf-8") == "importante"


def test_a_school_cannot_take_an_index_page_name(tmp_path):
    schools = tmp_path / "schools"
    schools.mkdir()
    (schools / "buscar.py").write_text(GOOD, encoding="utf-8")
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", tmp_path / "site", "--work", tmp_path / "w")
    assert proc.returncode == 1 and "buscar.py: «buscar» ya es una página del índice" in proc.stderr
    assert "Traceback" not in proc.stderr


def _nav_labels(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', html)


def test_nav_numbers_only_required_steps(built_site):
    # udg-cucs: three required steps, the end page, then an optional step.
    labels = _nav_labels(built_site / "udg-cucs" / "index.html")
    numbered = [label for label in labels if re.match(r"\d+\. ", label)]
    assert [label.split(". ")[0] for label in numbered] == ["1", "2", "3"]
    assert any(label.startswith("Listo") for label in labels)
    assert any(label.startswith("Opcional: ") for label in labels)


def test_index_card_has_no_dangling_separator(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    metas = re.findall(r'<span class="guia-school__meta">([^<]*)</span>', html)
    assert metas and all(not m.startswith(" · ") and " ·  · " not in m for m in metas)


def test_a_page_cannot_include_files_outside_the_school_docs(tmp_path):
    # pymdownx.snippets reads only the school's generated docs folder.
    schools = tmp_path / "schools"
    (schools / "prueba").mkdir(parents=True)
    (schools / "prueba.py").write_text(GOOD, encoding="utf-8")
    (schools / "prueba" / "fuga.md").write_text('# Fuga\n\n--8<-- "mkdocs.yml"\n', encoding="utf-8")
    site = tmp_path / "site"
    proc = build_cli("--sin-widgets", "--schools", schools, "--site", site, "--work", tmp_path / "work")
    assert proc.returncode == 1
    assert "fuga.md" in proc.stderr and "Traceback" not in proc.stderr
    assert not site.exists()
