#!/usr/bin/env python3
"""Applies the sample study's codings (scripts/sample-codings.json) to a workspace.

    scripts/sample-codings.py BINARY WORKSPACE [--no-ingest] [--dry-run] [--data FILE]
    scripts/sample-codings.py --check [WORKSPACE] [--data FILE]

Each entry of the JSON array is {"coder", "document", "quote", "code", "memo"?}, or a decision of
the adjudication {"coder": "Consensus", "decided_by", "document", "quote", "code"}: the disputed
code is accepted into the consensus for the whole segment holding the quote, by `decided_by`,
with `BINARY adjudicate accept DOC --start S --end E --code CODE --by NAME` (as the
disagreements page does: memo "accepted by NAME", written to that person's codings file). The quote is
located in the document's plain text (what a reader sees: Markdown markup and speaker labels
removed); it must lie inside one segment (speaker turn, paragraph or list item) and occur exactly
once in the document. Offsets are Unicode code points (= Unicode scalars, Fieldwork's unit),
which is what Python's str indices count.

With BINARY: ingests the workspace (unless --no-ingest), reads every document's segments with
`BINARY --workspace WORKSPACE segments DOC --json`, locates each quote there and runs
`BINARY --workspace WORKSPACE code add DOC --start S --end E --code CODE --coder CODER [--memo M]`
for every entry, document by document in id order and in file order within a document.
A coding already present (same document, span, code and coder) is skipped, so running the
script twice adds nothing. Any quote that is missing or ambiguous stops the run before anything
is written; any failing command stops it with the command's output; the exit status is then 1.

--check needs no binary: it checks the JSON (fields, coders, codes against codebooks/*.yaml,
documents against corpus/**/*.md) and every quote against a plain-text approximation of the
Markdown, and reports every problem. WORKSPACE defaults to the repository this script is in.

Standard library only (Python 3.8+).
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
DATA_FILE = SCRIPT_DIR / "sample-codings.json"
REQUIRED_FIELDS = ("coder", "document", "quote", "code")
OPTIONAL_FIELDS = ("memo", "decided_by")
CONSENSUS = "Consensus"


class Failure(Exception):
    """A problem that stops the run; the message says what and where."""


def nfc(text):
    return unicodedata.normalize("NFC", text)


def describe(index, entry):
    """How an entry is named in messages: file, index, document, coder, code and quote."""
    quote = entry.get("quote", "")
    if len(quote) > 70:
        quote = quote[:67] + "..."
    return "{}[{}] {} / {} / {}: {!r}".format(
        DATA_FILE.name, index, entry.get("document"), entry.get("coder"), entry.get("code"), quote)


# --------------------------------------------------------------------------- the data file

def load_entries(path=None):
    global DATA_FILE
    if path is not None:
        DATA_FILE = Path(path)
    path = DATA_FILE
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise Failure("{}: cannot read: {}".format(path, error))
    if not isinstance(data, list):
        raise Failure("{}: expected a JSON array of codings".format(path))
    problems = []
    seen = {}
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            problems.append("{}[{}]: not an object".format(path.name, index))
            continue
        for field in REQUIRED_FIELDS:
            value = entry.get(field)
            if not isinstance(value, str) or not value.strip():
                problems.append("{}: missing or empty '{}'".format(describe(index, entry), field))
        for field in entry:
            if field not in REQUIRED_FIELDS + OPTIONAL_FIELDS:
                problems.append("{}: unknown field '{}'".format(describe(index, entry), field))
        memo = entry.get("memo")
        if memo is not None and (not isinstance(memo, str) or not memo.strip()):
            problems.append("{}: 'memo' must be a non-empty string when given".format(describe(index, entry)))
        if "decided_by" in entry:
            decider = entry["decided_by"]
            if not isinstance(decider, str) or not decider.strip():
                problems.append("{}: 'decided_by' must be a non-empty string".format(describe(index, entry)))
            if entry.get("coder") != CONSENSUS or "memo" in entry:
                problems.append("{}: a decision is coded by '{}' and has no memo".format(describe(index, entry), CONSENSUS))
        elif entry.get("coder") == CONSENSUS:
            problems.append("{}: the consensus codes only through a decision ('decided_by')".format(describe(index, entry)))
        quote = entry.get("quote")
        if isinstance(quote, str) and quote != quote.strip():
            problems.append("{}: quote starts or ends with white space".format(describe(index, entry)))
        key = tuple(entry.get(field) for field in REQUIRED_FIELDS)
        if key in seen:
            problems.append("{}: duplicate of entry {}".format(describe(index, entry), seen[key]))
        else:
            seen[key] = index
    if problems:
        raise Failure("\n".join(problems))
    return data


def ordered(entries):
    """(index, entry) pairs: documents in id order, file order within each document."""
    return sorted(enumerate(entries), key=lambda pair: (pair[1]["document"], pair[0]))


# --------------------------------------------------------------------- locating the quotes

def occurrences(haystack, needle):
    """Every start of `needle` in `haystack`, overlapping ones included."""
    found = []
    position = haystack.find(needle)
    while position >= 0:
        found.append(position)
        position = haystack.find(needle, position + 1)
    return found


def locate(blocks, quote):
    """Offsets of `quote` in a document given as (start, text) blocks: a list of (start, end)."""
    spans = []
    for block_start, text in blocks:
        for position in occurrences(text, quote):
            spans.append((block_start + position, block_start + position + len(quote)))
    return spans


def locate_all(entries, blocks_of):
    """Locates every entry's quote; returns {index: (start, end)} or raises with every problem."""
    problems = []
    spans = {}
    for index, entry in ordered(entries):
        blocks = blocks_of(entry["document"])
        if blocks is None:
            problems.append("{}: unknown document".format(describe(index, entry)))
            continue
        found = locate(blocks, nfc(entry["quote"]))
        if not found:
            problems.append("{}: quote not found in the plain text (inside one segment)".format(describe(index, entry)))
        elif len(found) > 1:
            problems.append("{}: quote is ambiguous, found {} times at offsets {}".format(
                describe(index, entry), len(found), ", ".join(str(start) for start, _ in found)))
        else:
            spans[index] = found[0]
    if problems:
        raise Failure("{} quote problem(s):\n{}".format(len(problems), "\n".join(problems)))
    return spans


# ------------------------------------------------------------------------ --check (no binary)

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
QUOTE_MARKER = re.compile(r"^ {0,3}>[ \t]?")
BOLD_LABEL = re.compile(r"^\*\*([^*\n]{1,60}?)(?::\*\*|\*\*:)[ \t]*")
PLAIN_LABEL = re.compile(r"^([^:\n]{1,60}):[ \t]*")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?![\w_])")
GENERIC_SPEAKERS = {"intervjuare", "interviewer", "moderator", "facilitator", "samtalsledare", "i"}


def front_matter(text):
    """The front matter's simple `key: value` pairs and the body after it."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and not line.startswith((" ", "\t", "#")):
            fields[key.strip()] = value.strip()
    return fields, text[match.end():]


def list_value(value):
    value = (value or "").strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    return [part.strip().strip("'\"") for part in value.split(",") if part.strip()]


def inline_plain(text):
    """Markdown inline markup removed: links keep their text, emphasis markers go."""
    text = LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("*", "")
    text = UNDERSCORE_EMPHASIS.sub(r"\1", text)
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # backslash escapes


def approximate_blocks(markdown, by_speaker, known_speakers):
    """The document's blocks as (kind, plain text): an approximation of Fieldwork's plain text.

    Speaker labels are cut from the start of interview paragraphs (segments begin after them)."""
    known = {name.lower() for name in known_speakers} | GENERIC_SPEAKERS
    blocks = []
    current = []
    kind = None

    def flush():
        nonlocal current, kind
        if current:
            raw = "\n".join(line.strip() for line in current)
            if kind == "paragraph" and by_speaker:
                bold = BOLD_LABEL.match(raw)
                if bold:
                    known.add(bold.group(1).strip().lower())
                    raw = raw[bold.end():]
                else:
                    plain = PLAIN_LABEL.match(raw)
                    if plain and plain.group(1).strip().lower() in known:
                        raw = raw[plain.end():]
            blocks.append((kind, inline_plain(raw)))
        current, kind = [], None

    for line in markdown.split("\n"):
        if not line.strip():
            flush()
            continue
        line = QUOTE_MARKER.sub("", line)
        heading = HEADING.match(line)
        if heading:
            flush()
            blocks.append(("heading", inline_plain(heading.group(2))))
            continue
        item = LIST_ITEM.match(line)
        if item:
            flush()
            kind = "item"
            current = [line[item.end():]]
            continue
        if kind is None:
            kind = "paragraph"
        current.append(line)
    flush()
    return blocks


def read_markdown(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def corpus_documents(workspace):
    """{document id: (path, blocks as (start, text))} from corpus/**/*.md."""
    documents = {}
    for path in sorted((workspace / "corpus").rglob("*.md")):
        fields, body = front_matter(read_markdown(path))
        doc_id = fields.get("id")
        if not doc_id:
            continue
        by_speaker = fields.get("type") == "interview"
        speakers = list_value(fields.get("participants")) + [fields.get("interviewer", "")]
        located = []
        offset = 0
        for _, text in approximate_blocks(body, by_speaker, [s for s in speakers if s]):
            located.append((offset, text))
            offset += len(text) + 2
        documents[doc_id] = (path, located)
    return documents


def codebook_ids(workspace):
    ids = set()
    for path in sorted((workspace / "codebooks").glob("*.yaml")):
        if path.name == "solutions.yaml":
            continue
        for line in path.read_text(encoding="utf-8").split("\n"):
            match = re.match(r"^\s*(?:-\s+)?id:\s*[\"']?([A-Za-z0-9_.\-]+)[\"']?\s*(?:#.*)?$", line)
            if match:
                ids.add(match.group(1))
    return ids


def check(workspace, data=None):
    entries = load_entries(data)
    documents = corpus_documents(workspace)
    codes = codebook_ids(workspace)
    problems = []
    for index, entry in enumerate(entries):
        if entry["code"] not in codes:
            problems.append("{}: code not in codebooks/*.yaml".format(describe(index, entry)))
    try:
        spans = locate_all(entries, lambda doc: documents[doc][1] if doc in documents else None)
    except Failure as failure:
        problems.append(str(failure))
    if problems:
        raise Failure("\n".join(problems))
    summarise(entries, spans)
    print("check passed: {} codings, every quote found exactly once".format(len(entries)))


def summarise(entries, spans):
    by_coder, by_document = {}, {}
    for entry in entries:
        by_coder[entry["coder"]] = by_coder.get(entry["coder"], 0) + 1
        by_document[entry["document"]] = by_document.get(entry["document"], 0) + 1
    print("per coder:    " + ", ".join("{} {}".format(k, v) for k, v in sorted(by_coder.items())))
    print("per document: " + ", ".join("{} {}".format(k, v) for k, v in sorted(by_document.items())))


# --------------------------------------------------------------------------- with the binary

def run(command, what):
    """Runs a command; its stdout on success, else Failure with the command's output."""
    try:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL, check=False)
    except OSError as error:
        raise Failure("{}: cannot run {}: {}".format(what, command[0], error))
    stdout = result.stdout.decode("utf-8", "replace")
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace")
        raise Failure("{}: `{}` exited with {}\n{}{}".format(
            what, shlex.join(command), result.returncode, stdout, stderr).rstrip())
    return stdout


def run_json(command, what):
    output = run(command, what)
    try:
        return json.loads(output)
    except ValueError as error:
        raise Failure("{}: `{}` did not print JSON: {}".format(what, shlex.join(command), error))


def apply(binary, workspace, ingest, dry_run, data=None):
    entries = load_entries(data)
    base = [binary, "--workspace", str(workspace)]
    if ingest:
        print("ingesting {} ...".format(workspace), flush=True)
        run(base + ["ingest"], "ingest")

    known = {doc["id"] for doc in run_json(base + ["documents", "--json"], "documents")}
    segments = {}

    def blocks_of(doc):
        if doc not in known:
            return None
        if doc not in segments:
            listed = run_json(base + ["segments", doc, "--json"], "segments " + doc)
            blocks = []
            for segment in listed:
                text = segment["text"]
                if len(text) != segment["end"] - segment["start"]:
                    raise Failure("segments {}: segment {} has {} code points for [{}, {})".format(
                        doc, segment.get("index"), len(text), segment["start"], segment["end"]))
                blocks.append((segment["start"], text))
            segments[doc] = blocks
        return segments[doc]

    spans = locate_all(entries, blocks_of)  # every quote is checked before anything is written
    summarise(entries, spans)

    present = {}
    added = skipped = 0
    for index, entry in ordered(entries):
        doc = entry["document"]
        start, end = spans[index]
        if "decided_by" in entry:
            # A decision covers the whole passage (segment) holding the quote.
            start, end = next((block, block + len(text)) for block, text in blocks_of(doc)
                              if block <= start and end <= block + len(text))
        if doc not in present:
            listed = run_json(base + ["code", "list", "--document", doc, "--json"], "code list " + doc)
            present[doc] = {(c["start"], c["end"], c["code"], c["coder"]) for c in listed if c.get("status") == "anchored"}
        if (start, end, entry["code"], entry["coder"]) in present[doc]:
            skipped += 1
            continue
        if "decided_by" in entry:
            command = base + ["adjudicate", "accept", doc, "--start", str(start), "--end", str(end),
                              "--code", entry["code"], "--by", entry["decided_by"]]
        else:
            command = base + ["code", "add", doc, "--start", str(start), "--end", str(end),
                              "--code", entry["code"], "--coder", entry["coder"]]
        if entry.get("memo"):
            command += ["--memo", entry["memo"]]
        if dry_run:
            print(shlex.join(command))
        else:
            coding_id = run(command, describe(index, entry)).strip()
            print("{} {} [{}, {}) {} {}".format(coding_id, doc, start, end, entry["code"], entry["coder"]), flush=True)
        present[doc].add((start, end, entry["code"], entry["coder"]))
        added += 1
    verb = "would add" if dry_run else "added"
    print("{} {} codings; {} already present".format(verb, added, skipped))


def main(argv):
    parser = argparse.ArgumentParser(
        description="Apply the sample study's codings (scripts/sample-codings.json) to a Fieldwork workspace.")
    parser.add_argument("--check", action="store_true",
                        help="check the JSON and every quote against the Markdown; needs no binary")
    parser.add_argument("--no-ingest", action="store_true", help="do not run `ingest` first")
    parser.add_argument("--data", metavar="FILE", help="the codings file (default: scripts/sample-codings.json)")
    parser.add_argument("--dry-run", action="store_true", help="print the `code add` commands instead of running them")
    parser.add_argument("paths", nargs="*", metavar="BINARY WORKSPACE",
                        help="the fieldwork binary and the workspace (with --check: only the workspace, optional)")
    args = parser.parse_args(argv)
    try:
        if args.check:
            if len(args.paths) > 1:
                parser.error("--check takes at most a WORKSPACE")
            workspace = Path(args.paths[0]) if args.paths else SCRIPT_DIR.parent
            check(workspace.resolve(), args.data)
        else:
            if len(args.paths) != 2:
                parser.error("usage: sample-codings.py BINARY WORKSPACE (or --check)")
            binary, workspace = args.paths
            if os.sep in binary and not os.access(binary, os.X_OK):
                raise Failure("{} is not an executable file (build it first)".format(binary))
            apply(os.path.abspath(binary) if os.sep in binary else binary, Path(workspace).resolve(),
                  ingest=not args.no_ingest, dry_run=args.dry_run, data=args.data)
    except Failure as failure:
        print("sample-codings: error: {}".format(failure), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
