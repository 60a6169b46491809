"""Find a Chromium for the browser tests, or install Debian's package.

Order: the CHROMIUM environment variable, /usr/bin/chromium, then Chrome or
Chromium on the PATH. When none is found and we run as root on Debian or
Ubuntu, `apt-get install chromium` is tried. Otherwise the tests fail with a
message that says how to install one: browser tests never skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
HOW_TO = (
    "Geen Chromium gevonden voor de browsertests. Installeer er een, bijvoorbeeld:\n"
    "  Debian/Ubuntu:  sudo apt-get install chromium\n"
    "  macOS:          brew install --cask chromium\n"
    "of wijs een bestaande browser aan met CHROMIUM=/pad/naar/chromium make test"
)


def _found() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env
        raise RuntimeError(f"CHROMIUM={env} is geen uitvoerbaar bestand.\n{HOW_TO}")
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _can_apt() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def find_chromium() -> str:
    path = _found()
    if path:
        return path
    if _can_apt():
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        result = subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, capture_output=True, text=True)
        path = _found()
        if path:
            return path
        raise RuntimeError(f"apt-get install chromium mislukte:\n{result.stderr[-2000:]}\n{HOW_TO}")
    raise RuntimeError(HOW_TO)


LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
]
