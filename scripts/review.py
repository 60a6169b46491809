#!/usr/bin/env python3
"""List what in the Kompas is due for a check: old pages, open facts, old sources.

Prints Markdown, so the monthly GitHub Actions job can put it in an issue.
  python scripts/review.py [--dagen 365] [--bron-dagen 365] [--docs docs]
Ages count from today (or --vandaag JJJJ-MM-DD). Exit code is always 0: the
list is work for editors, not a failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import yaml

OPEN_FACT = re.compile(r"^\s*(?:!!!|\?\?\?) bron \"(Laatst bekende stand[^\"]*|Nog niet gecontroleerd[^\"]*)\"", re.M)
INLINE_FACT = re.compile(r"Laatst bekende stand \(([^)]*)\)")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dagen", type=int, default=365, help="pages whose stand_van_zaken is older than this (days)")
    parser.add_argument("--bron-dagen", type=int, default=365, help="sources consulted longer ago than this (days)")
    parser.add_argument("--docs", default=str(Path(__file__).resolve().parent.parent / "docs"))
    parser.add_argument("--vandaag", default=None, help="today's date, JJJJ-MM-DD (for tests)")
    args = parser.parse_args(argv)
    docs = Path(args.docs)
    today = as_date(args.vandaag) if args.vandaag else dt.date.today()

    pages, facts = [], []
    for path in sorted((docs / "nl").rglob("*.md")):
        rel = path.relative_to(docs.parent).as_posix()
        meta = front_matter(path)
        stand = as_date(meta.get("stand_van_zaken"))
        if stand and (today - stand).days > args.dagen:
            pages.append(f"- `{rel}`: stand van zaken {stand.isoformat()} ({(today - stand).days} dagen geleden)")
        text = path.read_text(encoding="utf-8")
        for match in OPEN_FACT.finditer(text):
            line = text[: match.start()].count("\n") + 1
            facts.append(f"- `{rel}:{line}`: {match.group(1)}")

    sources = []
    for path in sorted((docs / "data" / "bronnen").glob("*.yml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            seen = as_date(record.get("geraadpleegd"))
            if seen and (today - seen).days > args.bron_dagen:
                sources.append(f"- `{record.get('id')}` ({path.name}): geraadpleegd {seen.isoformat()}, {record.get('url')}")

    out = [f"# Controle van het Kompas ({today.isoformat()})", ""]
    out += [f"## Pagina's met een stand van zaken ouder dan {args.dagen} dagen ({len(pages)})", ""] + (pages or ["Geen."]) + [""]
    out += [f"## Feiten met een laatst bekende stand: controleer live ({len(facts)})", ""] + (facts or ["Geen."]) + [""]
    out += [f"## Bronnen langer dan {args.bron_dagen} dagen niet geraadpleegd ({len(sources)})", ""] + (sources or ["Geen."]) + [""]
    sys.stdout.write("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
