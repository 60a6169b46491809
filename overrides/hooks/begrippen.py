"""Glossary: one data file, shown as a page and as tooltips on every page.

Entries with `voluit` are abbreviations: every page gets `*[ABBR]: voluit`
lines, which the `abbr` extension turns into tooltips. A page lists the terms
it explains in front matter (`begrippen:`); an unknown term is an error.
`<!-- data: begrippen -->` renders the glossary.
"""

from __future__ import annotations

import re
import unicodedata

from mkdocs.exceptions import PluginError

from kompas_data import DataError, registry, index_by, load, log, page_language, require, where

PLACEHOLDER = "<!-- data: begrippen -->"


def slug(term: str) -> str:
    plain = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def on_config(config):
    try:
        records = load(config, "begrippen")
        for record in records:
            require(record, ("term", "uitleg"), "begrip")
        found = index_by(records, "term", "begrip")
        seen = {}
        for term in found:
            if slug(term) in seen:
                raise DataError(f"{where(found[term])}: begrip '{term}' botst met '{seen[slug(term)]}'")
            seen[slug(term)] = term
        registry["begrippen"] = found
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def terms() -> dict:
    return registry.get("begrippen", {})


def explanation(record, lang: str) -> str:
    return str(record.get("en") if lang == "en" and record.get("en") else record["uitleg"])


def on_page_markdown(markdown, page, config, files):
    _terms = terms()
    lang = page_language(page)
    for term in page.meta.get("begrippen") or []:
        if term not in _terms:
            log.warning(f"docs/{page.file.src_uri}:1: onbekend begrip '{term}' in front matter: voeg het toe aan docs/data/begrippen/")
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, render_glossary(lang))
    abbreviations = [
        f"*[{term}]: {record['voluit']}"
        for term, record in _terms.items()
        if record.get("voluit") and term in markdown
    ]
    if abbreviations:
        markdown = f"{markdown.rstrip()}\n\n" + "\n".join(abbreviations) + "\n"
    return markdown


def render_glossary(lang: str) -> str:
    out = []
    letter = None
    _terms = terms()
    for term in sorted(_terms, key=lambda t: slug(t)):
        record = _terms[term]
        first = slug(term)[:1].upper()
        if first != letter:
            letter = first
            out.append(f"\n## {letter} {{#letter-{letter.lower()}}}\n")
        name = f"{term} ({record['voluit']})" if record.get("voluit") else term
        out.append(f'<span id="{slug(term)}"></span>{name}\n:   {explanation(record, lang)}\n')
    return "\n".join(out)
