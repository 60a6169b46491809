"""Page rules: front matter, plain-http links, the 'stand van zaken' line.

Every page needs `title` and `description`; content pages (Wat, Hoe, Met wie)
also need `stand_van_zaken`, the date their facts were last checked. A
violation is logged as a warning with file and line, so `--strict` fails.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from kompas_data import DataError, as_date, format_date, line_of, log, page_language

CONTENT_SECTIONS = ("wat", "hoe", "met-wie")
REVIEW_AFTER_DAYS = 365
HTTP_LINK = re.compile(r"(?<![\w/])http://[^\s)>\]\"']+")
H1_END = re.compile(r"</h1>")
FOOTNOTE_BACK = re.compile(r'title="Terug naar voetnoot (\d+) in de tekst"')

TEXT = {
    "nl": {
        "stand": "Stand van zaken",
        "oud": "Deze pagina is langer dan een jaar niet gecontroleerd. Controleer wetten, cijfers en namen bij de bron voordat je ze gebruikt.",
        "fallback": None,
    },
    "en": {
        "stand": "Facts last checked",
        "oud": "This page has not been checked for more than a year. Check laws, figures and names at the source before you use them.",
        "fallback": "This chapter is available in Dutch only. The English edition grows page by page; the glossary explains the Dutch terms.",
    },
}


def section_of(page) -> str | None:
    parts = page.file.src_uri.split("/")
    return parts[1] if len(parts) > 2 and parts[1] in CONTENT_SECTIONS else None


def is_content_page(page) -> bool:
    return section_of(page) is not None


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    for key in ("title", "description"):
        if not str(page.meta.get(key) or "").strip():
            log.warning(f"{where}:1: front matter mist '{key}'")
    if is_content_page(page):
        if "stand_van_zaken" not in page.meta:
            log.warning(f"{where}:1: front matter mist 'stand_van_zaken' (datum waarop de feiten zijn gecontroleerd)")
        else:
            try:
                page.meta["stand_van_zaken"] = as_date(page.meta["stand_van_zaken"], f"{where}:1: stand_van_zaken")
            except DataError as exc:
                log.warning(str(exc))
                page.meta.pop("stand_van_zaken")
    for match in HTTP_LINK.finditer(markdown):
        if "127.0.0.1" in match.group(0) or "localhost" in match.group(0):
            continue
        log.warning(f"{line_of(markdown, match.start(), page)}: onveilige link '{match.group(0)}': gebruik https://")
    return markdown


def on_page_content(html_out, page, config, files):
    lang = page_language(page)
    text = TEXT[lang]
    extra = ""
    stand = page.meta.get("stand_van_zaken")
    if isinstance(stand, dt.date):
        extra += (
            f'<p class="kompas-stand" lang="{lang}">{text["stand"]}: '
            f'<time datetime="{stand.isoformat()}">{format_date(stand, lang)}</time></p>'
        )
        age = (dt.date.today() - stand).days
        if age > REVIEW_AFTER_DAYS:
            extra += f'<div class="admonition let-op kompas-verouderd"><p>{html.escape(text["oud"])}</p></div>'
    fallback = lang == "en" and page.file.src_uri.startswith("nl/")
    if fallback:
        extra = f'<div class="admonition info kompas-alleen-nl" lang="en"><p>{text["fallback"]}</p></div>' + extra
    if extra:
        match = H1_END.search(html_out)
        cut = match.end() if match else 0
        html_out = html_out[:cut] + extra + html_out[cut:]
    if lang == "en":
        # Markdown extensions are configured once, in Dutch; English pages get English tooltips.
        html_out = html_out.replace('title="Vaste link naar deze kop"', 'title="Permanent link"')
        html_out = FOOTNOTE_BACK.sub(r'title="Back to footnote \1 in the text"', html_out)
    if fallback:
        html_out = f'<div lang="nl">{html_out}</div>'
    return html_out
