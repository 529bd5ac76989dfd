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
from selenium.common.exceptions import NoAlertPresentException, WebDriverException
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


WINDOW = (1400, 1000)


def make_driver(extra_arguments=()):
    options = Options()
    options.binary_location = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     "--disable-dev-shm-usage", *extra_arguments):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.fieldwork_origins = set()  # the servers' origins it has stored data for (fresh_session)
    return driver


def fresh_session(driver, origin, window=WINDOW):
    """Makes a running Chromium look newly started, so one browser serves many tests (starting
    Chromium costs 1-2 s a test on the CI machine, ten on a loaded one): the previous test's tab
    is closed (its page, scripts, sessionStorage, history and emulated media go with it) for a
    new blank one in front (with the focus, as a new browser's first tab), the cookies and the
    stored data of `origin` and of every origin used before are deleted, the window gets its
    starting size back, and the console log is read empty, so `console_errors` sees only the
    entries from here on."""
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        pass
    old = driver.window_handles
    driver.switch_to.new_window("tab")
    for handle in old:
        driver.switch_to.window(handle)
        # An unsaved memo's beforeunload prompt must not stop the tab from closing.
        try:
            driver.execute_script("window.addEventListener('beforeunload', e => e.stopImmediatePropagation(), true)")
        except WebDriverException:
            pass  # a page without scripts (an error page): nothing to stop
        driver.close()
    driver.switch_to.window(driver.window_handles[0])
    driver.execute_cdp_cmd("Page.bringToFront", {})  # else the new tab's document has no focus
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.fieldwork_origins.add(origin)
    for each in driver.fieldwork_origins:
        driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": each, "storageTypes": "all"})
    size = driver.get_window_size()
    if (size["width"], size["height"]) != window:
        driver.set_window_size(*window)
    driver.get_log("browser")


@pytest.fixture(scope="session")
def shared_driver():
    """The one Chromium that the tests without browser flags of their own share (fresh_session)."""
    driver = make_driver()
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def browser(server, shared_driver):
    fresh_session(shared_driver, server["base"])
    shared_driver.get(server["url"])
    shared_driver.execute_script("localStorage.setItem('fieldwork.coder', 'Selenium')")
    return shared_driver


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def console_errors(driver):
    """Severe console entries (JS errors, CSP violations), favicon noise excluded."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
