"""Shared helpers for the Kompas build hooks: data files, languages, errors.

Data lives once, in YAML files under docs/data/. Every record remembers the
file and line it came from, so an error can point an editor to the spot.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.plugins.kompas")

# Data loaded by one hook and read by others (e.g. the bibliography). MkDocs loads
# each hook file as its own module, but they all share this module, so shared
# state lives here and not in the hook that loads it.
registry: dict = {}

MONTHS_NL = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]


class DataError(Exception):
    """A problem in a data file, with its location."""


class Record(dict):
    """A mapping from a data file that knows where it was written."""

    where: str = "?"


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    record = Record(loader.construct_mapping(node, deep=True))
    record.where = f"{node.start_mark.name}:{node.start_mark.line + 1}"
    return record


def _construct_timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:  # e.g. 2024-13-40: report it with its line, like any YAML error
        raise yaml.constructor.ConstructorError(None, None, f"ongeldige datum '{node.value}' ({exc})", node.start_mark) from exc


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def data_dir(config) -> Path:
    return Path(config["docs_dir"]) / "data"


def relpath(path: Path | str, config) -> str:
    """Path relative to the project root, for messages."""
    root = Path(config["config_file_path"]).parent
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=None)
def _load_file(path: str, mtime: float):
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass


def load(config, name: str):
    """Load docs/data/<name>.yml, or merge the list files in docs/data/<name>/."""
    base = data_dir(config)
    single = base / f"{name}.yml"
    files = [single] if single.exists() else sorted((base / name).glob("*.yml"))
    if not files:
        raise DataError(f"{relpath(base, config)}: no data file '{name}.yml' or folder '{name}/'")
    merged = None
    for path in files:
        shown = relpath(path, config)
        try:
            loaded = _load_file(str(path), path.stat().st_mtime)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise DataError(f"{shown}{line}: geen geldige YAML: {problem}") from exc
        _rename(loaded, str(path), shown)
        if merged is None:
            merged = loaded
        elif isinstance(merged, list) and isinstance(loaded, list):
            merged = merged + loaded
        else:
            raise DataError(f"{shown}: expected a list, like the other files in {name}/")
    return merged


def _rename(value, long: str, short: str):
    if isinstance(value, Record):
        value.where = value.where.replace(long, short)
    if isinstance(value, dict):
        for item in value.values():
            _rename(item, long, short)
    elif isinstance(value, list):
        for item in value:
            _rename(item, long, short)


def where(value) -> str:
    return getattr(value, "where", "?")


def require(record, fields, kind: str):
    missing = [f for f in fields if record.get(f) in (None, "", [])]
    if missing:
        raise DataError(f"{where(record)}: {kind} mist veld(en): {', '.join(missing)}")


def index_by(records, key: str, kind: str) -> dict:
    out = {}
    for record in records:
        value = record.get(key)
        if value in out:
            raise DataError(f"{where(record)}: {kind} '{value}' staat er twee keer in (ook op {where(out[value])})")
        out[value] = record
    return out


def language(config) -> str:
    """The language being built: static-i18n sets theme.language per build."""
    return config["theme"]["language"] or "nl"


def page_language(page) -> str:
    return "en" if page.url.startswith("en/") else "nl"


def as_date(value, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{what}: '{value}' is geen datum (schrijf JJJJ-MM-DD)") from exc


def format_date(value: dt.date, lang: str) -> str:
    months = MONTHS_EN if lang == "en" else MONTHS_NL
    if lang == "en":
        return f"{value.day} {months[value.month - 1]} {value.year}"
    return f"{value.day} {months[value.month - 1]} {value.year}"


def line_of(markdown: str, offset: int, page) -> str:
    """'docs/nl/x.md:12' for an offset in the Markdown body of a page.

    MkDocs hands hooks the body without its front matter; the body is looked
    up in the source file so the line number matches what an editor sees.
    """
    before = 0
    try:
        full = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        found = full.find(markdown[:200]) if markdown.strip() else -1
        if found > 0:
            before = full[:found].count("\n")
    except OSError:
        pass
    return f"docs/{page.file.src_uri}:{before + markdown[:offset].count(chr(10)) + 1}"
