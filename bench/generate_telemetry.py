#!/usr/bin/env python3
"""Writes a telemetry benchmark workspace: participants with telemetry consent, the repository's
solution catalogue, a device register and one CSV of N readings (device,time,metric,value,unit),
sorted by device, metric and time as a gateway export is. Deterministic for a given seed.

Usage: generate_telemetry.py OUT_DIR READINGS [SEED]
"""
import pathlib
import random
import shutil
import sys

out = pathlib.Path(sys.argv[1])
total = int(sys.argv[2])
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20250901)
repository = pathlib.Path(__file__).resolve().parents[1]

DEVICES = 200
per_device = -(-total // DEVICES)
start = 1_740_787_200  # 2025-03-01T00:00:00Z
step = 60  # one reading a minute: 50,000 readings ≈ 35 days per device

(out / "corpus").mkdir(parents=True, exist_ok=True)
(out / "codebooks").mkdir(parents=True, exist_ok=True)
shutil.copy(repository / "codebooks" / "solutions.yaml", out / "codebooks" / "solutions.yaml")
(out / "codebooks" / "codebook.yaml").write_text("title: Bench\ncodes: []\n")
people = [f"B{n:03d}" for n in range(DEVICES // 2)]
with open(out / "corpus" / "participants.yaml", "w") as f:
    f.write("participants:\n")
    for person in people:
        f.write(f"  - id: {person}\n    role: resident\n    consents:\n"
                f"      - {{id: c-{person}, date: 2025-01-01, scopes: [telemetry]}}\n")
kinds = [("indoor-climate", "temperature", "Cel"), ("smart-plug", "power", "W")]
with open(out / "corpus" / "devices.yaml", "w") as f:
    f.write("devices:\n")
    for n in range(DEVICES):
        solution, _, _ = kinds[n % 2]
        f.write(f"  - {{id: bench-{n:04d}, hardware: 'urn:dev:mac:0024beff{n:08x}', solution: {solution}, participant: {people[n // 2]}}}\n")

import datetime
def stamp(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

written = 0
with open(out / "readings.csv", "w") as f:
    f.write("device,time,metric,value,unit\n")
    for n in range(DEVICES):
        _, metric, unit = kinds[n % 2]
        device = f"urn:dev:mac:0024beff{n:08x}"
        count = min(per_device, total - written)
        # Times are formatted per day prefix + clock, which is much faster than strftime per row.
        value = 20.0
        lines = []
        for i in range(count):
            t = start + i * step
            if metric == "temperature":
                value = round(max(14.0, min(27.0, value + rng.uniform(-0.2, 0.2))), 1)
                text = f"{value:.1f}"
            else:
                text = str(rng.choice((0, 0, 0, 0, 1850, 2000, 45)))
            if i % 1440 == 0:
                day = stamp(t)[:11]
            s = t % 86400
            lines.append(f"{device},{day}{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}Z,{metric},{text},{unit}\n")
            if len(lines) >= 100_000:
                f.writelines(lines)
                lines.clear()
        f.writelines(lines)
        written += count
print(written)
