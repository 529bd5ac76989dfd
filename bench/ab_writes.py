#!/usr/bin/env python3
"""Two fieldwork binaries side by side, at the same moment: server CPU per coding write.

    ab_writes.py BINARY_A BINARY_B [clients|wrk]

This shared 2-core machine runs hot and cold spells: the same binary measured alone gave 0.52 to
0.68 ms of server CPU per write in five runs of one session, so a change worth 5 % cannot be seen
by running A, then B. Here both servers run at once, each on its own generated workspace, and
every load round hits both alike; the ratio B/A of their CPU per write is what to read (A against
itself: 0.99-1.00 in three rounds).

  * clients (default): 8 Python threads, one `requests` session per server each, alternating
    A and B request by request (the order flips per thread and request), as
    `bench/taguette_bench.py`'s concurrent writes do; AB_WRITES (400) writes per thread and
    server per round.
  * wrk: one `wrk` of AB_CONNECTIONS (8) connections on each server at full speed
    (`bench/codings.lua`) for AB_SECONDS (8): acknowledged writes a second, p99 and CPU per write.

AB_ROUNDS (3) rounds after a warm-up; prints each round and the median ratio. Not part of
`make bench`: a tool for deciding whether a change is worth keeping.
"""
import json
import os
import pathlib
import re
import signal
import shutil
import statistics
import subprocess
import sys
import threading

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import web_bench as wb  # noqa: E402  (workspace, login, /proc CPU time)
from write_bench import DOCUMENT  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
ROUNDS = int(os.environ.get("AB_ROUNDS", "3"))
WRITES = int(os.environ.get("AB_WRITES", "400"))
SECONDS = int(os.environ.get("AB_SECONDS", "8"))
CONNECTIONS = int(os.environ.get("AB_CONNECTIONS", "8"))
CLIENTS = 8


def start(binary):
    workspace = wb.make_workspace()
    server, port, token = wb.serve(pathlib.Path(binary), workspace, dict(os.environ))
    client = wb.Client(port, token)
    document = json.loads(client.get(f"/api/documents/{DOCUMENT}")[1])
    base = document["segments"][0]["start"]
    return dict(name=pathlib.Path(binary).name, workspace=workspace, server=server, port=port, client=client,
                base=base, positions=len(document["text"]) - base - 400)


def client_round(servers, round_number, writes):
    import requests  # in .venv-bench (make bench installs it)

    def worker(thread):
        sessions = []
        for server in servers:
            session = requests.Session()
            session.headers.update({"Cookie": server["client"].cookie, "X-CSRF-Token": server["client"].csrf})
            sessions.append(session)
        for index in range(writes):
            order = [0, 1] if (index + thread) % 2 == 0 else [1, 0]
            for k in order:
                server = servers[k]
                start = server["base"] + (round_number * 800_000 + thread * 100_000 + index * 7) % 50_000
                for _ in range(4):
                    answer = sessions[k].post(f"http://127.0.0.1:{server['port']}/api/codings", json={
                        "document": DOCUMENT, "start": start, "end": start + 5 + thread + round_number * 8,
                        "code": "need", "coder": f"ab{thread}"})
                    # A span on a speaker label alone is refused (422): the words of the turn follow it.
                    if answer.status_code != 422 or "speaker label" not in answer.text:
                        break
                    start += 17
                if answer.status_code != 201:
                    raise RuntimeError(f"{server['name']}: {answer.status_code} {answer.text[:200]}")

    threads = [threading.Thread(target=worker, args=(thread,)) for thread in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [CLIENTS * writes] * 2, ["", ""]


def wrk_round(servers, round_number):
    results = [None, None]

    def run(k):
        server = servers[k]
        env = dict(os.environ, FW_COOKIE=server["client"].cookie, FW_CSRF=server["client"].csrf, FW_DOCUMENT=DOCUMENT,
                   FW_BASE=str(server["base"]), FW_POSITIONS=str(server["positions"]), FW_CODER=f"ab-wrk-{round_number}")
        output = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-s",
                                 str(ROOT / "bench" / "codings.lua"), f"http://127.0.0.1:{server['port']}/api/codings", "--", "1"],
                                capture_output=True, text=True, env=env).stdout
        acknowledged = int(re.search(r"acknowledged=(\d+)", output).group(1))
        p99 = re.search(r"\s99%\s+([0-9.]+(?:us|ms|s))", output).group(1)
        results[k] = (acknowledged, f", {acknowledged / SECONDS:.0f}/s, p99 {p99}")

    threads = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [result[0] for result in results], [result[1] for result in results]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    mode = sys.argv[3] if len(sys.argv) > 3 else "clients"
    servers = []
    try:
        servers = [start(sys.argv[1]), start(sys.argv[2])]
        client_round(servers, 0, 40)  # warm-up: caches, connections, the first flush
        ratios = []
        for number in range(1, ROUNDS + 1):
            before = [wb.cpu_seconds(server["server"].pid) for server in servers]
            writes, notes = wrk_round(servers, number) if mode == "wrk" else client_round(servers, number, WRITES)
            after = [wb.cpu_seconds(server["server"].pid) for server in servers]
            per_write = [(a - b) * 1000 / max(1, n) for a, b, n in zip(after, before, writes)]
            ratios.append(per_write[1] / per_write[0])
            print(f"round {number}: " + " | ".join(f"{server['name']} {cpu:.3f} ms/write{note}"
                                                  for server, cpu, note in zip(servers, per_write, notes))
                  + f" | B/A {ratios[-1]:.3f}", flush=True)
        print(f"median B/A {statistics.median(ratios):.3f} (server CPU per write, {mode})")
    finally:
        for server in servers:
            server["server"].send_signal(signal.SIGKILL)
            server["server"].wait()
            shutil.rmtree(server["workspace"], ignore_errors=True)


if __name__ == "__main__":
    main()
