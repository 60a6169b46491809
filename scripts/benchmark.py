#!/usr/bin/env python3
"""Benchmark: the Kompas against a default Material configuration of the same content.

  make benchmark            (or: .venv/bin/python scripts/benchmark.py [--skip-lighthouse] [--lighthouse-runs 5] [--sizes 100 500 2000])

Measures, for both sites, served on 127.0.0.1 with gzip like GitHub Pages:
- bytes transferred (compressed) on a first and a repeat visit, per page type;
- the search index per language (size, compressed size, when it is loaded);
- search latency in Chromium: last keystroke to results, for 20 queries typed at a quick pace;
- Lighthouse 12.2.3 (mobile preset) category scores and LCP, TBT, CLS: the median of
  five runs per page (scores vary from run to run), with the range of all runs;
- build time of the whole site (both languages) and of synthetic sites of
  100, 500 and 2.000 generated pages.
Prints one table with both sites and their ratio, then checks the budgets in the
README. Not part of `make test`: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402

LIGHTHOUSE = "lighthouse@12.2.3"
PAGE_TYPES = {"start": "", "hoofdstuk": "wat/wat-is-mensenhandel/", "partners": "met-wie/partners/", "zelfscan": "hoe/zelfscan/"}
QUERIES = ["mensenhandel", "uitbuiting", "zorgcoördinator", "arbeidsuitbuiting", "loverboy", "burgemeester", "bibob",
           "veilig thuis", "comensha", "riec", "signalen", "beleidsplan", "opvang", "minderjarigen", "aandachtsfunctionaris",
           "avg", "daders", "wmo", "kader", "ketenkaart"]
BUDGET = {"lighthouse": 100, "chapter_first_visit_kib": 150, "search_ms": 50, "build_s": 10}
COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


# ---------- building ----------

def mkdocs(config: Path, out: Path, strict: bool = True) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(out)] + (["--strict"] if strict else [])
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=config.parent)
    return time.perf_counter() - start


def default_config(work: Path) -> Path:
    """The same pages with what a team gets from a default Material set-up (plus i18n for the two languages)."""
    shutil.copytree(ROOT / "docs", work / "docs", ignore=shutil.ignore_patterns("data"))
    import yaml

    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config = {
        "site_name": ours["site_name"],
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material"},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
            {"locale": "nl", "default": True, "name": "Nederlands"}, {"locale": "en", "name": "English"}]}}],
        "markdown_extensions": ours["markdown_extensions"],
        "nav": ours["nav"],
    }
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


class _Loader(__import__("yaml").SafeLoader):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


SECTION, GROUP = 20, 10  # generated pages per nav section, sections per group


def synthetic(config_kind: str, pages: int, work: Path) -> float:
    """Build time of a site with `pages` generated chapters added to the Dutch part Wat.

    The pages come in a tree, as a growing guide would get them: groups of GROUP sections of
    SECTION pages. A flat list of thousands of entries would make the navigation on every page
    as long as the site itself, in any Material site.
    """
    project = work / f"{config_kind}-{pages}"
    if config_kind == "kompas":
        project.mkdir(parents=True)
        for name in ("mkdocs.yml", "docs", "overrides"):
            src = ROOT / name
            (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
        config = project / "mkdocs.yml"
    else:
        project.mkdir(parents=True)
        config = default_config(project)
    paragraph = ("Dit is een gegenereerde pagina om de bouwtijd te meten. Ze heeft koppen, lijsten en gewone zinnen, "
                 "net als een hoofdstuk van het Kompas. ") * 4
    nav = ""
    for n in range(pages):
        section = n // SECTION + 1
        folder = project / "docs" / "nl" / "wat" / f"extra-{section:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        name = f"pagina-{n:04d}.md"
        if n % (SECTION * GROUP) == 0:
            nav += f"{{indent}}- Extra-groep {n // (SECTION * GROUP) + 1}:\n"
        if n % SECTION == 0:
            nav += f"{{indent}}    - Extra {section}:\n"
        nav += f"{{indent}}        - wat/extra-{section:03d}/{name}\n"
        (folder / name).write_text(
            f"---\ntitle: Pagina {n}\ndescription: Gegenereerde pagina {n}.\nstand_van_zaken: 2026-11-28\n---\n\n"
            f"# Pagina {n}\n\n{paragraph}\n\n## Onderdeel\n\n- punt een\n- punt twee\n\n{paragraph}\n", encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    anchor = re.search(r"^( *)- wat/rol-gemeente\.md\n", text, re.M)
    if not anchor:
        raise SystemExit(f"{config}: no nav entry wat/rol-gemeente.md to add the generated pages after")
    text = text[:anchor.end()] + nav.replace("{indent}", anchor.group(1)) + text[anchor.end():]
    config.write_text(text, encoding="utf-8")
    return mkdocs(config, project / "out", strict=False)


# ---------- serving like GitHub Pages ----------

class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(COMPRESS) and os.path.isfile(path):
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


def serve(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


# ---------- measuring in Chromium ----------

def transferred(browser, base: str, path: str) -> tuple[int, int, bool]:
    """Compressed bytes on a first and on a repeat visit, and whether the search index was loaded."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes, urls = {}, []
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.requestWillBeSent", lambda e: urls.append(e["request"]["url"]))
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    first = sum(sizes.values())
    index_loaded = any("search_index" in u for u in urls)
    sizes.clear()
    page.goto(base + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    repeat = sum(sizes.values())
    context.close()
    return first, repeat, index_loaded


WATCH_JS = """() => {
  window.kompasKeys = []; window.kompasChanges = [];
  const input = document.querySelector('.md-search__input');
  input.addEventListener('keydown', () => window.kompasKeys.push(performance.now()), true);
  const seen = () => window.kompasChanges.push(performance.now());
  const observer = new MutationObserver(seen);
  observer.observe(document.querySelector('.md-search-result__meta'), {childList: true, characterData: true, subtree: true});
  observer.observe(document.querySelector('.md-search-result__list'), {childList: true});
}"""
TYPING_MS = 150  # a quick typist: about seven keys a second


def search_latency(browser, base: str) -> list[float]:
    """Milliseconds from the last keystroke of a query to the first change of the results, per query.

    Each query is typed with real key events at TYPING_MS a key. Before the last key the results
    of the query so far have settled, so the time measured is that of the whole query alone.
    Material starts a search for every key; results of earlier keys do not count.
    """
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "wat/wat-is-mensenhandel/", wait_until="networkidle")
    page.keyboard.press("s")
    page.wait_for_selector(".md-search__input", state="visible")
    page.wait_for_function("!/Zoekfunctie initialiseren|Initializing/.test(document.querySelector('.md-search-result__meta').textContent)")
    page.evaluate(WATCH_JS)
    results = []
    for query in QUERIES:
        page.fill(".md-search__input", "")
        for key in query[:-1]:
            page.keyboard.type(key)
            page.wait_for_timeout(TYPING_MS)
        settled = page.evaluate("window.kompasChanges.length")
        for _ in range(50):  # until no result changed for 250 ms
            page.wait_for_timeout(250)
            now = page.evaluate("window.kompasChanges.length")
            if now == settled:
                break
            settled = now
        page.evaluate("window.kompasKeys = []; window.kompasChanges = []")
        page.keyboard.type(query[-1])
        page.wait_for_timeout(1000)
        keys, changes = page.evaluate("[window.kompasKeys, window.kompasChanges]")
        results.append(changes[0] - keys[0] if keys and changes else -1)
    context.close()
    return results


def lighthouse(url: str, chromium: str) -> dict:
    env = dict(os.environ, CHROME_PATH=chromium)
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run(["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
                        f"--chrome-flags={flags}", "--only-categories=performance,accessibility,best-practices,seo"],
                       check=True, env=env, capture_output=True, timeout=300)
        data = json.loads(out.read_text(encoding="utf-8"))
    cats = {k: round(v["score"] * 100) for k, v in data["categories"].items()}
    audits = data["audits"]
    return {**cats, "LCP_ms": round(audits["largest-contentful-paint"]["numericValue"]),
            "TBT_ms": round(audits["total-blocking-time"]["numericValue"]), "CLS": round(audits["cumulative-layout-shift"]["numericValue"], 3)}


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse's advice: the median of 5 runs is about
    twice as stable as one run; docs/variability.md in the Lighthouse repository), with the range."""
    ordered = sorted(runs, key=lambda r: (r["performance"], -r["TBT_ms"]))
    middle = dict(ordered[(len(ordered) - 1) // 2])
    middle["range"] = f"{ordered[0]['performance']}–{ordered[-1]['performance']}"
    return middle


def index_sizes(site: Path) -> dict:
    out = {}
    for lang, path in (("nl", site / "search" / "search_index.json"), ("en", site / "en" / "search" / "search_index.json")):
        if path.exists():
            raw = path.read_bytes()
            out[lang] = (len(raw), len(gzip.compress(raw, 6, mtime=0)))
    return out


# ---------- report ----------

def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def ratio(a, b) -> str:
    try:
        return f"{a / b:.2f}" if b else "–"
    except TypeError:
        return "–"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the Kompas against a default Material configuration.")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 500, 2000])
    parser.add_argument("--lighthouse-runs", type=int, default=5, help="Lighthouse runs per page and site; the median run counts")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    rows, checks = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("Bouwen…", file=sys.stderr)
        kompas_site, default_site = work / "kompas-site", work / "default-site"
        build = {"kompas": mkdocs(ROOT / "mkdocs.yml", kompas_site), "default": 0.0}
        default_dir = work / "default"
        default_dir.mkdir()
        build["default"] = mkdocs(default_config(default_dir), default_site, strict=False)
        rows.append(("Bouwtijd hele site, nl + en (s)", f"{build['kompas']:.1f}", f"{build['default']:.1f}", ratio(build["kompas"], build["default"])))
        checks.append((f"volledige bouw ≤ {BUDGET['build_s']} s", build["kompas"] <= BUDGET["build_s"], f"{build['kompas']:.1f} s"))
        growth = {}
        for size in args.sizes:
            print(f"Synthetische site van {size} pagina's…", file=sys.stderr)
            ours, theirs = synthetic("kompas", size, work), synthetic("default", size, work)
            growth[size] = ours
            rows.append((f"Bouwtijd met {size} extra pagina's (s)", f"{ours:.1f}", f"{theirs:.1f}", ratio(ours, theirs)))
        if len(growth) >= 2:
            small, large = min(growth), max(growth)
            per_page = (growth[large] - build["kompas"]) / large, (growth[small] - build["kompas"]) / small
            linear = per_page[0] <= max(per_page[1], 0.001) * 1.5
            checks.append(("bouwtijd groeit hooguit lineair", linear, f"{per_page[1] * 1000:.1f} ms/pagina bij {small}, {per_page[0] * 1000:.1f} bij {large}"))

        sizes = {"kompas": index_sizes(kompas_site), "default": index_sizes(default_site)}
        for lang in ("nl", "en"):
            a, b = sizes["kompas"].get(lang), sizes["default"].get(lang)
            if a:
                rows.append((f"Zoekindex {lang} (gzip)", kib(a[1]), kib(b[1]) if b else "–", ratio(a[1], b[1]) if b else "–"))

        servers = {name: serve(site) for name, site in (("kompas", kompas_site), ("default", default_site))}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            for kind, path in PAGE_TYPES.items():
                k, d = transferred(browser, servers["kompas"][1], path), transferred(browser, servers["default"][1], path)
                rows.append((f"{kind}: eerste bezoek (gzip)", kib(k[0]), kib(d[0]), ratio(k[0], d[0])))
                rows.append((f"{kind}: herhaald bezoek", kib(k[1]), kib(d[1]), ratio(k[1], d[1])))
                if kind == "start":
                    rows.append(("Zoekindex geladen bij eerste bezoek", "ja" if k[2] else "nee", "ja" if d[2] else "nee", ""))
                if kind == "hoofdstuk":
                    checks.append((f"hoofdstuk eerste bezoek ≤ {BUDGET['chapter_first_visit_kib']} KiB", k[0] <= BUDGET["chapter_first_visit_kib"] * 1024, kib(k[0])))
            # A query whose results did not change within a second counts as a second.
            lat_k = [x if x >= 0 else 1000.0 for x in search_latency(browser, servers["kompas"][1])]
            lat_d = [x if x >= 0 else 1000.0 for x in search_latency(browser, servers["default"][1])]
            browser.close()
        if lat_k:
            med_k, max_k = statistics.median(lat_k), max(lat_k)
            med_d = statistics.median(lat_d) if lat_d else 0
            rows.append(("Zoeken: mediaan na laatste toets (ms)", f"{med_k:.1f}", f"{med_d:.1f}", ratio(med_k, med_d)))
            rows.append(("Zoeken: traagste van 20 (ms)", f"{max_k:.1f}", f"{max(lat_d):.1f}" if lat_d else "–", ""))
            checks.append((f"zoekresultaten ≤ {BUDGET['search_ms']} ms", max_k <= BUDGET["search_ms"], f"traagste {max_k:.1f} ms"))
        if not args.skip_lighthouse:
            for kind, path in PAGE_TYPES.items():
                print(f"Lighthouse {kind} ({args.lighthouse_runs}×)…", file=sys.stderr)
                runs = {"kompas": [], "default": []}
                for _ in range(max(1, args.lighthouse_runs)):  # alternate, so both sites meet the same machine load
                    for name in runs:
                        runs[name].append(lighthouse(servers[name][1] + path, chromium))
                k, d = median_run(runs["kompas"]), median_run(runs["default"])
                for key in ("performance", "accessibility", "best-practices", "seo", "LCP_ms", "TBT_ms", "CLS"):
                    rows.append((f"{kind}: Lighthouse {key}", str(k[key]), str(d[key]), ratio(k[key], d[key]) if d[key] else "–"))
                rows.append((f"{kind}: Lighthouse performance, alle runs", k["range"], d["range"], ""))
                scores = [k[c] for c in ("performance", "accessibility", "best-practices", "seo")]
                checks.append((f"{kind}: Lighthouse 100 in alle vier", all(s >= BUDGET["lighthouse"] for s in scores), "/".join(map(str, scores))))
        for httpd, _ in servers.values():
            httpd.shutdown()

    out = io.StringIO()
    out.write(f"Gemeten op {platform.node() and 'deze machine'}: {platform.platform()}, {os.cpu_count()} kernen, Python {platform.python_version()}\n\n")
    out.write("| Meting | Kompas | Standaard Material | Verhouding |\n| --- | ---: | ---: | ---: |\n")
    for row in rows:
        out.write("| " + " | ".join(row) + " |\n")
    out.write("\n| Budget | Gehaald | Waarde |\n| --- | --- | --- |\n")
    for name, ok, value in checks:
        out.write(f"| {name} | {'ja' if ok else 'NEE'} | {value} |\n")
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
