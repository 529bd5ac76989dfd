#!/usr/bin/env python3
"""Coding writes under concurrency: group commit against each write alone, in the same run.

For each mode (FIELDWORK_GROUP_COMMIT=off, then on) it serves a fresh workspace (one
20,000-word transcript) with the given fieldwork binary and measures with wrk (Debian):
  * the floor: a static file behind the session (`/static/app.css`, what every request pays for
    HTTP, the session and wrk itself), 16 connections;
  * coding writes paced at about 200/s (2 connections; wrk's delay calibrated as in web_bench);
  * coding writes held at WRITE_BENCH_RATE (5,000) per second from 16 connections (`held_rate`);
  * coding writes at full speed from 16 connections (bench/codings.lua: a different passage in
    every request, 201 and other answers counted).
Then it kills the server with SIGKILL and counts the codings in the SQLite file: every
acknowledged (201) coding must be there; at most one per connection more (a request that
was committed when wrk stopped, before its answer arrived).
Prints a table with ratios (on/off, writes/floor) and writes bench/out/write.json.
Targets (issue 14): >= 5,000 codings/s with p99 < 10 ms from 16 connections held at that rate (calibrated:
`held_rate`); paced p99 < 5 ms at 200/s. The full-speed burst (the ceiling) has no target.
Knobs: WRITE_BENCH_SECONDS (default 10), WRITE_BENCH_CONNECTIONS (16), WRITE_BENCH_THREADS (2);
WRITE_BENCH_STORE=postgresql runs the same on a durable throwaway PostgreSQL cluster (fsync and
synchronous commit on: scripts/postgres-cluster.sh), a fresh database per mode, counted with psql.
"""
import json
import os
import pathlib
import re
import signal
import shutil
import sqlite3
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import web_bench as wb  # noqa: E402  (the workspace, login and paced-wrk helpers)

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
BINARY = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".build-release/release/fieldwork")
SECONDS = int(os.environ.get("WRITE_BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("WRITE_BENCH_CONNECTIONS", "16"))
THREADS = int(os.environ.get("WRITE_BENCH_THREADS", "2"))
RATE = int(os.environ.get("WRITE_BENCH_RATE", "5000"))
DOCUMENT = "bench-20k"
POSTGRES = os.environ.get("WRITE_BENCH_STORE") == "postgresql"
PSQL = shutil.which("psql") or "/usr/lib/postgresql/15/bin/psql"


def postgres_database(admin, label):
    """A fresh database on the durable cluster for one mode: its URL."""
    database = f"fieldwork_write_{label}_{os.getpid()}"
    subprocess.run([PSQL, admin, "-q", "-c", f"DROP DATABASE IF EXISTS {database}", "-c", f"CREATE DATABASE {database}"],
                   check=True, capture_output=True)
    return admin.rsplit("/", 1)[0] + "/" + database


def stored_codings(workspace, store, coder):
    if store:
        output = subprocess.run([PSQL, store, "-tA", "-c",
                                 f"SELECT COUNT(*) FROM coding WHERE coder = '{coder}' AND removed_at IS NULL"],
                                check=True, capture_output=True, text=True).stdout
        return int(output.strip())
    with sqlite3.connect(workspace / ".fieldwork" / "fieldwork.sqlite") as database:
        return database.execute("SELECT COUNT(*) FROM coding WHERE coder = ? AND removed_at IS NULL", (coder,)).fetchone()[0]


def serve(workspace, group_commit, store):
    env = dict(os.environ, FIELDWORK_GROUP_COMMIT="on" if group_commit else "off")
    if store:
        env["FIELDWORK_STORE"] = store
    return wb.serve(BINARY, workspace, env)


def wrk(port, path, args, env=None, script=None, seconds=None):
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds or SECONDS}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    command += [f"http://127.0.0.1:{port}{path}"] + (["--"] + args if args else [])
    output = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, **(env or {}))).stdout

    def latency(label):
        match = re.search(rf"\s{label}%\s+([0-9.]+)(us|ms|s)", output)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    refused = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    result = {"requests_per_second": float(re.search(r"Requests/sec:\s+([0-9.]+)", output).group(1)),
              "p50_ms": latency("50"), "p90_ms": latency("90"), "p99_ms": latency("99"),
              "non_2xx": int(refused.group(1)) if refused else 0, "socket_errors": errors.group(0) if errors else None}
    counted = re.search(r"FIELDWORK acknowledged=(\d+) refused=(\d+)", output)
    if counted:
        result.update(acknowledged=int(counted.group(1)), refused=int(counted.group(2)))
    return result


def floor_script(cookie):
    script = OUT / "write-floor.lua"
    script.write_text(f'wrk.headers["Cookie"] = "{cookie}"\n')
    return script


def held_rate(port, env):
    """Coding writes held at about RATE per second from CONNECTIONS connections: wrk pauses each
    connection a whole number of milliseconds after an answer, so 2-second probes find the
    longest pause that still reaches the rate (5 % above it: the machine drifts). When even 1 ms falls short, the
    pause follows only a share of the answers (FW_DELAY_SHARE in codings.lua), and four probes
    halve their way to the largest share that reaches it. A pause of 0 is full speed. wrk is a
    closed loop (a stalled request holds back its connection's next one), so the percentiles
    are a lower bound under stalls, as in every phase."""
    writes = ROOT / "bench" / "codings.lua"
    probes = 0

    def reaches(pause, share=1.0):
        nonlocal probes
        probes += 1
        probe = wrk(port, "/api/codings", [str(THREADS)], script=writes, seconds=2,
                    env=dict(env, FW_DELAY_MS=str(pause), FW_DELAY_SHARE=str(share), FW_CODER=f"{env['FW_CODER']}-probe{probes}"))
        return probe["requests_per_second"] >= RATE * 1.05

    pause, share = next((candidate for candidate in (6, 5, 4, 3, 2, 1) if reaches(candidate)), 0), 1.0
    if pause == 0:
        low, high = 0.0, 1.0  # a share of 0 is full speed: taken as reaching the rate
        for _ in range(4):
            middle = (low + high) / 2
            low, high = (middle, high) if reaches(1, middle) else (low, middle)
        pause, share = (1, low) if low > 0 else (0, 1.0)
    paced_env = dict(env, FW_DELAY_MS=str(pause), FW_DELAY_SHARE=str(share)) if pause else env
    result = wrk(port, "/api/codings", [str(THREADS)], script=writes, env=paced_env)
    result.update(delay_ms=pause, delay_share=round(share, 4), target_rate=RATE)
    return result


def run_mode(group_commit, admin):
    workspace = wb.make_workspace()
    label = "on" if group_commit else "off"
    store = postgres_database(admin, label) if admin else None
    server, port, token = serve(workspace, group_commit, store)
    try:
        client = wb.Client(port, token)
        document = json.loads(client.get(f"/api/documents/{DOCUMENT}")[1])
        base = document["segments"][0]["start"]
        positions = len(document["text"]) - base - 400
        floor = wrk(port, "/static/app.css", [], script=floor_script(client.cookie))
        body = json.dumps({"document": DOCUMENT, "start": "__START__", "end": "__END__", "code": "need", "coder": "paced"}) \
            .replace('"__START__"', "__START__").replace('"__END__"', "__END__")
        wb.WRK_BASE = base
        paced = wb.run_wrk_paced(port, "/api/codings", client.cookie, client.csrf, body)
        coder = f"burst-{label}"
        writes_env = {"FW_COOKIE": client.cookie, "FW_CSRF": client.csrf, "FW_DOCUMENT": DOCUMENT,
                      "FW_BASE": str(base), "FW_POSITIONS": str(positions)}
        rate = held_rate(port, dict(writes_env, FW_CODER=f"rate-{label}"))
        # Server CPU per write (utime + stime from /proc): less sensitive to a shared machine's
        # load than the rate, which also measures wrk and everyone else on the cores.
        cpu_before = wb.cpu_seconds(server.pid)
        burst = wrk(port, "/api/codings", [str(THREADS)], script=ROOT / "bench" / "codings.lua",
                    env=dict(writes_env, FW_CODER=coder))
        burst["server_cpu_ms_per_write"] = (wb.cpu_seconds(server.pid) - cpu_before) * 1000 / max(1, burst["acknowledged"] + burst["refused"])
    finally:
        # No clean stop: what was acknowledged must be in the file without one.
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=20)
    stored = stored_codings(workspace, store, coder)
    shutil.rmtree(workspace, ignore_errors=True)
    burst["stored_after_kill"] = stored
    burst["all_acknowledged_stored"] = burst["acknowledged"] <= stored <= burst["acknowledged"] + CONNECTIONS
    return {"floor_get": floor, "paced_writes": paced, "held_rate_writes": rate, "writes": burst}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    admin = None
    if POSTGRES:
        admin = subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "start"], check=True, capture_output=True, text=True,
                               env=dict(os.environ, FIELDWORK_PG_DURABLE="1")).stdout.strip()
    try:
        modes = {"off": run_mode(False, admin), "on": run_mode(True, admin)}
    finally:
        if POSTGRES:
            subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "stop"], capture_output=True)
    on, off = modes["on"], modes["off"]
    result = {
        "binary": str(BINARY), "store": "postgresql" if POSTGRES else "sqlite", "connections": CONNECTIONS, "wrk_threads": THREADS, "seconds": SECONDS, "modes": modes,
        "load_average": os.getloadavg(),
        "ratios": {"writes_on_over_off": on["writes"]["requests_per_second"] / off["writes"]["requests_per_second"],
                   "p99_on_over_off": on["writes"]["p99_ms"] / off["writes"]["p99_ms"],
                   "writes_on_over_floor_get": on["writes"]["requests_per_second"] / on["floor_get"]["requests_per_second"]},
        "targets": {"codings_per_second": RATE, "write_p99_ms": 10, "paced_p99_ms": 5},
    }
    # Issue 14: >= 5,000 codings/s with p99 < 10 ms, from 16 connections held at that rate
    # (calibrated); the full-speed burst shows the ceiling and its queueing, with no target.
    held = on["held_rate_writes"]
    result["meets_targets"] = {"throughput": held["requests_per_second"] >= RATE, "p99": held["p99_ms"] < 10,
                               "paced_p99": on["paced_writes"]["p99_ms"] < 5,
                               "durable": all(m["writes"]["all_acknowledged_stored"] for m in modes.values()),
                               "no_refusals": all(m[phase]["refused"] == 0 and m[phase]["non_2xx"] == 0
                                                  for m in modes.values() for phase in ("writes", "held_rate_writes"))}
    (OUT / ("write-postgresql.json" if POSTGRES else "write.json")).write_text(json.dumps(result, indent=2) + "\n")
    print(f"coding writes on {result['store']}, {CONNECTIONS} connections, {SECONDS} s each ({BINARY}); "
          f"load average {' '.join(f'{x:.1f}' for x in result['load_average'])}")
    print(f"{'':31} {'req/s':>8} {'p50':>8} {'p90':>8} {'p99':>8}  acknowledged / stored after SIGKILL, refused")
    for label, mode in modes.items():
        for name in ("floor_get", "paced_writes", "held_rate_writes", "writes"):
            phase = mode[name]
            extra = (f"  {phase['acknowledged']} / {phase['stored_after_kill']}, {phase['refused']}; "
                     f"server CPU {phase['server_cpu_ms_per_write']:.3f} ms/write"
                     if name == "writes" else f"  ({phase['non_2xx']} non-2xx"
                     + (f", pause {phase['delay_ms']} ms" + (f" after {phase['delay_share']:.0%} of answers" if phase.get("delay_share", 1) < 1 else "") + ")"
                        if "delay_ms" in phase else ")"))
            print(f"  group commit {label:3} {name:16} {phase['requests_per_second']:8.0f} {phase['p50_ms']:6.2f}ms "
                  f"{phase['p90_ms'] if 'p90_ms' in phase else float('nan'):6.2f}ms {phase['p99_ms']:6.2f}ms{extra}")
    ratios = result["ratios"]
    print(f"group commit on/off: {ratios['writes_on_over_off']:.2f}x codings/s, p99 {ratios['p99_on_over_off']:.2f}x; "
          f"writes/floor GET {ratios['writes_on_over_floor_get']:.2f}")
    print("targets met:", ", ".join(f"{k}={v}" for k, v in result["meets_targets"].items()))


if __name__ == "__main__":
    main()
