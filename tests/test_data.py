"""Data files and what the site renders from them: chart, partners, glossary, sources."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import DOCS, SITE

DATA = DOCS / "data"


def load(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def test_chart_numbers_equal_the_data():
    rows = load("registraties.yml")
    soup = BeautifulSoup((SITE / "wat" / "aard-en-omvang" / "index.html").read_text(encoding="utf-8"), "lxml")
    svg = soup.find("svg", class_="kompas-grafiek")
    assert svg is not None and svg.get("role") == "img" and svg.get("aria-labelledby")
    bars = {int(r["data-jaar"]): int(r["data-aantal"]) for r in svg.find_all("rect", attrs={"data-jaar": True})}
    assert bars == {int(r["jaar"]): int(r["aantal"]) for r in rows}
    # the table alternative holds the same numbers
    table = svg.find_next("table")
    cells = {int(tr.find_all("td")[0].get_text()): int(tr.find_all("td")[1].get_text()) for tr in table.find("tbody").find_all("tr")}
    assert cells == bars
    assert not [s for s in soup.find_all("script", src=True) if re.search(r"chart|d3|plotly|cdn", s["src"])]


def test_every_partner_is_complete_and_has_a_card():
    partners = load("partners.yml")
    html = (SITE / "met-wie" / "partners" / "index.html").read_text(encoding="utf-8")
    for p in partners:
        for field in ("naam", "soort", "rol", "wanneer", "contact", "website", "bron", "rol_en", "wanneer_en"):
            assert str(p.get(field) or "").strip(), f"partner {p.get('id')}: {field} ontbreekt"
        assert p["website"].startswith("https://")
        assert p["soort"] in ("zorg", "veiligheid", "kennis-en-beleid")
        assert f'id="{p["id"]}"' in html, p["id"]
    required = {"zorgcoordinator", "comensha", "veilig-thuis", "ggd", "jeugdhulp", "vrouwenopvang", "fier-ckm", "fairwork",
                "slachtofferhulp", "nidos", "coa", "politie", "emm", "om", "nla", "kmar", "ind", "riec", "zvh", "lbb",
                "meld-misdaad-anoniem", "schadefonds", "nrm", "ccv", "vng", "ministeries"}
    assert required <= {p["id"] for p in partners}


def test_every_source_is_cited_somewhere_or_listed():
    sources = [r for f in sorted((DATA / "bronnen").glob("*.yml")) for r in yaml.safe_load(f.read_text(encoding="utf-8"))]
    assert len({s["id"] for s in sources}) == len(sources)
    listing = (SITE / "bronnen" / "index.html").read_text(encoding="utf-8")
    for s in sources:
        assert f'id="bron-{s["id"]}"' in listing


def test_glossary_terms_have_dutch_and_english_explanations():
    terms = [r for f in sorted((DATA / "begrippen").glob("*.yml")) for r in yaml.safe_load(f.read_text(encoding="utf-8"))]
    assert len(terms) >= 40
    for t in terms:
        assert str(t.get("uitleg") or "").strip() and str(t.get("en") or "").strip(), t["term"]
    html = (SITE / "begrippen" / "index.html").read_text(encoding="utf-8")
    assert html.count("<dt>") >= len(terms)


@pytest.mark.parametrize("page", ["wat/wat-is-mensenhandel", "hoe/opvang-en-hulp", "met-wie/structuren"])
def test_abbreviations_have_tooltips(page):
    html = (SITE / page / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">[A-Za-z]{2,}</abbr>', html), page
