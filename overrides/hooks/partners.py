"""Partners: one data file, shown as a directory, as inline roles and as a chain map.

docs/data/partners.yml describes every partner once; docs/data/ketenkaart.yml lists the
steps from signal to aftercare. `<!-- data: partners -->` renders the directory (cards
grouped by kind, anchor = partner id), `<!-- data: partner:ID -->` the first sentence of
one role with its source, `<!-- data: ketenkaart -->` the chain map as inline SVG plus a
full text version. A link to partners.md#x where x is no partner id is a warning.
"""

from __future__ import annotations

import html
import posixpath
import re

from mkdocs.exceptions import PluginError

from begrippen import terms
from bronnen import describe, sources
from kompas_data import DataError, index_by, line_of, load, log, page_language, require, where

FIELDS = ("id", "naam", "soort", "rol", "wanneer", "contact", "website", "bron", "rol_en", "wanneer_en")
STEP_FIELDS = ("id", "naam", "naam_en", "uitleg", "uitleg_en", "partners")
KINDS = {"zorg": ("Zorg", "Care"), "veiligheid": ("Veiligheid", "Safety"), "kennis-en-beleid": ("Kennis en beleid", "Knowledge and policy")}
TEXT = {
    "nl": {"wanneer": "Wanneer contact:", "site": "Website van {}", "naast": "loopt naast de hele route", "titel": "Ketenkaart: van signaal tot nazorg",
           "lijst": "**De kaart in woorden.** Dezelfde stappen, met uitleg en links naar de partners:",
           "desc": "Stappen: {}. Bij elke stap staan de belangrijkste partners. Onder de kaart staat dezelfde informatie als tekst."},
    "en": {"wanneer": "When to contact:", "site": "Website of {}", "naast": "runs alongside the whole route", "titel": "Chain map: from signal to aftercare",
           "lijst": "**The map in words.** The same steps, with an explanation and links to the partners:",
           "desc": "Steps: {}. Each step lists the main partners. The same information follows the map as text."},
}
ONE = re.compile(r"<!-- data: partner:([^\s>]+) -->")
LINK = re.compile(r"\bpartners\.md#([\w-]+)")
REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
DEF = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)
SENTENCE = re.compile(r"(?<=[.!?])((?:\[\^[^\]]+\])*)\s+(?=[A-Z])")
WIDTH, COL, GAP = 640, 290, 40  # chain map: viewBox width, column width, space between boxes

_partners: dict = {}
_steps: list = []


def on_config(config):
    global _partners, _steps
    try:
        _partners = index_by(load(config, "partners"), "id", "partner")
        for p in _partners.values():
            require(p, FIELDS, "partner")
            if p["soort"] not in KINDS or not str(p["website"]).startswith("https://"):
                raise DataError(f"{where(p)}: partner '{p['id']}': soort moet {', '.join(KINDS)} zijn en website moet met https:// beginnen")
            _check_sources(p, [p["bron"]])
        _steps = load(config, "ketenkaart")
        for step in _steps:
            require(step, STEP_FIELDS, "stap")
            if any(p not in _partners for p in step["partners"]):
                raise DataError(f"{where(step)}: stap '{step['id']}' noemt een onbekende partner: {step['partners']}")
            _check_sources(step, [])
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


def _check_sources(record, keys):
    missing = [k for k in keys + REF.findall(" ".join(map(str, record.values()))) if k not in sources()]
    if missing:
        raise DataError(f"{where(record)}: onbekende bron(nen): {', '.join(missing)} (zie docs/data/bronnen/)")


def _f(record, field, lang):
    """A field in the page language; English pages fall back to the Dutch text."""
    return str(record.get(f"{field}_en") or record[field]) if lang == "en" else str(record[field])


def on_page_markdown(markdown, page, config, files):
    for match in LINK.finditer(markdown):
        if match.group(1) not in _partners:
            log.warning(f"{line_of(markdown, match.start(), page)}: link naar onbekende partner 'partners.md#{match.group(1)}' (zie docs/data/partners.yml)")
    lang, source = page_language(page), markdown
    for placeholder, render in (("<!-- data: partners -->", render_directory), ("<!-- data: ketenkaart -->", render_map)):
        if placeholder in markdown:
            markdown = markdown.replace(placeholder, render(lang, page))
    markdown = ONE.sub(lambda m: render_one(m, lang, page, source), markdown)
    # bronnen.py and begrippen.py ran before this hook: add the footnotes and abbreviations
    # that came with the data.
    defined, extra = set(DEF.findall(markdown)), []
    for key in REF.findall(markdown):
        if key not in defined and key not in extra and key in sources():
            extra.append(key)
    page.meta["_bronnen"] = list(page.meta.get("_bronnen") or []) + extra
    notes = [f"[^{k}]: {describe(sources()[k], lang)}" for k in extra]
    notes += [f"*[{t}]: {r['voluit']}" for t, r in terms().items() if r.get("voluit") and t in markdown and f"*[{t}]:" not in markdown]
    return markdown.rstrip() + "\n\n" + "\n".join(notes) + "\n" if notes else markdown


def render_directory(lang, page):
    fallback = ' lang="en"' if lang == "en" and page.file.src_uri.startswith("nl/") else ""  # English cards on a Dutch page
    out = []
    for kind, names in KINDS.items():
        out.append(f"## {names[lang == 'en']} {{ #{kind}{fallback} }}\n")
        for p in (p for p in _partners.values() if p["soort"] == kind):
            name = _f(p, "naam", lang)
            link = p.get("website_tekst_en" if lang == "en" else "website_tekst") or TEXT[lang]["site"].format(re.sub(r" \(.*\)$", "", name))
            contact = "via the website" if lang == "en" and p["contact"] == "via de website" else _f(p, "contact", lang)
            out.append(
                f'<section class="kompas-partner" id="{p["id"]}" markdown="1"{fallback}>\n\n'
                f"### {name} {{ #{p['id']}-naam }}\n\n{_f(p, 'rol', lang)}[^{p['bron']}]\n\n"
                f"**{TEXT[lang]['wanneer']}** {_f(p, 'wanneer', lang)}\n\n**Contact:** {contact}\n\n"
                f"[{link}]({p['website']})\n\n</section>\n"
            )
    return "\n".join(out)


def render_one(match, lang, page, markdown):
    partner = _partners.get(match.group(1))
    if partner is None:
        log.warning(f"{line_of(markdown, markdown.find(match.group(0)), page)}: onbekende partner '{match.group(1)}' in <!-- data: partner:... -->")
        return match.group(0)
    parts = SENTENCE.split(_f(partner, "rol", lang), maxsplit=1)
    first = parts[0] + (parts[1] if len(parts) > 1 else "")
    return first if REF.search(first) else f"{first}[^{partner['bron']}]"


def _pack(words, width, sep=", "):
    """Greedy line packing for SVG text (SVG does not wrap); keeps each word or name whole."""
    lines = []
    for word in words:
        if lines and len(lines[-1]) + len(sep) + len(word) <= width:
            lines[-1] += sep + word
        else:
            lines.append(word)
    return lines


def _box(box, prev):
    """SVG elements for one step: header band, border, text and the arrow from the previous step."""
    x, y, w, h, hh = box["x"], box["y"], box["w"], box["h"], box["hh"]
    dash = ' stroke-dasharray="8 6"' if box["full"] else ""
    out = [f'<rect x="{x}" y="{y}" width="{w}" height="{hh}" rx="8" fill="currentColor" fill-opacity="0.08"/>',
           f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="none" stroke="currentColor" stroke-width="2"{dash}/>']
    lines = [(t, 20, "bold", y + 30 + 26 * k) for k, t in enumerate(box["head"])]
    lines += [(t, 17, "normal", y + hh + 26 + 24 * k) for k, t in enumerate(box["who"])]
    out += [f'<text x="{x + 12}" y="{ty}" font-size="{size}" font-weight="{weight}" fill="currentColor">{html.escape(t)}</text>' for t, size, weight, ty in lines]
    arrow = ' fill="none" stroke="currentColor" stroke-width="2" marker-end="url(#ketenkaart-pijl)"/>'
    if prev and not box["full"] and not prev["full"]:
        if prev["y"] == y:  # next box in the same row
            out.append(f'<path d="M{prev["x"] + prev["w"]} {y + 24} H{x - 4}"' + arrow)
        else:  # elbow from the end of the previous row to the start of this one
            out.append(f'<path d="M{prev["x"] + prev["w"] // 2} {prev["y"] + prev["h"]} V{y - GAP // 2} H{x + w // 2} V{y - 4}"' + arrow)
    return out


def render_map(lang, page):
    t = TEXT[lang]
    names = [f"{i}. {_f(s, 'naam', lang)}" for i, s in enumerate(_steps, 1)]
    parts, boxes, y, row_h = [], [], 10, 0
    for name, step in zip(names, _steps):
        full = bool(step.get("parallel"))  # a parallel step gets a full-width row of its own
        if boxes and (full or boxes[-1]["full"] or boxes[-1]["x"] > 10):
            y, row_h = y + row_h + GAP, 0
        w = WIDTH - 20 if full else COL
        who = [_f(_partners[p], "kort", lang) if _partners[p].get("kort") else _partners[p]["naam"] for p in step["partners"]]
        box = {"x": 10 if not boxes or boxes[-1]["y"] != y else 10 + COL + GAP, "y": y, "w": w, "full": full,
               "head": _pack(name.split(" "), w // 12, " "), "who": _pack(who, (w - 24) // 10)}
        box["hh"] = 12 + 26 * len(box["head"])
        box["h"] = box["hh"] + 14 + 24 * len(box["who"])
        parts += _box(box, boxes[-1] if boxes else None)
        boxes.append(box)
        row_h = max(row_h, box["h"])
    svg = (
        f'<div class="kompas-ketenkaart"><svg role="img" aria-labelledby="ketenkaart-titel ketenkaart-uitleg" viewBox="0 0 {WIDTH} {y + row_h + 10}" '
        f'width="100%" style="max-width: 48rem" xmlns="http://www.w3.org/2000/svg"><title id="ketenkaart-titel">{html.escape(t["titel"])}</title>'
        f'<desc id="ketenkaart-uitleg">{html.escape(t["desc"].format(", ".join(names)))}</desc><defs><marker id="ketenkaart-pijl" viewBox="0 0 10 10" '
        'refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="currentColor"/></marker></defs>'
        + "".join(parts) + "</svg></div>"
    )
    # The full text alternative: every step with its explanation and links to the partner cards.
    target = posixpath.relpath(f"{page.file.src_uri.split('/')[0]}/met-wie/partners.md", posixpath.dirname(page.file.src_uri))
    items = []
    for i, step in enumerate(_steps, 1):
        extra = f" ({t['naast']})" if step.get("parallel") else ""
        links = ", ".join(f"[{_f(_partners[p], 'naam', lang)}]({target}#{p})" for p in step["partners"])
        items.append(f"{i}. **{_f(step, 'naam', lang)}**{extra}: {_f(step, 'uitleg', lang)}  \n   Partners: {links}.")
    return f"{svg}\n\n{t['lijst']}\n\n" + "\n".join(items) + "\n"
