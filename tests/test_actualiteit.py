"""Keeping current: review list, old-page notice, changelog page and feed, 'changed since' marker, examples."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from xml.etree import ElementTree

import pytest
import yaml

from conftest import DOCS, ROOT, SITE
from test_faults import append, assert_fails, build, copy  # noqa: F401  (fixture)

ATOM = "{http://www.w3.org/2005/Atom}"
CHANGES = yaml.safe_load((DOCS / "data" / "wijzigingen.yml").read_text(encoding="utf-8"))
EXAMPLES = yaml.safe_load((DOCS / "data" / "voorbeelden.yml").read_text(encoding="utf-8"))


def review(docs, *args):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "review.py"), "--docs", str(docs), *args],
                            capture_output=True, text=True, check=True)
    return result.stdout


@pytest.mark.slow
def test_old_page_shows_notice_and_is_listed_for_review(copy):
    path = copy / "docs/nl/wat/daders.md"
    path.write_text(path.read_text(encoding="utf-8").replace("stand_van_zaken: 2026-11-28", "stand_van_zaken: 2024-01-15"), encoding="utf-8")
    result = build(copy)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (copy / "out" / "wat" / "daders" / "index.html").read_text(encoding="utf-8")
    assert "Deze pagina is langer dan een jaar niet gecontroleerd" in html
    assert "langer dan een jaar" not in (copy / "out" / "wat" / "slachtoffers" / "index.html").read_text(encoding="utf-8")
    listed = review(copy / "docs", "--dagen", "365")
    assert "docs/nl/wat/daders.md`: stand van zaken 2024-01-15" in listed
    assert "slachtoffers.md`: stand" not in listed


def test_review_lists_open_facts_and_old_sources(tmp_path):
    later = (dt.date.today() + dt.timedelta(days=800)).isoformat()
    text = review(DOCS, "--vandaag", later)
    assert "## Feiten met een laatst bekende stand" in text
    assert "docs/nl/wat/wetgeving.md:" in text
    assert "geraadpleegd 2026-11-28" in text  # every source is then older than a year
    assert "docs/nl/hoe/stappenplan.md`: stand van zaken" in text


@pytest.mark.parametrize("folder,lang", [("", "nl"), ("en/", "en")])
def test_feed_is_valid_atom_with_every_change(folder, lang):
    root = ElementTree.parse(SITE / folder / "wijzigingen.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{child}") is not None, child
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(CHANGES)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids)
    for entry, change in zip(entries, sorted(CHANGES, key=lambda c: c["datum"], reverse=True)):
        expected = change["en"] if lang == "en" else change["tekst"]
        assert entry.find(f"{ATOM}title").text == expected
        assert entry.find(f"{ATOM}updated").text.startswith(str(change["datum"]))
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("http")
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_changes_page_and_start_page():
    page = (SITE / "wijzigingen" / "index.html").read_text(encoding="utf-8")
    for change in CHANGES:
        assert change["tekst"] in page
    start = (SITE / "index.html").read_text(encoding="utf-8")
    newest = sorted(CHANGES, key=lambda c: c["datum"], reverse=True)
    assert sum(c["tekst"] in start for c in CHANGES) == min(3, len(CHANGES))
    assert newest[0]["tekst"] in start


@pytest.mark.browser
def test_changed_since_last_visit_marker(browser, server):
    changed = CHANGES[0]["paginas"][0].replace(".md", "/").replace("index/", "")
    # A first-time reader sees no marker.
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + changed)
    assert not page.is_visible(".kompas-gewijzigd")
    context.close()
    # A reader whose previous visit ended before the change sees it, in a new visit.
    context = browser.new_context()
    page = context.new_page()
    page.goto(server)
    page.evaluate("localStorage.setItem('kompas.bezoek', JSON.stringify({v: 1, laatst: '2025-06-01T10:00:00Z', vorige: null}))")
    state = context.storage_state()
    context.close()
    context = browser.new_context(storage_state=state)
    page = context.new_page()
    page.goto(server + changed)
    assert page.is_visible(".kompas-gewijzigd")
    assert "Gewijzigd sinds je laatste bezoek" in page.inner_text(".kompas-gewijzigd")
    # A page that did not change shows nothing.
    page.goto(server + "wat/daders/")
    assert not page.is_visible(".kompas-gewijzigd")
    context.close()


def test_examples_library_lists_every_example():
    assert len(EXAMPLES) >= 12
    html = (SITE / "voorbeelden" / "index.html").read_text(encoding="utf-8")
    for example in EXAMPLES:
        assert f'id="{example["id"]}"' in html, example["id"]
        assert example["url"] in html
    assert len({e["provincie"] for e in EXAMPLES}) >= 6
    assert len({e["grootte"] for e in EXAMPLES}) == 4


def test_every_hoe_chapter_shows_its_examples():
    for path in sorted((DOCS / "nl" / "hoe").glob("*.md")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]) or {}
        themes = set(meta.get("kader_themas") or [])
        if path.name == "index.md" or meta.get("overzicht") or not themes:
            continue
        matching = [e for e in EXAMPLES if themes & set(e["themas"])]
        html = (SITE / "hoe" / path.stem / "index.html").read_text(encoding="utf-8")
        for example in matching:
            assert f"voorbeelden/#{example['id']}" in html or f"voorbeelden/#{example['id']}-" in html, f"{path.name}: {example['id']}"


@pytest.mark.slow
@pytest.mark.parametrize("field,bad,needle", [
    ("grootte", "> 100.000", "grootte"),
    ("url", "http://example.org/", "https"),
    ("vastgesteld", "2024-13-40", "ongeldige datum"),
    ("themas", "[bestaat-niet]", "bestaat-niet"),
])
def test_malformed_example_fails(copy, field, bad, needle):
    path = copy / "docs/data/voorbeelden.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    # change the field in the first example that has a different value
    for n, line in enumerate(lines):
        if line.strip().startswith(f"{field}:") and line.split(":", 1)[1].strip() != bad:
            indent = line[: len(line) - len(line.lstrip())]
            lines[n] = f"{indent}{field}: {bad if field != 'grootte' else repr(bad)}"
            break
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_fails(build(copy), "docs/data/voorbeelden.yml:", needle)
