"""The guides in real headless Chromium at 360×740, as a student's phone."""

from __future__ import annotations

import pytest

from guide.testing import SCHOOL_SLUGS, run_axe

pytestmark = pytest.mark.browser

PAGE_TYPES = ["", "pasos/{first}/", "pasos/listo/", "problemas/", "preguntas/", "glosario/", "contacto/", "buscar/"]


def school_pages(built_site, slug):
    return sorted(p.relative_to(built_site).parent.as_posix() + "/" for p in (built_site / slug).rglob("index.html"))


def first_step(built_site, slug):
    from guide.schools import load_all

    return next(s for s in load_all() if s.slug == slug).steps[0]


def assert_no_horizontal_scroll(page, url):
    page.goto(url)
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{url}: {width[0]} px wide on a {width[1]} px screen"


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_no_horizontal_scroll_at_360(phone, site_url, built_site, slug):
    for path in school_pages(built_site, slug):
        assert_no_horizontal_scroll(phone, site_url + path)


def test_index_no_horizontal_scroll(phone, site_url, built_site):
    for p in built_site.glob("*/index.html"):
        if p.parent.name not in SCHOOL_SLUGS and not p.parent.name.startswith("_"):
            assert_no_horizontal_scroll(phone, site_url + p.parent.name + "/")
    assert_no_horizontal_scroll(phone, site_url)


@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_steps_are_numbered_and_chained(phone, site_url, built_site, slug):
    from guide.model import END_STEP
    from guide.schools import load_all

    school = next(s for s in load_all() if s.slug == slug)
    end = school.steps.index(END_STEP)
    total = end  # the required steps; the end page and optional steps after it are not counted
    phone.goto(f"{site_url}{slug}/pasos/{school.steps[0]}/")
    for n in range(1, total + 1):
        assert phone.locator(".guia-paso").inner_text() == f"Paso {n} de {total}"
        assert phone.url.endswith(f"/pasos/{school.steps[n - 1]}/")
        phone.get_by_role("link", name="Siguiente →").click()
    assert phone.url.endswith(f"/pasos/{END_STEP}/") and phone.locator(".guia-paso").count() == 0
    for step in school.steps[end + 1 :]:
        phone.get_by_role("link", name="Siguiente →").click()
        assert phone.url.endswith(f"/pasos/{step}/")
        assert phone.locator(".guia-paso").inner_text() == "Paso opcional"
        phone.get_by_role("link", name="← Anterior").click()
    for n in range(total, 0, -1):
        phone.get_by_role("link", name="← Anterior").click()
        assert phone.locator(".guia-paso").inner_text() == f"Paso {n} de {total}"


@pytest.mark.parametrize(
    "query, expected",
    [("clinica", "clínica"), ("inscripcion", "inscripción"), ("CLÍNICA", "clínica"), ("numero", "número")],
)
def test_search_folds_accents(phone, site_url, query, expected):
    requests = []
    phone.on("request", lambda r: requests.append(r.url))
    phone.goto(f"{site_url}udg-cucs/")
    assert not any("search.json" in u for u in requests), "search index loaded with the page"
    phone.get_by_role("link", name="Buscar en la guía").first.click()
    box = phone.get_by_role("searchbox")
    box.fill(query)
    results = phone.locator(".guia-results li")
    results.first.wait_for()
    assert results.count() >= 1
    assert not any(query.lower() in u.lower() for u in requests), "the query left the page"
    # The first hit's page really contains the accented word.
    phone.locator(".guia-results a").first.click()
    assert expected in phone.locator("article").inner_text().lower()


def typed_before_page_script(phone, url, text):
    """Open *url* holding guia.js back, type *text*, then let the script run."""
    held = []
    phone.route("**/guia.js", lambda route: held.append(route))
    phone.goto(url, wait_until="commit")
    box = phone.get_by_role("searchbox")
    box.fill(text)
    while not held:
        phone.wait_for_timeout(20)
    assert phone.evaluate("document.readyState") != "complete", "the page finished before guia.js ran"
    held[0].continue_()
    phone.wait_for_load_state("load")  # guia.js has run


def test_search_runs_words_typed_before_its_script(phone, site_url):
    # A slow phone shows the box before the deferred script runs: what the
    # student typed by then is searched without typing again.
    typed_before_page_script(phone, f"{site_url}udg-cucs/buscar/", "clinica")
    phone.locator(".guia-results li").first.wait_for()
    assert "página" in phone.locator("#guia-resultados > p").inner_text()


def test_index_filter_applies_words_typed_before_its_script(phone, site_url):
    typed_before_page_script(phone, site_url, "chiapas")
    shown = phone.locator(".guia-school:not([hidden])")
    assert shown.count() == 1 and "Tuxtla" in shown.inner_text()


def test_index_filters_schools_by_name_and_state(phone, site_url):
    phone.goto(site_url)
    items = phone.locator(".guia-school")
    assert items.count() == len(SCHOOL_SLUGS)
    box = phone.get_by_role("searchbox")
    box.fill("jalisco")
    visible = [t for t in items.all() if t.is_visible()]
    assert len(visible) == 1 and "Guadalajara" in visible[0].inner_text()
    box.fill("chiapas")
    visible = [t for t in items.all() if t.is_visible()]
    assert len(visible) == 1 and "Tuxtla" in visible[0].inner_text()
    box.fill("")
    assert len([t for t in items.all() if t.is_visible()]) == len(SCHOOL_SLUGS)


def test_dark_scheme_follows_the_phone_and_toggles(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme="dark")
    page = context.new_page()
    page.goto(f"{site_url}{SCHOOL_SLUGS[0]}/")
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    page.get_by_title("Cambiar a modo claro").click()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    page.reload()
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    context.close()


def test_contact_links_are_tappable(phone, site_url):
    phone.goto(f"{site_url}udg-cucs/contacto/")
    tel = phone.locator("a[href^='tel:+52']")
    assert tel.count() >= 3
    box = tel.first.bounding_box()
    assert box["height"] >= 24
    assert phone.locator("a[href='mailto:imss@udg.mx']").count() >= 1


def test_print_hides_navigation(phone, site_url, built_site):
    slug = SCHOOL_SLUGS[0]
    phone.emulate_media(media="print")
    phone.goto(f"{site_url}{slug}/pasos/{first_step(built_site, slug)}/")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".guia-pasos"):
        assert not phone.locator(selector).first.is_visible(), selector
    assert phone.locator("article").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("slug", SCHOOL_SLUGS)
def test_axe_finds_no_wcag_aa_violation(browser, site_url, built_site, slug, scheme):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    step = first_step(built_site, slug)
    for path in PAGE_TYPES:
        page.goto(site_url + slug + "/" + path.format(first=step))
        violations = run_axe(page)
        assert not violations, (path, violations)
    context.close()


def test_axe_index(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url)
    assert not run_axe(page)
    context.close()


def test_phone_menu_works_without_materials_bundle(phone, site_url):
    phone.goto(f"{site_url}udg-cucs/")
    phone.locator(".md-header label[for=__drawer]").click()
    phone.locator(".md-nav--primary label", has_text="Pasos").first.click()
    step = phone.locator(".md-nav--primary").get_by_role("link", name="2. Revisa tu vigencia de derechos")
    step.wait_for(state="visible")
    step.click()
    assert phone.url.endswith("/udg-cucs/pasos/verificar-vigencia/")
    assert phone.locator(".guia-paso").inner_text() == "Paso 2 de 3"  # cambio-clinica is optional


def test_glossary_term_shows_its_definition_on_tap(phone, site_url):
    phone.goto(f"{site_url}udg-cucs/pasos/obtener-nss/")
    term = phone.locator("article abbr[role=button]", has_text="CURP").first
    title = term.get_attribute("title")
    assert title and term.get_attribute("aria-expanded") == "false"
    term.tap()
    assert term.get_attribute("aria-expanded") == "true"
    definition = term.locator("xpath=following-sibling::*[1]")
    assert definition.inner_text().strip() == f"({title})"
    term.press("Enter")
    assert term.get_attribute("aria-expanded") == "false"
    assert phone.locator("article .guia-def").count() == 0
    assert run_axe(phone) == []
