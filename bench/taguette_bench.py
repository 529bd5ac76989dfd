#!/usr/bin/env python3
"""Fieldwork and Taguette side by side: same corpus, same client, same run (issue 14).

    taguette_bench.py BINARY

Installs taguette==1.5.2 from PyPI into .venv-bench/ (created if missing; the script then runs
itself again with that virtual environment's Python, which also has `requests`), generates 100
synthetic transcripts of ~5,000 words with bench/generate_corpus.py, and measures, with one
`requests` session per client thread for both tools:
  * ingest of the 100 transcripts (Fieldwork: `fieldwork ingest`; Taguette: each uploaded as
    HTML through its API, so no calibre is involved);
  * coding a passage, sequentially (p50/p99, rate) and from 8 concurrent clients (rate, p99); the
    concurrent writes run in BENCH_ROUNDS interleaved rounds on Taguette, Fieldwork and the floor,
    all three servers up at once, so that their ratios are measured at the same moments;
  * opening a document with its codings (Fieldwork: the page + /api/documents/ID; Taguette:
    /contents + the document's highlights);
  * search (Fieldwork only: Taguette has none);
  * a static file of about 30 KB (the floor: what the same client pays for the least work);
  * the framework's floor (bench/floor, built into .build-floor): a bare Hummingbird server that
    decodes the same coding-write bodies and answers at once, under the same 8 clients, so that
    what Fieldwork's write costs beyond the framework, and what the write goal asks, are ratios
    measured in the same run.
Beside every latency: the server's CPU time per operation (utime + stime + children's, from
/proc/PID/stat before and after the phase, divided by the operations). Prints a ratio table,
checks the issue's goals (server CPU per concurrent coding write >= 50x less than Taguette's,
per document open >= 10x less) and writes bench/out/taguette.json.
Knobs: BENCH_SEQ_WRITES (300), BENCH_CLIENT_WRITES (300 per client, 8 clients: enough
/proc clock ticks that a write's CPU reads to about 1 %), BENCH_ROUNDS (6),
BENCH_READ_SECONDS (3: every read phase runs at least this long, so the 10 ms CPU ticks add up),
BENCH_STRICT=1 (exit status 2 if a goal is missed).
"""
import json
import os
import pathlib
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
VENV = ROOT / ".venv-bench"
TAGUETTE = "taguette==1.5.2"
DOCS, WORDS, CLIENTS, CODED_DOCS = 100, 5000, 8, 8
SEQ_WRITES = int(os.environ.get("BENCH_SEQ_WRITES", "300"))
CLIENT_WRITES = int(os.environ.get("BENCH_CLIENT_WRITES", "300"))
ROUNDS = max(1, min(CLIENT_WRITES, int(os.environ.get("BENCH_ROUNDS", "6"))))
READ_SECONDS = float(os.environ.get("BENCH_READ_SECONDS", "3"))
SEARCHES = ["natten", "hemtj*", "larmet", "sensorn hallen", "\"min son\"", "dottern"]
GOALS = {"concurrent_write_cpu": 50, "document_open_cpu": 10}


def ensure_venv():
    """Run inside .venv-bench with taguette 1.5.2 and requests; install them on first use.
    `taguette_bench.py --setup` (scripts/install-deps.sh bench) only installs."""
    python = VENV / "bin" / "python"
    if pathlib.Path(sys.prefix).resolve() == VENV.resolve() and sys.argv[1:2] != ["--setup"]:
        return
    probe = ("import importlib.metadata as m, requests, sys; "
             f"sys.exit(m.version('taguette') != '{TAGUETTE.split('==')[1]}')")
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if subprocess.run([str(python), "-c", probe], capture_output=True).returncode != 0:
        print(f"Installing {TAGUETTE} into {VENV.name}/", file=sys.stderr, flush=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        TAGUETTE, "requests"], check=True)
    if sys.argv[1:2] == ["--setup"]:
        sys.exit(0)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


ensure_venv()
sys.path.insert(0, str(ROOT / "bench"))
from side_by_side import Fieldwork, Floor, Taguette  # noqa: E402  (needs .venv-bench; the binary is argv[1])
from web_bench import percentile  # noqa: E402

BINARY = pathlib.Path(sys.argv[1]).resolve()
TICK = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- measuring

def server_cpu(pid):
    """utime + stime + cutime + cstime of a process, in seconds (resolution: one clock tick)."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / TICK


def phase(pid, work):
    """Runs work() (which returns a list of per-operation latencies in ms), with the server's CPU
    and the wall time around it."""
    cpu_before, started = server_cpu(pid), time.perf_counter()
    latencies = work()
    return summary(latencies, time.perf_counter() - started, server_cpu(pid) - cpu_before)


def summary(latencies, wall, cpu):
    count = len(latencies)
    return {"operations": count, "wall_s": round(wall, 3), "rate_per_s": round(count / wall, 1),
            "p50_ms": round(percentile(latencies, .5), 2), "p99_ms": round(percentile(latencies, .99), 2),
            "server_cpu_s": round(cpu, 3), "server_cpu_ticks": round(cpu * TICK),
            "server_cpu_ms_per_op": round(cpu * 1000 / count, 3)}


def interleaved(works, rounds):
    """works: name -> (pid, work(round) -> latencies). Round r of every tool runs before round r + 1
    of any, the order turning each round, so that a hot or cold spell of this shared machine falls
    on all of them alike instead of on whichever ran then (the write goal's ratio moved 39x-56x
    from run to run while the tools took turns a minute apart). Each tool's summary over its rounds."""
    names, totals = list(works), {name: ([], 0.0, 0.0) for name in works}
    for number in range(rounds):
        for name in names[number % len(names):] + names[:number % len(names)]:
            pid, work = works[name]
            latencies, wall, cpu = totals[name]
            cpu_before, started = server_cpu(pid), time.perf_counter()
            latencies = latencies + work(number)
            totals[name] = (latencies, wall + time.perf_counter() - started, cpu + server_cpu(pid) - cpu_before)
    return {name: summary(*totals[name]) for name in names}


def for_at_least(seconds, minimum, operation):
    """Repeats operation(index) (returning its latency) until both bounds are reached."""
    latencies, stop = [], time.perf_counter() + seconds
    while len(latencies) < minimum or time.perf_counter() < stop:
        latencies.append(operation(len(latencies)))
    return latencies


def concurrently(sessions, first, stop, write):
    """Each session (one thread, client number n) makes writes n * CLIENT_WRITES + first ..< + stop;
    latencies of all of them."""
    latencies, lock, gate = [], threading.Lock(), threading.Barrier(len(sessions))

    def run(number, session):
        gate.wait()
        mine = [write(session, number * CLIENT_WRITES + index) for index in range(first, stop)]
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run, args=(number, session)) for number, session in enumerate(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies


# --------------------------------------------------------------------------- corpus

def make_corpus(folder):
    """The ingest benchmark's generator; plus each transcript as HTML (cmark, no front matter)."""
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--out", str(folder),
                    "--docs", str(DOCS), "--words", str(WORDS)], check=True, capture_output=True)
    html = {}
    for path in sorted((folder / "corpus" / "interviews").rglob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        html[path.stem] = subprocess.run(["cmark", "--validate-utf8"], input=body.encode(), capture_output=True,
                                         check=True).stdout
    return html


def passages(rng, count, regions):
    """count distinct (document, start, end) spans, round-robin over the documents, each inside
    one of its regions (document -> list of (start, end)): 20-120 units long."""
    chosen, seen = [], set()
    documents = list(regions)
    while len(chosen) < count:
        document = documents[len(chosen) % len(documents)]
        low, high = rng.choice(regions[document])
        start = rng.randint(low, max(low, high - 40))
        span = (document, start, min(high, start + rng.randint(20, 120)))
        if span not in seen:
            seen.add(span)
            chosen.append(span)
    return chosen


# --------------------------------------------------------------------------- the run

def start_fieldwork(workspace):
    """`fieldwork ingest` timed (the process's CPU from its rusage), then the server on it."""
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([str(BINARY), "--workspace", str(workspace), "ingest", "--json"],
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    usage_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"fieldwork ingest: {result.stderr.strip()[:300]}")
    ingested = json.loads(result.stdout)
    if ingested.get("added") != DOCS or ingested.get("failed"):
        raise RuntimeError(f"fieldwork ingest: {result.stdout[:300]}")
    cpu = (usage_after.ru_utime - usage_before.ru_utime) + (usage_after.ru_stime - usage_before.ru_stime)
    results = {"ingest": {"operations": DOCS, "wall_s": round(wall, 3), "server_cpu_s": round(cpu, 3),
                          "server_cpu_ms_per_op": round(cpu * 1000 / DOCS, 3)}}
    tool = Fieldwork(workspace)
    return tool, results, [f"bench-{index:05d}" for index in range(1, CODED_DOCS + 1)]


def start_taguette(folder, html):
    """Taguette's server, a project, and every transcript uploaded (timed)."""
    tool = Taguette(folder, OUT / "taguette-server.log")
    session = tool.session()
    tool.create_project(session)
    ids = {}

    def upload_all():
        latencies = []
        for name in sorted(html):
            ids[name], elapsed = tool.upload(session, name, html[name])
            latencies.append(elapsed)
        return latencies

    results = {"ingest": phase(tool.pid, upload_all)}
    return tool, results, [ids[f"bench-{index:05d}"] for index in range(1, CODED_DOCS + 1)]


def write_phases(tools, spans):
    """Sequential writes on each tool in turn; then the 8 clients' writes on every tool, in
    interleaved rounds (the floor writes Fieldwork's spans). tools: name -> tool."""
    results = {name: {} for name in tools}
    for name in ("taguette", "fieldwork"):
        tool, session = tools[name], tools[name].session()
        results[name]["code_sequential"] = phase(tool.pid, lambda tool=tool, session=session, name=name: [
            tool.write(session, spans[name][index], index) for index in range(SEQ_WRITES)])
    bounds = [CLIENT_WRITES * number // ROUNDS for number in range(ROUNDS + 1)]

    def rounds(name):
        tool, sessions = tools[name], [tools[name].session() for _ in range(CLIENTS)]
        return tool.pid, lambda number: concurrently(sessions, bounds[number], bounds[number + 1], lambda s, index: tool.write(
            s, spans[name][SEQ_WRITES + index], SEQ_WRITES + index))

    for name, concurrent in interleaved({name: rounds(name) for name in tools}, ROUNDS).items():
        results[name]["code_concurrent"] = dict(concurrent, clients=CLIENTS, rounds=ROUNDS)
    return results


def read_phases(tool, documents):
    """Document opens and the static file (Fieldwork: search too), each tool in turn."""
    results, session = {}, tool.session()
    parts = ([], [])

    def open_document(index):
        first, second = tool.open(session, documents[index % len(documents)])
        parts[0].append(first)
        parts[1].append(second)
        return first + second

    results["open"] = phase(tool.pid, lambda: for_at_least(READ_SECONDS, 60, open_document))
    results["open"].update(codings_per_document=(SEQ_WRITES + CLIENTS * CLIENT_WRITES) // len(documents),
                           part_p50_ms=[round(percentile(part, .5), 2) for part in parts])
    results["static"] = phase(tool.pid, lambda: for_at_least(READ_SECONDS, 200, lambda _: tool.static(session)))
    results["static"]["path"] = tool.static_path
    results["static"]["bytes"] = len(session.get(tool.base + tool.static_path).content)
    if isinstance(tool, Fieldwork):
        results["search"] = phase(tool.pid, lambda: for_at_least(
            READ_SECONDS, 60, lambda index: tool.search(session, SEARCHES[index % len(SEARCHES)])))
        results["search"]["queries"] = SEARCHES
    return results


def run(folder, html):
    """Both tools and the floor up at once: ingest, writes (the concurrent ones interleaved), reads."""
    tools, results, documents = {}, {}, {}
    try:
        tools["taguette"], results["taguette"], documents["taguette"] = start_taguette(folder / "taguette", html)
        print("taguette ingested", flush=True)
        tools["fieldwork"], results["fieldwork"], documents["fieldwork"] = start_fieldwork(folder / "workspace")
        tools["floor"] = Floor()
        count = SEQ_WRITES + CLIENTS * CLIENT_WRITES
        regions = {name: tools[name].regions(tools[name].session(), documents[name]) for name in documents}
        # The same seed for both tools; the floor gets Fieldwork's spans.
        spans = {name: [tools[name].wire(span) for span in passages(random.Random(3), count, regions[name])]
                 for name in documents}
        spans["floor"] = [tools["floor"].wire(span) for span in passages(random.Random(3), count, regions["fieldwork"])]
        writes = write_phases(tools, spans)
        for name in documents:
            results[name].update(writes[name])
            stored = sum(tools[name].codings(tools[name].session(), document) for document in documents[name])
            if stored != count:
                raise RuntimeError(f"{tools[name].name}: {stored} codings stored, {count} acknowledged")
            results[name].update(read_phases(tools[name], documents[name]))
        floor_session = tools["floor"].session()
        results["fieldwork"]["floor"] = dict(writes["floor"], static=phase(tools["floor"].pid, lambda: for_at_least(
            READ_SECONDS, 200, lambda _: tools["floor"].static(floor_session))))
    finally:
        for tool in tools.values():
            tool.stop()
    return results


def ratio(taguette, fieldwork):
    return round(taguette / fieldwork, 1) if fieldwork > 0 else float("inf")


def report(results):
    t, f = results["taguette"], results["fieldwork"]
    rows = []

    def row(work, tag, field, latency_ratio, key):
        cpu_t, cpu_f = t[key]["server_cpu_ms_per_op"], f[key]["server_cpu_ms_per_op"]
        rows.append((work, tag, field, latency_ratio, f"{cpu_t:.3f} ms", f"{cpu_f:.3f} ms", f"{ratio(cpu_t, cpu_f)}×"))

    row(f"ingest {DOCS} transcripts", f"{t['ingest']['wall_s']:.2f} s", f"{f['ingest']['wall_s']:.2f} s",
        f"{ratio(t['ingest']['wall_s'], f['ingest']['wall_s'])}×", "ingest")
    ts, fs = t["code_sequential"], f["code_sequential"]
    row("code a passage, sequential", f"p50 {ts['p50_ms']:.1f} ms, p99 {ts['p99_ms']:.1f} ms, {ts['rate_per_s']:.0f}/s",
        f"p50 {fs['p50_ms']:.1f} ms, p99 {fs['p99_ms']:.1f} ms, {fs['rate_per_s']:.0f}/s",
        f"{ratio(ts['p50_ms'], fs['p50_ms'])}× (p50)", "code_sequential")
    tc, fc = t["code_concurrent"], f["code_concurrent"]
    row(f"code a passage, {CLIENTS} clients", f"{tc['rate_per_s']:.0f}/s, p99 {tc['p99_ms']:.1f} ms",
        f"{fc['rate_per_s']:.0f}/s, p99 {fc['p99_ms']:.1f} ms", f"{ratio(fc['rate_per_s'], tc['rate_per_s'])}× (rate)",
        "code_concurrent")
    to, fo = t["open"], f["open"]
    row("open a document with its codings",
        f"p50 {to['p50_ms']:.1f} ms (contents {to['part_p50_ms'][0]:.1f} + highlights {to['part_p50_ms'][1]:.1f})",
        f"p50 {fo['p50_ms']:.1f} ms (page {fo['part_p50_ms'][0]:.1f} + API {fo['part_p50_ms'][1]:.1f})",
        f"{ratio(to['p50_ms'], fo['p50_ms'])}× (p50)", "open")
    sr = f["search"]
    rows.append(("search (6 queries in turn)", "none", f"p50 {sr['p50_ms']:.1f} ms, p99 {sr['p99_ms']:.1f} ms", "—",
                 "—", f"{sr['server_cpu_ms_per_op']:.3f} ms", "—"))
    tt, ft = t["static"], f["static"]
    row("static file (the floor)", f"p50 {tt['p50_ms']:.2f} ms ({tt['bytes'] // 1024} KiB)",
        f"p50 {ft['p50_ms']:.2f} ms ({ft['bytes'] // 1024} KiB)", f"{ratio(tt['p50_ms'], ft['p50_ms'])}× (p50)", "static")
    fl = f["floor"]
    rows.append((f"bare Hummingbird (the framework's floor): JSON POST, {CLIENTS} clients / static file", "—",
                 f"{fl['code_concurrent']['rate_per_s']:.0f}/s, p99 {fl['code_concurrent']['p99_ms']:.1f} ms / "
                 f"p50 {fl['static']['p50_ms']:.2f} ms", "—", "—",
                 f"{fl['code_concurrent']['server_cpu_ms_per_op']:.3f} / {fl['static']['server_cpu_ms_per_op']:.3f} ms", "—"))
    header = ("work", "Taguette", "Fieldwork", "ratio", "server CPU/op Taguette", "Fieldwork", "CPU ratio")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    checks = {}
    for goal, key, what in (("concurrent_write_cpu", "code_concurrent", f"coding write ({CLIENTS} clients)"),
                            ("document_open_cpu", "open", "document open")):
        measured = ratio(t[key]["server_cpu_ms_per_op"], f[key]["server_cpu_ms_per_op"])
        checks[goal] = {"ratio": measured, "goal": GOALS[goal], "met": measured >= GOALS[goal]}
        print(f"goal: server CPU per {what} ≥ {GOALS[goal]}× less than Taguette's: "
              f"{measured}× — {'met' if measured >= GOALS[goal] else 'MISSED'}")
    # Against the floor: what the write goal asks of Fieldwork beyond decoding and answering.
    floor = fl["code_concurrent"]["server_cpu_ms_per_op"]
    if floor > 0:
        needed = t["code_concurrent"]["server_cpu_ms_per_op"] / GOALS["concurrent_write_cpu"]
        checks["concurrent_write_cpu"].update(floor_ms=floor, fieldwork_over_floor=round(fc["server_cpu_ms_per_op"] / floor, 2),
                                              goal_over_floor=round(needed / floor, 2))
        print(f"floor: a bare Hummingbird JSON POST costs {floor:.3f} ms of server CPU ({CLIENTS} clients); "
              f"Fieldwork's coding write {fc['server_cpu_ms_per_op'] / floor:.2f}× that, Taguette's "
              f"{t['code_concurrent']['server_cpu_ms_per_op'] / floor:.1f}×; the {GOALS['concurrent_write_cpu']}× goal "
              f"asks ≤ {needed:.3f} ms, {needed / floor:.2f}× the floor")
    return checks


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    Floor.build()
    load_before = os.getloadavg()
    folder = pathlib.Path(tempfile.mkdtemp(prefix="fieldwork-taguette-"))
    try:
        html = make_corpus(folder / "workspace")
        (folder / "taguette").mkdir()
        words = sum(len(path.read_text(encoding="utf-8").split())
                    for path in (folder / "workspace" / "corpus" / "interviews").rglob("*.md"))
        results = {"corpus": {"documents": DOCS, "words": words, "html_bytes": sum(map(len, html.values())),
                              "coded_documents": CODED_DOCS}}
        print(f"corpus: {DOCS} transcripts, {words} words; load average {load_before[0]:.1f} on "
              f"{os.cpu_count()} cores", flush=True)
        results.update(run(folder, html))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    load_after = os.getloadavg()
    results["goals"] = report(results)
    results["machine"] = {"cores": os.cpu_count(), "load_before": [round(x, 2) for x in load_before],
                          "load_after": [round(x, 2) for x in load_after], "clock_ticks_per_s": TICK}
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    results["versions"] = {"taguette": TAGUETTE.split("==")[1], "binary": str(BINARY), "commit": commit.stdout.strip()}
    (OUT / "taguette.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after ({os.cpu_count()} cores)"
          f"{'; a loaded machine: latencies vary, CPU per operation much less' if max(load_before[0], load_after[0]) > os.cpu_count() else ''}; "
          "bench/out/taguette.json")
    missed = [goal for goal, check in results["goals"].items() if not check["met"]]
    if missed and os.environ.get("BENCH_STRICT") == "1":
        sys.exit(2)


if __name__ == "__main__":
    main()
