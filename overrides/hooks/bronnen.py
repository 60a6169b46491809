"""Sources: one bibliography, cited on pages as Markdown footnotes.

A page cites a source with `[^id]`, where `id` is in docs/data/bronnen/.
This hook writes the footnote text from the bibliography, so a source is
described once. An unknown id, a missing field or a non-https URL is an error
that names the file and line. `<!-- data: bronnen -->` renders the full list.
The footnotes are left out of the search index: they repeat the same source
descriptions on many pages and made every search slower, while the Bronnen page
lists them all.
"""

from __future__ import annotations

import html
import re

from mkdocs.exceptions import PluginError

from kompas_data import DataError, registry, as_date, format_date, index_by, line_of, load, log, page_language, require, where

FIELDS = ("id", "titel", "uitgever", "jaar", "url", "geraadpleegd")
REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
PLACEHOLDER = "<!-- data: bronnen -->"
ID_RULE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
FOOTNOTES = '<div class="footnote">'

LABEL = {"nl": "geraadpleegd op", "en": "consulted on"}

def on_config(config):
    try:
        records = load(config, "bronnen")
        for record in records:
            require(record, FIELDS, "bron")
            if not ID_RULE.match(str(record["id"])):
                raise DataError(f"{where(record)}: bron-id '{record['id']}' mag alleen kleine letters, cijfers en '-' bevatten")
            if not str(record["url"]).startswith("https://"):
                raise DataError(f"{where(record)}: bron '{record['id']}' heeft geen https-URL: {record['url']}")
            record["geraadpleegd"] = as_date(record["geraadpleegd"], f"{where(record)}: geraadpleegd")
        registry["bronnen"] = index_by(records, "id", "bron")
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def sources() -> dict:
    return registry.get("bronnen", {})


def describe(source, lang: str) -> str:
    """One line of Markdown describing a source."""
    title = str(source["titel"]).replace("*", r"\*")
    extra = f" {source['toelichting']}" if source.get("toelichting") else ""
    return (
        f"{source['uitgever']} ({source['jaar']}). *{title}*.{extra} "
        f"[{_short(source['url'])}]({source['url']}), "
        f"{LABEL[lang]} {format_date(source['geraadpleegd'], lang)}."
    )


def _short(url: str) -> str:
    return re.sub(r"^https://(www\.)?", "", url).split("/")[0]


def on_page_markdown(markdown, page, config, files):
    _sources = sources()
    lang = page_language(page)
    defined = set(DEF.findall(markdown))
    used = []
    for match in REF.finditer(markdown):
        key = match.group(1)
        if key in defined or key in used:
            continue
        if key not in _sources:
            log.warning(f"{line_of(markdown, match.start(), page)}: onbekende bron '[^{key}]': voeg die toe aan docs/data/bronnen/")
            continue
        used.append(key)
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, render_list(lang))
    if used:
        notes = "\n".join(f"[^{key}]: {describe(_sources[key], lang)}" for key in used)
        markdown = f"{markdown.rstrip()}\n\n{notes}\n"
    page.meta["_bronnen"] = used
    return markdown


def render_list(lang: str) -> str:
    rows = []
    for key, source in sorted(sources().items(), key=lambda kv: (str(kv[1]["uitgever"]).lower(), kv[0])):
        rows.append(f'- <span id="bron-{html.escape(key)}"></span>{describe(source, lang)}')
    return "\n".join(rows)


def on_page_content(html_out, page, config, files):
    """Keep the footnotes (source descriptions) out of the search index (Material: data-search-exclude)."""
    return html_out.replace(FOOTNOTES, '<div class="footnote" data-search-exclude>')
