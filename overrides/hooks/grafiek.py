"""Charts: the CoMensha registrations per year, drawn at build time.

`<!-- data: registraties -->` on a page becomes an accessible inline SVG bar
chart plus a table with the same numbers. The numbers live once, in
docs/data/registraties.yml: one record per year with `jaar`, `aantal`, `bron`
(a bibliography id), optional `opmerking` and optional `breuk: true` (a year
that cannot be compared well with earlier years). Years without a record are
shown as gaps. A data error stops the build and names the file and line.
"""

from __future__ import annotations

import html

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kompas_data import DataError, load, log, require, where

PLACEHOLDER = "<!-- data: registraties -->"
TEXT = {
    "nl": {
        "titel": "Bij CoMensha gemelde mogelijke slachtoffers van mensenhandel, per jaar",
        "kop": ("Jaar", "Aantal", "Bron", "Opmerking"),
        "breuk": "breuk",
        "gat": "–",
        "gaten": "Geen cijfer voor",
        "breuken": "Breuk in de reeks in",
    },
    "en": {
        "titel": "Possible victims of human trafficking reported to CoMensha, per year",
        "kop": ("Year", "Number", "Source", "Remark"),
        "breuk": "break",
        "gat": "–",
        "gaten": "No figure for",
        "breuken": "Break in the series in",
    },
}
_rows: list = []


def on_config(config):
    global _rows
    try:
        records = load(config, "registraties")
        if not isinstance(records, list) or not records:
            raise DataError("docs/data/registraties.yml: verwacht een lijst met jaren")
        # The bibliography is read from its own data files, so this check does
        # not depend on the order or module name of the bronnen hook.
        known = {str(source.get("id")) for source in load(config, "bronnen")}
        seen = {}
        for record in records:
            require(record, ("jaar", "aantal", "bron"), "registratie")
            for field in ("jaar", "aantal"):
                if not isinstance(record[field], int) or isinstance(record[field], bool) or record[field] < 0:
                    raise DataError(f"{where(record)}: '{field}' moet een heel getal zijn, niet '{record[field]}'")
            if record["jaar"] in seen:
                raise DataError(f"{where(record)}: jaar {record['jaar']} staat er twee keer in (ook op {seen[record['jaar']]})")
            seen[record["jaar"]] = where(record)
            if str(record["bron"]) not in known:
                raise DataError(f"{where(record)}: onbekende bron '{record['bron']}': voeg die toe aan docs/data/bronnen/")
            if record.get("breuk") not in (None, True, False):
                raise DataError(f"{where(record)}: 'breuk' moet true of false zijn")
        _rows = sorted(records, key=lambda r: r["jaar"])
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    return config


# Runs before the bibliography hook, so the `[^id]` notes in the table are
# turned into footnotes like any other citation on the page.
@event_priority(50)
def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    if not _rows:
        log.warning(f"docs/{page.file.src_uri}: geen registraties om te tonen")
        return markdown
    # A Dutch page shown in the English edition keeps Dutch chart labels.
    lang = "en" if page.file.src_uri.startswith("en/") else "nl"
    text = TEXT[lang]
    # A raw <div> block keeps Markdown extensions (abbr, emphasis) out of the SVG.
    chart = f'<div class="kompas-grafiek-figuur">\n{render_svg(text)}\n</div>'
    return markdown.replace(PLACEHOLDER, f"{chart}\n\n{render_table(text)}\n", 1)


def render_svg(text) -> str:
    years = list(range(_rows[0]["jaar"], _rows[-1]["jaar"] + 1))
    by_year = {r["jaar"]: r for r in _rows}
    top = max(r["aantal"] for r in _rows) or 1
    slot, left, base, tallest = 56, 20, 190, 150
    width = left * 2 + slot * len(years)
    gaps = [y for y in years if y not in by_year]
    breaks = [r["jaar"] for r in _rows if r.get("breuk")]
    desc = "; ".join(f"{r['jaar']}: {r['aantal']}" for r in _rows) + "."
    if gaps:
        desc += f" {text['gaten']} {', '.join(map(str, gaps))}."
    if breaks:
        desc += f" {text['breuken']} {', '.join(map(str, breaks))}."
    parts = [
        f'<svg class="kompas-grafiek" role="img" viewBox="0 0 {width} 240" '
        f'aria-labelledby="kompas-grafiek-titel kompas-grafiek-desc">',
        f'<title id="kompas-grafiek-titel">{html.escape(text["titel"])}</title>',
        f'<desc id="kompas-grafiek-desc">{html.escape(desc)}</desc>',
        f'<line class="kompas-grafiek__as" x1="{left}" y1="{base}" x2="{width - left}" y2="{base}" stroke="currentColor"/>',
    ]
    for i, year in enumerate(years):
        x = left + i * slot
        mid = x + slot / 2
        record = by_year.get(year)
        parts.append(f'<text class="kompas-grafiek__jaar" x="{mid:g}" y="{base + 18}" text-anchor="middle">{year}</text>')
        if record is None:
            parts.append(f'<text class="kompas-grafiek__gat" x="{mid:g}" y="{base + 36}" text-anchor="middle" aria-hidden="true">{text["gat"]}</text>')
            continue
        height = round(record["aantal"] / top * tallest, 1)
        kind = "kompas-grafiek__balk kompas-grafiek__balk--breuk" if record.get("breuk") else "kompas-grafiek__balk"
        parts.append(
            f'<rect class="{kind}" data-jaar="{year}" data-aantal="{record["aantal"]}" '
            f'x="{x + 8}" y="{base - height:g}" width="{slot - 16}" height="{height:g}"/>'
        )
        parts.append(f'<text class="kompas-grafiek__waarde" x="{mid:g}" y="{base - height - 6:g}" text-anchor="middle">{record["aantal"]}</text>')
        if record.get("breuk"):
            parts.append(
                f'<line class="kompas-grafiek__breuklijn" x1="{x + 2}" y1="{base - tallest - 20}" x2="{x + 2}" y2="{base}" '
                f'stroke="currentColor" stroke-dasharray="4 3"/>'
            )
            parts.append(f'<text class="kompas-grafiek__breuk" x="{mid:g}" y="{base + 36}" text-anchor="middle">{text["breuk"]}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def render_table(text) -> str:
    head = "| " + " | ".join(text["kop"]) + " |"
    lines = [head, "| ---: | ---: | --- | --- |"]
    for r in _rows:
        remark = str(r.get("opmerking") or "").replace("|", "/").replace("\n", " ").strip()
        if r.get("breuk"):
            remark = f"**{text['breuk'].capitalize()}.** {remark}".strip()
        lines.append(f"| {r['jaar']} | {r['aantal']} | [^{r['bron']}] | {remark} |")
    return "\n".join(lines)
