"""Security and privacy headers that a static host can carry: CSP, robots.txt, security.txt.

GitHub Pages sets no custom headers, so the Content-Security-Policy is a
<meta> tag. Scripts may only come from the site itself; the few inline
scripts of the theme are allowed by their SHA-256 hash, computed here for
every page, so an inline script that was not built by the site is blocked.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from pathlib import Path

from kompas_data import language, registry

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.S)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
)


def csp_for(html: str) -> str:
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    })
    return POLICY.format(hashes=" ".join(hashes)).replace("  ", " ")


def add_csp(html: str) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(html)}">'
    anchor = '<meta charset="utf-8">' if '<meta charset="utf-8">' in html else "<head>"
    return html.replace(anchor, anchor + "\n      " + meta, 1)


def on_post_page(output, page, config):
    return add_csp(output)


def on_post_template(output, template_name, config):
    return add_csp(output) if template_name.endswith(".html") else output


def on_post_build(config):
    if language(config) != "nl":
        return
    site = Path(config["site_dir"])
    base = (config["site_url"] or "/").rstrip("/") + "/"
    (site / "robots.txt").write_text(
        f"User-agent: *\nAllow: /\n\nSitemap: {base}sitemap.xml\nSitemap: {base}en/sitemap.xml\n", encoding="utf-8"
    )
    # Expires one year after the newest change, so that two builds of one commit are identical.
    newest = max((c["datum"] for c in registry.get("wijzigingen", [])), default=dt.date(2026, 11, 28))
    expires = (newest + dt.timedelta(days=365)).isoformat() + "T00:00:00Z"
    repo = (config.get("repo_url") or "").rstrip("/")
    contact = f"{repo}/security/advisories/new" if repo else f"{base}over/"
    well_known = site / ".well-known"
    well_known.mkdir(exist_ok=True)
    (well_known / "security.txt").write_text(
        f"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: nl, en\nCanonical: {base}.well-known/security.txt\n",
        encoding="utf-8",
    )
