#!/usr/bin/env bash
# The ingest floor (bench/README.md, "What is timed"): cmark over every transcript in one process,
# then sqlite3 bulk-loading and FTS5-indexing the same segment texts in one transaction, with
# fieldwork's pragmas and tokenizer. Used by ingest_bench.sh and scale_bench.py (one copy).
#
#   bench/ingest_floor.sh LIST CSV FOLDER LOGS
#
# LIST: NUL-separated Markdown files; CSV: generate_corpus.py --csv output; FOLDER: recreated,
# holds floor.sqlite; LOGS: where the /usr/bin/time outputs go. Prints one line:
#   cmark_wall sqlite_wall cmark_cpu sqlite_cpu rows    (seconds; rows loaded)
set -euo pipefail
LIST=$1 CSV=$2 FLOOR=$3 LOGS=$4
now() { echo "${EPOCHREALTIME/,/.}"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
cpu_of() { awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$1"; }
TIMEFMT=$'\tUser time (seconds): %U\n\tSystem time (seconds): %S'

rm -rf "$FLOOR"; mkdir -p "$FLOOR" "$LOGS"
t0=$(now)
/usr/bin/time -f "$TIMEFMT" -o "$LOGS/floor-cmark.time" xargs -0 -a "$LIST" cmark --validate-utf8 > /dev/null
t1=$(now)
# Same pragmas as fieldwork's database (WAL, synchronous=NORMAL); one transaction for the
# load and the index; FTS5 with fieldwork's tokenizer over an external-content table.
/usr/bin/time -f "$TIMEFMT" -o "$LOGS/floor-sqlite.time" sqlite3 "$FLOOR/floor.sqlite" > /dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE segment (doc_id TEXT NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL);
CREATE VIRTUAL TABLE segment_fts USING fts5(
    text, content='segment', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
BEGIN;
.import --csv --skip 1 '$CSV' segment
INSERT INTO segment_fts (rowid, text) SELECT rowid, text FROM segment;
COMMIT;
SQL
t2=$(now)
rows=$(sqlite3 "$FLOOR/floor.sqlite" "SELECT count(*) FROM segment;")
echo "$(elapsed "$t0" "$t1") $(elapsed "$t1" "$t2") $(cpu_of "$LOGS/floor-cmark.time") $(cpu_of "$LOGS/floor-sqlite.time") $rows"
