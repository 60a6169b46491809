"""Kader themes: which pages serve which theme of the Kader Aanpak Mensenhandel.

Pages name their themes in front matter (`kader_themas: [opvang]`); the ids
live in docs/data/kader.yml. `<!-- data: kader-themas -->` renders, per theme
in the order of `nummer`, a heading and links to every page of the current
build that names the theme. An unknown id is logged with file and line.
"""

from __future__ import annotations

import posixpath

from mkdocs.utils.meta import get_data

from kompas_data import language, load, log

PLACEHOLDER = "<!-- data: kader-themas -->"
LANGUAGES = ("nl", "en")
EMPTY = {"nl": "*Nog geen pagina's bij dit thema.*", "en": "*No pages for this theme yet.*"}

_themes: list = []  # records from kader.yml, sorted by nummer
_pages: dict[str, list[tuple[str, str]]] = {}  # theme id -> [(normalised path, title)]


def themes_of(meta) -> list[str]:
    value = meta.get("kader_themas") or []
    return [value] if isinstance(value, str) else [str(v) for v in value]


def normalised(src_uri: str) -> str:
    """'nl/hoe/x.md' -> 'hoe/x.md': the path a relative link resolves to in any build."""
    first, _, rest = src_uri.partition("/")
    return rest if first in LANGUAGES and rest else src_uri


def on_nav(nav, config, files):
    # Runs after the i18n plugin has chosen the files of this build: one file per
    # page, in the build language or, in the English build, the Dutch fallback.
    global _themes, _pages
    _themes = sorted(load(config, "kader"), key=lambda t: int(t["nummer"]))
    _pages = {str(t["id"]): [] for t in _themes}
    order = {page.file.src_uri: i for i, page in enumerate(nav.pages)}
    docs = sorted(files.documentation_pages(), key=lambda f: order.get(f.src_uri, len(order)))
    for file in docs:
        try:
            _, meta = get_data(file.content_string)
        except Exception:  # unreadable page: other hooks report it
            continue
        title = str(meta.get("title") or posixpath.splitext(posixpath.basename(file.src_uri))[0])
        for theme in themes_of(meta):
            if theme in _pages:
                _pages[theme].append((normalised(file.src_uri), title))
    return nav


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    # Dutch fallback pages in the English build were already checked in the Dutch build.
    if src.startswith(language(config) + "/"):
        known = {str(t["id"]) for t in _themes}
        for theme in themes_of(page.meta):
            if theme not in known:
                log.warning(f"docs/{src}:1: onbekend Kader-thema '{theme}'")
    if PLACEHOLDER in markdown:
        markdown = markdown.replace(PLACEHOLDER, render(src))
    return markdown


def render(src_uri: str) -> str:
    lang = "en" if src_uri.startswith("en/") else "nl"
    here = posixpath.dirname(normalised(src_uri))
    out = []
    for theme in _themes:
        name = theme.get("en") if lang == "en" and theme.get("en") else theme["naam"]
        out.append(f"\n## {name}\n")
        links = [
            f"- [{title.replace('[', '(').replace(']', ')')}]({posixpath.relpath(path, here or '.')})"
            for path, title in _pages.get(str(theme["id"]), [])
        ]
        out.append("\n".join(links) if links else EMPTY[lang])
    return "\n".join(out) + "\n"
