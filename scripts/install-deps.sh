#!/usr/bin/env bash
# Installs the Debian packages Fieldwork needs, only those that are missing.
# Usage: scripts/install-deps.sh [runtime|test|bench]
# The test profile also makes .venv-test/ with the reference statistics packages that
# Tests/Stats compares the agreement numbers against (scikit-learn, statsmodels, krippendorff);
# the bench profile makes .venv-bench/ with Taguette for bench/taguette_bench.py (which pins it).
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-runtime}"
packages=(libcmark-dev cmark libsqlite3-dev sqlite3 zlib1g-dev pandoc)
case "$profile" in
  runtime) ;;
  test) packages+=(python3-venv chromium chromium-driver libxml2-utils graphviz nginx-light openssl curl) ;;
  bench) packages+=(time wrk hyperfine python3-venv) ;;
  *) echo "unknown profile: $profile" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$profile" = test ] && ! .venv-test/bin/python -c "import pytest, sklearn, statsmodels, krippendorff" 2>/dev/null; then
  echo "Installing the reference statistics packages into .venv-test/" >&2
  python3 -m venv .venv-test
  .venv-test/bin/pip install --quiet --disable-pip-version-check \
    "pytest>=8" "scikit-learn>=1.3" "statsmodels>=0.14" "krippendorff>=0.6"
fi

if [ "$profile" = bench ]; then
  python3 bench/taguette_bench.py --setup
fi
