#!/usr/bin/env python3
"""Reliability proof, bounded in time, loopback only: `make stress` (see bench/README.md).

    stress.py BINARY [crash] [soak]

crash  SIGKILL at a random moment of: ingest, coding writes (server), telemetry import, QDPX
       export, QDPX import, codebook edits (server); STRESS_KILLS times each (default 100). After
       every kill: `PRAGMA integrity_check` is ok, no document is half-ingested, every coding the
       server acknowledged is present, a telemetry import or QDPX import is all or nothing, no
       partial file sits at an export's target path, the codebook YAML is the old or the new one.
soak   16 clients mixing page reads, API reads, searches and coding writes for STRESS_SOAK_SECONDS
       (default 120) while 1,000 idle connections are held open and `fieldwork backup` runs every
       10 s: no errors, no lost write, resident memory flat after warm-up, every backup sound.

Prints one line per check and writes bench/out/stress.json; exit status 1 if any check failed.
"""
import json
import os
import pathlib
import random
import re
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from web_bench import Client  # noqa: E402  (one login/CSRF client for every script)

ROOT = pathlib.Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
BINARY = pathlib.Path(sys.argv[1]).resolve()
KILLS = int(os.environ.get("STRESS_KILLS", "100"))
SOAK_SECONDS = float(os.environ.get("STRESS_SOAK_SECONDS", "120"))
RESULTS, FAILURES = {}, []
rng = random.Random(int(os.environ.get("STRESS_SEED", "1")))


def check(name, ok, detail=""):
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    if not ok:
        FAILURES.append(f"{name}: {detail}")


def fieldwork(workspace, *arguments, check_status=True):
    result = subprocess.run([str(BINARY), "--workspace", str(workspace), *arguments], capture_output=True, text=True)
    if check_status and result.returncode != 0:
        raise RuntimeError(f"fieldwork {' '.join(arguments)}: {result.stderr.strip()}")
    return result


def sample_workspace(telemetry=True):
    """The sample workspace; without `telemetry`, its pilot files (which ingest takes in) are
    left out, for a test that counts the readings of its own import."""
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="fieldwork-stress-"))
    for folder in ("corpus", "codebooks", "codings"):
        shutil.copytree(ROOT / folder, workspace / folder)
    if not telemetry:
        shutil.rmtree(workspace / "corpus" / "telemetry")
    return workspace


def generated_workspace(documents):
    """The ingest benchmark's synthetic transcripts: an ingest long enough to be cut anywhere."""
    workspace = pathlib.Path(tempfile.mkdtemp(prefix="fieldwork-stress-"))
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), "--out", str(workspace),
                    "--docs", str(documents), "--words", "3000"], check=True, capture_output=True)
    return workspace


def database(workspace):
    return workspace / ".fieldwork" / "fieldwork.sqlite"


def query(workspace, sql):
    connection = sqlite3.connect(f"file:{database(workspace)}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def sound(workspace):
    """integrity ok and no half-ingested document (every document has its segments and FTS rows)."""
    if not database(workspace).exists():
        return True, "no database yet"
    integrity = query(workspace, "PRAGMA integrity_check")
    if integrity != [("ok",)]:
        return False, f"integrity_check: {integrity[:3]}"
    if not query(workspace, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document'"):
        # Killed before the first migration committed: nothing was ingested, the next command migrates.
        return True, "no schema yet"
    empty = query(workspace, "SELECT COUNT(*) FROM document d WHERE NOT EXISTS (SELECT 1 FROM segment s WHERE s.document_id = d.id)")[0][0]
    return empty == 0, f"{empty} documents without segments"


class Server:
    def __init__(self, workspace):
        self.process = subprocess.Popen([str(BINARY), "--workspace", str(workspace), "serve", "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in self.process.stdout:
            match = re.search(r"127\.0\.0\.1:(\d+)/\?token=(\S+)", line)
            if match:
                self.port, self.token = int(match.group(1)), match.group(2)
                break
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def client(self):
        return Client(self.port, self.token)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a hung server may not get to its shutdown
            self.kill()


def kill_cli_at_random(workspace, arguments, typical_seconds):
    process = subprocess.Popen([str(BINARY), "--workspace", str(workspace), *arguments],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0, typical_seconds))
    process.send_signal(signal.SIGKILL)
    process.wait()


def timed(workspace, *arguments):
    started = time.perf_counter()
    fieldwork(workspace, *arguments)
    return time.perf_counter() - started


def crash_ingest():
    workspace = generated_workspace(60)
    typical = timed(workspace, "ingest")
    shutil.rmtree(workspace / ".fieldwork")
    bad = []
    for kill in range(KILLS):
        if kill % 10 == 0:
            shutil.rmtree(workspace / ".fieldwork", ignore_errors=True)  # from scratch, and re-ingests
        kill_cli_at_random(workspace, ["ingest"], typical * 1.2)
        ok, detail = sound(workspace)
        if not ok:
            bad.append(detail)
    fieldwork(workspace, "ingest")
    documents = query(workspace, "SELECT COUNT(*) FROM document")[0][0]
    check(f"ingest killed {KILLS}×", not bad and sound(workspace)[0], f"{documents} documents after a final ingest; {bad[:2]}")
    shutil.rmtree(workspace, ignore_errors=True)


def crash_coding_writes():
    workspace = sample_workspace()
    fieldwork(workspace, "ingest")
    acknowledged, bad = set(), []
    segments = query(workspace, "SELECT document_id, start, \"end\" FROM segment WHERE speaker LIKE 'R%' LIMIT 200")
    serial = 0
    for _ in range(KILLS):
        server = Server(workspace)
        client = server.client()
        deadline = time.perf_counter() + rng.uniform(0.05, 0.6)
        try:
            while time.perf_counter() < deadline:
                document, start, end = segments[serial % len(segments)]
                serial += 1
                length = 3 + serial // len(segments)
                response, body = client.post("/api/codings", {"document": document, "start": start,
                                                              "end": min(end, start + length), "code": "need", "coder": "stress"})
                if response.status == 201:
                    acknowledged.add(json.loads(body)["id"])
        except OSError:
            pass
        server.kill()
        ok, detail = sound(workspace)
        if not ok:
            bad.append(detail)
    stored = {row[0] for row in query(workspace, "SELECT id FROM coding WHERE removed_at IS NULL")}
    lost = acknowledged - stored
    # No acknowledged write would make "none lost" prove nothing.
    check(f"server killed {KILLS}× during coding writes", not bad and not lost and acknowledged,
          f"{len(acknowledged)} acknowledged codings, {len(lost)} lost; {bad[:2]}")
    shutil.rmtree(workspace, ignore_errors=True)


def crash_telemetry_import():
    workspace = sample_workspace(telemetry=False)
    fieldwork(workspace, "ingest")
    csv = workspace / "big.csv"
    with csv.open("w") as out:
        out.write("device,time,metric,value,unit\n")
        for second in range(200_000):
            out.write(f"r01-plug-kettle,{1_756_425_600 + second},power,{second % 2000},W\n")
    copy = sample_workspace(telemetry=False)
    fieldwork(copy, "ingest")
    typical = timed(copy, "telemetry", "import", str(csv))
    shutil.rmtree(copy, ignore_errors=True)
    counts, bad = set(), []
    for _ in range(KILLS):
        before = query(workspace, "SELECT COUNT(*) FROM reading")[0][0]
        kill_cli_at_random(workspace, ["telemetry", "import", str(csv)], typical * 1.1)
        fieldwork(workspace, "status")  # the next command takes an interrupted import back
        after = query(workspace, "SELECT COUNT(*) FROM reading")[0][0]
        counts.add(after - before)
        ok, detail = sound(workspace)
        if not ok or after - before not in (0, 200_000) or query(workspace, "SELECT COUNT(*) FROM telemetry_import WHERE state = 'running'")[0][0]:
            bad.append(detail if not ok else f"{after - before} readings added")
        if after - before:
            connection = sqlite3.connect(database(workspace), timeout=30)
            connection.execute("DELETE FROM reading")
            connection.execute("DELETE FROM reading_day")
            connection.commit()
            connection.close()
    # And the import, left alone, stores the whole file: the kills cut a working import.
    before = query(workspace, "SELECT COUNT(*) FROM reading")[0][0]
    fieldwork(workspace, "telemetry", "import", str(csv))
    whole = query(workspace, "SELECT COUNT(*) FROM reading")[0][0] - before
    if whole != 200_000 - before:
        bad.append(f"an import not killed added {whole} readings")
    check(f"telemetry import killed {KILLS}×", not bad, f"readings added per attempt: {sorted(counts)}; {bad[:2]}")
    shutil.rmtree(workspace, ignore_errors=True)


def crash_qdpx():
    source = sample_workspace()
    fieldwork(source, "ingest")
    target = source / "exports" / "project.qdpx"
    typical = timed(source, "export", "qdpx", "--out", str(target))
    reference = target.read_bytes()
    bad = []
    for _ in range(KILLS):
        kill_cli_at_random(source, ["export", "qdpx", "--out", str(target)], typical * 1.2)
        if target.exists():
            try:
                zipfile.ZipFile(target).testzip()
            except Exception as error:  # noqa: BLE001 — any failure to read is the finding
                bad.append(f"target unreadable: {error}")
    fieldwork(source, "export", "qdpx", "--out", str(target))
    leftovers = [name for name in os.listdir(target.parent) if "fieldwork-partial" in name]
    check(f"QDPX export killed {KILLS}×", not bad and not leftovers and target.read_bytes() == reference,
          f"partial files left: {len(leftovers)}; {bad[:2]}")

    importer = sample_workspace()
    shutil.rmtree(importer / "codings")
    fieldwork(importer, "ingest")
    before = query(importer, "SELECT COUNT(*) FROM coding")[0][0]
    full = None
    bad = []
    copy = sample_workspace()
    shutil.rmtree(copy / "codings")
    fieldwork(copy, "ingest")
    typical = timed(copy, "import", "qdpx", str(target), "--coder", "import")
    full = query(copy, "SELECT COUNT(*) FROM coding")[0][0] - before
    shutil.rmtree(copy, ignore_errors=True)
    for _ in range(KILLS):
        kill_cli_at_random(importer, ["import", "qdpx", str(target), "--coder", "import"], typical * 1.2)
        added = query(importer, "SELECT COUNT(*) FROM coding")[0][0] - before
        ok, detail = sound(importer)
        if not ok or added not in (0, full):
            bad.append(detail if not ok else f"{added} of {full} codings")
        if added:
            break  # imported whole: importing again adds nothing, so the remaining kills prove no more
    check(f"QDPX import killed (up to {KILLS}×)", not bad, f"all or nothing of {full} codings; {bad[:2]}")
    for folder in (source, importer):
        shutil.rmtree(folder, ignore_errors=True)


def crash_codebook_edits():
    workspace = sample_workspace()
    fieldwork(workspace, "ingest")
    path = workspace / "codebooks" / "fieldwork.yaml"
    bad, versions = [], 0
    # The sample code's description is given per language, so an edit names the language (an
    # edit without one is refused with 422, and a refused edit would make the kills prove nothing).
    def edit(client, description):
        client.connection.request("PATCH", "/api/codebook/codes/need.safety",
                                  body=json.dumps({"description": description, "language": "en"}),
                                  headers={"Cookie": client.cookie, "X-CSRF-Token": client.csrf, "Content-Type": "application/json"})
    server = Server(workspace)
    client = server.client()
    before = path.read_text(encoding="utf-8")
    started = time.perf_counter()
    edit(client, "Timed edit.")
    answer = client.connection.getresponse()
    answer.read()
    typical = time.perf_counter() - started
    server.stop()
    after = path.read_text(encoding="utf-8")
    timed_landed = answer.status == 200 and after != before and "Timed edit." in after
    check("codebook edit lands (before the kills)", timed_landed, f"HTTP {answer.status}")
    for kill in range(KILLS):
        server = Server(workspace)
        client = server.client()
        before = path.read_text(encoding="utf-8")
        description = f"Stress edit {kill}: the description changes every time."
        try:
            # Sent without waiting for the answer: the kill lands before, during or after the write.
            edit(client, description)
            time.sleep(rng.uniform(0, typical * 1.5))
        except OSError:
            pass
        server.kill()
        after = path.read_text(encoding="utf-8")
        if after != before:
            versions += 1
            if description not in after:
                bad.append("YAML changed but is not the new version")
        result = fieldwork(workspace, "codebook", "show", check_status=False)
        if result.returncode != 0:
            bad.append(f"codebook unreadable after the kill: {result.stderr.strip()[:120]}")
    check(f"server killed {KILLS}× during codebook edits", not bad, f"{versions} edits landed whole; {bad[:2]}")
    shutil.rmtree(workspace, ignore_errors=True)


def resident_kb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def soak():
    workspace = sample_workspace()
    fieldwork(workspace, "ingest")
    server = Server(workspace)
    documents = [row[0] for row in query(workspace, "SELECT id FROM document WHERE type = 'interview'")]
    segments = query(workspace, "SELECT document_id, start, \"end\" FROM segment WHERE speaker LIKE 'R%'")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    idle = []
    for _ in range(1000):
        try:
            idle.append(socket.create_connection(("127.0.0.1", server.port), timeout=5))
        except OSError:
            break
    errors, acknowledged, requests, lock = [], set(), [0], threading.Lock()
    stop = time.perf_counter() + SOAK_SECONDS

    def client_loop(number):
        try:
            client = server.client()
        except OSError as error:
            with lock:
                errors.append(f"login: {error}")
            return
        local = random.Random(number)
        serial = 0
        while time.perf_counter() < stop:
            choice = local.random()
            try:
                if choice < 0.5:
                    response, _ = client.get(f"/documents/{local.choice(documents)}")
                elif choice < 0.75:
                    response, _ = client.get(f"/api/documents/{local.choice(documents)}")
                elif choice < 0.85:
                    response, _ = client.get("/api/search?q=" + local.choice(["natten", "hemtj*", "trygg", "larm"]))
                else:
                    document, start, end = local.choice(segments)
                    serial += 1
                    response, body = client.post("/api/codings", {"document": document, "start": start,
                                                                  "end": min(end, start + 2 + (serial * 16 + number) % 400),
                                                                  "code": "need", "coder": f"soak{number}"})
                    if response.status == 201:
                        with lock:
                            acknowledged.add(json.loads(body)["id"])
                if response.status not in (200, 201, 409):
                    with lock:
                        errors.append(response.status)
            except OSError as error:
                with lock:
                    errors.append(str(error))
                try:
                    client = server.client()
                except OSError:
                    return
            with lock:
                requests[0] += 1

    threads = [threading.Thread(target=client_loop, args=(number,)) for number in range(16)]
    for thread in threads:
        thread.start()
    samples, backups_bad, backups = [], [], 0
    while time.perf_counter() < stop:
        samples.append(resident_kb(server.process.pid))
        if len(samples) % 10 == 5:
            out = workspace / "backups" / f"soak-{len(samples)}.sqlite"
            result = fieldwork(workspace, "backup", "--out", str(out), "--json", check_status=False)
            backups += 1
            if result.returncode != 0:
                backups_bad.append(result.stderr.strip()[:120])
        time.sleep(1)
    for thread in threads:
        thread.join()
    try:
        still_served = server.client().get("/api/status")[0].status == 200
    except OSError:  # a server that stopped answering times out here
        still_served = False
    for connection in idle:
        connection.close()
    server.stop()
    stored = {row[0] for row in query(workspace, "SELECT id FROM coding WHERE removed_at IS NULL")}
    lost = acknowledged - stored
    warm = samples[len(samples) // 5:]
    third = max(1, len(warm) // 3)
    middle, last = max(warm[third:2 * third] or warm), max(warm[-third:])
    flat = last <= middle * 1.25 + 16_384
    RESULTS["soak"] = {"seconds": SOAK_SECONDS, "requests": requests[0], "errors": len(errors), "idle_connections": len(idle),
                       "acknowledged_writes": len(acknowledged), "lost_writes": len(lost), "rss_mb_middle": middle // 1024,
                       "rss_mb_end": last // 1024, "backups": backups}
    check("soak: no errors", not errors, f"{requests[0]} requests by 16 clients in {SOAK_SECONDS:.0f} s; {errors[:3]}")
    check("soak: no lost write", not lost, f"{len(acknowledged)} acknowledged, {len(lost)} missing")
    check("soak: memory flat after warm-up", flat, f"RSS {middle // 1024} MB mid-run, {last // 1024} MB at the end")
    check("soak: served beside idle connections", still_served, f"{len(idle)} idle connections held open")
    check("soak: backups during writes", not backups_bad, f"{backups} backups; {backups_bad[:2]}")
    shutil.rmtree(workspace, ignore_errors=True)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    phases = sys.argv[2:] or ["crash", "soak"]
    started = time.perf_counter()
    if "crash" in phases:
        for step in (crash_ingest, crash_coding_writes, crash_telemetry_import, crash_qdpx, crash_codebook_edits):
            step_started = time.perf_counter()
            step()
            RESULTS[step.__name__] = {"seconds": round(time.perf_counter() - step_started, 1), "kills": KILLS}
    if "soak" in phases:
        soak()
    RESULTS["failures"] = FAILURES
    RESULTS["seconds"] = round(time.perf_counter() - started, 1)
    (OUT / "stress.json").write_text(json.dumps(RESULTS, indent=2) + "\n")
    print(f"{'FAILED' if FAILURES else 'passed'} in {RESULTS['seconds']} s; bench/out/stress.json")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
