"""Reading progress, notes and sharing (docs/assets/javascripts/kompas.js) in a real Chromium."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

from test_browser import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

CHAPTER = "wat/daders/"
OTHER = "hoe/stappenplan/"


def stored(page, key):
    raw = page.evaluate(f"localStorage.getItem({json.dumps(key)})")
    return None if raw is None else json.loads(raw)


def write_note(page, text):
    page.click(".kompas-notities summary")
    page.fill("#kompas-notitie", text)
    expect(page.locator(".kompas-notities__status")).to_have_text("Opgeslagen")


def test_controls_hidden_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + CHAPTER)
    for selector in (".kompas-lezen", ".kompas-notities", ".kompas-delen"):
        assert not page.is_visible(selector), selector
    assert page.is_visible("article h1")
    page.goto(server)
    assert page.locator(".kompas-voortgang").count() == 1
    assert not page.is_visible(".kompas-voortgang"), "the progress box needs JavaScript"
    context.close()


def test_progress_survives_reload_and_new_context(visit, browser, server):
    v = visit(CHAPTER)
    button = v.page.locator(".kompas-gelezen")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    v.page.reload()
    assert v.page.locator(".kompas-gelezen").get_attribute("aria-pressed") == "true"
    state = v.context.storage_state()
    context = browser.new_context(storage_state=state)
    page = context.new_page()
    page.goto(server + "wat/")
    page.wait_for_selector(".kompas-voortgang:not([hidden])")
    assert page.inner_text(".kompas-voortgang__tekst").startswith("1 van ")
    link = page.locator(".kompas-verder")
    assert link.is_visible() and link.get_attribute("href").endswith(CHAPTER)
    page.goto(server)
    assert page.inner_text(".kompas-voortgang__tekst").startswith("1 van ")
    context.close()


def test_notes_survive_reload_and_new_context(visit, browser, server):
    v = visit(CHAPTER)
    write_note(v.page, "Eerste aantekening over daders.")
    v.page.reload()
    assert v.page.input_value("#kompas-notitie") == "Eerste aantekening over daders."
    context = browser.new_context(storage_state=v.context.storage_state())
    page = context.new_page()
    page.goto(server + "aantekeningen/")
    page.wait_for_selector(".kompas-aantekening")
    assert "Eerste aantekening over daders." in page.inner_text(".kompas-lijst")
    assert page.locator(".kompas-aantekening h2 a").get_attribute("href").endswith(CHAPTER)
    context.close()


def test_previous_schema_version_is_migrated(visit):
    v = visit(CHAPTER)
    old = {"v": 1, "notities": {CHAPTER: {"tekst": "Oude notitie uit versie 1", "datum": "2026-01-05T10:00:00Z"}}}
    v.plant("kompas.aantekeningen", json.dumps(old))
    assert v.page.input_value("#kompas-notitie") == "Oude notitie uit versie 1"
    new = stored(v.page, "kompas.aantekeningen")
    assert new["v"] == 2
    assert [(n["pagina"], n["tekst"], n["gewijzigd"]) for n in new["notities"]] == [
        (CHAPTER, "Oude notitie uit versie 1", "2026-01-05T10:00:00Z")
    ]
    assert not v.page.is_visible("#kompas-melding")


@pytest.mark.parametrize("raw", ["{kapot", '{"v": 2, "notities": "geen lijst"}', '{"v": 99, "notities": []}'])
def test_corrupt_storage_is_kept_aside(visit, raw):
    v = visit(CHAPTER)
    v.plant("kompas.aantekeningen", raw)
    assert not v.errors, v.errors
    expect(v.page.locator("#kompas-melding")).to_be_visible()
    assert "niet leesbaar" in v.page.inner_text("#kompas-melding")
    assert v.page.is_visible(".kompas-notities")
    kept = v.page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('kompas.aantekeningen.onleesbaar.')).map(k => localStorage.getItem(k))"
    )
    assert kept == [raw]
    write_note(v.page, "Nieuwe notitie na het herstel")
    v.page.goto(v.page.url.replace(CHAPTER, "aantekeningen/"))
    assert v.page.is_visible(".kompas-export-apart")
    with v.page.expect_download() as info:
        v.page.click(".kompas-export-apart")
    dump = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert list(dump.values()) == [raw]


def _export_json(page):
    with page.expect_download() as info:
        page.click(".kompas-export-json")
    return open(info.value.path(), encoding="utf-8").read()


def test_export_clear_import_gives_back_the_same_notes(visit, server):
    v = visit(CHAPTER)
    write_note(v.page, "Notitie bij daders\nmet twee regels")
    v.page.goto(server + OTHER)
    write_note(v.page, "Notitie bij het stappenplan")
    v.page.goto(server + "aantekeningen/")
    before = stored(v.page, "kompas.aantekeningen")
    exported = _export_json(v.page)
    assert json.loads(exported)["notities"] == before["notities"]
    with v.page.expect_download() as info:
        v.page.click(".kompas-export-md")
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert "Notitie bij het stappenplan" in markdown and "## " in markdown
    v.page.once("dialog", lambda d: d.accept())
    v.page.click(".kompas-wis-notities")
    assert stored(v.page, "kompas.aantekeningen")["notities"] == []
    v.page.set_input_files(".kompas-import", files=[{"name": "n.json", "mimeType": "application/json", "buffer": exported.encode()}])
    expect(v.page.locator(".kompas-status")).to_contain_text("2 aantekening")
    after = stored(v.page, "kompas.aantekeningen")
    assert after["notities"] == before["notities"]


def test_import_with_conflict_keeps_both(visit, server):
    v = visit(CHAPTER)
    write_note(v.page, "Mijn eigen tekst")
    incoming = {"v": 2, "notities": [{"id": "x1", "pagina": CHAPTER, "titel": "Daders", "tekst": "Tekst van een collega", "gewijzigd": "2026-03-01T09:00:00Z"}]}
    v.page.goto(server + "aantekeningen/")
    v.page.set_input_files(".kompas-import", files=[{"name": "c.json", "mimeType": "application/json", "buffer": json.dumps(incoming).encode()}])
    expect(v.page.locator(".kompas-status")).to_contain_text("1 aantekening")
    texts = sorted(n["tekst"] for n in stored(v.page, "kompas.aantekeningen")["notities"] if n["pagina"] == CHAPTER)
    assert texts == ["Mijn eigen tekst", "Tekst van een collega"]
    v.page.goto(server + CHAPTER)
    v.page.click(".kompas-notities summary")
    assert v.page.input_value("#kompas-notitie") == "Mijn eigen tekst"
    assert "Tekst van een collega" in v.page.inner_text(".kompas-notities__andere")


def test_import_of_a_broken_file_changes_nothing(visit, server):
    v = visit(CHAPTER)
    write_note(v.page, "Blijft staan")
    v.page.goto(server + "aantekeningen/")
    v.page.set_input_files(".kompas-import", files=[{"name": "k.json", "mimeType": "application/json", "buffer": b"geen json"}])
    expect(v.page.locator(".kompas-status")).to_contain_text("niet worden gelezen")
    assert [n["tekst"] for n in stored(v.page, "kompas.aantekeningen")["notities"]] == ["Blijft staan"]


def _tab_to(page, selector, limit=200):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({json.dumps(selector)})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_keyboard_only_mark_read_and_write_note(visit):
    v = visit(CHAPTER)
    page = v.page
    _tab_to(page, ".kompas-gelezen")
    page.keyboard.press("Enter")
    assert page.get_attribute(".kompas-gelezen", "aria-pressed") == "true"
    _tab_to(page, ".kompas-notities summary")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "kompas-notitie"
    page.keyboard.type("Getypt met alleen het toetsenbord")
    page.keyboard.press("Tab")  # leaving the field saves at once
    expect(page.locator(".kompas-notities__status")).to_have_text("Opgeslagen")
    assert stored(page, "kompas.aantekeningen")["notities"][0]["tekst"] == "Getypt met alleen het toetsenbord"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_with_notes_panel_open(visit, scheme):
    v = visit(CHAPTER, color_scheme=scheme)
    write_note(v.page, "Aantekening")
    v.page.locator(".kompas-gelezen").click()
    results = Axe().run(v.page, options=AXE_OPTIONS)
    assert not results.response["violations"], describe(results.response["violations"])


def test_axe_on_notes_page_with_notes(visit, server):
    v = visit(CHAPTER)
    write_note(v.page, "Aantekening voor de lijst")
    v.page.goto(server + "aantekeningen/")
    v.page.wait_for_selector(".kompas-aantekening")
    results = Axe().run(v.page, options=AXE_OPTIONS)
    assert not results.response["violations"], describe(results.response["violations"])


def test_share_copies_the_link_without_web_share(visit, server):
    v = visit(OTHER, permissions=["clipboard-read", "clipboard-write"])
    v.page.evaluate("delete Navigator.prototype.share")
    v.page.click(".kompas-deel")
    expect(v.page.locator(".kompas-deel__status")).not_to_have_text("")
    assert v.page.inner_text(".kompas-deel__status") == "Link gekopieerd"
    assert v.page.evaluate("navigator.clipboard.readText()") == server + OTHER


def test_reset_progress_only_when_there_is_something_to_clear(visit, server):
    v = visit("")
    reset = v.page.locator(".kompas-wis-voortgang")
    expect(v.page.locator(".kompas-voortgang__tekst")).to_contain_text("0 van ")
    expect(reset).to_be_disabled()
    v.page.goto(server + CHAPTER)
    v.page.locator(".kompas-gelezen").click()
    v.page.goto(server)
    expect(v.page.locator(".kompas-voortgang__tekst")).to_contain_text("1 van ")
    expect(reset).to_be_enabled()
    v.page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    expect(v.page.locator(".kompas-voortgang__tekst")).to_contain_text("0 van ")
    expect(reset).to_be_disabled()
    assert stored(v.page, "kompas.voortgang")["gelezen"] == {}
