"""Examples: real municipal approaches, described once in docs/data/voorbeelden.yml.

`<!-- data: voorbeelden -->` renders the library: an overview table, then cards per Kader
theme (an example appears under every theme it covers; its first card has the example id
as anchor, the others `id-theme`). `<!-- data: voorbeelden:THEMA -->` renders a short list
for one theme that links to those cards. Bad data stops the build with file and line.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re

from mkdocs.exceptions import PluginError

from begrippen import terms
from bronnen import DEF, REF, describe
from kompas_data import MONTHS_EN, MONTHS_NL, DataError, format_date, index_by, line_of, load, log, page_language, registry, require, where

FIELDS = ("id", "gemeente", "provincie", "inwoners", "inwoners_bron", "grootte", "titel", "soort",
          "vastgesteld", "themas", "keuzes", "url", "bron")
SOORTEN = ("beleidsnota", "regionaal kader", "uitvoeringsplan", "raadsinformatiebrief")
GROOTTE = {"< 20.000": (0, 19_999), "20.000–50.000": (20_000, 49_999),  # label: (lowest, highest) inhabitants
           "50.000–100.000": (50_000, 100_000), "> 100.000": (100_001, 10**9)}
DATUMSOORT = {"vastgesteld": {"nl": ("vastgesteld op", "vastgesteld in"), "en": ("adopted on", "adopted in")},  # before a day, a month
              "geldend": {"nl": ("geldt vanaf",) * 2, "en": ("in force from",) * 2},
              "bekendgemaakt": {"nl": ("bekendgemaakt op", "bekendgemaakt in"), "en": ("published on", "published in")}}
ID_RULE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DATE_RULE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
ALL = "<!-- data: voorbeelden -->"
ONE = re.compile(r"<!-- data: voorbeelden:([\w-]+) -->")
TEXT = {
    "nl": {"tabel": "Alle voorbeelden op een rij, op naam", "koppen": ("Gemeente of regio", "Provincie", "Grootte", "Soort", "Datum"),
           "inwoners": ("inwoners", "op 1 januari"), "themas": "Thema's", "keuzes": "Opvallende keuzes", "open": "Lees het document: {t}",
           "leeg": "*Nog geen voorbeelden bij dit thema.*", "overzicht": "Overzicht",
           "provincie": "Per provincie", "grootte": "Per grootte van de gemeente", "thema": "Per Kader-thema"},
    "en": {"tabel": "All examples, by name", "koppen": ("Municipality or region", "Province", "Size", "Type", "Date"),
           "inwoners": ("inhabitants", "on 1 January"), "themas": "Themes", "keuzes": "Notable choices", "open": "Read the document: {t}",
           "leeg": "*No examples for this theme yet.*", "overzicht": "Overview",
           "provincie": "By province", "grootte": "By size of the municipality", "thema": "By Kader theme"},
}

_examples: list = []
_themes: list = []  # kader.yml records, in the order of `nummer`


def on_config(config):
    global _examples, _themes
    try:
        _themes = sorted(load(config, "kader"), key=lambda t: int(t["nummer"]))
        known, sources = [str(t["id"]) for t in _themes], registry.get("bronnen", {})
        records = load(config, "voorbeelden")
        if not isinstance(records, list):
            raise DataError("docs/data/voorbeelden.yml: verwacht een lijst met voorbeelden")
        index_by(records, "id", "voorbeeld")
        for r in records:
            _check(r, known, sources)
        _examples = sorted(records, key=lambda r: str(r["gemeente"]).lower())
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def _check(r, known, sources):
    require(r, FIELDS, "voorbeeld")
    fail = lambda msg: DataError(f"{where(r)}: voorbeeld '{r['id']}': {msg}")  # noqa: E731
    if not ID_RULE.match(str(r["id"])):
        raise fail("id mag alleen kleine letters, cijfers en '-' bevatten")
    value = str(r["vastgesteld"])  # YAML reads YYYY-MM-DD as a date; str() gives the same text back
    try:
        dt.date.fromisoformat(value if len(value) == 10 and DATE_RULE.match(value) else f"{value}-01")
    except ValueError:
        raise fail(f"vastgesteld '{value}' is geen datum (schrijf JJJJ-MM-DD of JJJJ-MM)") from None
    r["vastgesteld"] = value
    for field, allowed in (("soort", SOORTEN), ("grootte", GROOTTE), ("datumsoort", DATUMSOORT)):
        if r.get(field, "vastgesteld") not in allowed:
            raise fail(f"{field} moet een van deze zijn: {', '.join(allowed)}")
    unknown = [str(t) for t in r["themas"] if t not in known] if isinstance(r["themas"], list) else [str(r["themas"])]
    if unknown:
        raise fail(f"onbekend(e) thema('s) {', '.join(unknown)}: kies uit docs/data/kader.yml ({', '.join(known)})")
    if not isinstance(r["keuzes"], list) or not 2 <= len(r["keuzes"]) <= 5 or not all(isinstance(c, str) for c in r["keuzes"]):
        raise fail("keuzes moet een lijst zijn met 2 tot 5 zinnen (zet een zin met een dubbele punt tussen aanhalingstekens)")
    if not str(r["url"]).startswith("https://"):
        raise fail(f"url moet met https:// beginnen: {r['url']}")
    if not isinstance(r["inwoners"], int) or not isinstance(r.get("inwoners_jaar", 0), int):
        raise fail("inwoners en inwoners_jaar moeten gehele getallen zijn, zonder punt")
    if not GROOTTE[r["grootte"]][0] <= r["inwoners"] <= GROOTTE[r["grootte"]][1]:
        raise fail(f"grootte '{r['grootte']}' past niet bij {r['inwoners']} inwoners")
    missing = [r[k] for k in ("bron", "inwoners_bron") if r[k] not in sources]
    if missing:
        raise fail(f"onbekende bron(nen): {', '.join(missing)} (zie docs/data/bronnen/)")


def _date(r, lang) -> str:
    value, (day, month) = r["vastgesteld"], DATUMSOORT[r.get("datumsoort", "vastgesteld")][lang]
    if len(value) == 10:
        return f"{day} {format_date(dt.date.fromisoformat(value), lang)}"
    return f"{month} {(MONTHS_EN if lang == 'en' else MONTHS_NL)[int(value[5:7]) - 1]} {value[:4]}"


def _theme_name(theme, lang) -> str:
    return str(theme.get("en") or theme["naam"]) if lang == "en" else str(theme["naam"])


def _anchor(r, theme_id) -> str:
    first = next(t["id"] for t in _themes if t["id"] in r["themas"])
    return r["id"] if theme_id == first else f"{r['id']}-{theme_id}"


MORE = re.compile(r"^## Meer weten", re.M)
SECTION = {"nl": ("Voorbeelden uit de praktijk", "Deze gemeenten werkten het thema van dit hoofdstuk uit in hun beleid."),
           "en": ("Examples from practice", "These municipalities worked out the theme of this chapter in their policy.")}


def _auto_section(markdown, page, lang) -> str:
    """Hoe chapters get their examples from their Kader themes, placed before 'Meer weten'."""
    parts = page.file.src_uri.split("/")
    themes = [t for t in (page.meta.get("kader_themas") or []) if t in {x["id"] for x in _themes}]
    if len(parts) < 3 or parts[1] != "hoe" or parts[-1] == "index.md" or page.meta.get("overzicht") or not themes or ONE.search(markdown):
        return markdown
    target = posixpath.relpath(f"{parts[0]}/voorbeelden.md", posixpath.dirname(page.file.src_uri))
    seen, items = set(), []
    for r in _examples:
        shared = [t for t in themes if t in r["themas"]]
        if shared and r["id"] not in seen:
            seen.add(r["id"])
            items.append(f"- [{r['gemeente']}: {str(r['titel']).replace('[', '(').replace(']', ')')}]({target}#{_anchor(r, shared[0])}) ({r['vastgesteld'][:4]})")
    if not items:
        return markdown
    title, intro = SECTION[lang]
    block = f"## {title}\n\n{intro}\n\n" + "\n".join(items) + "\n\n"
    match = MORE.search(markdown)
    return markdown[: match.start()] + block + markdown[match.start():] if match else markdown + "\n\n" + block


def on_page_markdown(markdown, page, config, files):
    lang, source = page_language(page), markdown
    markdown = _auto_section(markdown, page, lang)
    if ALL in markdown:
        markdown = markdown.replace(ALL, render_library(lang))
    markdown = ONE.sub(lambda m: render_theme(m, lang, page, source), markdown)
    if markdown == source:
        return markdown
    # bronnen.py and begrippen.py ran before this hook: add the footnotes and abbreviations the data brought.
    defined, sources = set(DEF.findall(markdown)), registry.get("bronnen", {})
    extra = [k for k in dict.fromkeys(REF.findall(markdown)) if k not in defined and k in sources]
    page.meta["_bronnen"] = list(page.meta.get("_bronnen") or []) + extra
    notes = [f"[^{k}]: {describe(sources[k], lang)}" for k in extra]
    notes += [f"*[{t}]: {r['voluit']}" for t, r in terms().items() if r.get("voluit") and t in markdown and f"*[{t}]:" not in markdown]
    return markdown.rstrip() + "\n\n" + "\n".join(notes) + "\n" if notes else markdown


def render_library(lang) -> str:
    t, nl_attr = TEXT[lang], ' lang="nl"' if lang == "en" else ""
    heads = "".join(f'<th scope="col">{h}</th>' for h in t["koppen"])
    rows = "\n".join(
        f'<tr><th scope="row"><a href="#{r["id"]}">{html.escape(str(r["gemeente"]))}</a></th><td>{html.escape(str(r["provincie"]))}</td>'
        f'<td>{html.escape(r["grootte"])}</td><td>{r["soort"]}</td><td data-sort="{r["vastgesteld"]}">{_date(r, lang)}</td></tr>' for r in _examples)
    out = [f"## {t['overzicht']} {{ #overzicht }}\n", f"<table{nl_attr}>\n<caption>{t['tabel']}</caption>\n<thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n"]
    # The same examples grouped by province and by size, linking to their cards below.
    for key, field, order in (("provincie", "provincie", sorted), ("grootte", "grootte", lambda xs: [x for x in GROOTTE if x in xs])):
        out.append(f"## {t[key]} {{ #per-{key} }}\n")
        groups = order({str(r[field]) for r in _examples})
        for group in groups:
            names = ", ".join(f"[{r['gemeente']}](#{r['id']})" for r in _examples if str(r[field]) == group)
            out.append(f"- **{html.escape(group)}**: {names}")
        out.append("")
    out.append(f"## {t['thema']} {{ #per-thema }}\n")
    for theme in _themes:
        out.append(f"### {_theme_name(theme, lang)} {{ #thema-{theme['id']} }}\n")
        for r in (r for r in _examples if theme["id"] in r["themas"]):
            anchor, sep = _anchor(r, theme["id"]), "." if lang == "nl" else ","
            year = f" {t['inwoners'][1]} {r['inwoners_jaar']}" if r.get("inwoners_jaar") else ""
            people = f"{r['inwoners']:,}".replace(",", sep) + f" {t['inwoners'][0]}{year}"
            themes = ", ".join(f"[{_theme_name(x, lang)}](#thema-{x['id']})" for x in _themes if x["id"] in r["themas"])
            choices = "\n".join(f"- {c}" for c in r["keuzes"])
            cite = f"[^{r['inwoners_bron']}]" if anchor == r["id"] else ""  # the population source once per example
            out.append(
                f'<section class="kompas-voorbeeld" id="{anchor}" markdown="1"{nl_attr}>\n\n'
                f"#### {r['gemeente']} {{ #{anchor}-kop }}\n\n*{str(r['titel']).replace('*', '')}*[^{r['bron']}]\n\n"
                f"{r['provincie']} · {people}{cite} · {r['grootte']}  \n"
                f"{r['soort'].capitalize()}, {_date(r, lang)}  \n{t['themas']}: {themes}\n\n"
                f"**{t['keuzes']}**\n\n{choices}\n\n[{t['open'].format(t=r['titel'])}]({r['url']})\n\n</section>\n")
    return "\n".join(out)


def render_theme(match, lang, page, markdown) -> str:
    theme_id = match.group(1)
    if theme_id not in {t["id"] for t in _themes}:
        log.warning(f"{line_of(markdown, markdown.find(match.group(0)), page)}: onbekend Kader-thema '{theme_id}' in <!-- data: voorbeelden:... -->")
        return match.group(0)
    target = posixpath.relpath(f"{page.file.src_uri.split('/')[0]}/voorbeelden.md", posixpath.dirname(page.file.src_uri))
    items = [f"- [{r['gemeente']}: {str(r['titel']).replace('[', '(').replace(']', ')')}]({target}#{_anchor(r, theme_id)}) ({r['vastgesteld'][:4]})"
             for r in _examples if theme_id in r["themas"]]
    return "\n".join(items) if items else TEXT[lang]["leeg"]
