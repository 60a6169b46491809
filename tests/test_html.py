"""Valid HTML: the Nu HTML Checker (npm vnu-jar, run with Java) reports no error on any page."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict

import pytest

from conftest import ROOT, SITE

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(target) -> list[dict]:
    if not shutil.which("java"):
        pytest.fail("Java ontbreekt voor de Nu HTML Checker: draai `make test` (installeert het) of `sudo apt-get install default-jre-headless`.")
    if not VNU.exists():
        pytest.fail("vnu-jar ontbreekt: draai `make test` of `npm ci`.")
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", str(target)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr or '{"messages": []}')["messages"]


def test_every_page_is_valid_html(site):
    errors = defaultdict(list)
    for message in run_vnu(site):
        page = message.get("url", "?").split(str(site) + "/")[-1]
        errors[page].append(f"regel {message.get('lastLine')}: {message['message']}")
    assert not errors, "\n".join(f"{page}:\n  " + "\n  ".join(lines[:5]) for page, lines in sorted(errors.items()))


def test_checker_catches_invalid_html(tmp_path):
    (tmp_path / "fout.html").write_text(
        '<!doctype html><html lang="nl"><head><title>x</title></head><body><p><div>blok in alinea</p></div>'
        '<label tabindex="">x</label></body></html>', encoding="utf-8")
    messages = run_vnu(tmp_path)
    assert any("tabindex" in m["message"] for m in messages), messages
