#!/usr/bin/env python3
"""Scale benchmark: how the read paths grow with the corpus (issue 14, "Scale").

For each corpus size (default 100 and 1,000 transcripts of ~5,000 words; add 10,000 with
BENCH_SCALE_10K=1, or give BENCH_SCALE_SIZES=100,1000,10000) it generates the synthetic corpus
of bench/generate_corpus.py (cached in bench/out/scale-N/), ingests it with the given binary,
re-ingests after changing one transcript, serves it, codes 20 passages with `barrier`, and
measures on loopback, in the same run:

  the ingest floor of bench/ingest_floor.sh (cmark + sqlite3, single-threaded) on the same corpus
  just before the ingest, and the ingest's ratio to it; the re-ingest of one changed file;

  static file (the floor), the documents page (first page, and the default listing of the
  API), a document page, a two-word search, a prefix search, retrieval of a code with no codings
  (`need`, page and API) and of one with 20 codings (`barrier`, API);

each as client p50, server time p50 (the `Server-Timing` header), server CPU per request
(utime + stime of the server from /proc/PID/stat before and after the phase) and response
size; plus the peak RSS of the ingest and of the server. Prints one table per size, one of
growth (largest size / smallest) and one of issue 14's targets at every size with pass/miss, and
writes bench/out/scale.json (with the load average before each size).
"""
import hashlib
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))
from web_bench import Client, percentile, serve, server_ms  # noqa: E402  (one login/CSRF client)

BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build-release/release/fieldwork")
WORDS = int(os.environ.get("BENCH_WORDS", "5000"))
SIZES = [int(s) for s in os.environ.get("BENCH_SCALE_SIZES", "100,1000").split(",")]
if os.environ.get("BENCH_SCALE_10K") == "1" and 10000 not in SIZES:
    SIZES.append(10000)
READ_SECONDS = float(os.environ.get("BENCH_READ_SECONDS", "2"))
TICK = os.sysconf("SC_CLK_TCK")

PHASES = [  # (label, path)
    ("static file (floor)", "/static/app.css"),
    ("documents page", "/"),
    ("/api/documents", "/api/documents"),
    ("document page", "/documents/{doc}"),
    ("search, two words", "/api/search?q=natten%20larmet"),
    ("search, prefix hemtj\u00e4nst*", "/api/search?q=hemtj%C3%A4nst*"),
    ("retrieval page, 0 codings", "/retrieval?code=need"),
    ("/api/retrieval, 0 codings", "/api/retrieval?code=need"),
    ("/api/retrieval, 20 codings", "/api/retrieval?code=barrier"),
]


def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / TICK  # utime stime cutime cstime


def peak_rss_mb(pid):
    status = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024


def run_cli(workspace, *arguments):
    """Runs the CLI; returns (wall s, CPU s, peak RSS MB) from its own rusage."""
    started = time.perf_counter()
    process = subprocess.Popen([str(BINARY), "--workspace", str(workspace), *arguments],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    output = process.stdout.read().decode()
    if status != 0:  # reported, not fatal: an older binary may refuse part of a newer workspace
        print(f"fieldwork {' '.join(arguments)} exited {status >> 8}: {process.stderr.read().decode()[:300]}", file=sys.stderr)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def segments_csv(size):
    return OUT / f"scale-{size}.csv"  # the floor's input: the texts fieldwork stores and indexes


def corpus(size):
    folder = OUT / f"scale-{size}"
    stamp = f"docs={size} words={WORDS} csv " + hashlib.sha256((ROOT / "bench" / "generate_corpus.py").read_bytes()).hexdigest()[:16]
    stamp_file = folder / ".stamp"
    if not stamp_file.exists() or stamp_file.read_text() != stamp:
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--out", str(folder),
                        "--docs", str(size), "--words", str(WORDS), "--csv", str(segments_csv(size))],
                       check=True, capture_output=True)
        stamp_file.write_text(stamp)
    if os.environ.get("BENCH_SCALE_KEEP") != "1":  # 1: keep the database a run before ingested
        for state in (".fieldwork", "codings", "audit"):  # (its "ingest" is then a re-ingest); a run's
            shutil.rmtree(folder / state, ignore_errors=True)  # codings file would be taken in again
    run = os.environ.get("BENCH_SCALE_RUN")  # a copy of its own, so two binaries can run side by side
    if run:
        copy = OUT / f"scale-{size}-{run}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(folder, copy)
        return copy
    return folder


def floor(workspace, size):
    """bench/ingest_floor.sh on this corpus, its files read into the page cache first (as the
    ingest's are): wall and CPU seconds of cmark + sqlite3."""
    files = sorted((workspace / "corpus").rglob("*.md"))
    listing = OUT / f"{workspace.name}.list"  # named by the run's copy: two runs side by side
    listing.write_bytes(b"".join(str(path).encode() + b"\0" for path in files))
    warm(files)
    output = subprocess.run([str(ROOT / "bench" / "ingest_floor.sh"), str(listing), str(segments_csv(size)),
                             str(OUT / f"{workspace.name}-floor"), str(OUT / "logs" / workspace.name)],
                            check=True, capture_output=True, text=True).stdout.split()
    cmark_s, sqlite_s, cmark_cpu, sqlite_cpu = map(float, output[:4])
    shutil.rmtree(OUT / f"{workspace.name}-floor", ignore_errors=True)
    return {"wall_s": cmark_s + sqlite_s, "cpu_s": cmark_cpu + sqlite_cpu, "cmark_s": cmark_s, "sqlite_s": sqlite_s,
            "rows": int(output[4])}


def warm(files):
    for path in files:
        path.read_bytes()
    os.sync()


def measure(client, pid, path):
    """Repeats a GET for READ_SECONDS (at least 20 times): client p50, server p50, CPU per request."""
    client_ms, server = [], []
    before, started = cpu_seconds(pid), time.perf_counter()
    while len(client_ms) < 20 or time.perf_counter() - started < READ_SECONDS:
        began = time.perf_counter()
        response, body = client.get(path)
        client_ms.append((time.perf_counter() - began) * 1000)
        if response.status != 200:  # reported, not timed (an older binary may lack a route or code)
            return {"status": response.status}
        server.append(server_ms(response))
        if len(client_ms) >= 2000:
            break
    cpu = cpu_seconds(pid) - before
    return {"requests": len(client_ms), "client_p50_ms": percentile(client_ms, .5),
            "server_p50_ms": percentile(server, .5), "server_p99_ms": percentile(server, .99),
            "cpu_ms_per_request": cpu * 1000 / len(client_ms), "cpu_ticks": round(cpu * TICK), "bytes": len(body)}


def run_size(size):
    workspace = corpus(size)
    load = os.getloadavg()
    ingest_floor = floor(workspace, size)
    warm(sorted((workspace / "corpus").rglob("*.md")))
    ingest_wall, ingest_cpu, ingest_rss, _ = run_cli(workspace, "ingest", "--json")
    # Re-ingest after one transcript changed: only it is parsed again.
    changed = sorted((workspace / "corpus").rglob("*.md"))[size // 2]
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\n**Intervjuare:** Tack f\u00f6r i dag.\n", encoding="utf-8")
    try:
        reingest_wall, reingest_cpu, _, _ = run_cli(workspace, "ingest", "--json")
    finally:
        changed.write_text(original, encoding="utf-8")
    server, port, token = serve(BINARY, workspace)
    try:
        client = Client(port, token)
        documents = json.loads(client.get("/api/documents?limit=5")[1])
        doc = documents[0]["id"]
        segments = json.loads(client.get(f"/api/documents/{doc}")[1])["segments"]
        turns = [s for s in segments if (s["speaker"] or "")[:1] in "RNS" and s["end"] - s["start"] > 60]
        for index in range(20):
            segment = turns[index % len(turns)]
            start = segment["start"] + index // len(turns) * 3
            response, body = client.post("/api/codings", {"document": doc, "start": start, "end": start + 30,
                                                          "code": "barrier", "coder": "bench"})
            if response.status != 201:
                print(f"  coding refused: {response.status} {body[:120]!r}", file=sys.stderr)
                break
        phases = {}
        for label, path in PHASES:
            phases[label] = measure(client, server.pid, path.replace("{doc}", doc))
        server_rss = peak_rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"documents": size, "words": WORDS, "load_average_before": load, "floor": ingest_floor,
            "ingest": {"wall_s": ingest_wall, "cpu_s": ingest_cpu, "peak_rss_mb": ingest_rss,
                       "over_floor_wall": ingest_wall / ingest_floor["wall_s"],
                       "over_floor_cpu": ingest_cpu / ingest_floor["cpu_s"]},
            "reingest_one_changed": {"wall_s": reingest_wall, "cpu_s": reingest_cpu},
            "server_peak_rss_mb": server_rss, "phases": phases}


def print_size(result):
    print(f"\n{result['documents']} transcripts of ~{result['words']} words (load average {result['load_average_before'][0]:.1f}): "
          f"floor {result['floor']['wall_s']:.2f} s (CPU {result['floor']['cpu_s']:.2f} s), "
          f"ingest {result['ingest']['wall_s']:.2f} s (CPU {result['ingest']['cpu_s']:.2f} s, "
          f"{result['ingest']['over_floor_wall']:.2f}x the floor, CPU {result['ingest']['over_floor_cpu']:.2f}x; "
          f"peak RSS {result['ingest']['peak_rss_mb']:.0f} MB), "
          f"re-ingest of one changed file {result['reingest_one_changed']['wall_s']:.2f} s, "
          f"server peak RSS {result['server_peak_rss_mb']:.0f} MB")
    floor = result["phases"]["static file (floor)"]["cpu_ms_per_request"] or 1e-9
    print(f"  {'':30} {'client p50':>11} {'server p50':>11} {'CPU/req':>9} {'CPU / floor':>11} {'bytes':>10}")
    for label, phase in result["phases"].items():
        if "status" in phase:
            print(f"  {label:30} status {phase['status']}")
            continue
        print(f"  {label:30} {phase['client_p50_ms']:9.2f}ms {phase['server_p50_ms']:9.2f}ms "
              f"{phase['cpu_ms_per_request']:7.2f}ms {phase['cpu_ms_per_request'] / floor:10.1f}x {phase['bytes']:10d}")


# Issue 14's scale targets: (label, value of a result, limit, unit). Latencies are the client's
# p50 (what a user waits, the server's time included).
TARGETS = [
    ("ingest / floor (wall)", lambda r: r["ingest"]["over_floor_wall"], 1.5, "x"),
    ("re-ingest, one changed file", lambda r: r["reingest_one_changed"]["wall_s"] * 1000, 1000, "ms"),
    ("two-word search p50", lambda r: r["phases"]["search, two words"].get("client_p50_ms"), 20, "ms"),
    ("prefix search p50", lambda r: r["phases"]["search, prefix hemtj\u00e4nst*"].get("client_p50_ms"), 50, "ms"),
    ("documents page p50", lambda r: r["phases"]["documents page"].get("client_p50_ms"), 50, "ms"),
    ("peak memory (ingest, server)", lambda r: max(r["ingest"]["peak_rss_mb"], r["server_peak_rss_mb"]), 1024, "MB"),
]


def print_targets(results):
    print("\nissue 14's scale targets, at each size (pass/miss):")
    print(f"  {'':30}" + "".join(f"{r['documents']:>16,}" for r in results) + "   target")
    for label, value, limit, unit in TARGETS:
        cells = []
        for result in results:
            v = value(result)
            cells.append("status" if v is None else f"{v:9.2f}{unit:>2} {'pass' if v < limit or (unit == 'x' and v == limit) else 'MISS'}")
        print(f"  {label:30}" + "".join(f"{c:>16}" for c in cells) + f"   < {limit} {unit}")
    pages = [r["phases"]["documents page"].get("bytes") for r in results]
    print(f"  {'documents page bytes (paged)':30}" + "".join(f"{b or 0:>16,}" for b in pages))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for size in SIZES:
        results.append(run_size(size))
        print_size(results[-1])
    if len(results) > 1:
        small, large = results[0], results[-1]
        print(f"\ngrowth from {small['documents']} to {large['documents']} transcripts "
              f"({large['documents'] / small['documents']:.0f}x the corpus): server CPU per request, large / small")
        for label in small["phases"]:
            if "status" in small["phases"][label] or "status" in large["phases"][label]:
                continue
            a, b = small["phases"][label]["cpu_ms_per_request"], large["phases"][label]["cpu_ms_per_request"]
            print(f"  {label:30} {b / a if a else float('nan'):6.1f}x   ({a:.2f} -> {b:.2f} ms)")
        print(f"  {'ingest wall':30} {large['ingest']['wall_s'] / small['ingest']['wall_s']:6.1f}x")
        print(f"  {'server peak RSS':30} {large['server_peak_rss_mb'] / small['server_peak_rss_mb']:6.1f}x")
    print_targets(results)
    (OUT / os.environ.get("BENCH_SCALE_JSON", "scale.json")).write_text(json.dumps({"binary": str(BINARY), "load_average": os.getloadavg(),
                                                "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
