"""Zelfscan in a real Chromium: a fixed answer set with hand-computed results, storage, export/import, axe."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
import yaml
from axe_playwright_python.sync_playwright import Axe

from conftest import DOCS
from test_browser import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser

PAGE = "hoe/zelfscan/"
ITEMS = yaml.safe_load((DOCS / "data" / "zelfscan.yml").read_text(encoding="utf-8"))


def items(theme, level):
    return [i for i in ITEMS if i["thema"] == theme and i["niveau"] == level]


def test_item_counts_used_by_the_expectations():
    """The expectations below were worked out by hand for these numbers of items."""
    counts = {t: (len(items(t, "basis")), len(items(t, "verdieping"))) for t in ("beleid", "signaleren", "bewustwording", "samenwerking", "opvang")}
    assert counts == {"beleid": (7, 2), "signaleren": (6, 4), "bewustwording": (4, 4), "samenwerking": (4, 5), "opvang": (6, 3)}


def answer_set():
    answers = {}
    for i in items("beleid", "basis"):
        answers[i["id"]] = "ja"
    for i in items("beleid", "verdieping"):
        answers[i["id"]] = "nee"
    for n, i in enumerate(items("signaleren", "basis")):
        answers[i["id"]] = "deels" if n == 0 else "ja"
    for i in items("samenwerking", "basis") + items("samenwerking", "verdieping"):
        answers[i["id"]] = "ja"
    for n, i in enumerate(items("opvang", "basis")):
        answers[i["id"]] = "onbekend" if n == 0 else "ja"
    answers[items("opvang", "verdieping")[0]["id"]] = "ja"
    return answers


EXPECTED = {  # theme: (basis, verdieping, basis op orde)
    "beleid": ("7 van 7", "0 van 2", "✓ Ja"),
    "signaleren": ("5 van 6", "0 van 4", "Nee"),
    "bewustwording": ("0 van 4", "0 van 4", "Nee"),
    "samenwerking": ("4 van 4", "5 van 5", "✓ Ja"),
    "opvang": ("5 van 6", "1 van 3", "Nee"),
}


def expected_steps():
    # Basis items first, then higher weight, then nee before deels before weet-ik-niet, then page order.
    rank = {"nee": 0, "deels": 1, "onbekend": 2}
    answers = answer_set()
    order = {i["id"]: n for n, i in enumerate(ITEMS)}
    candidates = [i for i in ITEMS if answers.get(i["id"]) in rank]
    assert len(candidates) == 4  # signaleren basis 1 (deels), opvang basis 1 (weet ik niet), beleid verdieping 1 and 2 (nee)
    candidates.sort(key=lambda i: (i["niveau"] != "basis", -i["gewicht"], rank[answers[i["id"]]], order[i["id"]]))
    return [i["id"] for i in candidates[:3]]


def fill(page, answers):
    for item_id, value in answers.items():
        page.check(f'#vraag-{item_id} input[value="{value}"]')


def table(page):
    rows = {}
    for row in page.query_selector_all("#kompas-scan-resultaat tbody tr"):
        cells = [c.inner_text().strip() for c in row.query_selector_all("td")]
        rows[row.get_attribute("data-thema")] = tuple(cells)
    return rows


def test_fixed_answers_give_the_expected_result(visit):
    v = visit(PAGE)
    fill(v.page, answer_set())
    assert table(v.page) == EXPECTED
    steps = v.page.eval_on_selector_all(".kompas-scan-stappen li", "els => els.map(e => e.dataset.item)")
    assert steps == expected_steps()
    first = v.page.locator(".kompas-scan-stappen li a").first
    assert first.get_attribute("href").endswith("/") or "#" in first.get_attribute("href")
    assert v.page.inner_text(".kompas-scan-samenvatting") == f"Je hebt {len(answer_set())} van de {len(ITEMS)} vragen beantwoord."


def test_answers_survive_reload_and_export_clear_import(visit):
    v = visit(PAGE)
    answers = answer_set()
    fill(v.page, answers)
    first = ITEMS[0]["id"]
    v.page.click(f"#vraag-{first} .kompas-scan__notitie-knop")
    v.page.fill(f"#notitie-{first}", "Besproken in het MT van maart")
    v.page.reload()
    assert table(v.page) == EXPECTED
    assert v.page.input_value(f"#notitie-{first}") == "Besproken in het MT van maart"
    assert v.page.is_visible(f"#notitie-{first}"), "a saved note is shown open after a reload"
    assert v.page.get_attribute(f"#vraag-{first} .kompas-scan__notitie-knop", "aria-expanded") == "true"
    stored = json.loads(v.page.evaluate("localStorage.getItem('kompas.zelfscan')"))
    with v.page.expect_download() as info:
        v.page.click(".kompas-scan-export-json")
    exported = open(info.value.path(), encoding="utf-8").read()
    assert json.loads(exported)["antwoorden"] == stored["antwoorden"]
    with v.page.expect_download() as info:
        v.page.click(".kompas-scan-export-md")
    assert "Besproken in het MT van maart" in open(info.value.path(), encoding="utf-8").read()
    v.page.once("dialog", lambda d: d.accept())
    v.page.click(".kompas-scan-wis")
    assert json.loads(v.page.evaluate("localStorage.getItem('kompas.zelfscan')"))["antwoorden"] == {}
    assert table(v.page)["beleid"] == ("0 van 7", "0 van 2", "Nee")
    kept = v.page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('kompas.zelfscan.vorige.')).length")
    assert kept == 1, "cleared answers must be kept aside"
    v.page.set_input_files(".kompas-scan-import", files=[{"name": "scan.json", "mimeType": "application/json", "buffer": exported.encode()}])
    expect(v.page.locator(".kompas-scan-status")).not_to_have_text("")
    assert json.loads(v.page.evaluate("localStorage.getItem('kompas.zelfscan')"))["antwoorden"] == stored["antwoorden"]
    assert table(v.page) == EXPECTED


def test_note_button_opens_and_closes_the_field(visit):
    v = visit(PAGE)
    first = ITEMS[0]["id"]
    button = v.page.locator(f"#vraag-{first} .kompas-scan__notitie-knop")
    field = v.page.locator(f"#notitie-{first}")
    assert button.get_attribute("aria-controls") == f"notitieveld-{first}"
    expect(field).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    v.page.keyboard.press("Enter")
    expect(field).to_be_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert v.page.locator(f"label[for=notitie-{first}]").count() == 1
    button.click()
    expect(field).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    assert v.page.locator(f"#vraag-{ITEMS[1]['id']} .kompas-scan__notitie-knop").get_attribute("aria-expanded") == "false"


def test_corrupt_scan_storage_keeps_the_page_working(visit):
    v = visit(PAGE)
    v.plant("kompas.zelfscan", '{"v":1,"antwoorden":{"x":{"antwoord":"misschien"}}}')
    assert not v.errors, v.errors
    assert v.page.is_visible("#kompas-melding")
    assert v.page.evaluate("Object.keys(localStorage).some(k => k.startsWith('kompas.zelfscan.onleesbaar.'))")
    fill(v.page, {ITEMS[0]["id"]: "ja"})
    assert table(v.page)["beleid"][0] == "1 van 7"


def test_without_javascript_it_is_a_checklist(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGE)
    assert page.locator("fieldset.kompas-scan__vraag").count() == len(ITEMS)
    assert page.locator("html.no-js").count() == 1
    assert page.locator("fieldset.kompas-scan__vraag legend").first.is_visible()
    assert not page.is_visible("#kompas-scan-resultaat")
    assert not page.is_visible("#kompas-zelfscan-knoppen")
    assert not page.locator(".kompas-scan__notitie-knop").first.is_visible(), "without saving, no note field"
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_scan_and_result(visit, scheme):
    v = visit(PAGE, color_scheme=scheme)
    fill(v.page, answer_set())
    v.page.click(f"#vraag-{ITEMS[0]['id']} .kompas-scan__notitie-knop")
    results = Axe().run(v.page, options=AXE_OPTIONS)
    assert not results.response["violations"], describe(results.response["violations"])
