"""Reading route: which pages are chapters, in which part, in nav order.

The reader's progress and notes (docs/assets/javascripts/kompas.js) need to
know the chapters of each part. This hook reads them from the nav, marks each
page for the templates (page.meta.kompas) and gives part and start pages the
route as JSON. Chapter ids are URLs relative to the language root, so progress
is shared between the Dutch and English edition of a chapter.
"""

from __future__ import annotations

import json

from mkdocs.utils.meta import get_data

from kompas_data import language, page_language

PLACEHOLDER = "<!-- data: voortgang -->"
TEXT = {
    "nl": ("Jouw voortgang", "Voortgang wissen"),
    "en": ("Your progress", "Clear progress"),
}

PARTS = ("wat", "hoe", "met-wie")
_route: dict = {}


def _local(url: str) -> str:
    return url[3:] if url.startswith("en/") else url


def on_nav(nav, config, files):
    parts = {part: [] for part in PARTS}
    for page in nav.pages:
        local = _local(page.url)
        part = local.split("/")[0]
        if part in parts and local != f"{part}/" and not _is_overview(page.file):
            parts[part].append(local)
    _route[language(config)] = [{"id": part, "hoofdstukken": chapters} for part, chapters in parts.items()]
    return nav


def _is_overview(file) -> bool:
    """Pages with `overzicht: true` (recaps, generated overviews, the zelfscan) are not chapters."""
    try:
        return bool(get_data(file.content_string)[1].get("overzicht"))
    except Exception:  # an unreadable page is reported by the page checks
        return False


def on_page_markdown(markdown, page, config, files):
    """`<!-- data: voortgang -->` shows the reader's progress (hidden without JavaScript).

    The box is in the page from the start (the CSS hides it under html.no-js), so filling it in
    does not push the text below it down while the reader looks at the page."""
    if PLACEHOLDER not in markdown:
        return markdown
    local = _local(page.url)
    part = local.split("/")[0] if local.split("/")[0] in PARTS else ""
    label, reset = TEXT[page_language(page)]
    box = (
        f'<div class="kompas-voortgang" data-kompas-voortgang="{part}">\n'
        f'<p><label for="kompas-voortgang-meter">{label}</label> '
        f'<progress id="kompas-voortgang-meter" max="1" value="0"></progress> '
        f'<span class="kompas-voortgang__tekst">&#160;</span></p>\n'
        f'<p class="kompas-knoppen"><a class="kompas-verder md-button md-button--primary" href="./" hidden></a> '
        f'<button type="button" class="md-button kompas-wis-voortgang">{reset}</button></p>\n'
        f"</div>"
    )
    page.meta["kompas_voortgang"] = True
    return markdown.replace(PLACEHOLDER, box)


def on_page_context(context, page, config, nav):
    local = _local(page.url)
    part = local.split("/")[0]
    depth = local.count("/")
    info = {
        "id": local,
        "root": "../" * depth or "./",
        "hoofdstuk": part in PARTS and local != f"{part}/" and not page.meta.get("overzicht"),
        "deel": part if local == f"{part}/" and part in PARTS else None,
        "start": local == "",
    }
    if page.meta.get("kompas_voortgang") or local == "aantekeningen/":
        info["route"] = json.dumps({"delen": _route.get(language(config), [])}, ensure_ascii=False)
    page.meta["kompas"] = info
    return context
