#!/usr/bin/env python3
"""Translation status of the English edition: translated, missing or outdated.

Every page in docs/en/ names its Dutch source and the version it translates:
    vertaling_van: nl/instructies.md
    vertaling_hash: 3f2a9c01b7de      (first 12 hex digits of the SHA-256 of the Dutch file)
English headings keep the ids of the Dutch headings (`--ankers` adds them), so a
link to a heading works in both languages. When the Dutch file changes, the hash no longer matches and the page is
outdated. After updating the translation, or after checking that the Dutch
change needs no change in English, stamp the page again:
    python scripts/vertalingen.py --stempel docs/en/instructies.md
Without arguments it prints the status of every Dutch page and exits 1 when a
translation is outdated or points to a missing source.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FRONT = re.compile(r"^---\n(.*?)\n---\n", re.S)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def meta(path: Path) -> dict:
    match = FRONT.match(path.read_text(encoding="utf-8"))
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def status(docs: Path) -> tuple[list[tuple[str, str, str]], bool]:
    rows, ok = [], True
    translations = {}
    for en in sorted((docs / "en").rglob("*.md")):
        data = meta(en)
        source = data.get("vertaling_van") or f"nl/{en.relative_to(docs / 'en').as_posix()}"
        translations[source] = (en, data)
    for nl in sorted((docs / "nl").rglob("*.md")):
        key = f"nl/{nl.relative_to(docs / 'nl').as_posix()}"
        if key not in translations:
            rows.append((key, "ontbreekt", ""))
            continue
        en, data = translations.pop(key)
        name = en.relative_to(docs.parent).as_posix()
        if data.get("vertaling_hash") == digest(nl):
            rows.append((key, "vertaald", name))
        else:
            rows.append((key, "VEROUDERD", f"{name}: vertaling_hash {data.get('vertaling_hash')!r}, Nederlandse bron nu {digest(nl)}"))
            ok = False
    for key, (en, _) in translations.items():
        rows.append((key, "BRON ONTBREEKT", en.relative_to(docs.parent).as_posix()))
        ok = False
    return rows, ok


def stamp(path: Path, docs: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = FRONT.match(text)
    if not match:
        raise SystemExit(f"{path}: geen front matter")
    data = yaml.safe_load(match.group(1)) or {}
    source = data.get("vertaling_van") or f"nl/{path.resolve().relative_to((docs / 'en').resolve()).as_posix()}"
    value = digest(docs / source)
    head = match.group(1)
    if "vertaling_van:" not in head:
        head += f"\nvertaling_van: {source}"
    head = re.sub(r"^vertaling_hash:.*$", f"vertaling_hash: {value}", head, flags=re.M)
    if "vertaling_hash:" not in head:
        head += f"\nvertaling_hash: {value}"
    path.write_text(f"---\n{head}\n---\n" + text[match.end():], encoding="utf-8")
    return value


HEADING = re.compile(r"^(#{2,6}) (.+?)\s*$", re.M)


def _slug(text: str) -> str:
    """MkDocs' heading id (toc extension defaults): lowercase, punctuation out, spaces to dashes."""
    import unicodedata
    text = re.sub(r"\{[^}]*\}\s*$", "", text).strip()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def keep_anchors(path: Path, docs: Path) -> int:
    """Give the English headings the ids of the Dutch ones (same order and level), so links keep working
    across languages. Returns the number of headings changed."""
    data = meta(path)
    source = docs / (data.get("vertaling_van") or f"nl/{path.resolve().relative_to((docs / 'en').resolve()).as_posix()}")
    dutch = [(len(h), _slug(t), re.search(r"\{\s*#([\w-]+)", t)) for h, t in HEADING.findall(FRONT.sub("", source.read_text(encoding="utf-8")))]
    text = path.read_text(encoding="utf-8")
    body_start = FRONT.match(text).end() if FRONT.match(text) else 0
    english = list(HEADING.finditer(text, body_start))
    if [len(m.group(1)) for m in english] != [d[0] for d in dutch]:
        return 0  # different structure: leave it to the translator
    changed = 0
    for match, (_, slug, explicit) in reversed(list(zip(english, dutch))):
        wanted = explicit.group(1) if explicit else slug
        if "{" in match.group(2) or _slug(match.group(2)) == wanted:
            continue
        text = text[: match.end(2)] + f" {{ #{wanted} }}" + text[match.end(2):]
        changed += 1
    path.write_text(text, encoding="utf-8")
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default=str(ROOT / "docs"))
    parser.add_argument("--stempel", nargs="+", metavar="docs/en/PAGINA.md", help="record the current Dutch version")
    parser.add_argument("--ankers", nargs="+", metavar="docs/en/PAGINA.md", help="give English headings the Dutch ids")
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    if args.ankers:
        for name in args.ankers:
            print(f"{name}: {keep_anchors(Path(name), docs)} koppen kregen het Nederlandse anker")
        return 0
    if args.stempel:
        for name in args.stempel:
            print(f"{name}: {stamp(Path(name), docs)}")
        return 0
    rows, ok = status(docs)
    width = max(len(r[0]) for r in rows)
    for key, state, detail in rows:
        print(f"{key:<{width}}  {state:<14} {detail}")
    counts = {s: sum(1 for r in rows if r[1] == s) for s in ("vertaald", "ontbreekt", "VEROUDERD", "BRON ONTBREEKT")}
    print(", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
