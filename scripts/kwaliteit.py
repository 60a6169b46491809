#!/usr/bin/env python3
"""Quality gates on the built site: structure, readability and the security policy.

Used by the tests (tests/test_kwaliteit.py), and on its own to print the
readability report:  python scripts/kwaliteit.py [site]
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

MAX_AVERAGE_SENTENCE = 18
LONG_WORD = 13  # letters; Dutch compounds get long, so the share of long words is reported, not judged
VAGUE_LINK_TEXT = re.compile(r"^(klik hier|hier|lees meer|meer|deze link|link|click here|here|read more|more)$", re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)
VOWELS = re.compile(r"(ij|ei|ui|oe|au|ou|eu|ie|aa|ee|oo|uu|[aeiouyàáâäèéêëìíîïòóôöùúûü])+", re.I)


def article(soup: BeautifulSoup):
    return soup.select_one("article.md-content__inner") or soup.body


def hygiene_problems(soup: BeautifulSoup) -> list[str]:
    """Heading levels that skip, images without alt, vague or bare link texts."""
    problems = []
    main = article(soup)
    if main is None:
        return ["no <article>"]
    previous = 0
    for heading in main.find_all(re.compile(r"^h[1-6]$")):
        level = int(heading.name[1])
        if previous and level > previous + 1:
            problems.append(f"koppen slaan een niveau over: h{previous} -> h{level} ('{heading.get_text(' ', strip=True)[:50]}')")
        previous = level
    for img in main.find_all("img"):
        # Content images need a text alternative; only images marked as decoration may have alt="".
        if not (img.get("alt") or "").strip() and img.get("role") not in ("presentation", "none"):
            problems.append(f"afbeelding zonder alt-tekst: {img.get('src')}")
    for svg in main.find_all("svg"):
        if svg.get("role") == "img" and not (svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title")):
            problems.append("svg met role=img zonder naam")
    for link in main.find_all("a", href=True):
        text = link.get_text(" ", strip=True)
        if "headerlink" in (link.get("class") or []) or "footnote" in " ".join(link.get("class") or []):
            continue
        if VAGUE_LINK_TEXT.match(text):
            problems.append(f"vage linktekst '{text}' ({link['href']})")
        elif re.match(r"^(https?://|www\.)\S+$", text):
            problems.append(f"kale URL als linktekst: {text}")
    return problems


def text_for_reading(soup: BeautifulSoup) -> str:
    """Running text of a page: paragraphs and list items, without tables, code, footnotes and forms."""
    main = article(soup)
    if main is None:
        return ""
    main = BeautifulSoup(str(main), "lxml")
    for el in main.select("table, pre, code, .footnote, .kompas-stand, script, style, svg, nav, fieldset, .md-tags, .headerlink, blockquote"):
        el.decompose()
    parts = []
    for el in main.find_all(["p", "li", "dd"]):
        if el.find(["p", "li"]):
            continue
        parts.append(el.get_text(" ", strip=True))
    return "\n".join(p for p in parts if p)


def sentences(text: str) -> list[list[str]]:
    out = []
    for block in text.split("\n"):
        block = re.sub(r"\b(bijv|bv|o\.a|d\.w\.z|art|nr|mr|dr|ca|enz|m\.b\.t|i\.p\.v|e\.g|i\.e|etc|vs)\.", lambda m: m.group(1).replace(".", "") + "·", block, flags=re.I)
        for piece in re.split(r"(?<=[.!?:;])\s+", block):
            words = re.findall(r"[A-Za-zÀ-ÿ0-9][\w'’·-]*", piece)
            if words:
                out.append(words)
    return out


def syllables(word: str) -> int:
    return max(1, len(VOWELS.findall(word)))


def readability(text: str, lang: str = "nl") -> dict:
    """Sentence length, share of long words and reading ease (Flesch-Douma for Dutch, Flesch for English)."""
    found = sentences(text)
    words = [w for s in found for w in s]
    if not words:
        return {"zinnen": 0, "woorden": 0, "gem_zinslengte": 0.0, "lange_woorden": 0.0, "leesgemak": 0.0, "langste_zin": 0}
    per_sentence = len(words) / len(found)
    per_word = sum(syllables(w) for w in words) / len(words)
    if lang == "en":
        ease = 206.835 - 1.015 * per_sentence - 84.6 * per_word
    else:
        ease = 206.84 - 0.77 * 100 * per_word - 0.93 * per_sentence
    return {
        "zinnen": len(found),
        "woorden": len(words),
        "gem_zinslengte": round(per_sentence, 1),
        "lange_woorden": round(100 * sum(len(w) >= LONG_WORD for w in words) / len(words), 1),
        "leesgemak": round(ease, 1),
        "langste_zin": max(len(s) for s in found),
    }


def csp_problems(html: str) -> list[str]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    if not match:
        return ["geen Content-Security-Policy"]
    policy = dict((part.strip().split(" ", 1) + [""])[:2] for part in match.group(1).split(";") if part.strip())
    problems = []
    if policy.get("default-src") != "'self'":
        problems.append(f"default-src is {policy.get('default-src')!r}")
    script = policy.get("script-src", "")
    if "'unsafe-inline'" in script or "'unsafe-eval'" in script:
        problems.append("script-src staat inline of eval toe")
    if re.search(r"https?:", script):
        problems.append(f"script-src noemt een andere host: {script}")
    for body in INLINE_SCRIPT.findall(html):
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        if digest not in script:
            problems.append(f"inline script zonder hash: {body.strip()[:60]!r}")
    for src in re.findall(r"<script[^>]*\bsrc=\"(https?://[^\"]+)\"", html):
        problems.append(f"script van een andere host: {src}")
    return problems


def report(site: Path) -> list[tuple[str, dict]]:
    rows = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        name = page.relative_to(site).as_posix()
        rows.append((name, readability(text_for_reading(soup), "en" if name.startswith("en/") else "nl")))
    return rows


def format_report(rows) -> str:
    """One line per page: sentences, average and longest sentence (words), % long words, reading ease
    (Flesch-Douma for Dutch pages, Flesch for English pages; higher is easier)."""
    lines = [f"{'pagina':<48} {'zinnen':>6} {'gem':>5} {'max':>4} {'lang%':>6} {'gemak':>6}"]
    for name, r in rows:
        flag = "  <-- te lange zinnen" if r["gem_zinslengte"] > MAX_AVERAGE_SENTENCE else ""
        lines.append(f"{name:<48} {r['zinnen']:>6} {r['gem_zinslengte']:>5} {r['langste_zin']:>4} {r['lange_woorden']:>6} {r['leesgemak']:>6}{flag}")
    return "\n".join(lines)


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "site")
    print(format_report(report(site)))
