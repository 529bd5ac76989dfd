"""Real-browser tests: the real `fieldwork serve` on an ephemeral loopback port, driven by
Debian's headless Chromium through Selenium. Screenshots go to exports/screenshots/."""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("FIELDWORK_BINARY", REPOSITORY / ".build/debug/fieldwork"))
SCREENSHOTS = REPOSITORY / "exports" / "screenshots"

# A transcript made for the browser tests: Swedish letters, a ZWJ emoji and a skin tone.
BROWSER_TRANSCRIPT = """---
id: int-099
type: interview
title: Webbläsartest – trygghet hemma
date: 2025-06-01
language: sv
participants: [R01]
interviewer: A. Researcher
administrations: [social, care]
---
**Intervjuare:** Hur känns det på kvällarna?

**R01:** Min dotter ringer 👩‍👩‍👧 varje kväll och då känner jag mig trygg i lägenheten.

Det är skönt att veta att någon bryr sig 👍🏽 även när hemtjänsten har gått.

**Intervjuare:** Och på natten?

**R01:** På natten är jag rädd att ramla på väg till toaletten.
"""


def start_server(workspace):
    """Runs `fieldwork serve` on `workspace` on an ephemeral port; returns (process, server dict)."""
    process = subprocess.Popen(
        [str(BINARY), "--workspace", str(workspace), "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    deadline = time.time() + 120
    lines = []
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"Open: (http://127\.0\.0\.1:(\d+)/\?token=(\S+))", line)
        if match:
            url = match.group(1)
            break
    if url is None:
        process.kill()
        pytest.fail("fieldwork serve did not print its URL:\n" + "".join(lines))
    port = int(re.search(r":(\d+)/", url).group(1))
    return process, {"url": url, "port": port, "base": f"http://127.0.0.1:{port}", "workspace": workspace,
                     "token": url.split("token=")[1]}


def sample_workspace(prefix="fieldwork-browser-"):
    """A temporary copy of the sample corpus and codebooks."""
    workspace = pathlib.Path(tempfile.mkdtemp(prefix=prefix))
    for folder in ("corpus", "codebooks"):
        shutil.copytree(REPOSITORY / folder, workspace / folder)
    return workspace


def stop_server(process, workspace):
    process.terminate()
    process.wait(timeout=20)
    shutil.rmtree(workspace, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    workspace = sample_workspace()
    (workspace / "corpus" / "interviews" / "int-099.md").write_text(BROWSER_TRANSCRIPT, encoding="utf-8")
    process, details = start_server(workspace)
    yield details
    stop_server(process, workspace)


def make_driver(extra_arguments=()):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                     "--disable-dev-shm-usage", *extra_arguments):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture
def browser(server):
    driver = make_driver()
    driver.set_page_load_timeout(30)
    driver.get(server["url"])
    driver.execute_script("localStorage.setItem('fieldwork.coder', 'Selenium')")
    yield driver
    driver.quit()


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def console_errors(driver):
    """Severe console entries (JS errors, CSP violations), favicon noise excluded."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
