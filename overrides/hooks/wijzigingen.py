"""Changes for readers: one changelog file, shown as a page, a start-page list, feeds and markers.

docs/data/wijzigingen.yml lists what changed, when, on which pages. This hook
renders `<!-- data: wijzigingen -->` (all, newest first) and
`<!-- data: wijzigingen:N -->` (the N newest), writes an Atom feed per
language (wijzigingen.xml, en/wijzigingen.xml), and gives every changed page
the date of its newest change, which kompas.js compares with the reader's
previous visit ("gewijzigd sinds je laatste bezoek").
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import get_data

from kompas_data import DataError, as_date, format_date, language, load, page_language, registry, require, where

PLACEHOLDER = re.compile(r"<!-- data: wijzigingen(?::(\d+))? -->")
STAND = re.compile(r'<p class="kompas-stand"[^>]*>.*?</p>|</h1>', re.S)
TEXT = {
    "nl": {"titel": "Wijzigingen in het Kompas Aanpak Mensenhandel", "marker": "Gewijzigd sinds je laatste bezoek",
           "feed": "Wijzigingen (Atom-feed)"},
    "en": {"titel": "Changes in the Kompas Aanpak Mensenhandel", "marker": "Changed since your last visit",
           "feed": "Changes (Atom feed)"},
}
_changes: list = []
_titles: dict = {}


def on_config(config):
    try:
        records = load(config, "wijzigingen")
        docs = Path(config["docs_dir"]) / "nl"
        for record in records:
            require(record, ("datum", "paginas", "tekst"), "wijziging")
            record["datum"] = as_date(record["datum"], f"{where(record)}: datum")
            for path in record["paginas"]:
                if not (docs / path).is_file():
                    raise DataError(f"{where(record)}: pagina '{path}' bestaat niet (docs/nl/...)")
        _changes[:] = sorted(records, key=lambda r: r["datum"], reverse=True)
        registry["wijzigingen"] = _changes
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def on_nav(nav, config, files):
    _titles.clear()
    for page in nav.pages:
        # Titles are read from the files later in the build; take them from the front matter.
        title = page.title or get_data(page.file.content_string)[1].get("title")
        _titles[_local(page.file.src_uri)] = str(title or page.file.src_uri)
    return nav


def _local(src_uri: str) -> str:
    first, _, rest = src_uri.partition("/")
    return rest if first in ("nl", "en") else src_uri


def _url(path: str) -> str:
    stem = posixpath.splitext(path)[0]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def _href(target: str, here: str) -> str:
    """Relative link between two directory URLs ('' is the site root)."""
    rel = posixpath.relpath(target or ".", here or ".")
    return "./" if rel == "." else rel + "/"


def _render(limit, page, lang) -> str:
    here = page.url
    prefix = "en/" if lang == "en" else ""
    rows = []
    for change in _changes[:limit] if limit else _changes:
        text = change.get("en") if lang == "en" and change.get("en") else change["tekst"]
        links = ", ".join(
            f'<a href="{html.escape(_href(prefix + _url(p), here))}">{html.escape(_titles.get(p, p))}</a>'
            for p in change["paginas"]
        )
        rows.append(
            f'<li><time datetime="{change["datum"].isoformat()}">{format_date(change["datum"], lang)}</time>: '
            f"{html.escape(str(text))} <span class=\"kompas-wijziging__paginas\">({links})</span></li>"
        )
    return '<ul class="kompas-wijzigingen">\n' + "\n".join(rows) + "\n</ul>"


def on_page_markdown(markdown, page, config, files):
    lang = page_language(page)
    return PLACEHOLDER.sub(lambda m: _render(int(m.group(1)) if m.group(1) else None, page, lang), markdown)


def latest_change(page):
    local = _local(page.file.src_uri)
    dates = [c["datum"] for c in _changes if local in c["paginas"]]
    return max(dates) if dates else None


def on_page_content(content, page, config, files):
    date = latest_change(page)
    if not date:
        return content
    lang = page_language(page)
    marker = (
        f'<p class="kompas-gewijzigd" data-datum="{date.isoformat()}" lang="{lang}" hidden>'
        f'{TEXT[lang]["marker"]} ({format_date(date, lang)}). <a href="{_changes_link(page)}">{"See what changed" if lang == "en" else "Bekijk wat er veranderde"}</a></p>'
    )
    match = STAND.search(content)
    cut = match.end() if match else 0
    return content[:cut] + marker + content[cut:]


def _changes_link(page) -> str:
    prefix = "en/" if page.url.startswith("en/") else ""
    return _href(prefix + "wijzigingen/", page.url)


def on_post_build(config):
    lang = language(config)
    site = Path(config["site_dir"]) / ("en" if lang == "en" else "")
    base = (config["site_url"] or "/").rstrip("/") + "/" + ("en/" if lang == "en" else "")
    write_feed(site / "wijzigingen.xml", base, lang)


def write_feed(path: Path, base: str, lang: str):
    updated = (_changes[0]["datum"] if _changes else dt.date(2026, 1, 1)).isoformat() + "T00:00:00Z"
    entries = []
    for n, change in enumerate(_changes):
        text = str(change.get("en") if lang == "en" and change.get("en") else change["tekst"])
        first = change["paginas"][0]
        entries.append(
            "<entry>"
            f"<id>{escape(base)}wijzigingen/#{change['datum'].isoformat()}-{len(_changes) - n}</id>"
            f"<title>{escape(text)}</title>"
            f"<updated>{change['datum'].isoformat()}T00:00:00Z</updated>"
            f'<link rel="alternate" href="{escape(base + _url(first))}"/>'
            f'<summary type="text">{escape(text)}</summary>'
            "</entry>"
        )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">'
        f"<id>{escape(base)}wijzigingen/</id>"
        f"<title>{escape(TEXT[lang]['titel'])}</title>"
        f"<updated>{updated}</updated>"
        f'<link rel="self" href="{escape(base)}wijzigingen.xml"/>'
        f'<link rel="alternate" href="{escape(base)}wijzigingen/"/>'
        "<author><name>Kompas Aanpak Mensenhandel</name></author>"
        + "".join(entries)
        + "</feed>\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(xml, encoding="utf-8")
