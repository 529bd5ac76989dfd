#!/usr/bin/env bash
# Installs the Debian packages Fieldwork needs, only those that are missing.
# Usage: scripts/install-deps.sh [runtime|test|bench]
set -euo pipefail

profile="${1:-runtime}"
packages=(libcmark-dev cmark libsqlite3-dev sqlite3 zlib1g-dev pandoc)
case "$profile" in
  runtime) ;;
  test) packages+=(python3-venv chromium chromium-driver libxml2-utils graphviz) ;;
  bench) packages+=(time wrk hyperfine) ;;
  *) echo "unknown profile: $profile" >&2; exit 2 ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
