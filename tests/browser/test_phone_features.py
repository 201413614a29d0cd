"""«Ya lo hice», «Agregar a mi calendario», «Compartir» and the poster's QR
in real Chromium (items 3, 4, 6 and 8 of issue 13)."""

from __future__ import annotations

import datetime
import json
import re
import subprocess

import pytest

pytestmark = pytest.mark.browser

KEY = "guia-nss:avance:"


@pytest.fixture
def phone_js(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="es-MX", accept_downloads=True)
    yield context.new_page()
    context.close()


def steps_of(built_site, slug):
    home = (built_site / slug / "index.html").read_text(encoding="utf-8")
    return re.search(r'data-steps="([^"]*)"', home).group(1).split()


def test_done_survives_a_reload_and_only_step_ids_are_stored(built_site, site_url, phone_js):
    page = phone_js
    slug = "oaxaca-ems"
    steps = steps_of(built_site, slug)
    page.goto(site_url + f"{slug}/pasos/{steps[1]}/")
    box = page.get_by_label("Ya lo hice")
    assert box.is_visible() and not box.is_checked()
    box.check()
    page.reload()
    assert page.get_by_label("Ya lo hice").is_checked()
    page.goto(site_url + f"{slug}/pasos/{steps[0]}/")
    page.get_by_label("Ya lo hice").check()
    stored = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    mine = {k: v for k, v in stored.items() if k.startswith("guia-nss:")}
    assert mine == {KEY + slug: json.dumps([steps[1], steps[0]], separators=(",", ":"))}
    assert set(json.loads(mine[KEY + slug])) <= set(steps)
    page.goto(site_url + f"{slug}/")
    progress = page.locator("[data-guia-progress]")
    assert progress.is_visible()
    assert progress.locator("[data-guia-progress-count]").inner_text() == f"2 de {len(steps)}"
    # next to the step list: right after it
    assert page.evaluate("() => document.querySelector('[data-guia-progress]').previousElementSibling.tagName") == "OL"
    page.get_by_role("button", name="Borrar mi avance").click()
    assert progress.locator("[data-guia-progress-count]").inner_text() == f"0 de {len(steps)}"
    assert page.evaluate("(k) => localStorage.getItem(k)", KEY + slug) is None
    page.goto(site_url + f"{slug}/pasos/{steps[1]}/")
    assert not page.get_by_label("Ya lo hice").is_checked()


def test_without_javascript_no_phone_control_shows(built_site, site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    steps = steps_of(built_site, "oaxaca-ems")
    page.goto(site_url + "oaxaca-ems/pasos/entregar-nss/")
    assert page.locator("[data-guia-done]").count() == 1 and not page.locator("[data-guia-done]").is_visible()
    assert not page.locator("form[data-guia-calendar]").first.is_visible()
    assert not page.get_by_role("button", name="Compartir").is_visible()
    page.goto(site_url + "oaxaca-ems/")
    assert not page.locator("[data-guia-progress]").is_visible()
    assert steps
    context.close()


def _ics(page, path, date: str | None):
    form = page.locator("form[data-guia-calendar]").first
    if date:
        form.locator("input[type=date]").fill(date)
    with page.expect_download() as info:
        form.get_by_role("button", name="Agregar a mi calendario").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    return download.suggested_filename, open(download.path(), "rb").read()


@pytest.mark.parametrize(
    "slug, step, days",
    [
        ("oaxaca-ems", "entregar-nss", 3),
        ("udg-cucs", "verificar-vigencia", 28),
    ],
)
def test_calendar_builds_an_rfc5545_event_with_a_reminder_the_day_before(
    built_site, site_url, phone_js, slug, step, days
):
    import icalendar

    page = phone_js
    requests = []
    page.goto(site_url + f"{slug}/pasos/{step}/")
    page.on("request", lambda r: requests.append((r.method, r.url, r.post_data)))
    form = page.locator("form[data-guia-calendar]").first
    assert form.is_visible()
    # an empty date is explained, not downloaded
    form.get_by_role("button", name="Agregar a mi calendario").click()
    assert "fecha" in form.locator("[role=status]").inner_text()
    name, data = _ics(page, f"{slug}/pasos/{step}/", "2026-08-10")
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    (event,) = calendar.walk("VEVENT")
    due = datetime.date(2026, 8, 10) + datetime.timedelta(days=days)
    assert event.decoded("DTSTART") == due
    summary = str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    assert summary and summary in form.locator(".guia-calendar__what").inner_text()
    assert description.startswith(summary) and "Contacto:" in description
    contact = (built_site / slug / "contacto" / "index.html").read_text(encoding="utf-8")
    assert description.split("Contacto: ", 1)[1].split(",")[0].rstrip(".") in contact
    assert event.get("UID") and event.get("DTSTAMP")
    (alarm,) = event.walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY"
    trigger = alarm.decoded("TRIGGER")
    assert datetime.datetime.combine(due, datetime.time()) + trigger == datetime.datetime.combine(
        due - datetime.timedelta(days=1), datetime.time()
    )
    # the .ics is made in the phone: no request carries the date or the file
    assert all(m == "GET" and not body and not re.search(r"2026|\.ics", u) for m, u, body in requests), requests


def test_share_falls_back_to_copying_the_guide_address(built_site, site_url, browser):
    context = browser.new_context(locale="es-MX")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    page.goto(site_url + "udg-cucs/contacto/")
    button = page.get_by_role("button", name="Compartir")
    url = button.get_attribute("data-url")
    assert url.endswith("/udg-cucs/") and "?" not in url and "utm" not in url
    button.click()
    page.wait_for_selector(".guia-share__status:not(:empty)")
    assert page.evaluate("() => navigator.clipboard.readText()") == url
    assert url in page.locator(".guia-share__status").inner_text()
    context.close()


def test_share_uses_the_web_share_api_when_there_is_one(site_url, browser):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("navigator.share = (data) => { window.__shared = data; return Promise.resolve(); };")
    page.goto(site_url + "oaxaca-ems/")
    page.get_by_role("button", name="Compartir").click()
    shared = page.evaluate("() => window.__shared")
    assert shared["url"].endswith("/oaxaca-ems/") and shared["title"]
    context.close()


@pytest.mark.parametrize("slug", ["oaxaca-ems", "udg-cucs"])
def test_poster_qr_decodes_to_the_printed_address(built_site, site_url, phone_js, tmp_path, slug):
    page = phone_js
    page.set_viewport_size({"width": 800, "height": 1100})
    page.goto(site_url + f"{slug}/cartel/")
    printed = page.locator(".guia-cartel__url").inner_text().strip()
    assert re.fullmatch(rf"https?://\S+/{slug}/", printed)
    assert page.locator(".guia-cartel img[alt^='Logo de']").is_visible()
    shot = tmp_path / "qr.png"
    page.locator("svg.guia-cartel__qr").screenshot(path=str(shot))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(shot)], capture_output=True, text=True, check=True)
    assert decoded.stdout.strip() == printed
    canonical = (built_site / slug / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{printed}">' in canonical


def test_printed_pages_carry_school_address_and_review_date(built_site, site_url, phone_js):
    page = phone_js
    page.goto(site_url + "udg-cucs/pasos/verificar-vigencia/")
    header = page.locator(".guia-print-header")
    assert not header.is_visible()  # on screen only the page
    page.emulate_media(media="print")
    assert header.is_visible()
    text = header.inner_text()
    name = page.locator(".guia-reviewed").inner_text()
    assert re.search(r"https?://\S+/udg-cucs/", text) and "Guía revisada el" in text
    assert text.split(" · ")[0] in name
    assert not page.locator(".md-header").is_visible() and not page.get_by_role("button", name="Compartir").is_visible()


def test_my_sheet_lists_steps_documents_deadlines_and_contacts_on_one_page(built_site, site_url, phone_js):
    page = phone_js
    page.goto(site_url + "oaxaca-ems/mi-hoja/")
    steps = steps_of(built_site, "oaxaca-ems")
    items = page.locator(".guia-checklist li").all_inner_texts()
    assert len(items) >= len(steps) >= 2
    home = (built_site / "oaxaca-ems" / "index.html").read_text(encoding="utf-8")
    for item in items:
        assert item.split(". ", 1)[1].removesuffix(" (opcional)") in home  # the steps' titles, as the home lists them
    text = page.locator(".guia-hoja").inner_text()
    assert "Ten a la mano" in text and "Fechas" in text and "Contacto" in text
    assert "3 días" in text  # Oaxaca's deadline
    page.emulate_media(media="print")
    for paper in ("Letter", "A4"):
        pdf = page.pdf(format=paper)
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert pages == 1, f"Mi hoja prints on {pages} {paper} pages"
