"""English edition: translation status, fallback notice, language switcher, Dutch terms kept."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import DOCS, SITE
from vertalingen import digest, stamp, status

pytestmark = []


def test_no_translation_is_outdated():
    rows, ok = status(DOCS)
    bad = [f"{key}: {state} {detail}" for key, state, detail in rows if state not in ("vertaald", "ontbreekt")]
    assert ok and not bad, "\n".join(bad) + "\nWerk de vertaling bij en draai: python scripts/vertalingen.py --stempel docs/en/<pagina>.md"


def test_required_pages_are_translated():
    rows, _ = status(DOCS)
    translated = {key for key, state, _ in rows if state == "vertaald"}
    required = {"nl/index.md", "nl/instructies.md", "nl/over.md", "nl/wat/index.md", "nl/hoe/index.md", "nl/met-wie/index.md",
                "nl/wat/terugblik.md", "nl/hoe/terugblik.md", "nl/met-wie/terugblik.md", "nl/begrippen.md", "nl/wat/signalen.md",
                "nl/met-wie/partners.md", "nl/toegankelijkheid.md", "nl/privacy.md"}
    assert required <= translated, sorted(required - translated)


def test_changed_dutch_source_makes_translation_outdated(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    rows, ok = status(docs)
    assert ok
    source = docs / "nl" / "instructies.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEen nieuwe zin in het Nederlands.\n", encoding="utf-8")
    rows, ok = status(docs)
    assert not ok
    assert ("nl/instructies.md", "VEROUDERD") in [(k, s) for k, s, _ in rows]
    # After the translation is checked, stamping it marks it as current again.
    stamp(docs / "en" / "instructies.md", docs)
    rows, ok = status(docs)
    assert ok, [r for r in rows if r[1] == "VEROUDERD"]
    assert f"vertaling_hash: {digest(source)}" in (docs / "en" / "instructies.md").read_text(encoding="utf-8")


def test_fallback_page_has_english_notice_and_dutch_language():
    html = (SITE / "en" / "wat" / "daders" / "index.html").read_text(encoding="utf-8")
    assert "This chapter is available in Dutch only" in html
    assert '<div lang="nl">' in html
    translated = (SITE / "en" / "wat" / "signalen" / "index.html").read_text(encoding="utf-8")
    assert "available in Dutch only" not in translated


@pytest.mark.parametrize("path", ["", "wat/daders/", "hoe/zelfscan/", "met-wie/partners/"])
def test_language_switcher_leads_to_the_same_page(path):
    nl = (SITE / path / "index.html").read_text(encoding="utf-8")
    en = (SITE / "en" / path / "index.html").read_text(encoding="utf-8")
    to_en = re.search(r'<a href="([^"]+)" hreflang="en" class="md-select__link"', nl).group(1)
    to_nl = re.search(r'<a href="([^"]+)" hreflang="nl" class="md-select__link"', en).group(1)
    assert ((SITE / path) / to_en).resolve() == (SITE / "en" / path).resolve(), to_en
    assert ((SITE / "en" / path) / to_nl).resolve() == (SITE / path).resolve(), to_nl


@pytest.mark.parametrize("name", ["instructies.md", "wat/signalen.md", "over.md"])
def test_dutch_terms_kept_with_explanation(name):
    text = (DOCS / "en" / name).read_text(encoding="utf-8")
    italic_dutch = re.findall(r"\*([a-zà-ÿ][\wà-ÿ ]+)\* \(", text)
    assert italic_dutch, f"{name}: no Dutch term given in italics with an explanation"


def test_english_pages_keep_the_dutch_heading_anchors():
    """A link to a heading works in both languages: every Dutch heading id exists on the English page."""
    from bs4 import BeautifulSoup

    rows, _ = status(DOCS)
    for key, state, _ in rows:
        if state != "vertaald":
            continue
        path = key[len("nl/"):].replace(".md", "")
        url = "" if path == "index" else (path[: -len("index")] if path.endswith("index") else path + "/")
        ids = {}
        for lang, folder in (("nl", SITE), ("en", SITE / "en")):
            soup = BeautifulSoup((folder / url / "index.html").read_text(encoding="utf-8"), "lxml")
            ids[lang] = {h.get("id") for h in soup.select("article h2[id], article h3[id], article h4[id]") if not h.get("id").startswith("tag:")}
        missing = ids["nl"] - ids["en"]
        assert not missing, f"en/{url}: missing Dutch anchors {sorted(missing)}; run scripts/vertalingen.py --ankers"
