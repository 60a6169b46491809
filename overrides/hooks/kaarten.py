"""Printable one-page cards and the policy-plan template, drawn from the sources the pages use.

`<!-- data: kaarten -->` renders A4 cards: one per form of exploitation (the card
blocks of wat/signalen.md), a route card (its sections on where and how to
report), a partner card (docs/data/partners.yml) and one card per Kader theme
(docs/data/kader.yml, the zelfscan items and the chapters that serve the theme).
`<!-- data: beleidsplan -->` renders the template of docs/data/beleidsplan.yml,
from which scripts/downloads.py also writes the .docx.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils.meta import get_data

from kompas_data import load, page_language

CARDS = "<!-- data: kaarten -->"
TEMPLATE = "<!-- data: beleidsplan -->"
CARD_BLOCK = re.compile(r'<div class="kompas-kaart" markdown>\s*\n(.*?)\n</div>', re.S)
LINK = re.compile(r"\]\((?!https?://|#|mailto:)([^)#\s]+\.md)(#[^)\s]*)?\)")
ROUTE_SECTIONS = {
    "nl": ("Wat doe je bij een signaal?", "Waar meld je een signaal?"),
    "en": ("What do you do when you see a sign?", "Where do you report a sign?"),
}
TEXT = {
    "nl": {"vorm": "Signalen", "route": "Wat doe je bij een signaal?", "partners": "Wie bel je waarvoor?",
           "thema": "Kader-thema", "basis": "Basis: wat elke gemeente doet", "verdieping": "Verdieping: voor wie verder wil",
           "lees": "Meer in het Kompas", "soorten": {"zorg": "zorg", "veiligheid": "veiligheid", "kennis-en-beleid": "kennis en beleid"},
           "interpretatie": "De punten zijn de uitleg van het Kompas, niet de bouwstenen van het Kader zelf.",
           "bron_signalen": "Bronnen en uitleg: Kompas Aanpak Mensenhandel, hoofdstuk Signalen herkennen en wat je dan doet.",
           "bron_partners": "Bronnen en meer per partner: Kompas Aanpak Mensenhandel, hoofdstuk Partners."},
    "en": {"vorm": "Signals", "route": "What to do with a signal", "partners": "Who to call for what",
           "thema": "Kader theme", "basis": "Basis: what every municipality does", "verdieping": "Verdieping: for those who want more",
           "lees": "More in the Kompas", "soorten": {"zorg": "care", "veiligheid": "safety", "kennis-en-beleid": "knowledge and policy"},
           "interpretatie": "These points are the Kompas's interpretation, not the Kader's own building blocks.",
           "bron_signalen": "Sources and explanation: Kompas Aanpak Mensenhandel, chapter on recognising signs.",
           "bron_partners": "Sources and more on each partner: Kompas Aanpak Mensenhandel, chapter Partners."},
}


def _relink(markdown: str, source: str, target: str) -> str:
    """Rewrite relative .md links from the source page's folder to the target page's folder."""
    def fix(match):
        path = posixpath.normpath(posixpath.join(posixpath.dirname(source), match.group(1)))
        return f"]({posixpath.relpath(path, posixpath.dirname(target))}{match.group(2) or ''})"
    return LINK.sub(fix, markdown)


def _section(markdown: str, heading: str) -> str:
    """The body of a `## heading` section, up to the next `##` heading or the first admonition."""
    match = re.search(rf"^## {re.escape(heading)}\s*\n(.*?)(?=^## |^!!! |\Z)", markdown, re.S | re.M)
    return match.group(1).strip() if match else ""


def _card(card_id: str, kind: str, body: str, lang: str, source: str = "") -> str:
    note = f'\n\n<p class="kompas-kaart-a4__bron">{html.escape(source)}</p>' if source else ""
    return (f'<section class="kompas-kaart-a4" id="kaart-{card_id}" markdown="1">\n\n'
            f'<p class="kompas-kaart-a4__soort">{html.escape(kind)}</p>\n\n{body}{note}\n\n</section>\n')


@event_priority(10)  # before the sources and glossary hooks, so the footnotes in the cards get their text
def on_page_markdown(markdown, page, config, files):
    # The language of the text, not of the address: a Dutch page shown in the English build stays Dutch.
    lang = page.file.src_uri.split("/", 1)[0] if page.file.src_uri.startswith(("nl/", "en/")) else page_language(page)
    if CARDS in markdown:
        markdown = markdown.replace(CARDS, render_cards(page, config, files, lang))
    if TEMPLATE in markdown:
        markdown = markdown.replace(TEMPLATE, render_template(config))
    return markdown


def _source(files, lang: str, path: str):
    file = files.get_file_from_path(f"{lang}/{path}") or files.get_file_from_path(f"nl/{path}")
    return file


def render_cards(page, config, files, lang) -> str:
    t = TEXT[lang]
    here = page.file.src_uri.split("/", 1)[1]
    out = []
    signals = _source(files, lang, "wat/signalen.md")
    body = get_data(Path(signals.abs_src_path).read_text(encoding="utf-8"))[0]
    for n, block in enumerate(CARD_BLOCK.findall(body)):
        block = re.sub(r"^### ", "## ", block.strip(), flags=re.M)
        out.append(_card(f"signalen-{n + 1}", t["vorm"], _relink(block, "wat/signalen.md", here), lang, t["bron_signalen"]))
    # The route card: the sections on what to do and where to report, in the page's language.
    steps, where = (_section(body, h) for h in ROUTE_SECTIONS[lang])
    steps = "\n".join(line for line in steps.splitlines() if re.match(r"^\d+\. ", line))
    table = "\n".join(line for line in where.splitlines() if line.startswith("|"))
    route = f"{steps}\n\n{table}"
    out.append(_card("route", t["route"], f"## {t['route']}\n\n" + _relink(route, "wat/signalen.md", here), lang, t["bron_signalen"]))
    partners = load(config, "partners")
    for kind in ("zorg", "veiligheid", "kennis-en-beleid"):
        rows = "\n".join(
            f"- **[{p.get('naam_kort') or p['naam']}]({posixpath.relpath('met-wie/partners.md', posixpath.dirname(here))}#{p['id']})**: "
            f"{_first_sentence(p.get('wanneer_en') if lang == 'en' and p.get('wanneer_en') else p['wanneer'])} "
            f"*{_first_sentence(p['contact'])}*"
            for p in partners if p["soort"] == kind
        )
        heading = f"{t['partners']}: {t['soorten'][kind]}"
        out.append(_card(f"partners-{kind}", t["partners"], f"## {heading}\n\n{rows}", lang, t["bron_partners"]))
    items = load(config, "zelfscan")
    chapters = _chapters_by_theme(files)
    for theme in sorted(load(config, "kader"), key=lambda x: int(x["nummer"])):
        name = theme.get("en") if lang == "en" and theme.get("en") else theme["naam"]
        def points(level):
            chosen = [i for i in items if i["thema"] == theme["id"] and i["niveau"] == level]
            return "\n".join(f"- {(i.get('en') or {}).get('vraag') if lang == 'en' and i.get('en') else i['vraag']}" for i in chosen)
        links = "\n".join(f"- [{title}]({posixpath.relpath(path, posixpath.dirname(here))})" for path, title in chapters.get(theme["id"], []))
        text = (f"## {theme['nummer']}. {name}\n\n**{t['basis']}**\n\n{points('basis')}\n\n**{t['verdieping']}**\n\n"
                f"{points('verdieping')}\n\n**{t['lees']}**\n\n{links}\n\n*{t['interpretatie']}*")
        out.append(_card(f"thema-{theme['id']}", f"{t['thema']} {theme['nummer']}", text, lang))
    return "\n".join(out)


def _first_sentence(text) -> str:
    """A card has room for one sentence per partner; the directory has the rest."""
    text = re.sub(r"\[\^[^\]]+\]", "", str(text)).replace("|", "/").replace("\n", " ").strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _chapters_by_theme(files) -> dict:
    found = {}
    for file in files.documentation_pages():
        local = file.src_uri.split("/", 1)[1] if "/" in file.src_uri else file.src_uri
        if not local.startswith("hoe/") or local.endswith("index.md"):
            continue
        meta = get_data(file.content_string)[1]
        if meta.get("overzicht"):
            continue
        for theme in meta.get("kader_themas") or []:
            found.setdefault(theme, []).append((local, str(meta.get("title", local))))
    return {k: sorted(v) for k, v in found.items()}


def render_template(config) -> str:
    data = load(config, "beleidsplan")
    out = [f"## {data['titel']}\n", f"*{data['ondertitel']}*\n", f"{data['inleiding']}\n"]
    for n, part in enumerate(data["onderdelen"], 1):
        questions = "\n".join(f"- {q}" for q in part["vragen"])
        out.append(f"### {n}. {part['kop']}\n\n{part['uitleg']}\n\n{questions}\n")
    return "\n".join(out)
