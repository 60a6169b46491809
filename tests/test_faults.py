"""Fault injection: plant one error in a copy of the sources and expect the build to name it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

CHAPTER = "docs/nl/wat/wat-is-mensenhandel.md"


@pytest.fixture
def copy(tmp_path) -> Path:
    for name in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tmp_path / name)
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "out")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def append(path: Path, text: str):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def assert_fails(result, *needles):
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"build passed, but should have failed:\n{output[-3000:]}"
    for needle in needles:
        assert needle in output, f"'{needle}' not in build output:\n{output[-3000:]}"


def test_clean_copy_builds(copy):
    result = build(copy)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]


def test_broken_link_fails(copy):
    append(copy / CHAPTER, "\n\nZie ook [een pagina die er niet is](bestaat-niet.md).\n")
    assert_fails(build(copy), "wat/wat-is-mensenhandel.md", "bestaat-niet.md")


def test_missing_anchor_fails(copy):
    append(copy / CHAPTER, "\n\nZie ook [de rol van de gemeente](rol-gemeente.md#geen-kop-met-deze-naam).\n")
    assert_fails(build(copy), "wat/wat-is-mensenhandel.md", "geen-kop-met-deze-naam")


def test_missing_title_and_description_fails(copy):
    path = copy / "docs/nl/wat/daders.md"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith(("title:", "description:"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_fails(build(copy), "docs/nl/wat/daders.md:1: front matter mist 'title'", "docs/nl/wat/daders.md:1: front matter mist 'description'")


def test_missing_stand_van_zaken_fails(copy):
    path = copy / "docs/nl/hoe/stappenplan.md"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("stand_van_zaken:")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert_fails(build(copy), "docs/nl/hoe/stappenplan.md:1: front matter mist 'stand_van_zaken'")


def test_page_missing_from_nav_fails(copy):
    (copy / "docs/nl/wat/los-hoofdstuk.md").write_text(
        "---\ntitle: Los\ndescription: Niet in de nav.\nstand_van_zaken: 2026-11-28\n---\n\n# Los\n", encoding="utf-8"
    )
    assert_fails(build(copy), "los-hoofdstuk.md")


def test_plain_http_link_fails(copy):
    append(copy / CHAPTER, "\n\nMeer op [een oude site](http://example.org/pagina).\n")
    result = build(copy)
    assert_fails(result, "docs/nl/wat/wat-is-mensenhandel.md:", "http://example.org/pagina")


def test_unknown_source_fails(copy):
    append(copy / CHAPTER, "\n\nEen feit met een onbekende bron.[^bestaat-niet-2099]\n")
    assert_fails(build(copy), "docs/nl/wat/wat-is-mensenhandel.md:", "bestaat-niet-2099")


def test_source_without_https_fails(copy):
    append(copy / "docs/data/bronnen/algemeen.yml", "\n- id: onveilig\n  titel: Onveilig\n  uitgever: Test\n  jaar: 2020\n  url: http://example.org/\n  geraadpleegd: 2026-11-28\n")
    assert_fails(build(copy), "docs/data/bronnen/algemeen.yml:", "onveilig")


def test_unknown_glossary_term_fails(copy):
    path = copy / "docs/nl/over.md"
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nbegrippen: [Woord dat niet bestaat]\n", 1), encoding="utf-8")
    assert_fails(build(copy), "docs/nl/over.md:1", "Woord dat niet bestaat")


def test_broken_data_file_names_file_and_line(copy):
    append(copy / "docs/data/begrippen/algemeen.yml", "\n- term: Kapot\n  uitleg: [niet afgesloten\n")
    assert_fails(build(copy), "docs/data/begrippen/algemeen.yml:")


def test_zelfscan_item_with_missing_chapter_fails(copy):
    append(copy / "docs/data/zelfscan.yml", "\n- id: kapotte-vraag\n  thema: beleid\n  niveau: basis\n  vraag: Test.\n  hoofdstuk: hoe/bestaat-niet.md\n  stap: Test.\n  gewicht: 1\n")
    assert_fails(build(copy), "docs/data/zelfscan.yml:", "hoe/bestaat-niet.md")


def test_unknown_kader_theme_fails(copy):
    path = copy / "docs/nl/hoe/stappenplan.md"
    path.write_text(path.read_text(encoding="utf-8").replace("kader_themas: [", "kader_themas: [bestaat-niet, ", 1), encoding="utf-8")
    assert_fails(build(copy), "docs/nl/hoe/stappenplan.md:1", "bestaat-niet")


def test_link_to_unknown_partner_anchor_fails(copy):
    append(copy / CHAPTER, "\n\nBel [een onbekende partner](../met-wie/partners.md#bestaat-niet).\n")
    assert_fails(build(copy), "docs/nl/wat/wat-is-mensenhandel.md:", "bestaat-niet")


def test_malformed_partner_fails(copy):
    path = copy / "docs/data/partners.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("website: https://", "website: http://", 1), encoding="utf-8")
    assert_fails(build(copy), "docs/data/partners.yml:")
