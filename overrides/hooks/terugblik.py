"""Recap pages: the learning goals and assignments of a part, as a printable checklist.

`<!-- data: terugblik -->` on <part>/terugblik.md collects, in nav order, the
`leerdoelen` and `opdracht` blocks of every chapter in that part. The chapters
stay the only place where goals and assignments are written.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.utils.meta import get_data

PLACEHOLDER = "<!-- data: terugblik -->"
BOX = '<span class="kompas-vakje" aria-hidden="true">☐</span>'  # a box to tick on paper
BLOCK = re.compile(r'^!!! (leerdoelen|opdracht)(?: "([^"]*)")?\n((?:[ \t]+.*\n|\n)*)', re.M)
ITEM = re.compile(r"^\s+[-*] (.+)$", re.M)
TEXT = {
    "nl": ("Leerdoelen", "Opdrachten", "Naar het hoofdstuk"),
    "en": ("Learning goals", "Assignments", "Go to the chapter"),
}
_order: list = []


def on_nav(nav, config, files):
    _order[:] = [page.file for page in nav.pages]
    return nav


def _local(src_uri: str) -> str:
    first, _, rest = src_uri.partition("/")
    return rest if first in ("nl", "en") else src_uri


def _extract(path: Path):
    meta_body = get_data(path.read_text(encoding="utf-8"))
    body, meta = meta_body
    goals, tasks = [], []
    for kind, title, content in BLOCK.findall(body + "\n"):
        if kind == "leerdoelen":
            goals += [g.strip() for g in ITEM.findall(content)]
        else:
            tasks.append(title or content.strip().splitlines()[0])
    return meta.get("title", path.stem), goals, tasks


def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    lang = "en" if page.url.startswith("en/") else "nl"
    goals_label, tasks_label, go = TEXT[lang]
    here = _local(page.file.src_uri)
    folder = posixpath.dirname(here)
    out = []
    # In the English build the part holds English pages and Dutch fallbacks: compare paths without language.
    for file in _order:
        src = _local(file.src_uri)
        if not src.startswith(folder + "/") or src == here or src == f"{folder}/index.md":
            continue
        title, goals, tasks = _extract(Path(file.abs_src_path))
        if not goals and not tasks:
            continue
        link = posixpath.relpath(src, folder)
        anchor = posixpath.splitext(posixpath.relpath(src, folder))[0].replace("/", "-")
        out.append(f"## {title} {{ #{anchor} }}\n")  # the same anchor in both languages
        if goals:
            out.append(f"**{goals_label}**\n\n" + "\n".join(f"- {BOX} {g}" for g in goals) + "\n")
        if tasks:
            out.append(f"**{tasks_label}**\n\n" + "\n".join(f"- {BOX} {t}" for t in tasks) + "\n")
        out.append(f"[{go}: {title}]({link})\n")
    return markdown.replace(PLACEHOLDER, "\n".join(out))
