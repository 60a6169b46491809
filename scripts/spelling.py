#!/usr/bin/env python3
"""Spell check of the built site with hunspell: Dutch pages in Dutch, English pages in English.

Known words that are not in the dictionaries (names, abbreviations, legal
terms) are in tests/woordenlijst.txt, one per line; every glossary term and
partner name from docs/data/ is added automatically.
  python scripts/spelling.py [site]      lists the unknown words per page
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
WORDLIST = ROOT / "tests" / "woordenlijst.txt"
# English pages use Dutch terms on purpose (in italics, with an explanation), and link to
# chapters that exist in Dutch only: there a word may be British English or Dutch.
DICTIONARIES = {"nl": "nl_NL", "en": "en_GB,nl_NL"}
SKIP = {"bronnen/index.html", "en/bronnen/index.html"}  # titles of sources, in their own language
WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*[A-Za-zÀ-ÿ]|[A-Za-zÀ-ÿ]")
HOW_TO = "hunspell met Nederlands en Engels woordenboek ontbreekt: sudo apt-get install hunspell hunspell-nl hunspell-en-gb"


def known_words(docs: Path = ROOT / "docs") -> set[str]:
    words = set()
    if WORDLIST.exists():
        words |= {w.strip() for w in WORDLIST.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")}
    data = docs / "data"
    for path in sorted((data / "begrippen").glob("*.yml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for field in ("term", "voluit"):
                words |= set(WORD.findall(str(record.get(field) or "")))
    partners = data / "partners.yml"
    if partners.exists():
        for record in yaml.safe_load(partners.read_text(encoding="utf-8")) or []:
            for field in ("naam", "naam_kort"):
                words |= set(WORD.findall(str(record.get(field) or "")))
    return words


def page_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    main = soup.select_one("article.md-content__inner")
    if main is None:
        return ""
    for el in main.find_all("a"):
        if re.fullmatch(r"[\w.-]+\.(pdf|docx|zip|xml|json|html)", el.get_text(strip=True)):
            el.decompose()  # a file name, not a word
    for el in main.select("pre, code, script, style, .footnote, .headerlink, svg, .md-tags, .kompas-stand, blockquote.kompas-citaat, [lang]:not(html)"):
        if el.name in ("div",) and el.get("lang") == soup.html.get("lang"):
            continue
        el.decompose()
    text = main.get_text(" ")
    text = re.sub(r"https?://\S+|\S+@\S+|\b[\w.-]+\.(nl|eu|org|com|nu|int)\b\S*", " ", text)
    return text


def unknown_words(text: str, lang: str, extra: set[str]) -> list[str]:
    if not shutil.which("hunspell"):
        raise RuntimeError(HOW_TO)
    # Whole tokens: "273fb" is an article number, "arbeids-" the first half of "arbeids- en criminele uitbuiting".
    tokens = re.findall(r"[A-Za-zÀ-ÿ0-9][\w'’-]*", text)
    candidates = [t.strip("'’") for t in tokens if not any(c.isdigit() for c in t) and not t.endswith("-")]
    candidates = [w for w in candidates if len(w) > 1 and w not in extra]
    if not candidates:
        return []
    with tempfile.NamedTemporaryFile("w", suffix=".dic", delete=False, encoding="utf-8") as personal:
        personal.write("\n".join(sorted(extra)))
    try:
        result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-p", personal.name, "-l", "-i", "utf-8"],
                                input="\n".join(candidates), capture_output=True, text=True, check=False)
    finally:
        Path(personal.name).unlink(missing_ok=True)
    if result.returncode != 0 and "Can't open" in result.stderr:
        raise RuntimeError(f"{HOW_TO}\n{result.stderr.strip()}")
    return sorted(set(result.stdout.split()))


def check_site(site: Path) -> dict[str, list[str]]:
    extra = known_words()
    found = {}
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        if page.name == "404.html" or name in SKIP:
            continue
        lang = "en" if name.startswith("en/") else "nl"
        words = unknown_words(page_text(page.read_text(encoding="utf-8")), lang, extra)
        if words:
            found[name] = words
    return found


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    for name, words in check_site(site).items():
        print(f"{name}: {' '.join(words)}")
