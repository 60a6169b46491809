"""One search index and one sitemap per language, with hreflang alternates.

mkdocs-static-i18n writes a single search index with both languages, and
Material loads it from the site root on every page. After the last language
is built this hook splits the index into search/search_index.json (Dutch) and
en/search/search_index.json (English) and points English pages at their own.
English entries that are the untranslated Dutch text (fallback pages) are left
out of the English index. static-i18n can do that itself, but compares every
entry with every other one, which slows the build down quadratically; its
`reconfigure_search` is therefore off in mkdocs.yml and the same rule is applied
here in one pass.

Material reads every <link rel="alternate" hreflang> in the page head and then
fetches "sitemap.xml" next to each linked page, which does not exist for
pages below the root (a 404 in the console on every page). The alternates are
therefore published the other way search engines read them: as xhtml:link
entries in sitemap.xml (Dutch) and en/sitemap.xml (English).
"""

from __future__ import annotations

import gzip
import json
import posixpath
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

from mkdocs.plugins import event_priority

from kompas_data import language

DEFAULT = "nl"
OTHER = "en"
BASE = re.compile(r'("base":\s*")([^"]*)(")')
SWITCH_ABSOLUTE = re.compile(r'<a href="(/[^"]*)" hreflang="(\w+)" class="md-select__link"')
HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')  # no leading \s*: that scans quadratically
_pages: dict[str, list[str]] = {}


def on_pre_build(config):
    _pages[language(config)] = []


def on_post_page(output, page, config):
    lang = language(config)
    _pages.setdefault(lang, []).append(page.url)
    output = HEAD_ALTERNATE.sub("", output)
    # On the start pages the language switcher links to "/en/" and "/": wrong when the site lives in a
    # sub-folder (a GitHub Pages project site). Make those links relative, like on every other page.
    folder = page.url if page.url.endswith("/") else page.url.rpartition("/")[0] + "/"
    output = SWITCH_ABSOLUTE.sub(
        lambda m: f'<a href="{_relative(m.group(1).lstrip("/"), folder)}" hreflang="{m.group(2)}" class="md-select__link"', output)
    if lang != OTHER:
        return output
    # English pages read their search index from en/, not from the site root.
    folder = page.url if page.url.endswith("/") else page.url.rpartition("/")[0] + "/"
    base = "/".join([".."] * (folder.count("/") - 1)) or "."
    return BASE.sub(lambda m: f"{m.group(1)}{base}{m.group(3)}", output, count=1)


def _relative(target: str, folder: str) -> str:
    rel = posixpath.relpath(target or ".", folder.rstrip("/") or ".")
    return "./" if rel == "." else rel + "/"


@event_priority(-100)  # after the search plugin and static-i18n have written the index
def on_post_build(config):
    # static-i18n builds English inside the Dutch build's post_build and rewrites the search index at
    # the end of it: split the index (idempotently) after every pass, and write the sitemaps once both
    # languages are known.
    site = Path(config["site_dir"])
    split_index(site)
    if not _pages.get(OTHER) or not _pages.get(DEFAULT):
        return
    base = config["site_url"] or "/"
    base = base if base.endswith("/") else base + "/"
    dutch = [u for u in _pages.get(DEFAULT, []) if u != "404.html"]
    write_sitemap(site, base, dutch)
    write_sitemap(site / OTHER, base, [u for u in _pages.get(OTHER, []) if u != f"{OTHER}/404.html"])


def split_index(site: Path):
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    prefix = f"{OTHER}/"
    rest = [d for d in data["docs"] if not d["location"].startswith(prefix)]
    dutch = {(d["location"], d["title"], d["text"]) for d in rest}
    mine = [d for d in data["docs"] if d["location"].startswith(prefix)
            and (d["location"][len(prefix):], d["title"], d["text"]) not in dutch]
    for doc in mine:
        doc["location"] = doc["location"][len(prefix):]
    if mine:
        path.write_text(json.dumps(dict(data, docs=rest, config=dict(data["config"], lang=[DEFAULT])),
                                   ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        target = site / OTHER / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(data, docs=mine, config=dict(data["config"], lang=[OTHER])),
                                     ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _pair(url: str) -> tuple[str, str]:
    """(Dutch url, English url) of a page, relative to the site root."""
    local = url[len(OTHER) + 1:] if url.startswith(f"{OTHER}/") else url
    return local, f"{OTHER}/{local}"


def write_sitemap(folder: Path, base: str, urls: list[str]):
    entries = []
    for url in sorted(set(urls)):
        dutch, english = _pair(url)
        links = "".join(
            f"<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href={quoteattr(base + href)}/>"
            for lang, href in ((DEFAULT, dutch), (OTHER, english), ("x-default", dutch))
        )
        entries.append(f"<url><loc>{base + url}</loc>{links}</url>")
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitemap.xml").write_text(xml, encoding="utf-8")
    with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as fh:
        fh.write(xml.encode("utf-8"))
