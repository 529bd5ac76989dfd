#!/usr/bin/env python3
"""Team-server load test: 50 simulated coders against PostgreSQL, on loopback (issue 15).

Starts a throwaway PostgreSQL cluster (scripts/postgres-cluster.sh, durable settings: fsync and
synchronous commit on, as a real server runs), ingests a generated study into it, creates one
account per coder, serves the workbench in team mode and lets the coders work for a bounded
time. Each coder is its own process (no shared interpreter lock in the measured path) with its
own HTTP connection and session: it logs in, then repeats "open a document" (the page, then
its data, as the browser does) and "code a passage", with a think time between actions.

Reports, per kind of request, client latency p50/p99, the server's own time (Server-Timing)
p50/p99, the number of requests and errors, and the server's CPU per request (/proc/PID/stat).
Targets (issue 15): coding write p99 < 20 ms, document open p99 < 20 ms, no errors.

  python3 bench/team_load.py [path/to/fieldwork]
  LOAD_CODERS=50 LOAD_SECONDS=60 LOAD_THINK_MS=500 LOAD_DOCS=100 LOAD_POOL=... python3 bench/team_load.py

Writes bench/out/team-load.json. BENCH_STRICT=1 exits with status 2 when a target is missed.
"""
import http.client
import json
import multiprocessing
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build-release/release/fieldwork")
CODERS = int(os.environ.get("LOAD_CODERS", "50"))
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
THINK_MS = float(os.environ.get("LOAD_THINK_MS", "500"))
DOCS = int(os.environ.get("LOAD_DOCS", "100"))
WORDS = int(os.environ.get("LOAD_WORDS", "5000"))
POOL = os.environ.get("LOAD_POOL")  # the store URL's pool size, when set
PASSWORD = "load-test-password-1"
TARGETS_MS = {"write": 20, "page": 20, "data": 20}
TICK = os.sysconf("SC_CLK_TCK")


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def run(arguments, **kwargs):
    return subprocess.run(arguments, check=True, capture_output=True, text=True, **kwargs)


def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def start_cluster():
    """A durable throwaway cluster: the load test measures commits that reach the disk."""
    environment = dict(os.environ, FIELDWORK_PG_DURABLE="1")
    admin = run([str(ROOT / "scripts/postgres-cluster.sh"), "start"], env=environment).stdout.strip()
    database = f"fieldwork_load_{os.getpid()}"
    psql = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"
    run([psql, admin, "-q", "-c", f"DROP DATABASE IF EXISTS {database}", "-c", f"CREATE DATABASE {database}"])
    url = admin.rsplit("/", 1)[0] + "/" + database
    return url + (f"?pool_size={POOL}" if POOL else "")


class Session:
    """One coder's browser: a keep-alive connection, the session cookie and the CSRF token."""

    def __init__(self, port, name):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.headers = {"Host": f"localhost:{port}"}
        form = urllib.parse.urlencode({"name": name, "password": PASSWORD, "next": "/"})
        response, _ = self.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if response.status != 303:
            raise RuntimeError(f"login of {name}: {response.status}")
        self.headers["Cookie"] = response.getheader("Set-Cookie").split(";")[0]
        html = self.request("GET", "/codebook")[1].decode()
        self.csrf = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)

    def request(self, method, path, body=None, extra=None):
        headers = dict(self.headers, **(extra or {}))
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        return response, response.read()


def server_ms(response):
    match = re.search(r"dur=([0-9.]+)", response.getheader("Server-Timing") or "")
    return float(match.group(1)) if match else float("nan")


def coder(arguments):
    """One simulated coder: opens documents and codes passages until the deadline."""
    index, port, documents, start_at, deadline = arguments
    name = f"coder{index:02d}"
    rng = random.Random(index)
    samples = {"page": [], "data": [], "write": []}
    errors = []
    session = Session(port, name)
    time.sleep(max(0, start_at - time.time()))
    # Coders do not act in lockstep: each begins after a think time of its own, as between any
    # two actions. (Starting all at the same instant measured a queue of 50 simultaneous page
    # opens, not the steady state the targets are about.)
    time.sleep(rng.expovariate(1000 / THINK_MS))
    coded = set()
    while time.time() < deadline:
        document = rng.choice(documents)
        started = time.perf_counter()
        response, _ = session.request("GET", f"/documents/{document}")
        samples["page"].append(((time.perf_counter() - started) * 1000, server_ms(response)))
        if response.status != 200:
            errors.append(f"page {response.status}")
        started = time.perf_counter()
        response, body = session.request("GET", f"/api/documents/{document}")
        samples["data"].append(((time.perf_counter() - started) * 1000, server_ms(response)))
        if response.status != 200:
            errors.append(f"data {response.status}")
            continue
        segments = [s for s in json.loads(body)["segments"] if s["end"] - s["start"] > 40]
        for _ in range(rng.randint(1, 3)):  # a coder codes a few passages of what they read
            time.sleep(rng.expovariate(1000 / THINK_MS))
            segment = rng.choice(segments)
            start = rng.randint(segment["start"], segment["end"] - 20)
            end = min(segment["end"], start + rng.randint(10, 200))
            if (document, start, end) in coded:
                continue
            coded.add((document, start, end))
            payload = json.dumps({"document": document, "start": start, "end": end,
                                  "code": rng.choice(["need.safety", "need.independence", "barrier"]), "coder": name})
            started = time.perf_counter()
            response, _ = session.request("POST", "/api/codings", payload,
                                          {"Content-Type": "application/json", "X-CSRF-Token": session.csrf})
            samples["write"].append(((time.perf_counter() - started) * 1000, server_ms(response)))
            if response.status != 201:
                errors.append(f"write {response.status}")
        time.sleep(rng.expovariate(1000 / THINK_MS))
    return samples, errors, len(coded)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    folder = pathlib.Path(tempfile.mkdtemp(prefix="fieldwork-teamload-"))
    workspace = folder / "workspace"
    server = None
    try:
        run([sys.executable, str(ROOT / "bench/generate_corpus.py"), "--out", str(workspace),
             "--docs", str(DOCS), "--words", str(WORDS)])
        store = start_cluster()
        environment = dict(os.environ, FIELDWORK_STORE=store)
        fieldwork = [str(BINARY), "--workspace", str(workspace)]
        run(fieldwork + ["ingest"], env=environment)
        for index in range(CODERS):
            run(fieldwork + ["account", "create", f"coder{index:02d}", "--role", "researcher"],
                env=environment, input=PASSWORD + "\n")
        server = subprocess.Popen(fieldwork + ["serve", "--port", "0"], env=environment,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        port = None
        for line in server.stdout:
            match = re.search(r"127\.0\.0\.1:(\d+)/login", line)
            if match:
                port = int(match.group(1))
                break
        if port is None:
            raise RuntimeError("the server did not start")
        documents = sorted(path.stem for path in (workspace / "corpus").rglob("bench-*.md"))
        # Logins (bcrypt) happen before the measured window starts.
        start_at = time.time() + 5 + CODERS * 0.3
        deadline = start_at + SECONDS
        with multiprocessing.Pool(CODERS) as pool:
            pending = pool.map_async(coder, [(i, port, documents, start_at, deadline) for i in range(CODERS)])
            time.sleep(max(0, start_at - time.time()))
            cpu_before = cpu_seconds(server.pid)
            results = pending.get(timeout=SECONDS + 600)
            cpu = cpu_seconds(server.pid) - cpu_before
    finally:
        if server:
            server.terminate()
            server.wait(timeout=20)
        subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "stop"], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    report(results, cpu)


def report(results, cpu):
    errors = [error for _, coder_errors, _ in results for error in coder_errors]
    summary = {"coders": CODERS, "seconds": SECONDS, "think_ms": THINK_MS, "documents": DOCS, "words": WORDS,
               "pool_size": POOL or "default", "errors": len(errors), "error_kinds": sorted(set(errors)),
               "load_average": os.getloadavg(), "cores": os.cpu_count()}
    total = 0
    print(f"{CODERS} coders for {SECONDS:.0f} s (think time mean {THINK_MS:.0f} ms), {DOCS} transcripts of "
          f"~{WORDS} words, PostgreSQL (durable), pool {summary['pool_size']}")
    print(f"{'request':<22}{'count':>7}{'client p50':>13}{'p99':>11}{'server p50':>13}{'p99':>11}  target")
    labels = {"page": "document page", "data": "document data (API)", "write": "coding write"}
    for kind, label in labels.items():
        pairs = [pair for samples, _, _ in results for pair in samples[kind]]
        total += len(pairs)
        client = [c for c, _ in pairs]
        server = [s for _, s in pairs if s == s]
        entry = {"count": len(pairs), "client_p50_ms": percentile(client, .5), "client_p99_ms": percentile(client, .99),
                 "server_p50_ms": percentile(server, .5), "server_p99_ms": percentile(server, .99),
                 "target_p99_ms": TARGETS_MS[kind]}
        entry["met"] = entry["client_p99_ms"] < TARGETS_MS[kind]
        summary[kind] = entry
        print(f"{label:<22}{len(pairs):>7}{entry['client_p50_ms']:>10.2f} ms{entry['client_p99_ms']:>8.2f} ms"
              f"{entry['server_p50_ms']:>10.2f} ms{entry['server_p99_ms']:>8.2f} ms  p99 < {TARGETS_MS[kind]} ms: "
              f"{'met' if entry['met'] else 'MISSED'}")
    summary["requests_per_second"] = total / SECONDS
    summary["server_cpu_ms_per_request"] = cpu * 1000 / max(total, 1)
    print(f"{total / SECONDS:.0f} requests/s in all; server CPU {summary['server_cpu_ms_per_request']:.2f} ms per request; "
          f"errors: {len(errors)} {summary['error_kinds'] if errors else ''}; load average {summary['load_average'][0]:.1f} "
          f"on {os.cpu_count()} cores")
    (OUT / "team-load.json").write_text(json.dumps(summary, indent=2) + "\n")
    if os.environ.get("BENCH_STRICT") == "1" and (errors or not all(summary[k]["met"] for k in labels)):
        sys.exit(2)


if __name__ == "__main__":
    main()
