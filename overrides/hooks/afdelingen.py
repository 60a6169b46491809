"""Departments: `<!-- data: afdelingen -->` becomes a table from docs/data/afdelingen.yml.

Every record needs id, naam, ziet, kan and werkt_samen_met (a list of department
ids, partner ids or plain text). Bad data stops the build with file and line.
"""

import html
import re

from mkdocs.exceptions import PluginError

from kompas_data import DataError, load, page_language, require, where

FIELDS = ("id", "naam", "ziet", "kan", "werkt_samen_met")
PLACEHOLDER = "<!-- data: afdelingen -->"
PARTNER_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TEXT = {
    "nl": ("Afdelingen van de gemeente en hun rol bij mensenhandel (advies van het Kompas)",
           ("Afdeling", "Welke signalen kan de afdeling zien?", "Wat kan de afdeling doen?", "Werkt samen met")),
    "en": ("Municipal departments and their role against human trafficking (advice of the Kompas)",
           ("Department", "Which signals may it see?", "What can it do?", "Works with")),
}
_records: list = []
_partner_names: dict = {}


def on_config(config):
    global _records, _partner_names
    try:
        _records = load(config, "afdelingen")
        if not isinstance(_records, list):
            raise DataError("docs/data/afdelingen.yml: verwacht een lijst met afdelingen")
        seen: set = set()
        for record in _records:
            require(record, FIELDS, "afdeling")
            if not isinstance(record["werkt_samen_met"], list):
                raise DataError(f"{where(record)}: werkt_samen_met moet een lijst zijn, zoals [politie, riec]")
            if record["id"] in seen:
                raise DataError(f"{where(record)}: afdeling '{record['id']}' staat er twee keer in")
            seen.add(record["id"])
    except DataError as exc:
        raise PluginError(str(exc)) from exc
    try:  # partner names are optional: without partner data the id is shown
        partners = load(config, "partners")
    except DataError:
        partners = []
    partners = [p for p in partners if isinstance(p, dict)] if isinstance(partners, list) else []
    _partner_names = {str(p.get("id")): str(p.get("naam") or p.get("id")) for p in partners}
    return config


def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, render(page, files))
    return markdown


def render(page, files) -> str:
    caption, heads = TEXT[page_language(page)]
    names = {r["id"]: r["naam"] for r in _records}
    target = files.get_file_from_path(page.file.src_uri.split("/")[0] + "/met-wie/partners.md")
    partners_url = html.escape(target.url_relative_to(page.file)) if target else None

    def cell(value) -> str:
        value = str(value)
        if value in names:  # another department: link to its row on this page
            return f'<a href="#afdeling-{value}">{html.escape(names[value])}</a>'
        if partners_url and PARTNER_ID.match(value):  # a partner id: link to partners.md
            return f'<a href="{partners_url}#{value}">{html.escape(_partner_names.get(value, value))}</a>'
        return html.escape(value)

    rows = "\n".join(
        f'<tr id="afdeling-{html.escape(str(r["id"]))}"><th scope="row">{html.escape(str(r["naam"]))}</th>'
        f'<td>{html.escape(str(r["ziet"]))}</td><td>{html.escape(str(r["kan"]))}</td>'
        f'<td>{", ".join(cell(v) for v in r["werkt_samen_met"])}</td></tr>' for r in _records)
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (f'<table>\n<caption>{caption}</caption>\n'
            f'<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>')
