#!/usr/bin/env bash
# Runs the real-browser tests: Debian's chromium + chromium-driver, Selenium in a venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-browser
# selenium-axe-python ships axe-core 4.9 (axe.min.js), run on every page by test_accessibility.py;
# axe-selenium-python, on Python below 3.12, ships axe-core 3.1 (2018), which predates ARIA 1.2.
if ! "$venv/bin/python" -c "import selenium, pytest, selenium_axe_python, xdist" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium>=4.20" "pytest>=8" "selenium-axe-python>=2.2" "pytest-xdist>=3.5"
fi
export SE_AVOID_STATS=true
# Two workers, each with its own server and Chromium, a test file's tests on one worker in
# order: the suite spends most of its time waiting for pages (about half a core), so two halve
# it on the CI's two cores. FIELDWORK_BROWSER_WORKERS=0 runs it in one process.
workers=${FIELDWORK_BROWSER_WORKERS:-2}
if [ "$workers" = 0 ]; then exec "$venv/bin/pytest" -q Tests/Browser "$@"; fi
exec "$venv/bin/pytest" -q -n "$workers" --dist loadfile Tests/Browser "$@"
