#!/usr/bin/env bash
# Checks the system tools the tests need and installs missing ones on Debian/Ubuntu
# (as root, or with sudo without a password). Otherwise it says how to install them.
set -euo pipefail

missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v hunspell >/dev/null 2>&1 || missing+=(hunspell)
[ -f /usr/share/hunspell/nl_NL.dic ] || [ -f /usr/share/hunspell/nl.dic ] || missing+=(hunspell-nl)
[ -f /usr/share/hunspell/en_GB.dic ] || missing+=(hunspell-en-gb)
if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1 \
   && ! command -v google-chrome >/dev/null 2>&1; then
  missing+=(chromium)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo"; else sudo="none"; fi
  if [ "$sudo" != "none" ]; then
    echo "Systeempakketten installeren: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    exit 0
  fi
fi

echo "Voor de tests ontbreken deze systeempakketten: ${missing[*]}" >&2
echo "Installeer ze, bijvoorbeeld: sudo apt-get install ${missing[*]}" >&2
echo "(macOS: brew install openjdk node hunspell en een Chromium; zet dan CHROMIUM=/pad/naar/chromium)" >&2
exit 1
