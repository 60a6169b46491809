"""Checks on the built HTML in site/: structure, links, anchors, privacy, sitemaps, search."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import SITE, html_files

PAGES = [p for p in html_files() if p.name != "404.html"] if SITE.exists() else []
# Namespace and schema identifiers: they name a format, the browser fetches nothing from them.
NAMESPACES = re.compile(r"https?://(www\.)?(w3\.org|sitemaps\.org|schemas\.microsoft\.com)/")
RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src", "embed": "src", "object": "data"}


def rel(path: Path) -> str:
    return str(path.relative_to(SITE))


@lru_cache(maxsize=None)
def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@lru_cache(maxsize=None)
def ids(path: Path) -> frozenset:
    page = soup(path)
    found = {el.get("id") for el in page.find_all(id=True)}
    found |= {el.get("name") for el in page.find_all("a", attrs={"name": True})}
    return frozenset(found)


def test_site_has_pages():
    assert len(PAGES) > 30, f"only {len(PAGES)} pages built"


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_page_basics(page):
    doc = soup(page)
    lang = doc.html.get("lang")
    assert lang in ("nl", "en"), f"{rel(page)}: <html lang> is {lang!r}"
    expected = "en" if rel(page).startswith("en/") else "nl"
    assert lang == expected, f"{rel(page)}: lang={lang}, expected {expected}"
    h1 = doc.select("article h1, .md-content h1")
    assert len(h1) == 1, f"{rel(page)}: {len(h1)} h1 elements"
    assert doc.title and doc.title.get_text(strip=True), f"{rel(page)}: empty <title>"
    meta = doc.find("meta", attrs={"name": "description"})
    assert meta and meta.get("content", "").strip(), f"{rel(page)}: no meta description"
    assert meta["content"] != "None"


def _target(page: Path, href: str) -> Path | None:
    """The file a relative link on `page` points to, or None for links off the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "javascript:")):
        return None
    path = unquote(parts.path)
    if not path:
        return page
    if path.startswith("/"):
        target = SITE / path.lstrip("/")
    else:
        target = (page.parent / path).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_internal_links_and_anchors(page):
    problems = []
    doc = soup(page)
    for tag, attr in [("a", "href"), ("link", "href"), *RESOURCE_ATTRS.items()]:
        for el in doc.find_all(tag):
            href = el.get(attr)
            if not href:
                continue
            if tag == "link" and "alternate" in (el.get("rel") or []) and urlsplit(href).scheme:
                continue  # hreflang alternates are absolute URLs on the public site
            if tag == "link" and "canonical" in (el.get("rel") or []):
                continue
            target = _target(page, href)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{href}: {rel(target) if SITE in target.parents else target} bestaat niet")
                continue
            fragment = unquote(urlsplit(href).fragment)
            if fragment and target.suffix == ".html" and fragment not in ids(target):
                problems.append(f"{href}: anker #{fragment} bestaat niet in {rel(target)}")
    assert not problems, f"{rel(page)}:\n  " + "\n  ".join(problems)


def _third_party(url: str) -> bool:
    if NAMESPACES.match(url):
        return False
    host = urlsplit(url).hostname or ""
    return bool(host) and host not in ("127.0.0.1", "localhost")


@pytest.mark.parametrize("page", PAGES, ids=rel)
def test_no_third_party_resources_in_html(page):
    doc = soup(page)
    bad = []
    for tag, attr in RESOURCE_ATTRS.items():
        bad += [el[attr] for el in doc.find_all(tag) if el.get(attr) and _third_party(el[attr])]
    for el in doc.find_all("link"):
        rels = el.get("rel") or []
        if any(r in rels for r in ("stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "icon", "manifest")):
            if _third_party(el.get("href", "")):
                bad.append(el["href"])
    for el in doc.find_all(style=True):
        bad += [u for u in re.findall(r"url\(['\"]?(https?://[^'\")]+)", el["style"]) if _third_party(u)]
    for el in doc.find_all("style"):
        bad += [u for u in re.findall(r"url\(['\"]?(https?://[^'\")]+)", el.get_text()) if _third_party(u)]
    assert not bad, f"{rel(page)} laadt iets van een andere host: {bad}"


def test_no_third_party_urls_in_css_and_own_js():
    """CSS may not load anything from elsewhere; our own scripts may not contact other hosts.

    Material's own bundle contains host names for features we switched off (such as
    the GitHub repository widget); the browser tests check that nothing is requested.
    """
    bad = []
    for css in SITE.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?(https?://[^'\")]+)", css.read_text(encoding="utf-8")):
            if _third_party(url):
                bad.append(f"{rel(css)}: {url}")
        for url in re.findall(r"@import\s+['\"]?(https?://[^'\";]+)", css.read_text(encoding="utf-8")):
            bad.append(f"{rel(css)}: {url}")
    for js in (SITE / "assets" / "javascripts").glob("*.js"):
        if js.name.startswith("bundle."):
            continue  # Material's own bundle
        for url in re.findall(r"https?://[^\s'\"`)]+", js.read_text(encoding="utf-8")):
            if _third_party(url):
                bad.append(f"{rel(js)}: {url}")
    assert not bad, "\n".join(bad)


def test_no_google_fonts_or_analytics():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for needle in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "api.github.com"):
            assert needle not in text, f"{rel(page)} noemt {needle}"


@pytest.mark.parametrize("lang,folder", [("nl", ""), ("en", "en/")])
def test_sitemap_per_language(lang, folder):
    path = SITE / folder / "sitemap.xml"
    assert path.exists(), f"{folder}sitemap.xml ontbreekt"
    tree = ElementTree.parse(path)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [el.text for el in tree.getroot().findall("s:url/s:loc", ns)]
    assert len(locs) > 10, f"{folder}sitemap.xml heeft maar {len(locs)} adressen"
    if lang == "en":
        assert all("/en/" in loc for loc in locs), "de Engelse sitemap bevat Nederlandse pagina's"


def test_search_index_is_split_per_language():
    nl = json.loads((SITE / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((SITE / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert nl["docs"] and en["docs"]
    assert not [d["location"] for d in nl["docs"] if d["location"].startswith("en/")]
    assert nl["config"]["lang"] == ["nl"] and en["config"]["lang"] == ["en"]
    en_pages = {p.relative_to(SITE / "en").as_posix() for p in (SITE / "en").rglob("index.html")}
    for doc in en["docs"]:
        page = doc["location"].split("#")[0]
        assert (page + "index.html" if page.endswith("/") or not page else page) in en_pages | {"index.html"}, doc["location"]


def test_search_index_leaves_out_repeats():
    """Pages with `search: exclude` (they repeat other pages) and the footnotes (source
    descriptions) stay out of the index, so search stays fast; the chapters stay in."""
    docs_dir = Path(__file__).resolve().parent.parent / "docs" / "nl"
    excluded = set()
    for md in docs_dir.rglob("*.md"):
        if re.search(r"^search:\n  exclude: true", md.read_text(encoding="utf-8"), re.M):
            excluded.add(md.relative_to(docs_dir).with_suffix("").as_posix() + "/")
    assert {"bronnen/", "wat/terugblik/"} <= excluded, excluded
    for folder in (SITE, SITE / "en"):
        docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        pages = {d["location"].split("#")[0] for d in docs}
        assert not pages & excluded, f"{'en' if folder != SITE else 'nl'}: pages that should be left out: {pages & excluded}"
        assert not [d["location"] for d in docs if "↩" in d["text"]], f"{'en' if folder != SITE else 'nl'}: footnotes in the search index"
        assert {"instructies/", "begrippen/"} <= pages


def test_english_pages_point_search_at_english_index():
    for page in (SITE / "en").rglob("*.html"):
        config = soup(page).find("script", id="__config")
        if config is None:
            continue
        base = json.loads(config.get_text())["base"]
        assert (page.parent / base / "search" / "search_index.json").resolve() == (SITE / "en" / "search" / "search_index.json").resolve(), rel(page)


def test_hreflang_alternates_in_sitemaps():
    """Each page names its Dutch and English version (and x-default) in the sitemap,
    and every named address exists in the built site."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for folder in ("", "en/"):
        root = ElementTree.parse(SITE / folder / "sitemap.xml").getroot()
        urls = root.findall("s:url", ns)
        assert urls, f"{folder}sitemap.xml is leeg"
        base = min((u.find("s:loc", ns).text for u in urls), key=len)  # the start page: site_url
        base = base[: -len(folder)] if folder else base
        for url in urls:
            loc = url.find("s:loc", ns).text
            links = {l.get("hreflang"): l.get("href") for l in url.findall("x:link", ns)}
            assert set(links) == {"nl", "en", "x-default"}, loc
            assert loc in (links["nl"], links["en"]), loc
            assert links["x-default"] == links["nl"], loc
            for href in links.values():
                assert href.startswith(base), f"{loc}: {href}"
                local = href[len(base):]
                assert (SITE / local / "index.html").exists() or (SITE / local).is_file(), f"{loc}: {href} bestaat niet"
