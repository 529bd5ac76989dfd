#!/usr/bin/env bash
# Runs the real-browser tests: Debian's chromium + chromium-driver, Selenium in a venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-browser
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium>=4.20" "pytest>=8"
fi
export SE_AVOID_STATS=true
exec "$venv/bin/pytest" -q Tests/Browser "$@"
