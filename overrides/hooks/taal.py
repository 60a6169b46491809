"""One search index and one sitemap per language.

mkdocs-static-i18n writes a single search index with both languages, and
Material loads it from the site root on every page. After the last language
is built this hook splits the index into search/search_index.json (Dutch) and
en/search/search_index.json (English), points English pages at their own
index, and writes en/sitemap.xml next to the Dutch one.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.sax.saxutils import escape

from kompas_data import language

OTHER = "en"
BASE = re.compile(r'("base":\s*")([^"]*)(")')
_pages: dict[str, list[str]] = {}


def on_pre_build(config):
    _pages[language(config)] = []


def on_post_page(output, page, config):
    lang = language(config)
    _pages.setdefault(lang, []).append(page.url)
    if lang != OTHER:
        return output
    # English pages read their search index from en/, not from the site root.
    folder = page.url if page.url.endswith("/") else page.url.rpartition("/")[0] + "/"
    base = "/".join([".."] * (folder.count("/") - 1)) or "."
    return BASE.sub(lambda m: f"{m.group(1)}{base}{m.group(3)}", output, count=1)


def on_post_build(config):
    if language(config) != OTHER:
        return
    site = Path(config["site_dir"])
    split_index(site)
    write_sitemap(site / OTHER, config["site_url"] or "/", _pages.get(OTHER, []))


def split_index(site: Path):
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    prefix = f"{OTHER}/"
    mine = [d for d in data["docs"] if d["location"].startswith(prefix)]
    if not mine:
        return
    rest = [d for d in data["docs"] if not d["location"].startswith(prefix)]
    for doc in mine:
        doc["location"] = doc["location"][len(prefix):]
    dutch = dict(data, docs=rest, config=dict(data["config"], lang=["nl"]))
    english = dict(data, docs=mine, config=dict(data["config"], lang=["en"]))
    path.write_text(json.dumps(dutch, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    target = site / OTHER / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(english, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_sitemap(folder: Path, site_url: str, urls: list[str]):
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = "".join(
        f"<url><loc>{escape(base + url)}</loc></url>" for url in sorted(set(urls)) if url != "404.html"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n'
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitemap.xml").write_text(xml, encoding="utf-8")
    with gzip.GzipFile(folder / "sitemap.xml.gz", "wb", mtime=0) as fh:
        fh.write(xml.encode("utf-8"))
