"""Zelfscan: the self-assessment on the five Kader themes, from docs/data/zelfscan.yml.

`<!-- data: zelfscan -->` renders every item as a form field set, grouped by
theme, with a link to the chapter that explains it. Without JavaScript it is a
readable, printable checklist; docs/assets/javascripts/zelfscan.js adds saving,
the result view, export and import. A missing field, an unknown theme or
level, or a link to a chapter that does not exist stops the build.
"""

from __future__ import annotations

import html
import json
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from kompas_data import DataError, index_by, load, page_language, require, where

PLACEHOLDER = "<!-- data: zelfscan -->"
LEVELS = ("basis", "verdieping")
ANSWERS = {
    "nl": (("ja", "Ja"), ("deels", "Deels"), ("nee", "Nee"), ("onbekend", "Weet ik niet")),
    "en": (("ja", "Yes"), ("deels", "Partly"), ("nee", "No"), ("onbekend", "Don't know")),
}
TEXT = {
    "nl": {"basis": "Basis", "verdieping": "Verdieping", "meer": "Lees meer", "note": "Toelichting (niet verplicht)"},
    "en": {"basis": "Basis", "verdieping": "Verdieping (further level)", "meer": "Read more", "note": "Note (optional)"},
}
_items: list = []
_themes: list = []


def on_config(config):
    try:
        themes = sorted(load(config, "kader"), key=lambda t: int(t["nummer"]))
        known = {t["id"] for t in themes}
        items = load(config, "zelfscan")
        index_by(items, "id", "zelfscan-vraag")
        docs = Path(config["docs_dir"]) / "nl"
        for item in items:
            require(item, ("id", "thema", "niveau", "vraag", "hoofdstuk", "stap", "gewicht"), "zelfscan-vraag")
            if item["thema"] not in known:
                raise DataError(f"{where(item)}: onbekend Kader-thema '{item['thema']}'")
            if item["niveau"] not in LEVELS:
                raise DataError(f"{where(item)}: niveau moet basis of verdieping zijn, niet '{item['niveau']}'")
            if int(item["gewicht"]) not in (1, 2, 3):
                raise DataError(f"{where(item)}: gewicht moet 1, 2 of 3 zijn")
            target = docs / str(item["hoofdstuk"]).split("#")[0]
            if not target.is_file():
                raise DataError(f"{where(item)}: hoofdstuk '{item['hoofdstuk']}' bestaat niet (docs/nl/...)")
            item["_titel"] = str(get_data(target.read_text(encoding="utf-8"))[1].get("title", target.stem))
        _items[:] = items
        _themes[:] = themes
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def _field(item, lang: str, link: str) -> str:
    text = TEXT[lang]
    en = item.get("en") or {}
    question = en.get("vraag") if lang == "en" and en.get("vraag") else item["vraag"]
    iid = html.escape(item["id"])
    radios = "".join(
        f'<label class="kompas-scan__keuze"><input type="radio" name="scan-{iid}" value="{value}"> {label}</label>'
        for value, label in ANSWERS[lang]
    )
    return (
        f'<fieldset class="kompas-scan__vraag" id="vraag-{iid}" data-item="{iid}" data-thema="{item["thema"]}" '
        f'data-niveau="{item["niveau"]}" data-gewicht="{int(item["gewicht"])}">\n'
        f'<legend><span class="kompas-scan__niveau kompas-scan__niveau--{item["niveau"]}">{text[item["niveau"]]}</span> '
        f"{html.escape(question)}</legend>\n"
        f'<div class="kompas-scan__keuzes">{radios}</div>\n'
        f'<p class="kompas-scan__meer">{text["meer"]}: <a href="{html.escape(link)}">{html.escape(item["_titel"])}</a></p>\n'
        # A button with a hidden field, not <details>: 45 <details> elements cost the browser a
        # style and layout pass each while the page loads. Without JavaScript notes cannot be
        # saved, so the CSS hides the button (html.no-js).
        f'<button type="button" class="kompas-scan__notitie-knop" '
        f'aria-expanded="false" aria-controls="notitieveld-{iid}">{text["note"]}</button>\n'
        f'<div class="kompas-scan__notitieveld" id="notitieveld-{iid}" hidden>'
        f'<label class="kompas-onzichtbaar" for="notitie-{iid}">{text["note"]}</label>'
        f'<textarea id="notitie-{iid}" rows="2"></textarea></div>\n'
        f"</fieldset>"
    )


def _data_json(lang: str, page) -> str:
    """What the script needs for the result view: steps and links per item."""
    out = []
    for item in _items:
        en = item.get("en") or {}
        out.append({
            "id": item["id"], "thema": item["thema"], "niveau": item["niveau"], "gewicht": int(item["gewicht"]),
            "vraag": en.get("vraag") if lang == "en" and en.get("vraag") else item["vraag"],
            "stap": en.get("stap") if lang == "en" and en.get("stap") else item["stap"],
            "link": _link(item, page), "titel": item["_titel"],
        })
    themes = [{"id": t["id"], "nummer": t["nummer"], "naam": t.get("en") if lang == "en" else t["naam"]} for t in _themes]
    return json.dumps({"themas": themes, "vragen": out}, ensure_ascii=False).replace("</", "<\\/")


def _link(item, page) -> str:
    """A link from this page's URL to the chapter's URL (directory URLs)."""
    path, _, anchor = str(item["hoofdstuk"]).partition("#")
    target = posixpath.splitext(path)[0] + "/"
    prefix = "en/" if page.url.startswith("en/") else ""
    rel = posixpath.relpath(prefix + target, page.url or ".") + "/"
    return rel + (f"#{anchor}" if anchor else "")


def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    lang = page_language(page)
    parts = []
    for theme in _themes:
        name = theme.get("en") if lang == "en" and theme.get("en") else theme["naam"]
        parts.append(f'\n## {theme["nummer"]}. {name} {{#thema-{theme["id"]}}}\n')
        for item in (i for i in _items if i["thema"] == theme["id"]):
            parts.append(_field(item, lang, _link(item, page)))
    parts.append(f'\n<script type="application/json" id="kompas-scan-data">{_data_json(lang, page)}</script>\n')
    return markdown.replace(PLACEHOLDER, "\n".join(parts))
