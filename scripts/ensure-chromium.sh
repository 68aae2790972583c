#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download is not possible here).
# Installs it when missing; set CHROMIUM=/path/to/chromium to use another build.
set -euo pipefail
browser="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
echo "Chromium not found at $browser: installing Debian's chromium package..."
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
[ -x "$browser" ] || { echo "Chromium is still missing at $browser; install it, or set CHROMIUM." >&2; exit 1; }
