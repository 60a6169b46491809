#!/usr/bin/env python3
"""Make the downloads from the built site, so they always match it.

  python scripts/downloads.py [site]

Writes to site/downloads/:
- kompas.pdf, kompas-wat.pdf, kompas-hoe.pdf, kompas-met-wie.pdf: printed by
  Chromium from the built chapters (cover with stand van zaken, contents with
  links, page numbers, sources as footnotes per chapter);
- kompas-kaarten.pdf and one PDF per card, printed from the Kaarten page;
- beleidsplan-sjabloon.docx, from docs/data/beleidsplan.yml (python-docx);
- kompas-offline.zip: the whole site, made to work when opened from disk.
Then fills the table on the Downloads page (Dutch and English) with every
file, its size and its date.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import zipfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402

PARTS = {"wat": "Deel A: Wat", "hoe": "Deel B: Hoe", "met-wie": "Deel C: Met wie"}
REMOVE = (".headerlink, .kompas-bediening, .kompas-notities, .kompas-voortgang, #kompas-melding, .md-source-file, "
          ".md-tags, script, .kompas-gewijzigd, .kompas-alleen-nl, #kompas-route")
CARD_MARGIN = {"top": "10mm", "bottom": "10mm", "left": "12mm", "right": "12mm"}
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#555">'
          'Kompas Aanpak Mensenhandel · <span class="pageNumber"></span> / <span class="totalPages"></span></div>')


# ---------- helpers ----------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def route(site: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    data = json.loads(soup.find("script", id="kompas-route").get_text())
    return {part["id"]: [f"{part['id']}/"] + part["hoofdstukken"] for part in data["delen"]}


def site_url(site: Path) -> str:
    text = (site / "robots.txt").read_text(encoding="utf-8")
    return re.search(r"Sitemap: (\S+)sitemap\.xml", text).group(1)


def slug(url: str) -> str:
    return url.strip("/").replace("/", "-") or "start"


# ---------- PDF of chapters ----------

def chapter_html(site: Path, url: str, inside: dict[str, str], public: str) -> tuple[str, str, str | None]:
    """(title, article HTML with ids and links made unique for the combined document, stand date)."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    article = soup.select_one("article.md-content__inner")
    for el in article.select(REMOVE):
        el.decompose()
    prefix = slug(url)
    for el in article.find_all(id=True):
        el["id"] = f"{prefix}--{el['id']}"
    for el in article.find_all(attrs={"aria-labelledby": True}):
        el["aria-labelledby"] = " ".join(f"{prefix}--{i}" for i in el["aria-labelledby"].split())
    page_url = urljoin("http://x/", url)
    for a in article.find_all("a", href=True):
        href = a["href"]
        if href.startswith("#"):
            a["href"] = f"#{prefix}--{href[1:]}"
            continue
        if urlsplit(href).scheme:
            continue
        target = urljoin(page_url, href)
        path, _, fragment = target[len("http://x/"):].partition("#")
        if path in inside:
            a["href"] = f"#{inside[path]}--{fragment}" if fragment else f"#{inside[path]}"
        else:
            a["href"] = public + path + (f"#{fragment}" if fragment else "")
    title = article.find("h1").get_text(" ", strip=True) if article.find("h1") else url
    stand = article.select_one(".kompas-stand time")
    return title, str(article), stand["datetime"] if stand else None


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def dutch_date(iso: str) -> str:
    if not re.match(r"^\d{4}-\d\d-\d\d$", iso or ""):
        return iso or ""
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {MONTHS[month - 1]} {year}"


def combined_document(site: Path, pages: list[str], title: str, public: str, css: list[str]) -> str:
    inside = {url: slug(url) for url in pages}
    chapters, dates = [], []
    for url in pages:
        name, body, stand = chapter_html(site, url, inside, public)
        chapters.append((url, name, body))
        if stand:
            dates.append(stand)
    newest = max(dates) if dates else ""
    links = "\n".join(f'<li><a href="#{slug(u)}">{html.escape(n)}</a></li>' for u, n, _ in chapters)
    sections = "\n".join(f'<section class="hoofdstuk" id="{slug(u)}">{body}</section>' for u, _, body in chapters)
    styles = "\n".join(f'<link rel="stylesheet" href="{c}">' for c in css)
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{styles}
<style>
  @page {{ size: A4; margin: 18mm 16mm 20mm; }}
  body {{ font-size: 10.5pt; }}
  .omslag {{ height: 240mm; display: flex; flex-direction: column; justify-content: center; }}
  .omslag h1 {{ font-size: 28pt; margin: 0 0 6mm; color: #17406b; }}
  .hoofdstuk {{ break-before: page; }}
  .inhoud {{ break-before: page; }}
  .md-typeset a {{ color: #1a5590; }}
  .md-typeset details > summary ~ * {{ display: block; }}
  .md-typeset .kompas-kaart-a4 {{ break-before: auto; }}
</style></head>
<body data-md-color-scheme="default" data-md-color-primary="custom"><div class="md-typeset">
<div class="omslag"><h1>Kompas Aanpak Mensenhandel</h1><p style="font-size:16pt">{html.escape(title)}</p>
<p>Stand van zaken: {dutch_date(newest)}</p><p>Online: {html.escape(public)}</p>
<p>Tekst onder Creative Commons Naamsvermelding 4.0. Bronnen staan als voetnoot onder elk hoofdstuk.</p></div>
<nav class="inhoud"><h2>Inhoud</h2><ol>{links}</ol></nav>
{sections}
</div></body></html>"""


def make_pdfs(site: Path, out: Path, browser, base: str) -> list[tuple[str, str]]:
    public = site_url(site)
    parts = route(site)
    css = [base + p.relative_to(site).as_posix() for p in sorted((site / "assets" / "stylesheets").glob("main.*.min.css"))]
    css += [base + "assets/stylesheets/kompas.css", base + "assets/stylesheets/blokken.css"]
    made = []
    jobs = [(f"kompas-{part}.pdf", PARTS[part], pages) for part, pages in parts.items()]
    jobs.insert(0, ("kompas.pdf", "Het hele Kompas: Wat, Hoe en Met wie", [p for pages in parts.values() for p in pages]))
    tmp = site / "downloads" / "_print"
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        for name, title, pages in jobs:
            (tmp / f"{name}.html").write_text(combined_document(site, pages, title, public, css), encoding="utf-8")
            page = browser.new_page()
            page.goto(base + f"downloads/_print/{name}.html", wait_until="load")
            page.pdf(path=str(out / name), format="A4", print_background=True, display_header_footer=True,
                     header_template="<div></div>", footer_template=FOOTER, outline=True, tagged=True,
                     margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"})
            page.close()
            made.append((name, title))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return made


# ---------- cards ----------

def make_cards(site: Path, out: Path, browser, base: str) -> list[tuple[str, str]]:
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(base + "kaarten/", wait_until="load")
    cards = page.eval_on_selector_all(".kompas-kaart-a4", "els => els.map(e => [e.id, e.querySelector('h2') ? e.querySelector('h2').textContent.trim() : e.id])")
    only_cards = ".md-content__inner > :not(.kompas-kaart-a4) { display: none !important; }"
    handle = page.add_style_tag(content=only_cards)
    page.pdf(path=str(out / "kompas-kaarten.pdf"), format="A4", print_background=True, margin=CARD_MARGIN)
    made = [("kompas-kaarten.pdf", "Alle kaarten, elk op één A4")]
    handle.evaluate("el => el.remove()")
    for card_id, title in cards:
        style = page.add_style_tag(content=f".md-content__inner > :not(#{card_id}) {{ display: none !important; }} "
                                           f"#{card_id} {{ break-before: auto !important; }}")
        name = f"{card_id}.pdf"
        page.pdf(path=str(out / name), format="A4", print_background=True, margin=CARD_MARGIN)
        style.evaluate("el => el.remove()")
        made.append((name, f"Kaart: {title.replace('¶', '').strip().lstrip('0123456789. ')}"))
    page.close()
    return made


# ---------- policy-plan template ----------

def make_docx(out: Path) -> list[tuple[str, str]]:
    from docx import Document
    from docx.shared import Pt

    data = yaml.safe_load((ROOT / "docs" / "data" / "beleidsplan.yml").read_text(encoding="utf-8"))
    doc = Document()
    doc.core_properties.title = data["titel"]
    doc.core_properties.language = "nl-NL"
    doc.add_heading(data["titel"], level=0)
    doc.add_paragraph(data["ondertitel"])
    intro = doc.add_paragraph(data["inleiding"])
    intro.runs[0].italic = True
    for n, part in enumerate(data["onderdelen"], 1):
        doc.add_heading(f"{n}. {part['kop']}", level=1)
        hint = doc.add_paragraph(part["uitleg"])
        hint.runs[0].italic = True
        for question in part["vragen"]:
            item = doc.add_paragraph(question, style="List Bullet")
            item.runs[0].italic = True
        doc.add_paragraph("[Schrijf hier je tekst.]").runs[0].font.size = Pt(11)
    name = "beleidsplan-sjabloon.docx"
    doc.save(out / name)
    return [(name, "Sjabloon voor een beleidsplan (Word)")]


# ---------- offline copy ----------

DIR_LINK = re.compile(r'(href=")((?!https?:|mailto:|tel:|#|data:|javascript:)[^"#?]*/)(["#?])')
DOT_LINK = re.compile(r'(href=")(\.{1,2})(["#])')


def offline_html(text: str, depth: int) -> str:
    """Make a page work from disk: links name index.html, no CSP (file pages have no origin), the worker shim."""
    text = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    text = DIR_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}index.html{m.group(3)}", text)
    text = DOT_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}/index.html{m.group(3)}", text)
    shim = "../" * depth + "assets/javascripts/iframe-worker.js"
    return text.replace('<script src="', f'<script src="{shim}"></script>\n    <script src="', 1)


def make_offline(site: Path, out: Path) -> list[tuple[str, str]]:
    shim = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.exists():
        raise SystemExit("iframe-worker ontbreekt: draai `npm ci` (make doet dat).")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "kompas-aanpak-mensenhandel"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("downloads"))
        shutil.copy2(shim, copy / "assets" / "javascripts" / "iframe-worker.js")
        for index in copy.rglob("search_index.json"):
            data = json.loads(index.read_text(encoding="utf-8"))
            for doc in data["docs"]:
                path, hash_, fragment = doc["location"].partition("#")
                if path == "" or path.endswith("/"):
                    doc["location"] = path + "index.html" + hash_ + fragment
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            index.write_text(text, encoding="utf-8")
            (index.parent / "search_index.js").write_text("var __index = " + text, encoding="utf-8")
        for page in copy.rglob("*.html"):
            depth = len(page.relative_to(copy).parts) - 1
            page.write_text(offline_html(page.read_text(encoding="utf-8"), depth), encoding="utf-8")
        name = "kompas-offline.zip"
        with zipfile.ZipFile(out / name, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(copy.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo(str(path.relative_to(copy.parent)), date_time=(2026, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    zf.writestr(info, path.read_bytes())
    return [(name, "De hele site offline: uitpakken en index.html openen")]


# ---------- the Downloads page ----------

def size(path: Path) -> str:
    n = path.stat().st_size
    return f"{n / 1024 / 1024:.1f} MB".replace(".", ",") if n >= 1024 * 1024 else f"{max(1, round(n / 1024))} kB"


def fill_downloads_page(site: Path, files: list[tuple[str, str]], date: str):
    for page in (site / "downloads" / "index.html", site / "en" / "downloads" / "index.html"):
        if not page.exists():
            continue
        prefix = "" if page.parent.parent == site else "../../downloads/"
        rows = "\n".join(
            f'<tr><td><a href="{prefix}{name}">{name}</a></td><td>{html.escape(text)}</td>'
            f"<td>{size(site / 'downloads' / name)}</td><td>{date}</td></tr>"
            for name, text in files
        )
        text = page.read_text(encoding="utf-8")
        new = re.sub(r"(<div id=\"kompas-downloads\">.*?<tbody>).*?(</tbody>)", lambda m: m.group(1) + "\n" + rows + "\n" + m.group(2), text, count=1, flags=re.S)
        if new == text:
            raise SystemExit(f"{page}: tabel van de downloads niet gevonden")
        page.write_text(new, encoding="utf-8")


def main() -> int:
    from playwright.sync_api import sync_playwright

    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    out = site / "downloads"
    out.mkdir(exist_ok=True)
    files = []
    httpd, base = serve(site)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
            files += make_pdfs(site, out, browser, base)
            files += make_cards(site, out, browser, base)
            browser.close()
    finally:
        httpd.shutdown()
    files += make_docx(out)
    files += make_offline(site, out)
    changes = yaml.safe_load((ROOT / "docs" / "data" / "wijzigingen.yml").read_text(encoding="utf-8"))
    date = max(str(c["datum"]) for c in changes)
    fill_downloads_page(site, files, date)
    for name, _ in files:
        print(f"downloads/{name}: {size(out / name)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
