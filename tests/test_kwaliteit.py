"""Quality gates on every built page: structure, readability, security policy, a11y in Chromium, zoom, keyboard."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup

from conftest import DOCS, ROOT, SITE, html_files
from kwaliteit import MAX_AVERAGE_SENTENCE, csp_problems, hygiene_problems, readability, text_for_reading
from test_browser import AXE_OPTIONS, describe
from test_faults import build, copy  # noqa: F401  (fixture)

PAGES = [p for p in html_files() if p.name != "404.html"] if SITE.exists() else []


def rel(path: Path) -> str:
    return path.relative_to(SITE).as_posix()


def url(path: Path) -> str:
    name = rel(path)
    return name[: -len("index.html")] if name.endswith("index.html") else name


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_markdown_hygiene(page):
    problems = hygiene_problems(soup(page))
    assert not problems, f"{rel(page)}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_readability(page):
    lang = "en" if rel(page).startswith("en/") else "nl"
    result = readability(text_for_reading(soup(page)), lang)
    assert result["gem_zinslengte"] <= MAX_AVERAGE_SENTENCE, f"{rel(page)}: gemiddeld {result['gem_zinslengte']} woorden per zin"


@pytest.mark.parametrize("page", PAGES + [SITE / "404.html"], ids=rel)
def test_content_security_policy(page):
    problems = csp_problems(page.read_text(encoding="utf-8"))
    assert not problems, f"{rel(page)}: " + "; ".join(problems)


def test_no_todo_in_content():
    bad = []
    for path in DOCS.rglob("*.md"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\b(TODO|FIXME|XXX)\b", line):
                bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:60]}")
    assert not bad, "\n".join(bad)


def test_security_txt_and_robots_txt():
    security = (SITE / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert re.search(r"^Contact: https?://\S+$", security, re.M)
    assert re.search(r"^Expires: \d{4}-\d\d-\d\dT00:00:00Z$", security, re.M)
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap:" in robots and "en/sitemap.xml" in robots
    pages_workflow = (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "include-hidden-files: true" in pages_workflow, "the Pages artifact would drop .well-known/"


# ---------- fault injection: each gate catches a planted error ----------


@pytest.mark.slow
def test_gates_catch_planted_errors(copy):
    chapter = copy / "docs/nl/wat/daders.md"
    text = chapter.read_text(encoding="utf-8")
    long_sentence = " ".join(["woord"] * 39) + " einde."
    planted = (
        "\n\n## Geplante fouten\n\n![](plaatje.svg)\n\n"
        '<script>window.geplant = true;</script>\n\n<script src="https://cdn.example.org/x.js"></script>\n\n'
        "Zie [klik hier](signalen.md).\n\n##### Te diep\n"
    )
    chapter.write_text(text + planted, encoding="utf-8")
    short_page = copy / "docs/nl/privacy.md"
    short_page.write_text(short_page.read_text(encoding="utf-8") + "\n\n" + " ".join([long_sentence] * 30) + "\n", encoding="utf-8")
    (copy / "docs/nl/wat/plaatje.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    result = build(copy)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (copy / "out" / "wat" / "daders" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "lxml")
    problems = " | ".join(hygiene_problems(page))
    assert "afbeelding zonder alt-tekst" in problems
    assert "vage linktekst 'klik hier'" in problems
    assert "h2 -> h5" in problems
    privacy = BeautifulSoup((copy / "out" / "privacy" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert readability(text_for_reading(privacy))["gem_zinslengte"] > MAX_AVERAGE_SENTENCE
    csp = " | ".join(csp_problems(html))
    assert "inline script zonder hash" not in csp, "scripts in the sources are part of the build and get a hash"
    assert "script van een andere host: https://cdn.example.org/x.js" in csp
    # An inline script added after the build (not by the site) has no hash:
    tampered = html.replace("</body>", "<script>alert(1)</script></body>")
    assert "inline script zonder hash: 'alert(1)'" in " | ".join(csp_problems(tampered))


# ---------- reproducible build ----------


@pytest.mark.slow
def test_two_builds_are_identical(copy, tmp_path):
    """Two builds of the same sources give the same files.

    Documented exceptions: none within one day. The 'not checked for a year'
    notice depends on the build date, so builds on different days may differ.
    """
    first = build(copy)
    assert first.returncode == 0
    (copy / "out").rename(tmp_path / "eerste")
    second = build(copy)
    assert second.returncode == 0
    different = []

    def compare(cmp, prefix=""):
        different.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            compare(sub, prefix + name + "/")

    compare(filecmp.dircmp(tmp_path / "eerste", copy / "out"))
    assert not different, different


# ---------- in Chromium: every page, both palettes ----------


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_every_page_in_chromium(browser, server, page, scheme):
    context = browser.new_context(color_scheme=scheme)
    tab = context.new_page()
    errors, outside = [], []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1:", "data:", "blob:")) else None)
    tab.goto(server + url(page), wait_until="load")
    # Only colour rules depend on the palette: the dark scheme is checked for contrast, the light one for everything.
    options = AXE_OPTIONS if scheme == "light" else {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}
    results = Axe().run(tab, options=options)
    context.close()
    violations = results.response["violations"]
    assert not violations, f"{rel(page)} ({scheme}):\n{describe(violations)}"
    assert not errors, f"{rel(page)}: console errors (CSP?): {errors}"
    assert not outside, f"{rel(page)}: requests outside the site: {outside}"


ZOOM_PAGES = ["wat/wat-is-mensenhandel/", "wat/aard-en-omvang/", "wat/signalen/", "hoe/beleidsdomeinen/",
              "met-wie/partners/", "met-wie/ketenkaart/", "met-wie/binnen-de-gemeente/", "hoe/zelfscan/",
              "voorbeelden/", "en/", "en/wat/signalen/"]

STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5; })
    .filter(e => !e.closest('.md-typeset__scrollwrap, .md-sidebar, pre'))
    .slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' (right ' + Math.round(e.getBoundingClientRect().right) + 'px)');
}"""


def horizontal_overflow(page) -> tuple[int, list[str]]:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return overflow, page.evaluate(STICKING_OUT)


@pytest.mark.browser
@pytest.mark.parametrize("path", ZOOM_PAGES)
def test_no_horizontal_scrolling_at_400_percent(visit, path):
    """400% zoom of a 1280 px window is a 320 CSS px wide viewport (WCAG 1.4.10 Reflow)."""
    v = visit(path, viewport={"width": 320, "height": 640})
    overflow, elements = horizontal_overflow(v.page)
    assert overflow <= 0, f"/{path}: {overflow}px horizontal scroll at 320px; sticking out: {elements}"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "en/"])
def test_language_menu_stays_on_a_narrow_screen(visit, path):
    """The header does not always show the same buttons; the language menu may then be the
    rightmost one. Its closed list still takes space, so it must open towards the left."""
    v = visit(path, viewport={"width": 320, "height": 640})
    v.page.add_style_tag(content=".md-header__inner > :not(.md-header__title):not(:has(.md-select)) { display: none !important }")
    right = v.page.evaluate("document.querySelector('.md-select').getBoundingClientRect().right")
    assert right > 320 - 60, "the language menu should now be the rightmost header button"
    overflow, elements = horizontal_overflow(v.page)
    assert overflow <= 0, f"/{path}: {overflow}px horizontal scroll at 320px; sticking out: {elements}"
    v.page.hover(".md-select")
    box = v.page.locator(".md-select__inner").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, f"language menu outside the screen: {box}"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["wat/vormen/", "hoe/zelfscan/"])
def test_screen_reader_text_is_not_shown(visit, path):
    """Names meant for screen readers only (nav toggles, zelfscan note fields) take no room on screen."""
    v = visit(path)
    sizes = v.page.evaluate("[...document.querySelectorAll('.kompas-onzichtbaar')].map(e => [e.textContent, e.getBoundingClientRect().width, e.getBoundingClientRect().height])")
    assert sizes, f"/{path}: no screen-reader-only text found"
    shown = [s for s in sizes if s[1] > 1 or s[2] > 1]
    assert not shown, f"/{path}: screen-reader-only text is visible: {shown[:3]}"
    assert v.page.locator(".kompas-onzichtbaar").first.evaluate("e => e.textContent.trim().length") > 0


@pytest.mark.browser
def test_keyboard_walks_start_chapter_and_search(visit, server):
    v = visit("")
    page = v.page
    page.keyboard.press("Tab")
    assert "md-skip" in page.evaluate("document.activeElement.className")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "wat/":
            break
    else:
        raise AssertionError("Tab never reached the link into deel Wat")
    page.keyboard.press("Enter")
    page.wait_for_url(server + "wat/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        raise AssertionError("Tab never reached the search field")
    page.keyboard.type("zorgcoördinator", delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    assert "md-search-result__link" in page.evaluate("document.activeElement.className")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.startswith(server) and "?h=" in page.url and page.url != server + "wat/"


# ---------- spelling ----------

from spelling import SKIP as SPELLING_SKIP  # noqa: E402
from spelling import known_words, page_text, unknown_words  # noqa: E402

KNOWN = known_words()


@pytest.mark.parametrize("page", [p for p in PAGES if rel(p) not in SPELLING_SKIP], ids=rel)
def test_spelling(page):
    lang = "en" if rel(page).startswith("en/") else "nl"
    words = unknown_words(page_text(page.read_text(encoding="utf-8")), lang, KNOWN)
    assert not words, (f"{rel(page)}: onbekende woorden {words}. Verbeter de spelling, of zet een juist woord "
                       "in tests/woordenlijst.txt (of in de begrippenlijst).")


def test_spelling_catches_an_unknown_word():
    assert unknown_words("Gemeenten pakken mensenhandel aan met een mensenhandelplanx.", "nl", KNOWN) == ["mensenhandelplanx"]
    assert unknown_words("Municipalities tackle trafficking with a plann.", "en", KNOWN) == ["plann"]
    assert unknown_words("De zorgcoördinator helpt slachtoffers.", "nl", KNOWN) == []
