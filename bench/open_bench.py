#!/usr/bin/env python3
"""Opening a document, before and after, on both stores, in one run (issue 14's targets).

    bench/open_bench.py BINARY [BINARY...]     # e.g. a build of main and a build of the branch

For each binary and each store (SQLite, then PostgreSQL in a throwaway cluster) it builds the
web benchmark's workspace (transcripts of 5,000 and 20,000 words), adds 100 and 500 codings
through the API, and opens the page and the API of each document repeatedly: server time
(`Server-Timing` app;dur) p50/p99, client p50 and server CPU per open (from /proc/PID/stat).
The same binaries, build and machine in one run, so the ratios between them are the result.
Two static files are the floors: `app.css` (~44 KB, the size of the 5,000-word API answer) and
the OpenAPI document (~120 KB, about the 5,000-word page). Writes bench/out/open.json.
`OPEN_BENCH_STORES=sqlite` measures one store only; `OPEN_BENCH_SECONDS` (default 3) per path.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import web_bench  # noqa: E402  (the workspace, client, codings and open measurement)
import team_load  # noqa: E402  (the throwaway PostgreSQL cluster)

ROOT = web_bench.ROOT
SECONDS = float(os.environ.get("OPEN_BENCH_SECONDS", "3"))
PATHS = [("static file (floor)", "/static/app.css"),
         ("static 120 KB (floor)", "/api/openapi.json"),
         ("page, 5k words, 100 codings", "/documents/bench-5k"),
         ("API, 5k words", "/api/documents/bench-5k"),
         ("page, 20k words, 500 codings", "/documents/bench-20k"),
         ("API, 20k words", "/api/documents/bench-20k")]


class AccountClient(web_bench.Client):
    """A researcher logged in with a password (the PostgreSQL team server has accounts)."""

    def __init__(self, port):
        self.port = port
        self.connection = web_bench.http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        form = urllib.parse.urlencode({"name": "bench", "password": team_load.PASSWORD, "next": "/"})
        self.connection.request("POST", "/login", body=form, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Host": f"localhost:{port}"})
        response = self.connection.getresponse()
        response.read()
        assert response.status == 303, response.status
        self.cookie = response.getheader("Set-Cookie").split(";")[0]
        html = self.get("/codebook")[1].decode()
        self.csrf = web_bench.re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def measure(binary, store):
    workspace = web_bench.make_workspace()
    environment = dict(os.environ)
    server = None
    try:
        if store == "postgresql":
            environment["FIELDWORK_STORE"] = team_load.start_cluster()
            fieldwork = [str(binary), "--workspace", str(workspace)]
            subprocess.run(fieldwork + ["ingest"], env=environment, check=True, capture_output=True)
            subprocess.run(fieldwork + ["account", "create", "bench", "--role", "researcher"], env=environment,
                           input=team_load.PASSWORD + "\n", check=True, capture_output=True, text=True)
            server = subprocess.Popen(fieldwork + ["serve", "--port", "0"], env=environment,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            port = next(int(m.group(1)) for m in (web_bench.re.search(r"127\.0\.0\.1:(\d+)/login", line)
                                                  for line in server.stdout) if m)
            client = AccountClient(port)
        else:
            server, port, token = web_bench.serve(binary, workspace)
            client = web_bench.Client(port, token)
        web_bench.add_codings(client, "bench-20k", 500, 11)
        web_bench.add_codings(client, "bench-5k", 100, 12)
        for _, path in PATHS:  # warm-up: the first open of a revision fills the cache
            client.get(path)
        return {label: web_bench.opens(client, server.pid, path, seconds=SECONDS) for label, path in PATHS}
    finally:
        if server:
            server.terminate()
            server.wait(timeout=20)
        if store == "postgresql":
            subprocess.run([str(ROOT / "scripts/postgres-cluster.sh"), "stop"], capture_output=True)
        shutil.rmtree(workspace, ignore_errors=True)


def main():
    binaries = [pathlib.Path(path) for path in sys.argv[1:]] or [web_bench.BINARY]
    stores = os.environ.get("OPEN_BENCH_STORES", "sqlite,postgresql").split(",")
    results = {store: {str(binary): measure(binary, store) for binary in binaries} for store in stores}
    web_bench.OUT.mkdir(parents=True, exist_ok=True)
    (web_bench.OUT / "open.json").write_text(json.dumps(results, indent=2) + "\n")
    first = str(binaries[0])
    for store, runs in results.items():
        print(f"{store}:")
        print(f"  {'binary / open':44} {'server p50':>10} {'p99':>8} {'client p50':>10} {'CPU/open':>9} {'CPU vs first':>12}  size")
        for label, _ in PATHS:
            for binary, phases in runs.items():
                phase, base = phases[label], runs[first][label]
                ratio = base["cpu_ms_per_request"] / phase["cpu_ms_per_request"] if phase["cpu_ms_per_request"] else float("inf")
                print(f"  {pathlib.Path(binary).name + ' ' + label:44} {phase['server_p50_ms']:8.3f}ms "
                      f"{phase['server_p99_ms']:6.2f}ms {phase['client_p50_ms']:8.2f}ms {phase['cpu_ms_per_request']:7.3f}ms "
                      f"{ratio:10.1f}x  {phase['bytes'] // 1000} KB")


if __name__ == "__main__":
    main()
