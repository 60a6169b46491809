"""Content rules for the chapters of Wat, Hoe and Met wie (read from the Markdown sources)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import DOCS, ROOT

NL = DOCS / "nl"
PARTS = ("wat", "hoe", "met-wie")
KADER = {t["id"] for t in yaml.safe_load((DOCS / "data" / "kader.yml").read_text(encoding="utf-8"))}


def split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)) or {}, match.group(2)


def chapters(part: str | None = None) -> list[Path]:
    found = []
    for p in PARTS if part is None else (part,):
        for path in sorted((NL / p).rglob("*.md")):
            if path.name != "index.md" and not split(path)[0].get("overzicht"):
                found.append(path)
    return found


def name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def body_words(body: str) -> int:
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.M)  # footnote definitions
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9][\w'’-]*", text))


def blocks(body: str, kind: str) -> list[tuple[str, str]]:
    """(title, content) of every `!!! kind "title"` admonition."""
    out = []
    for match in re.finditer(rf'^(!!!|\?\?\?\+?) {kind}(?: "([^"]*)")?\n((?:[ \t]+.*\n|\n)*)', body + "\n", re.M):
        out.append((match.group(2) or "", match.group(3)))
    return out


@pytest.mark.parametrize("part", PARTS)
def test_part_has_chapters(part):
    assert len(chapters(part)) >= 5, f"deel {part} heeft te weinig hoofdstukken"


@pytest.mark.parametrize("path", chapters(), ids=name)
def test_chapter_page_rules(path):
    meta, body = split(path)
    problems = []
    if not meta.get("stand_van_zaken"):
        problems.append("geen stand_van_zaken")
    goals = blocks(body, "leerdoelen")
    if len(goals) != 1:
        problems.append(f"{len(goals)} leerdoelen-blokken (verwacht 1)")
    else:
        count = len(re.findall(r"^\s+[-*] ", goals[0][1], re.M))
        if not 2 <= count <= 4:
            problems.append(f"{count} leerdoelen (verwacht 2 tot 4)")
    if not blocks(body, "opdracht"):
        problems.append("geen opdracht")
    if not re.search(r"\[\^[a-z0-9-]+\]", body):
        problems.append("geen bronvermelding")
    if not re.search(r"^## Meer weten\s*$", body, re.M):
        problems.append("geen '## Meer weten'")
    words = body_words(body)
    if not 600 <= words <= 1500:
        problems.append(f"{words} woorden (verwacht 600 tot 1500)")
    assert not problems, f"{name(path)}: " + "; ".join(problems)


@pytest.mark.parametrize("path", chapters("hoe"), ids=name)
def test_hoe_chapter_has_kader_theme_and_levels(path):
    meta, body = split(path)
    themes = meta.get("kader_themas") or []
    assert themes, f"{name(path)}: geen kader_themas in front matter"
    assert set(themes) <= KADER, f"{name(path)}: onbekend Kader-thema {set(themes) - KADER}"
    assert re.search(r"^## Basis\b", body, re.M), f"{name(path)}: geen '## Basis'"
    assert re.search(r"^## Verdieping\b", body, re.M), f"{name(path)}: geen '## Verdieping'"


@pytest.mark.parametrize("path", chapters(), ids=name)
def test_cases_are_real_with_source_or_marked_fictional(path):
    _, body = split(path)
    for title, content in blocks(body, "voorbeeld"):
        fictional = "fictief" in title.lower()
        sourced = bool(re.search(r"\[\^[a-z0-9-]+\]", content))
        assert fictional or sourced, f"{name(path)}: voorbeeld '{title}' is niet als fictief gemarkeerd en heeft geen bron"


FACT = re.compile(r"\b(1[89]\d\d|20\d\d)\b|\b\d{1,3}(\.\d{3})+\b|\b\d+(,\d+)?\s?%|\b0[89]00[- ]?\d{4}\b|\bart(ikel|\.)\s*\d+")


@pytest.mark.parametrize("path", chapters(), ids=name)
def test_sections_with_facts_cite_a_source(path):
    """A section (## heading) that states a year, a large number, a percentage, a phone
    number or a law article must cite at least one source in that section."""
    _, body = split(path)
    body = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.M)
    # Assignments, learning goals and fictional cases state no facts.
    body = re.sub(r'^!!! (opdracht|leerdoelen|voorbeeld "Casus \(fictief\)[^"]*")[^\n]*\n((?:[ \t]+.*\n|\n)*)', "", body + "\n", flags=re.M)
    sections = re.split(r"^## ", body, flags=re.M)
    bad = []
    for section in sections:
        heading = section.splitlines()[0] if section.strip() else ""
        if heading.startswith("Meer weten"):
            continue
        text = re.sub(r"\]\([^)]*\)", "]", section)  # ignore numbers inside URLs
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        if FACT.search(text) and not re.search(r"\[\^[a-z0-9-]+\]", section):
            bad.append(f"'{heading or '(begin)'}': {FACT.search(text).group(0)}")
    assert not bad, f"{name(path)}: feiten zonder bron in " + ", ".join(bad)


def test_parts_are_in_nav_in_order():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    flat = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                flat.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value) if isinstance(value, list) else flat.append(value)

    walk(config["nav"])
    for part in PARTS:
        listed = [p for p in flat if p.startswith(f"{part}/")]
        on_disk = {p.relative_to(NL).as_posix() for p in (NL / part).rglob("*.md")}
        assert set(listed) == on_disk, f"{part}: nav {sorted(set(listed) ^ on_disk)}"
        assert listed[0] == f"{part}/index.md"


class _IgnoreTags(yaml.SafeLoader):
    pass


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
_IgnoreTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
