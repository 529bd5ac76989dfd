"""Agreement statistics checked against the reference implementations, through the real CLI.

scikit-learn's `cohen_kappa_score`, statsmodels' `fleiss_kappa` and the PyPI `krippendorff`
package's `alpha(level_of_measurement="nominal")` are computed on the same decisions the CLI
reports on:

- hundreds of seeded, generated decision sets (`fieldwork agreement --decisions FILE --json`),
  plus the edge cases: one coder, no variation, all agree, all disagree, a single unit;
- real workspaces (init, ingest, `code add` by several coders), where this file derives the
  decisions itself from `segments --json` and the unit's definition (segments of documents every
  compared coder coded; a code is applied when a coding overlaps the segment by >= 1 scalar),
  including documents not every coder coded (left out) and `--include-children`.

A value the references leave undefined (NaN, or an error for a single value) must be `null`
with a reason in the CLI's output, and a defined one must be equal within 1e-9.
"""
import json
import math
import os
import pathlib
import random
import subprocess
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import krippendorff
import numpy as np
import pytest
import sklearn
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("FIELDWORK_BINARY", REPOSITORY / ".build/debug/fieldwork"))
# Thousands of small calls: scikit-learn's argument checks would dominate (the computation is unchanged).
sklearn.set_config(skip_parameter_validation=True)
SEED = 20261130
GENERATED_CASES = 200
TOLERANCE = 1e-9


def run(*arguments, workspace=None):
    command = [str(BINARY)] + (["--workspace", str(workspace)] if workspace else []) + list(arguments)
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(arguments)}: {result.stderr}"
    return result.stdout


# --- The reference values -------------------------------------------------------------------

def quietly(function, *arguments, **keywords):
    """The reference value, or None where the reference has none (NaN, infinity or an error)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with np.errstate(all="ignore"):
            try:
                value = float(function(*arguments, **keywords))
            except (ValueError, ZeroDivisionError):
                return None
    return value if math.isfinite(value) else None


def reference_summary(matrix, coders):
    """Statistics of a units x coders 0/1 matrix, by the reference implementations."""
    matrix = np.asarray(matrix, dtype=int).reshape(-1, len(coders))
    units = matrix.shape[0]
    several = len(coders) >= 2 and units > 0
    counts = np.stack([len(coders) - matrix.sum(axis=1), matrix.sum(axis=1)], axis=1)
    summary = {
        "units": units,
        # Percent agreement has no library reference: the share of unanimous units, by definition.
        "percent_agreement": float(np.mean(np.all(matrix == matrix[:, :1], axis=1))) if several else None,
        "fleiss_kappa": quietly(fleiss_kappa, counts, method="fleiss") if several else None,
        "krippendorff_alpha": quietly(krippendorff.alpha, reliability_data=matrix.T.astype(float),
                                      level_of_measurement="nominal") if several else None,
        "pairs": [],
    }
    for a in range(len(coders)):
        for b in range(a + 1, len(coders)):
            summary["pairs"].append({
                "coders": [coders[a], coders[b]],
                "percent_agreement": float(np.mean(matrix[:, a] == matrix[:, b])) if units else None,
                "cohen_kappa": quietly(cohen_kappa_score, matrix[:, a].tolist(), matrix[:, b].tolist(),
                                                   labels=[0, 1]) if units else None,
            })
    return summary


def expect_equal(actual, expected, where):
    if expected is None:
        assert actual is None, f"{where}: expected undefined, got {actual}"
    else:
        assert actual is not None, f"{where}: expected {expected}, got null"
        assert abs(actual - expected) <= TOLERANCE, f"{where}: expected {expected}, got {actual}"


def check_summary(actual, expected, where):
    assert actual["units"] == expected["units"], where
    for key in ("percent_agreement", "fleiss_kappa", "krippendorff_alpha"):
        expect_equal(actual[key], expected[key], f"{where} {key}")
        # Undefined means null *with a reason*, never NaN or a silent 1.
        assert (actual[key] is None) == (key in actual["undefined"]), f"{where} {key} reason"
    assert [p["coders"] for p in actual["pairs"]] == [p["coders"] for p in expected["pairs"]], where
    for pair, reference in zip(actual["pairs"], expected["pairs"]):
        for key in ("percent_agreement", "cohen_kappa"):
            expect_equal(pair[key], reference[key], f"{where} {pair['coders']} {key}")
            assert (pair[key] is None) == (key in pair["undefined"]), f"{where} {key} reason"


def check_report(report, coders, codes, rows_by_code):
    """`rows_by_code`: code -> list of per-unit rows (one 0/1 per coder)."""
    assert report["coders"] == coders
    assert [entry["code"] for entry in report["codes"]] == codes
    for entry in report["codes"]:
        check_summary(entry, reference_summary(rows_by_code[entry["code"]], coders), entry["code"])
    pooled = [row for code in codes for row in rows_by_code[code]]
    check_summary(report["overall"], reference_summary(pooled, coders), "overall")
    assert "code" not in report["overall"]
    disagreeing = sum(1 for code in codes for row in rows_by_code[code] if 0 < sum(row) < len(coders))
    assert len(report["disagreements"]) == disagreeing


# --- Generated decision sets ----------------------------------------------------------------

def generated_case(rng, index):
    coders = [f"C{n}" for n in range(rng.choice([1, 2, 2, 2, 3, 3, 4, 5]))]
    codes = [f"code.{n}" for n in range(rng.randint(1, 4))]
    units = rng.randint(1, 40)
    style = index % 10
    rows_by_code = {}
    for code in codes:
        rate = rng.random()
        truth = [rng.random() < rate for _ in range(units)]
        noise = rng.choice([0.0, 0.05, 0.2, 0.5])
        rows = []
        for unit in range(units):
            if style == 0:      # nobody applies anything: no variation
                row = [0] * len(coders)
            elif style == 1:    # everyone agrees
                row = [int(truth[unit])] * len(coders)
            elif style == 2:    # coders alternate: as much disagreement as binary decisions allow
                row = [(unit + c) % 2 for c in range(len(coders))]
            else:
                row = [int(truth[unit] != (rng.random() < noise)) for _ in coders]
            rows.append(row)
        rows_by_code[code] = rows
    return coders, codes, rows_by_code


def decisions_file(folder, name, coders, codes, rows_by_code):
    units = []
    count = len(next(iter(rows_by_code.values())))
    for unit in range(count):
        applied = {code: [c for c, d in zip(coders, rows_by_code[code][unit]) if d] for code in codes}
        units.append({"document": f"doc-{unit // 7}", "segment": unit % 7, "applied": applied})
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"coders": coders, "codes": codes, "units": units}), encoding="utf-8")
    return path


def test_generated_decision_sets_equal_the_references(tmp_path):
    rng = random.Random(SEED)
    cases = [generated_case(rng, index) for index in range(GENERATED_CASES)]
    paths = [decisions_file(tmp_path, f"case-{index}", *case) for index, case in enumerate(cases)]
    # The CLI runs are independent: a few at a time keep the suite short on two cores.
    with ThreadPoolExecutor(max_workers=4) as pool:
        outputs = pool.map(lambda path: run("agreement", "--decisions", str(path), "--json"), paths)
        for (coders, codes, rows_by_code), output in zip(cases, outputs):
            check_report(json.loads(output), coders, codes, rows_by_code)


@pytest.mark.parametrize("name, coders, rows, undefined", [
    ("one coder", ["A"], [[1], [0], [1]], {"percent_agreement", "fleiss_kappa", "krippendorff_alpha"}),
    ("no variation, all applied", ["A", "B"], [[1, 1], [1, 1]], {"fleiss_kappa", "krippendorff_alpha", "cohen_kappa"}),
    ("no variation, none applied", ["A", "B", "C"], [[0, 0, 0]] * 4, {"fleiss_kappa", "krippendorff_alpha", "cohen_kappa"}),
    ("all agree", ["A", "B", "C"], [[1, 1, 1], [0, 0, 0], [1, 1, 1]], set()),
    ("all disagree", ["A", "B"], [[1, 0], [0, 1], [1, 0]], set()),
    ("one unit", ["A", "B"], [[1, 0]], set()),
    ("one coder never applies", ["A", "B"], [[1, 0], [0, 0], [1, 0]], set()),
])
def test_edge_cases(tmp_path, name, coders, rows, undefined):
    path = decisions_file(tmp_path, "edge", coders, ["k"], {"k": rows})
    report = json.loads(run("agreement", "--decisions", str(path), "--json"))
    check_report(report, coders, ["k"], {"k": rows})
    entry = report["codes"][0]
    reported = set(entry["undefined"]) | {key for pair in entry["pairs"] for key in pair["undefined"]}
    assert reported == undefined, name
    for value in [entry["percent_agreement"], entry["fleiss_kappa"], entry["krippendorff_alpha"]]:
        assert value is None or math.isfinite(value)
    if name == "all agree":
        assert entry["fleiss_kappa"] == pytest.approx(1) and entry["krippendorff_alpha"] == pytest.approx(1)


def test_a_bad_decisions_file_names_the_file_and_the_problem(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"coders": ["A"], "units": [{"document": "d", "segment": 0, "applied": {"k": ["Z"]}}]}))
    result = subprocess.run([str(BINARY), "agreement", "--decisions", str(path), "--json"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "bad.json: units[0].applied.k: 'Z' is not one of the coders" in result.stderr
    assert result.stdout == ""


# --- Real workspaces --------------------------------------------------------------------------

CODEBOOK = """title: Agreement test
codes:
  - id: need
    name: Needs
    kind: need
    children:
      - id: need.night
        name: At night
      - id: need.day
        name: By day
  - id: barrier
    name: Barriers
    kind: barrier
  - id: actor
    name: Actors
    kind: actor
"""
PARENTS = {"need.night": "need", "need.day": "need"}
CODES = ["need", "need.night", "need.day", "barrier", "actor"]  # codebook order
WORDS = "trygg natten hemtjänsten dörren larmet dottern kvällen rädd ensam köket trappan grannen".split()


def interview(doc_id, rng):
    turns = []
    for turn in range(rng.randint(4, 9)):
        speaker = "I" if turn % 2 == 0 else "R1"
        turns.append(f"**{speaker}:** " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14))) + ".")
    return ("---\nid: %s\ntype: interview\ntitle: Test %s\ndate: 2025-03-12\nlanguage: sv\n"
            "participants: [R1]\ninterviewer: A. Researcher\nadministrations: [care]\n---\n" % (doc_id, doc_id)
            + "\n\n".join(turns) + "\n")


def make_workspace(root, rng, documents):
    run("init", str(root))
    (root / "codebooks" / "codebook.yaml").write_text(CODEBOOK, encoding="utf-8")
    # R1 consents to interviews: the consent rule leaves withheld segments out of the units.
    (root / "corpus" / "participants.yaml").write_text(
        "participants:\n  - id: R1\n    role: resident\n"
        "    consents: [{id: c1, date: 2025-01-01, scopes: [interview]}]\n", encoding="utf-8")
    for doc_id in documents:
        (root / "corpus" / f"{doc_id}.md").write_text(interview(doc_id, rng), encoding="utf-8")
    run("ingest", workspace=root)
    return root


def code_randomly(root, rng, coders, documents):
    """Codings by each coder; returns them as (document, start, end, code, coder)."""
    codings = []
    for doc_id in documents:
        segments = segments_of(root, doc_id)
        for coder in coders:
            if rng.random() < 0.2:
                continue  # this coder skips the document: it must be left out
            for _ in range(rng.randint(1, 4)):
                first = rng.randrange(len(segments))
                segment = segments[first]
                start = rng.randrange(segment["start"], segment["end"] - 1)
                # Mostly inside one turn; sometimes across the blank line into the next.
                across = rng.random() < 0.25 and first + 1 < len(segments)
                end = segments[first + 1]["start"] + 2 if across else rng.randint(start + 1, segment["end"])
                if not segment["text"][start - segment["start"]:].strip() or not segment["text"][start - segment["start"]:end - segment["start"]].strip():
                    continue  # blank spans are refused by `code add`
                code = rng.choice(CODES)
                run("code", "add", doc_id, "--start", str(start), "--end", str(end), "--code", code, "--coder", coder,
                    workspace=root)
                codings.append((doc_id, start, end, code, coder))
    return codings


@lru_cache(maxsize=None)
def segments_of(root, doc_id):
    return json.loads(run("segments", doc_id, "--json", workspace=root))


def expected_decisions(root, codings, coders, documents, code=None, include_children=False):
    """The decisions by the README's definition of the unit, computed here independently."""
    coded_by = {doc: {c[4] for c in codings if c[0] == doc and c[4] in coders} for doc in documents}
    included = [doc for doc in documents if coded_by[doc] == set(coders)]
    units = []
    for doc in included:
        units += [(doc, s) for s in segments_of(root, doc)]
    applied = {}
    for doc, start, end, coded, coder in codings:
        if coder not in coders or doc not in included:
            continue
        credited = [coded] + ([PARENTS[coded]] if include_children and coded in PARENTS else [])
        for number, (unit_doc, segment) in enumerate(units):
            if unit_doc == doc and segment["start"] < end and start < segment["end"]:
                for k in credited:
                    applied.setdefault(k, {}).setdefault(number, set()).add(coder)
    codes = [code] if code else [k for k in CODES if k in applied]
    rows = {k: [[int(c in applied.get(k, {}).get(u, set())) for c in coders] for u in range(len(units))] for k in codes}
    return included, codes, rows


def default_compared(codings):
    """Whom `agreement` compares without --coders, by the README's rule, computed here
    independently: from everyone, a coder is set aside while the coders compared times their
    documents in common grows (with nothing in common, the one with the fewest documents goes
    first), never below two; nothing in common whoever is set aside: everyone."""
    documents = {}
    for doc, _, _, _, coder in codings:
        documents.setdefault(coder, set()).add(doc)
    everyone = sorted(documents)

    def weight(group):
        return len(group) * len(set.intersection(*(documents[c] for c in group))) if group else 0

    compared = list(everyone)
    while len(compared) > 2:
        now = weight(compared)
        candidates = [(c, weight([x for x in compared if x != c])) for c in compared]
        candidates = [(c, w) for c, w in candidates if w > now or now == 0]
        if not candidates:
            break
        coder, _ = min(candidates, key=lambda cw: (-cw[1], len(documents[cw[0]]), cw[0]))
        compared.remove(coder)
    if weight(compared) == 0:
        return everyone, []
    return compared, [c for c in everyone if c not in compared]


@pytest.mark.parametrize("case", range(4))
def test_workspaces_equal_the_references(case, tmp_path):
    rng = random.Random(SEED + case)
    documents = [f"int-{case}{n}" for n in range(3)]
    root = make_workspace(tmp_path / "workspace", rng, documents)
    coders = ["Anna", "Bo", "Cem"][: 2 + case % 2]
    codings = code_randomly(root, rng, coders, documents)
    coding_coders, set_aside = default_compared(codings)

    for arguments, compared, code, children in [
        ([], coding_coders, None, False),
        (["--coders", ",".join(coders[:2])], coders[:2], None, False),
        (["--code", "need", "--include-children"], coding_coders, "need", True),
        (["--code", "need"], coding_coders, "need", False),
        (["--include-children"], coding_coders, None, True),
    ]:
        report = json.loads(run("agreement", *arguments, "--json", workspace=root))
        assert report["set_aside"] == ([] if "--coders" in arguments else set_aside), arguments
        included, codes, rows = expected_decisions(root, codings, compared, documents, code, children)
        assert report["documents"] == included, arguments
        assert [entry["document"] for entry in report["left_out"]] == [d for d in documents if d not in included]
        check_report(report, compared, codes, rows)

    # --document narrows the units to that document (or leaves it out).
    one = documents[0]
    report = json.loads(run("agreement", "--document", one, "--json", workspace=root))
    compared = sorted({c[4] for c in codings if c[0] == one})
    included, codes, rows = expected_decisions(root, [c for c in codings if c[0] == one], compared, [one])
    assert report["documents"] == included
    check_report(report, compared, codes, rows)
