"""Browser tests in a real Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "wat/wat-is-mensenhandel/",
    "hoe/stappenplan/",
    "met-wie/partners/",
    "begrippen/",
    "en/",
    "en/instructies/",
    "en/over/",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def describe(violations) -> str:
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(visit, path):
    v = visit(path)
    assert v.response and v.response.ok, f"/{path}: HTTP {v.response and v.response.status}"
    assert not v.errors, f"/{path}: console errors: {v.errors}"
    assert not v.outside, f"/{path}: requests outside 127.0.0.1: {v.outside}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_reports_no_violations(visit, path, scheme):
    v = visit(path, color_scheme="dark" if scheme == "slate" else "light")
    assert v.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    results = Axe().run(v.page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    assert not violations, f"/{path} ({scheme}):\n{describe(violations)}"


def search(v, query: str) -> list[str]:
    page = v.page
    page.keyboard.press("s")  # Material's shortcut opens search
    page.wait_for_selector(".md-search__input", state="visible")
    page.keyboard.type(query, delay=20)  # Material searches on key events, like a reader typing
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_dutch_search_returns_only_dutch_pages(visit, server):
    v = visit("wat/wat-is-mensenhandel/")
    hits = search(v, "uitbuiting")
    assert hits, "geen zoekresultaten"
    assert not [h for h in hits if h.startswith(server + "en/")], hits
    assert hits[0].startswith(server), hits[0]


def test_english_search_returns_only_english_pages(visit, server):
    v = visit("en/")
    hits = search(v, "exploitation")
    assert hits, "no search results"
    assert all(h.startswith(server + "en/") for h in hits), hits


def test_dutch_word_on_english_site_finds_no_dutch_page(visit, server):
    v = visit("en/")
    v.page.keyboard.press("s")
    v.page.wait_for_selector(".md-search__input", state="visible")
    v.page.keyboard.type("arbeidsuitbuiting", delay=20)
    expect(v.page.locator(".md-search-result__meta")).not_to_have_text(re.compile("Type to start"))
    hits = v.page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert all(h.startswith(server + "en/") for h in hits), hits


@pytest.mark.parametrize("path", ["", "en/", "wat/wat-is-mensenhandel/"])
def test_first_tab_reaches_skip_link(visit, path):
    v = visit(path)
    v.page.keyboard.press("Tab")
    focused = v.page.evaluate("() => ({cls: document.activeElement.className, href: document.activeElement.getAttribute('href')})")
    assert "md-skip" in focused["cls"], focused
    target = focused["href"]
    assert target.startswith("#") and v.page.query_selector(target) is not None, f"skip link points to {target}"


def test_search_index_loads_only_when_the_reader_searches(visit):
    v = visit("wat/wat-is-mensenhandel/")
    v.page.wait_for_timeout(500)
    loaded = v.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "search_index" in u or "/workers/search" in u], loaded
    hits = search(v, "uitbuiting")
    assert hits
    loaded = v.page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert [u for u in loaded if u.endswith("search/search_index.json")], loaded


SHIFTS = """window.kompasShift = 0;
new PerformanceObserver(list => list.getEntries().forEach(e => {
  if (!e.hadRecentInput) window.kompasShift += e.value;
})).observe({type: "layout-shift", buffered: true});"""


@pytest.mark.parametrize("path", ["", "wat/", "wat/wat-is-mensenhandel/", "hoe/zelfscan/", "en/"])
def test_page_does_not_shift_while_loading(browser, server, path):
    """What the scripts fill in (progress, buttons, the scan result) has its place from the first paint."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True)
    context.add_init_script(SHIFTS)
    page = context.new_page()
    page.goto(server + path, wait_until="load")
    page.wait_for_timeout(1000)
    shift = page.evaluate("window.kompasShift")
    context.close()
    assert shift < 0.01, f"{path or 'start'}: layout shift {shift:.3f} while loading"


GAPS = """[...document.querySelectorAll(".kompas-knoppen")].flatMap(row => {
  const boxes = [...row.querySelectorAll(".md-button")].map(b => b.getBoundingClientRect()).filter(r => r.width);
  return boxes.slice(1).map((r, i) => Math.max(r.left - boxes[i].right, r.top - boxes[i].bottom));
})"""


@pytest.mark.parametrize("path", ["", "en/"])
def test_button_rows_keep_a_gap_on_a_phone(browser, server, path):
    """Buttons in a row (.kompas-knoppen) wrap on a narrow screen; their borders must not touch."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(server + path)
    gaps = page.evaluate(GAPS)
    context.close()
    assert gaps, "no button row found"
    assert min(gaps) >= 8, f"{path or 'start'}: buttons only {min(gaps):.0f} px apart"


# ---------- palette (docs/assets/javascripts/palet.js) ----------

WATCH_BODY = """window.kompasBody = []; window.kompasHtml = []; window.kompasMeta = [];
new MutationObserver(list => list.forEach(m => {
  if (m.target === document.body) window.kompasBody.push(m.attributeName);
  if (m.target === document.documentElement && m.attributeName === "class" && m.oldValue !== m.target.className)
    window.kompasHtml.push([m.oldValue, m.target.className, document.body !== null]);
  m.addedNodes.forEach(n => { if (n.nodeName === "META" && n.name === "color-scheme") window.kompasMeta.push(n.content); });
})).observe(document, {attributes: true, attributeOldValue: true, childList: true, subtree: true});"""
COLOR_ATTRIBUTES = {"data-md-color-switching", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"}


def _palette_page(browser, server, scheme: str):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(WATCH_BODY)
    page = context.new_page()
    page.goto(server + "wat/wat-is-mensenhandel/", wait_until="networkidle")
    page.wait_for_timeout(800)  # Material removes the switching mark after its transitions
    return context, page


def test_palette_leaves_body_alone_when_no_colour_changes(browser, server):
    """Material sets the same colours on <body> again on every load, which restyles the whole page."""
    context, page = _palette_page(browser, server, "light")
    changed = [name for name in page.evaluate("window.kompasBody") if name in COLOR_ATTRIBUTES]
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    context.close()
    assert not changed, f"colour attributes on <body> changed on load without a new colour: {changed}"


def test_html_classes_are_set_before_the_page_is_drawn(browser, server):
    """A class change on <html> restyles the whole page (a rule in Material's CSS), so the head sets
    Material's classes at once and the bundle finds nothing to change."""
    context, page = _palette_page(browser, server, "light")
    changes = page.evaluate("window.kompasHtml")
    context.close()
    assert changes, "the head script did not run"
    late = [change for change in changes if change[2]]
    assert not late, f"classes on <html> changed after <body> existed: {late}"
    assert changes[-1][1] == "js js-focus-visible", changes


def test_color_scheme_meta_only_when_dark(browser, server):
    """Material's <meta name=color-scheme> restyles the whole page; a light page looks the same without it."""
    context, page = _palette_page(browser, server, "light")
    assert page.evaluate("document.querySelectorAll('meta[name=color-scheme]').length") == 0
    page.locator("label[for='__palette_1']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "dark")
    page.locator("label[for='__palette_0']").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    expect(page.locator("meta[name=color-scheme]")).to_have_attribute("content", "light")
    context.close()
    context, page = _palette_page(browser, server, "dark")
    assert page.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)") == ["dark"]
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") in ("dark", "normal")
    context.close()


def test_palette_still_switches_with_transitions_off(browser, server):
    context, page = _palette_page(browser, server, "dark")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    first = page.evaluate("window.kompasBody")
    assert "data-md-color-switching" in first, first  # set before the colours changed ...
    expect(body).not_to_have_attribute("data-md-color-switching", re.compile(".*"))  # ... and removed after
    page.evaluate("window.kompasBody = []")
    page.locator("label[for='__palette_0']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    changed = page.evaluate("window.kompasBody")
    assert changed.index("data-md-color-switching") < changed.index("data-md-color-scheme"), changed
    page.locator("label[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    context.close()
