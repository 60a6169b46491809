"""Shared fixtures: the built site, a local web server and a real Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
SITE = ROOT / "site"
DOCS = ROOT / "docs"


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("Er is geen gebouwde site in site/. Draai eerst `make build` (of gewoon `make test`).")
    return SITE


def html_files(site_dir: Path = SITE) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    from chromium import find_chromium

    try:
        return find_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    from chromium import LAUNCH_ARGS

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS, headless=True)
        yield instance
        instance.close()


class Visit:
    """A page opened in Chromium, with its console errors and outside requests."""

    def __init__(self, browser, server, path: str, **context_args):
        self.context = browser.new_context(**context_args)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.response = self.page.goto(server + path.lstrip("/"), wait_until="networkidle")

    def _request(self, request):
        url = request.url
        if not (url.startswith("http://127.0.0.1:") or url.startswith("data:") or url.startswith("blob:")):
            self.outside.append(url)

    def plant(self, key: str, raw: str):
        """Put `raw` under `key` in localStorage and reload, as a returning reader would arrive.

        An init script writes it in the new document before the site's scripts run, once per tab.
        Writing it from the old page just before the reload was flaky: Chromium may start the new
        document before the old page's write has reached its storage."""
        flag = json.dumps("test.geplant." + key)
        self.context.add_init_script(
            f"if (!sessionStorage.getItem({flag})) {{ sessionStorage.setItem({flag}, '1');"
            f" localStorage.setItem({json.dumps(key)}, {json.dumps(raw)}); }}"
        )
        self.page.reload()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    opened = []

    def _open(path: str, **kwargs) -> Visit:
        v = Visit(browser, server, path, **kwargs)
        opened.append(v)
        return v

    yield _open
    for v in opened:
        v.close()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the readability report, so editors see in CI where to simplify."""
    if not (SITE / "index.html").exists():
        return
    from kwaliteit import format_report, report

    terminalreporter.section("Leesbaarheid per pagina (gemiddelde zinslengte mag niet boven 18 woorden)")
    terminalreporter.write_line(format_report(report(SITE)))
