#!/usr/bin/env bash
# Telemetry benchmark: `fieldwork telemetry import` of N generated readings (CSV) against
# `sqlite3 .import` of the very same file in the same run, then a daily summary over them.
# Targets: import ≤ 1.5 × sqlite3 .import; daily summary < 1 s.
#
# Environment:
#   BENCH_READINGS=10000000   readings to generate (BENCH_READINGS=1000000 for a quick run)
#   BENCH_STRICT=0            1: exit with status 2 when a target is missed
#   BENCH_BIN=path            benchmark this fieldwork binary instead of building one
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out/telemetry
READINGS=${BENCH_READINGS:-10000000}
STRICT=${BENCH_STRICT:-0}
SCRATCH=.build-release          # never .build: that one belongs to other people's builds

say() { printf '==> %s\n' "$*" >&2; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
command -v sqlite3 >/dev/null 2>&1 || { echo "bench: sqlite3 is needed (scripts/install-deps.sh bench)" >&2; exit 1; }

if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
else
    say "building fieldwork (release, --scratch-path $SCRATCH)"
    (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product fieldwork >&2)
    BIN=$ROOT/$SCRATCH/release/fieldwork
fi

WS=$OUT/workspace-$READINGS
if [[ ! -f $WS/readings.csv ]]; then
    say "generating $READINGS readings in $WS"
    rm -rf "$WS"
    python3 "$ROOT/bench/generate_telemetry.py" "$WS" "$READINGS" >/dev/null
fi
CSV=$WS/readings.csv
rm -rf "$WS/.fieldwork" "$OUT/floor.sqlite"
"$BIN" --workspace "$WS" ingest >/dev/null
sync

say "sqlite3 .import (the floor: CSV straight into a table, one transaction)"
t0=$(now)
sqlite3 "$OUT/floor.sqlite" <<SQL
CREATE TABLE reading_csv (device TEXT, time TEXT, metric TEXT, value REAL, unit TEXT);
.mode csv
.import --skip 1 '$CSV' reading_csv
SQL
t1=$(now)
floor=$(elapsed "$t0" "$t1")

say "fieldwork telemetry import"
t0=$(now)
"$BIN" --workspace "$WS" telemetry import "$CSV" >&2
t1=$(now)
import=$(elapsed "$t0" "$t1")

stored=$(sqlite3 "$WS/.fieldwork/fieldwork.sqlite" "SELECT COUNT(*) FROM reading")
[[ $stored -eq $READINGS ]] || { echo "bench: stored $stored readings, expected $READINGS" >&2; exit 1; }

say "daily summary"
t0=$(now)
rows=$("$BIN" --workspace "$WS" telemetry summary --period day --no-events --time-zone UTC | wc -l)
t1=$(now)
summary=$(elapsed "$t0" "$t1")
t0=$(now)
"$BIN" --workspace "$WS" telemetry summary --period week --no-events --time-zone UTC >/dev/null
t1=$(now)
weekly=$(elapsed "$t0" "$t1")
t0=$(now)
"$BIN" --workspace "$WS" telemetry summary --device bench-0001 --time-zone Europe/Stockholm >/dev/null
t1=$(now)
events=$(elapsed "$t0" "$t1")

ratio=$(awk -v a="$import" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
size=$(du -k "$WS/.fieldwork/fieldwork.sqlite" | cut -f1)
floorsize=$(du -k "$OUT/floor.sqlite" | cut -f1)
printf '\nTelemetry benchmark: %s readings (%s MB CSV)\n' "$READINGS" "$(( $(stat -c %s "$CSV") / 1048576 ))"
printf '  sqlite3 .import           %8.3f s   (%d MB database)\n' "$floor" $((floorsize / 1024))
printf '  fieldwork telemetry import %7.3f s   (%d MB database)   ratio %sx (target <= 1.5)\n' "$import" $((size / 1024)) "$ratio"
printf '  daily summary (%d rows)  %7.3f s   (target < 1 s)\n' "$((rows - 1))" "$summary"
printf '  weekly summary            %8.3f s\n' "$weekly"
printf '  one device with events    %8.3f s\n' "$events"
missed=$(awk -v r="$ratio" -v s="$summary" 'BEGIN { print (r > 1.5 || s >= 1.0) ? 1 : 0 }')
if [[ $missed -eq 1 ]]; then
    echo "  a target was missed" >&2
    [[ $STRICT -eq 1 ]] && exit 2
fi
exit 0
