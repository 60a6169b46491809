"""Keywords (tags) for the naslagwerk, composed from data the pages already have.

A page's tags are: its `trefwoorden` (forms of exploitation and policy domains,
from the list in docs/data/trefwoorden.yml), its Kader themes (`kader_themas`)
and the partners it links to (`partners.md#id`). Material's tags plugin then
shows them on the page and on the Trefwoorden index. An unknown keyword is a
warning with the file name.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from kompas_data import DataError, index_by, load, log, page_language

PARTNER_LINK = re.compile(r"partners\.md#([a-z0-9-]+)")
PREFIX = {
    "nl": {"vormen": "Vorm", "domeinen": "Domein", "kader": "Kader", "partner": "Partner"},
    "en": {"vormen": "Form", "domeinen": "Domain", "kader": "Kader theme", "partner": "Partner"},
}
_vocab: dict = {}
_kader: dict = {}
_partners: dict = {}


def on_config(config):
    try:
        words = load(config, "trefwoorden")
        _vocab.clear()
        for group, items in words.items():
            for item in items:
                _vocab[item] = group
        _kader.clear()
        _kader.update(index_by(load(config, "kader"), "id", "Kader-thema"))
        _partners.clear()
        _partners.update(index_by(load(config, "partners"), "id", "partner"))
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_page_markdown(markdown, page, config, files):
    lang = page_language(page)
    prefix = PREFIX[lang]
    tags = []
    for word in page.meta.get("trefwoorden") or []:
        if word not in _vocab:
            log.warning(f"docs/{page.file.src_uri}:1: onbekend trefwoord '{word}': kies uit docs/data/trefwoorden.yml")
            continue
        tags.append(f"{prefix[_vocab[word]]}: {word}")
    for theme in page.meta.get("kader_themas") or []:
        if theme in _kader:
            record = _kader[theme]
            name = record.get("en") if lang == "en" and record.get("en") else record["naam"]
            tags.append(f"{prefix['kader']} {record['nummer']}: {name}")
    for pid in dict.fromkeys(PARTNER_LINK.findall(markdown)):
        if pid in _partners:
            record = _partners[pid]
            tags.append(f"{prefix['partner']}: {record.get('naam_kort') or record['naam']}")
    if tags:
        page.meta["tags"] = list(dict.fromkeys(list(page.meta.get("tags") or []) + tags))
    return markdown
