"""The two servers of bench/taguette_bench.py behind one interface: Fieldwork and Taguette.

Each starts its server, logs a `requests` session in (one per client thread), finds where a
coder would code, writes a coding, opens a document with its codings and fetches a static
file, returning the client latency in ms; `pid` is the server process whose CPU is measured.
Runs inside .venv-bench (taguette_bench.py sees to that).
"""
import pathlib
import re
import socket
import subprocess
import sys
import threading
import time
from html.parser import HTMLParser

import requests
import taguette

from stress import Server  # starts `fieldwork serve --port 0`, reads its port and token

ROOT = pathlib.Path(__file__).resolve().parents[1]
CODES = ["need.safety", "need.safety.night", "need.independence", "barrier", "need.social_contact"]


def timed(call):
    started = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code >= 400:
        raise RuntimeError(f"{response.request.method} {response.url}: {response.status_code} {response.text[:200]}")
    return elapsed


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def static_file(folder, target=30_000):
    """The file of a static folder whose size is nearest 30 KB (no source maps)."""
    files = [path for path in folder.rglob("*") if path.is_file() and path.suffix != ".map"]
    return min(files, key=lambda path: abs(path.stat().st_size - target))


class TextOf(HTMLParser):
    """The text nodes of an HTML fragment, concatenated (Taguette's offsets count their UTF-8 bytes)."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.feed(markup)

    def handle_data(self, data):
        self.parts.append(data)

    def text(self):
        return "".join(self.parts)


class Fieldwork:
    name = "Fieldwork"

    def __init__(self, workspace):
        self.server = Server(workspace)
        self.pid = self.server.process.pid
        self.base = f"http://127.0.0.1:{self.server.port}"
        self.static_path = "/static/" + static_file(ROOT / "Sources" / "FieldworkWeb" / "Static").name

    def session(self):
        session = requests.Session()
        session.get(f"{self.base}/?token={self.server.token}").raise_for_status()
        page = session.get(f"{self.base}/").text
        session.headers["X-CSRF-Token"] = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        return session

    def regions(self, session, documents):
        """Respondents' turns: where a coder codes."""
        regions = {}
        for document in documents:
            segments = session.get(f"{self.base}/api/documents/{document}").json()["segments"]
            regions[document] = [(s["start"], s["end"]) for s in segments
                                 if s["speaker"] and s["speaker"][0] in "RNS" and s["end"] - s["start"] > 60]
        return regions

    def wire(self, span):
        return span  # offsets count Unicode scalars, as Python's str indices do

    def write(self, session, span, index):
        document, start, end = span
        return timed(lambda: session.post(f"{self.base}/api/codings", json={
            "document": document, "start": start, "end": end, "code": CODES[index % len(CODES)], "coder": "bench"}))

    def open(self, session, document):
        """(page ms, API ms)."""
        return (timed(lambda: session.get(f"{self.base}/documents/{document}")),
                timed(lambda: session.get(f"{self.base}/api/documents/{document}")))

    def codings(self, session, document):
        return len(session.get(f"{self.base}/api/codings", params={"document": document}).json())

    def search(self, session, query):
        return timed(lambda: session.get(f"{self.base}/api/search", params={"q": query}))

    def static(self, session):
        return timed(lambda: session.get(self.base + self.static_path))

    def stop(self):
        self.server.stop()


class Taguette:
    name = "Taguette"

    def __init__(self, folder, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")
        self.process = subprocess.Popen(
            [str(pathlib.Path(sys.executable).parent / "taguette"), "--no-browser", "--port", str(self.port),
             "--database", str(folder / "taguette.sqlite3")],
            stdout=subprocess.PIPE, stderr=self.log, text=True, cwd=folder)
        self.pid = self.process.pid
        self.token = None
        for line in self.process.stdout:
            match = re.search(r"\?token=(\w+)", line)
            if match:
                self.token = match.group(1)
                break
        if self.token is None:
            raise RuntimeError(f"taguette did not start; see {log}")
        threading.Thread(target=self.process.stdout.read, daemon=True).start()
        static_root = pathlib.Path(taguette.__file__).parent / "static"
        self.static_path = "/static/" + static_file(static_root).relative_to(static_root).as_posix()
        self.project = None

    def session(self):
        """Single-user mode: the token in the URL logs in as admin; API writes carry the _xsrf cookie
        back in X-XSRFToken (Tornado's check)."""
        session = requests.Session()
        session.get(f"{self.base}/?token={self.token}").raise_for_status()
        if "_xsrf" not in session.cookies:
            session.get(f"{self.base}/project/new").raise_for_status()
        session.headers["X-XSRFToken"] = session.cookies["_xsrf"]
        return session

    def create_project(self, session):
        response = session.post(f"{self.base}/project/new", data={
            "name": "Benchmark", "description": "", "_xsrf": session.cookies["_xsrf"]})
        response.raise_for_status()
        self.project = int(re.search(r"/project/(\d+)", response.url).group(1))
        self.tags = [session.post(f"{self.base}/api/project/{self.project}/tag/new",
                                  json={"path": code, "description": ""}).json()["id"] for code in CODES]

    def upload(self, session, name, html):
        started = time.perf_counter()
        response = session.post(f"{self.base}/api/project/{self.project}/document/new",
                                data={"name": name, "description": ""},
                                files={"file": (f"{name}.html", html, "text/html")})
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"taguette upload {name}: {response.status_code} {response.text[:200]}")
        return response.json()["created"], elapsed

    def regions(self, session, documents):
        """Each document's paragraphs, as character ranges of its text."""
        regions, self.texts = {}, {}
        for document in documents:
            contents = session.get(f"{self.base}/api/project/{self.project}/document/{document}/contents").json()
            text = TextOf("".join(chunk["contents"] for chunk in contents["contents"])).text()
            ranges, offset = [], 0
            for paragraph in text.split("\n"):
                if len(paragraph) > 60:
                    ranges.append((offset, offset + len(paragraph)))
                offset += len(paragraph) + 1
            regions[document], self.texts[document] = ranges, text
        return regions

    def wire(self, span):
        """Taguette's offsets count UTF-8 bytes of the text nodes: converted before timing."""
        document, start, end = span
        text = self.texts[document]
        return document, len(text[:start].encode("utf-8")), len(text[:end].encode("utf-8"))

    def write(self, session, span, index):
        document, start, end = span
        return timed(lambda: session.post(
            f"{self.base}/api/project/{self.project}/document/{document}/highlight/new",
            json={"start_offset": start, "end_offset": end, "tags": [self.tags[index % len(self.tags)]]}))

    def open(self, session, document):
        """(contents ms, highlights ms)."""
        prefix = f"{self.base}/api/project/{self.project}/document/{document}"
        return timed(lambda: session.get(prefix + "/contents")), timed(lambda: session.get(prefix))

    def codings(self, session, document):
        return len(session.get(f"{self.base}/api/project/{self.project}/document/{document}").json()["highlights"])

    def static(self, session):
        return timed(lambda: session.get(self.base + self.static_path))

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


class Floor:
    """The framework's floor (bench/floor): a bare Hummingbird server that decodes a coding write's
    JSON body and answers at once, handling requests on their event loops as Fieldwork does. What a
    write costs Fieldwork beyond this is Fieldwork's own work (checks, the store, the codings file)."""
    name = "bare Hummingbird"
    package = ROOT / "bench" / "floor"
    scratch = ROOT / ".build-floor"

    @classmethod
    def build(cls):
        """Before anything is measured: the first build takes minutes of both cores."""
        subprocess.run(["swift", "build", "-c", "release", "--package-path", str(cls.package),
                        "--scratch-path", str(cls.scratch)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    def __init__(self):
        self.process = subprocess.Popen([str(self.scratch / "release" / "hummingbird-floor"), "0"],
                                        stdout=subprocess.PIPE, text=True)
        self.pid = self.process.pid
        line = self.process.stdout.readline()
        match = re.match(r"listening on (\d+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"hummingbird-floor did not start: {line!r}")
        self.base = f"http://127.0.0.1:{match.group(1)}"
        self.static_path = "/static/file"

    def session(self):
        return requests.Session()

    def wire(self, span):
        return span

    def write(self, session, span, index):
        document, start, end = span
        return timed(lambda: session.post(f"{self.base}/api/codings", json={
            "document": document, "start": start, "end": end, "code": CODES[index % len(CODES)], "coder": "bench"}))

    def static(self, session):
        return timed(lambda: session.get(self.base + self.static_path))

    def stop(self):
        self.process.kill()
        self.process.wait()
