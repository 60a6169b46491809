"""Reading route: which pages are chapters, in which part, in nav order.

The reader's progress and notes (docs/assets/javascripts/kompas.js) need to
know the chapters of each part. This hook reads them from the nav, marks each
page for the templates (page.meta.kompas) and gives part and start pages the
route as JSON. Chapter ids are URLs relative to the language root, so progress
is shared between the Dutch and English edition of a chapter.
"""

from __future__ import annotations

import json

from kompas_data import language

PARTS = ("wat", "hoe", "met-wie")
OVERVIEWS = {"hoe/kader-themas/"}
_route: dict = {}


def _local(url: str) -> str:
    return url[3:] if url.startswith("en/") else url


def on_nav(nav, config, files):
    parts = {part: [] for part in PARTS}
    for page in nav.pages:
        local = _local(page.url)
        part = local.split("/")[0]
        if part in parts and local != f"{part}/" and local not in OVERVIEWS:
            parts[part].append(local)
    _route[language(config)] = [{"id": part, "hoofdstukken": chapters} for part, chapters in parts.items()]
    return nav


def on_page_context(context, page, config, nav):
    local = _local(page.url)
    part = local.split("/")[0]
    depth = local.count("/") if local.endswith("/") else local.count("/")
    info = {
        "id": local,
        "root": "../" * depth or "./",
        "hoofdstuk": part in PARTS and local != f"{part}/" and local not in OVERVIEWS,
        "deel": part if local == f"{part}/" and part in PARTS else None,
        "start": local == "",
    }
    if info["deel"] or info["start"] or local in ("aantekeningen/",):
        info["route"] = json.dumps({"delen": _route.get(language(config), [])}, ensure_ascii=False)
    page.meta["kompas"] = info
    return context
