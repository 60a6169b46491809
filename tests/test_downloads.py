"""Downloads: PDFs per part and whole, cards, the .docx template, the offline zip, the Downloads page."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import DOCS, SITE

DOWNLOADS = SITE / "downloads"
BUDGET = {  # bytes; a file above its budget fails the test
    "kompas.pdf": 20 * 1024 * 1024,
    "kompas-wat.pdf": 8 * 1024 * 1024,
    "kompas-hoe.pdf": 8 * 1024 * 1024,
    "kompas-met-wie.pdf": 8 * 1024 * 1024,
    "kompas-kaarten.pdf": 6 * 1024 * 1024,
    "beleidsplan-sjabloon.docx": 200 * 1024,
    "kompas-offline.zip": 40 * 1024 * 1024,
}


def route():
    soup = BeautifulSoup((SITE / "index.html").read_text(encoding="utf-8"), "lxml")
    return {p["id"]: [f"{p['id']}/"] + p["hoofdstukken"] for p in json.loads(soup.find("script", id="kompas-route").get_text())["delen"]}


def title(url):
    soup = BeautifulSoup((SITE / url / "index.html").read_text(encoding="utf-8"), "lxml")
    return soup.select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()


def pdf_text(name):
    reader = PdfReader(DOWNLOADS / name)
    return reader, re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


@pytest.mark.parametrize("name", sorted(BUDGET))
def test_file_exists_within_budget(name):
    path = DOWNLOADS / name
    assert path.exists(), f"{name} ontbreekt: `make build` maakt de downloads"
    assert path.stat().st_size <= BUDGET[name], f"{name}: {path.stat().st_size} bytes, budget {BUDGET[name]}"


@pytest.mark.parametrize("part", ["wat", "hoe", "met-wie"])
def test_part_pdf_contains_every_chapter_title(part):
    _, text = pdf_text(f"kompas-{part}.pdf")
    missing = [title(url) for url in route()[part] if re.sub(r"\s+", " ", title(url)) not in text]
    assert not missing, f"kompas-{part}.pdf mist: {missing}"
    assert "Stand van zaken" in text


def test_whole_pdf_has_as_many_chapters_as_the_nav():
    reader, text = pdf_text("kompas.pdf")
    pages = [u for urls in route().values() for u in urls]
    outline = reader.outline
    titles = [title(u) for u in pages]
    assert all(re.sub(r"\s+", " ", t) in text for t in titles)
    toc = text.split("Inhoud", 1)[1]
    assert sum(1 for t in titles if re.sub(r"\s+", " ", t) in toc) == len(pages)
    assert len(reader.pages) > len(pages)
    assert outline, "the PDF has no outline (bookmarks)"


def test_pdf_internal_links_work():
    reader = PdfReader(DOWNLOADS / "kompas-wat.pdf")
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") == "/Link" and "/Dest" in obj:
                internal += 1
    assert internal >= 10, f"only {internal} internal links in kompas-wat.pdf"


def test_cards_pdf_has_one_page_per_card():
    reader, text = pdf_text("kompas-kaarten.pdf")
    html = (SITE / "kaarten" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<section class="kompas-kaart-a4" id="([^"]+)"', html)
    assert len(cards) >= 4 + 1 + 3 + 5  # forms, route, partners per kind, Kader themes
    assert len(reader.pages) == len(cards), f"{len(reader.pages)} pages for {len(cards)} cards"
    for card in cards:
        single = PdfReader(DOWNLOADS / f"{card}.pdf")
        assert len(single.pages) == 1, f"{card}.pdf has {len(single.pages)} pages"
    assert "Wie bel je waarvoor?" in text and "0900-8844" in text


def test_docx_has_the_template_headings():
    from docx import Document

    data = yaml.safe_load((DOCS / "data" / "beleidsplan.yml").read_text(encoding="utf-8"))
    doc = Document(DOWNLOADS / "beleidsplan-sjabloon.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [f"{n}. {p['kop']}" for n, p in enumerate(data["onderdelen"], 1)]


def test_template_follows_the_chapter():
    """The template's headings are the ### headings under 'De onderdelen van een plan'."""
    data = yaml.safe_load((DOCS / "data" / "beleidsplan.yml").read_text(encoding="utf-8"))
    chapter = (DOCS / "nl" / "hoe" / "beleidsplan.md").read_text(encoding="utf-8")
    section = chapter.split("## De onderdelen van een plan", 1)[1].split("\n## ", 1)[0]
    assert [p["kop"] for p in data["onderdelen"]] == re.findall(r"^### (.+)$", section, re.M)


def test_downloads_page_lists_every_file_with_size_and_date():
    html = (SITE / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in BUDGET:
        assert re.search(rf'<a href="{re.escape(name)}">{re.escape(name)}</a></td><td>[^<]+</td><td>[\d,]+ (kB|MB)</td><td>\d{{4}}-\d\d-\d\d</td>', html), name
    for part in ("wat", "hoe", "met-wie"):
        assert "downloads/" in (SITE / part / "index.html").read_text(encoding="utf-8"), f"{part}/ does not link to the downloads"


@pytest.mark.browser
def test_offline_zip_works_from_disk(browser, tmp_path):
    with zipfile.ZipFile(DOWNLOADS / "kompas-offline.zip") as zf:
        zf.extractall(tmp_path)
    root = tmp_path / "kompas-aanpak-mensenhandel"
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((root / "index.html").as_uri())
    with page.expect_navigation():
        page.click('a.md-button--primary[href="wat/index.html"]')
    assert page.url.endswith("/wat/index.html")
    with page.expect_navigation():
        page.click('article a[href="wat-is-mensenhandel/index.html"]')
    assert "Wat is mensenhandel" in page.inner_text("article h1")
    page.keyboard.press("s")
    page.wait_for_selector(".md-search__input", state="visible")
    page.keyboard.type("zorgcoördinator", delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert first.startswith("file://") and ".html" in first
    assert not errors, errors
    context.close()
