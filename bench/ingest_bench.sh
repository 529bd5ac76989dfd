#!/usr/bin/env bash
# Ingest benchmark: fieldwork ingest against a floor made of cmark + sqlite3 doing the same work.
# See bench/README.md. Run from anywhere; `make bench` runs it from the repository root.
#
# Environment:
#   BENCH_DOCS=1000   transcripts to generate (BENCH_DOCS=100 for a quick run)
#   BENCH_WORDS=5000  approximate words per transcript
#   BENCH_SEED=...    generator seed (default: the generator's own)
#   BENCH_RUNS=1      repetitions of every timed step; the median is reported
#   BENCH_STRICT=0    1: exit with status 2 when a ratio misses its target
#   BENCH_BIN=path    benchmark this fieldwork binary instead of building one
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
OUT=$BENCH/out
DOCS=${BENCH_DOCS:-1000}
WORDS=${BENCH_WORDS:-5000}
SEED=${BENCH_SEED:-20250301}
RUNS=${BENCH_RUNS:-1}
STRICT=${BENCH_STRICT:-0}
SCRATCH=.build-release          # never .build: that one belongs to other people's builds

WS=$OUT/workspace-$DOCS         # generated source workspace (never ingested in place)
CSV=$OUT/segments-$DOCS.csv     # segment texts, for the floor
STATS=$OUT/corpus-$DOCS.stats
RUN=$OUT/run                    # fresh copy that fieldwork ingests
FLOOR=$OUT/floor
LOGS=$OUT/logs

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# --------------------------------------------------------------------------- tools
need=()
command -v cmark >/dev/null 2>&1 || need+=(cmark)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
    say "installing missing packages: ${need[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y "${need[@]}" || { $sudo apt-get update && $sudo apt-get install -y "${need[@]}"; }
fi
command -v python3 >/dev/null 2>&1 || die "python3 is needed for the corpus generator"
sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2');" \
    || die "this sqlite3 has no FTS5"

mkdir -p "$OUT" "$LOGS"

# --------------------------------------------------------------------------- build
if [[ -n ${BENCH_BIN:-} ]]; then
    BIN=$(realpath "$BENCH_BIN")
    say "using BENCH_BIN=$BIN (no build)"
else
    say "building fieldwork (release, --scratch-path $SCRATCH)"
    (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --product fieldwork >&2)
    BIN="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/fieldwork"
fi
[[ -x $BIN ]] || die "no binary at $BIN"

# --------------------------------------------------------------------------- corpus
# Regenerated only when the parameters, the generator or the codebook changed.
stamp="docs=$DOCS words=$WORDS seed=$SEED $(cat "$BENCH/generate_corpus.py" "$ROOT/codebooks/fieldwork.yaml" | sha256sum | cut -c1-16)"
if [[ -f $WS/.stamp && $(cat "$WS/.stamp") == "$stamp" && -f $CSV && -f $STATS ]]; then
    say "corpus up to date: $WS"
else
    say "generating $DOCS transcripts of ~$WORDS words into $WS"
    python3 "$BENCH/generate_corpus.py" --out "$WS" --docs "$DOCS" --words "$WORDS" --seed "$SEED" \
        --codebook "$ROOT/codebooks/fieldwork.yaml" --csv "$CSV" --stats "$STATS"
    echo "$stamp" > "$WS/.stamp"
fi
corpus_bytes=$(awk -F= '$1=="bytes" {print $2}' "$STATS")
corpus_words=$(awk -F= '$1=="words" {print $2}' "$STATS")
csv_segments=$(awk -F= '$1=="segments" {print $2}' "$STATS")

# The same file list, in the same order, for cmark. One cmark process reads all files (cmark
# concatenates its inputs into one document): the parse work is the same as per file, without
# paying a process start per file that fieldwork does not pay either. xargs only splits the list
# if it exceeds the argument-size limit; the number of processes is reported.
LIST=$OUT/markdown-files-$DOCS.list
find "$WS/corpus" -type f -name '*.md' -print0 | LC_ALL=C sort -z > "$LIST"
md_files=$(tr -cd '\0' < "$LIST" | wc -c)
cmark_processes=$(xargs -0 -a "$LIST" echo | wc -l)
((md_files == DOCS)) || die "expected $DOCS Markdown files, found $md_files"

# Everything the timed steps read is put in the page cache first, so no step pays cold I/O.
warm() { xargs -0 -a "$LIST" cat > /dev/null; cat "$CSV" "$BIN" > /dev/null; sync; }

# --------------------------------------------------------------------------- timed steps
floor_cmark=(); floor_sqlite=(); ingest=(); reingest=(); rss_kb=(); reingest_rss_kb=()
floor_cpu=(); ingest_cpu=(); reingest_cpu=(); loads=()

# CPU seconds (user + system, children included) from a /usr/bin/time output file.
cpu_of() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1"; }

run_floor() {
    warm
    local cmark_s sqlite_s cmark_cpu sqlite_cpu rows
    read -r cmark_s sqlite_s cmark_cpu sqlite_cpu rows < <("$BENCH/ingest_floor.sh" "$LIST" "$CSV" "$FLOOR" "$LOGS")
    ((rows == csv_segments)) || die "floor loaded $rows rows, the CSV has $csv_segments"
    floor_cmark+=("$cmark_s")
    floor_sqlite+=("$sqlite_s")
    floor_cpu+=("$(awk -v a="$cmark_cpu" -v b="$sqlite_cpu" 'BEGIN {printf "%.2f", a + b}')")
}

# Runs fieldwork ingest under /usr/bin/time -v; sets last_seconds and last_rss_kb.
timed_ingest() {
    local name=$1 t0 t1
    t0=$(now)
    if ! /usr/bin/time -v -o "$LOGS/$name.time" "$BIN" --workspace "$RUN" ingest --json \
            > "$LOGS/$name.json" 2> "$LOGS/$name.stderr"; then
        cat "$LOGS/$name.stderr" >&2
        die "fieldwork ingest ($name) failed; see $LOGS/$name.json"
    fi
    t1=$(now)
    last_seconds=$(elapsed "$t0" "$t1")
    last_rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$LOGS/$name.time")
}

check_summary() {  # file, expected added, expected unchanged, expected segments
    python3 - "$@" <<'PY'
import json, sys
path, added, unchanged, segments = sys.argv[1], *map(int, sys.argv[2:])
s = json.load(open(path))
want = {"added": added, "updated": 0, "unchanged": unchanged, "failed": 0, "segments": segments}
bad = {k: (s.get(k), v) for k, v in want.items() if s.get(k) != v}
if bad or s.get("problems"):
    sys.exit(f"{path}: unexpected summary {bad} problems={s.get('problems', [])[:5]}")
PY
}

run_ingest() {
    rm -rf "$RUN"; mkdir -p "$RUN"
    cp -r "$WS/corpus" "$WS/codebooks" "$RUN/"
    warm
    timed_ingest ingest-first
    check_summary "$LOGS/ingest-first.json" "$DOCS" 0 "$csv_segments"
    ingest+=("$last_seconds"); rss_kb+=("$last_rss_kb"); ingest_cpu+=("$(cpu_of "$LOGS/ingest-first.time")")
    sync
    timed_ingest ingest-again
    check_summary "$LOGS/ingest-again.json" 0 "$DOCS" 0
    reingest+=("$last_seconds"); reingest_rss_kb+=("$last_rss_kb"); reingest_cpu+=("$(cpu_of "$LOGS/ingest-again.time")")
}

for ((run = 1; run <= RUNS; run++)); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")   # other work on the machine skews wall times
    say "run $run/$RUNS: floor (cmark + sqlite3)"
    run_floor
    say "run $run/$RUNS: fieldwork ingest, then re-ingest"
    run_ingest
done

# Untimed: the store must hold exactly the segment texts the floor indexed.
python3 "$BENCH/generate_corpus.py" --verify-db "$RUN/.fieldwork/fieldwork.sqlite" --csv "$CSV"

# --------------------------------------------------------------------------- report
export B_DOCS=$DOCS B_WORDS=$corpus_words B_BYTES=$corpus_bytes B_SEGMENTS=$csv_segments B_RUNS=$RUNS \
    B_MD_FILES=$md_files B_CMARK_PROCESSES=$cmark_processes B_STRICT=$STRICT \
    B_FLOOR_CMARK="${floor_cmark[*]}" B_FLOOR_SQLITE="${floor_sqlite[*]}" B_INGEST="${ingest[*]}" \
    B_REINGEST="${reingest[*]}" B_RSS="${rss_kb[*]}" B_REINGEST_RSS="${reingest_rss_kb[*]}" \
    B_FLOOR_CPU="${floor_cpu[*]}" B_INGEST_CPU="${ingest_cpu[*]}" B_REINGEST_CPU="${reingest_cpu[*]}" \
    B_LOADS="${loads[*]}" \
    B_CMARK_VERSION="$(cmark --version | head -1)" B_SQLITE_VERSION="$(sqlite3 --version | cut -d' ' -f1)" \
    B_COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    B_DIRTY="$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo true || echo false)" \
    B_CPUS="$(nproc)" B_JSON="$OUT/ingest.json" B_BIN="$BIN"
python3 - <<'PY'
import json, os, platform, statistics, sys
from datetime import datetime, timezone

e = os.environ
nums = lambda key: [float(x) for x in e[key].split()]
med = lambda key: statistics.median(nums(key))
floor_cmark, floor_sqlite = med("B_FLOOR_CMARK"), med("B_FLOOR_SQLITE")
floor = statistics.median(a + b for a, b in zip(nums("B_FLOOR_CMARK"), nums("B_FLOOR_SQLITE")))
ingest, reingest = med("B_INGEST"), med("B_REINGEST")
cpu_floor, cpu_ingest, cpu_reingest = med("B_FLOOR_CPU"), med("B_INGEST_CPU"), med("B_REINGEST_CPU")
rss_mb = max(nums("B_RSS")) / 1024
ratio_ingest = ingest / floor
ratio_reingest = reingest / ingest
targets = {"ingest_over_floor": 1.5, "reingest_over_ingest": 0.1}
result = {
    "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    "commit": e["B_COMMIT"], "worktree_dirty": e["B_DIRTY"] == "true", "binary": e["B_BIN"],
    "machine": {"cpus": int(e["B_CPUS"]), "platform": platform.platform()},
    "tools": {"cmark": e["B_CMARK_VERSION"], "sqlite3": e["B_SQLITE_VERSION"]},
    "corpus": {"documents": int(e["B_DOCS"]), "words": int(e["B_WORDS"]), "bytes": int(e["B_BYTES"]),
               "segments": int(e["B_SEGMENTS"])},
    "runs": int(e["B_RUNS"]),
    "seconds": {
        "floor": round(floor, 3), "floor_cmark": round(floor_cmark, 3), "floor_sqlite": round(floor_sqlite, 3),
        "ingest": round(ingest, 3), "reingest": round(reingest, 3),
    },
    "cpu_seconds": {"floor": round(cpu_floor, 2), "ingest": round(cpu_ingest, 2), "reingest": round(cpu_reingest, 2)},
    "cpu_ratios": {"ingest_over_floor": round(cpu_ingest / cpu_floor, 3),
                   "reingest_over_ingest": round(cpu_reingest / cpu_ingest, 3)},
    "load_average_before_runs": nums("B_LOADS"),
    "samples": {k: nums(v) for k, v in [("floor_cmark", "B_FLOOR_CMARK"), ("floor_sqlite", "B_FLOOR_SQLITE"),
                                        ("ingest", "B_INGEST"), ("reingest", "B_REINGEST"),
                                        ("floor_cpu", "B_FLOOR_CPU"), ("ingest_cpu", "B_INGEST_CPU"),
                                        ("reingest_cpu", "B_REINGEST_CPU")]},
    "cmark_processes": int(e["B_CMARK_PROCESSES"]),
    "peak_rss_mb": round(rss_mb, 1),
    "reingest_peak_rss_mb": round(max(nums("B_REINGEST_RSS")) / 1024, 1),
    "ratios": {"ingest_over_floor": round(ratio_ingest, 3), "reingest_over_ingest": round(ratio_reingest, 3)},
    "targets": targets,
    "meets_targets": {"ingest_over_floor": ratio_ingest <= targets["ingest_over_floor"],
                      "reingest_over_ingest": ratio_reingest <= targets["reingest_over_ingest"]},
}
with open(e["B_JSON"], "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")

mark = lambda ok: "ok" if ok else "ABOVE TARGET"
c = result["corpus"]
print()
print(f"Ingest benchmark: {c['documents']} documents, {c['words']:,} words, {c['bytes'] / 1e6:.1f} MB, "
      f"{c['segments']:,} segments; {result['machine']['cpus']} CPUs; median of {result['runs']} run(s)")
rows = [
    ("floor (cmark + sqlite3)", f"{floor:8.2f} s", f"{cpu_floor:8.2f} s",
     f"cmark {floor_cmark:.2f} s + sqlite3 {floor_sqlite:.2f} s"),
    ("fieldwork ingest", f"{ingest:8.2f} s", f"{cpu_ingest:8.2f} s", ""),
    ("ratio ingest / floor", f"{ratio_ingest:8.2f}  ", f"{cpu_ingest / cpu_floor:8.2f}  ",
     f"target <= 1.5  {mark(result['meets_targets']['ingest_over_floor'])}"),
    ("re-ingest (unchanged)", f"{reingest:8.2f} s", f"{cpu_reingest:8.2f} s", ""),
    ("ratio re-ingest / ingest", f"{ratio_reingest:8.3f}  ", f"{cpu_reingest / cpu_ingest:8.3f}  ",
     f"target <= 0.1  {mark(result['meets_targets']['reingest_over_ingest'])}"),
    ("peak RSS, first ingest", f"{rss_mb:8.1f} MB", "", ""),
]
print(f"  {'':<26}{'wall':>12}{'CPU (user+sys)':>16}")
for name, value, cpu, note in rows:
    print(f"  {name:<26}{value:>12}{cpu:>16}   {note}".rstrip())
loads = nums("B_LOADS")
if max(loads) > result["machine"]["cpus"] * 0.5:
    print(f"\nnote: load average was {max(loads):.1f} on {result['machine']['cpus']} CPUs before a run; "
          "other work inflates wall times (the CPU column is less affected).")
print(f"\nwritten: {e['B_JSON']}")
if e["B_STRICT"] == "1" and not all(result["meets_targets"].values()):
    sys.exit(2)
PY
