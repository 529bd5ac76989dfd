#!/usr/bin/env python3
"""Fuzzing, bounded in time, loopback only: part of `make stress` (see bench/README.md).

    fuzz.py BINARY [libfuzzer] [cli] [api]

libfuzzer  builds bench/fuzz (every workspace parser behind one libFuzzer entry point, with
           -sanitize=fuzzer,address; linked with lld, gold crashes on it) and runs each parser for FUZZ_SECONDS (default 30), seeded
           with the sample workspace's files and the kept regression inputs (FUZZ_KINDS=a,b
           runs only those parsers). A crash, a hang
           (over 10 s), a leak or a problem that does not name the file is a finding: the input is
           written to bench/out/fuzz/KIND-*; after the fix, keep it in the regression corpus
           (Tests/FieldworkServicesTests/Checking/FuzzCorpus/KIND/, or FieldworkExchangeTests/FuzzCorpus).
cli        FUZZ_MUTATIONS (default 150) seeded mutations of each real sample file, written into a
           copy of the sample workspace and read by `fieldwork check` and `fieldwork ingest`: exit
           status 0 or 1 (never a signal), done within 20 s, every error line naming the file.
api        the same for JSON bodies posted to the server's write routes: never a 5xx, the server
           still answering afterwards.
"""
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from stress import BINARY, FAILURES, OUT, ROOT, Server, check, query, rng, sample_workspace  # noqa: E402

SECONDS = int(os.environ.get("FUZZ_SECONDS", "30"))
MUTATIONS = int(os.environ.get("FUZZ_MUTATIONS", "150"))
FUZZ_OUT = OUT / "fuzz"
KEPT = ROOT / "Tests" / "FieldworkServicesTests" / "Checking" / "FuzzCorpus"
KEPT_REFI = ROOT / "Tests" / "FieldworkExchangeTests" / "FuzzCorpus"

# Each parser and the real files it starts from (paths in the repository).
SEEDS = {
    "document": ["corpus/interviews/int-001.md", "corpus/workshops/ws-001.md", "corpus/policy-lab/pl-001.md"],
    "codebook": ["codebooks/fieldwork.yaml"],
    "participants": ["corpus/participants.yaml"],
    "devices": ["corpus/devices.yaml"],
    "solutions": ["codebooks/solutions.yaml"],
    "actors": ["corpus/actors.yaml"],
    "codings": ["codings/jonas-ek.jsonl"],
    "senml": ["corpus/telemetry/pilot-2025-08.senml.json"],
    "telemetry-csv": ["corpus/telemetry/pilot-2025-08.csv"],
}
INLINE_SEEDS = {  # kinds the sample workspace has no file of
    "redactions": "redactions:\n  - {identifier: Storgatan 5, replacement: \"[adress]\"}\n",
    "access": "restricted:\n  - document_type: policy-lab\n    coders: [Anna, Bo]\n  - participant: R01\n    coders: [Maja L.]\n",
    "settings": "interface_language: sv\npublication:\n  min_count: 5\n",
    "workshop-plan": "title: Trygg hemma\ndate: 2025-09-12\nstations:\n  - name: Natten\n    theme: need.safety.night\n",
    "vtt": "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v R01>Jag bor ensam.\n",
    "srt": "1\n00:00:01,000 --> 00:00:04,000\nR01: Jag bor ensam.\n",
    "refi-qda": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">"
                "<CodeBook><Codes><Code guid=\"9a1f2c3e-0000-4000-8000-000000000002\" name=\"Trygghet\" isCodable=\"true\"/>"
                "</Codes></CodeBook><Sources><TextSource guid=\"9a1f2c3e-0000-4000-8000-000000000003\" name=\"a\">"
                "<PlainTextContent>Jag bor ensam.</PlainTextContent></TextSource></Sources></Project>\n",
}


def seed_folder(kind):
    folder = FUZZ_OUT / "seeds" / kind
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in SEEDS.get(kind, []):
        shutil.copy(ROOT / path, folder / pathlib.Path(path).name)
    if kind in INLINE_SEEDS:
        (folder / "inline").write_text(INLINE_SEEDS[kind])
    kept = KEPT_REFI if kind == "refi-qda" else KEPT / kind
    if kept.is_dir():
        for file in kept.iterdir():
            shutil.copy(file, folder / ("kept-" + file.name))
    return folder


def build_fuzzer():
    started = time.perf_counter()
    command = ["swift", "build", "-c", "release", "--package-path", str(ROOT / "bench" / "fuzz"),
               "--scratch-path", str(ROOT / ".build-fuzz"), "-Xswiftc", "-sanitize=fuzzer,address",
               "-Xswiftc", "-parse-as-library", "-Xswiftc", "-use-ld=lld"]
    result = subprocess.run(command, capture_output=True, text=True)
    check("fuzz targets built (-sanitize=fuzzer,address)", result.returncode == 0,
          f"{time.perf_counter() - started:.0f} s" if result.returncode == 0 else result.stderr[-2000:])
    return ROOT / ".build-fuzz" / "release" / "FieldworkFuzz" if result.returncode == 0 else None


def libfuzzer():
    binary = build_fuzzer()
    if binary is None:
        return
    kinds = [kind for kind in os.environ.get("FUZZ_KINDS", "").split(",") if kind] or list(SEEDS) + list(INLINE_SEEDS)
    for kind in kinds:
        corpus = FUZZ_OUT / "corpus" / kind
        corpus.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [str(binary), str(corpus), str(seed_folder(kind)), f"-max_total_time={SECONDS}", "-timeout=10",
             "-rss_limit_mb=2048", "-max_len=65536", f"-artifact_prefix={FUZZ_OUT}/{kind}-", "-print_final_stats=1"],
            env={**os.environ, "FIELDWORK_FUZZ_KIND": kind, "ASAN_OPTIONS": "detect_leaks=0"},
            capture_output=True, text=True)
        runs = next((line.split()[-1] for line in result.stderr.splitlines() if "stat::number_of_executed_units" in line), "?")
        finding = next((line for line in result.stderr.splitlines() if "ERROR:" in line or "Fatal error" in line), "")
        check(f"libFuzzer {kind} for {SECONDS} s", result.returncode == 0, f"{runs} inputs" + (f"; {finding}" if finding else ""))


def mutate(data):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randrange(len(data) + 1)
        choice = rng.randrange(5)
        if choice == 0 and data:
            data[min(position, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif choice == 1:
            data[position:position] = rng.choice([b'"', b":", b"\n", b"---\n", b"{", b"]", b"\xff", b"\xed\xa0\x80",
                                                  b"1e16", b"-1e308", b"*a", b"&a [a]", b"\x00", b"\r"])
        elif choice == 2 and data:
            end = min(len(data), position + rng.randint(1, 64))
            data[rng.randrange(len(data) + 1):0] = data[position:end]
        elif choice == 3:
            del data[position:position + rng.randint(1, 256)]
        else:
            data[position:position] = bytes([rng.randrange(256)])
    return bytes(data)


def cli_mutations():
    workspace = sample_workspace()
    bad = []
    runs = 0
    for kind, paths in SEEDS.items():
        for path in paths:
            original = (ROOT / path).read_bytes()
            target = workspace / path
            for attempt in range(MUTATIONS):
                target.write_bytes(mutate(original))
                commands = [["check", path]] + ([["ingest"]] if attempt % 10 == 0 and kind != "codings" else [])
                for arguments in commands:
                    runs += 1
                    try:
                        result = subprocess.run([str(BINARY), "--workspace", str(workspace), *arguments],
                                                capture_output=True, text=True, timeout=20)
                    except subprocess.TimeoutExpired:
                        bad.append(f"{' '.join(arguments)} on mutated {path}: hung")
                        continue
                    lines = [line for line in result.stderr.splitlines() if line.strip()]
                    if result.returncode not in (0, 1):
                        bad.append(f"{' '.join(arguments)} on mutated {path}: exit {result.returncode}")
                    elif arguments[0] == "check" and result.returncode == 1 and not all(
                            line.startswith(path) or line.endswith("with problems") for line in lines):
                        bad.append(f"check {path}: an error line not naming the file: {lines[:2]}")
            target.write_bytes(original)
    check(f"{runs} CLI runs on mutated sample files", not bad, f"{len(bad)} bad: {bad[:3]}")
    shutil.rmtree(workspace, ignore_errors=True)


def api_mutations():
    workspace = sample_workspace()
    subprocess.run([str(BINARY), "--workspace", str(workspace), "ingest"], capture_output=True, check=True)
    document, start, end = query(workspace, "SELECT document_id, start, \"end\" FROM segment WHERE speaker LIKE 'R%' LIMIT 1")[0]
    bodies = {
        "/api/codings": {"document": document, "start": start, "end": min(end, start + 20), "code": "need", "coder": "fuzz"},
        "/api/memos": {"target": "document", "targetId": document, "author": "fuzz", "text": "Ett memo"},
        "/api/codebook/codes": {"id": "fuzz.code", "name": "Fuzz", "kind": "theme", "parent": None, "color": "#336699"},
    }
    server = Server(workspace)
    client = server.client()
    errors, requests = [], 0
    for route, body in bodies.items():
        original = json.dumps(body).encode()
        for _ in range(MUTATIONS * 2):
            requests += 1
            client.connection.request("POST", route, body=mutate(original), headers={
                "Cookie": client.cookie, "X-CSRF-Token": client.csrf, "Content-Type": "application/json"})
            response = client.connection.getresponse()
            response.read()
            if response.status >= 500:
                errors.append(f"{route}: {response.status}")
    alive = client.get("/api/documents")[0].status == 200
    server.stop()
    check(f"{requests} mutated JSON bodies posted", not errors and alive, f"{len(errors)} server errors {errors[:3]}; answering: {alive}")
    shutil.rmtree(workspace, ignore_errors=True)


def main():
    FUZZ_OUT.mkdir(parents=True, exist_ok=True)
    phases = sys.argv[2:] or ["libfuzzer", "cli", "api"]
    started = time.perf_counter()
    if "cli" in phases:
        cli_mutations()
    if "api" in phases:
        api_mutations()
    if "libfuzzer" in phases:
        libfuzzer()
    print(f"fuzzing {'FAILED' if FAILURES else 'passed'} in {time.perf_counter() - started:.0f} s")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
