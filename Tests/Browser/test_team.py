"""Team mode in a real Chromium: a workspace with accounts (made with the real CLI, passwords on
standard input) is served with a login form; a researcher logs in and codes a passage under
their account's name; a facilitator is refused a transcript but gets handouts; both log out.
The login page (English and Swedish) and an account's page pass axe with no violation."""
import re
import shutil
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import BINARY, BROWSER_TRANSCRIPT, REPOSITORY, console_errors, fresh_session, sample_workspace, screenshot, stop_server
from test_accessibility import axe_violations
from test_workbench import SELECT_SCALARS, api, pick_code, wait

PASSWORD = "ett långt lösenord för teamet"


@pytest.fixture(scope="module")
def team_server():
    workspace = sample_workspace("fieldwork-team-")
    # The sample's codings too: the disagreements page then has passages to adjudicate.
    shutil.copytree(REPOSITORY / "codings", workspace / "codings")
    (workspace / "corpus" / "interviews" / "int-099.md").write_text(BROWSER_TRANSCRIPT, encoding="utf-8")
    for name, role in (("Rut Forskare", "researcher"), ("Fia Facilitator", "facilitator"), ("Ana Lys", "analyst")):
        subprocess.run([str(BINARY), "--workspace", str(workspace), "account", "create", name, "--role", role],
                       input=PASSWORD + "\n", text=True, check=True, capture_output=True)
    process = subprocess.Popen([str(BINARY), "--workspace", str(workspace), "serve", "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = None
    deadline = time.time() + 120
    lines = []
    while time.time() < deadline and base is None:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.search(r"log in at (http://127\.0\.0\.1:\d+)/login", line)
        if match:
            base = match.group(1)
    if base is None:
        process.kill()
        pytest.fail("fieldwork serve printed no login address:\n" + "".join(lines))
    yield {"base": base, "workspace": workspace}
    stop_server(process, workspace)


@pytest.fixture
def driver(team_server, shared_driver):
    fresh_session(shared_driver, team_server["base"])
    return shared_driver


def log_in(driver, base, name, next_path="/"):
    driver.get(base + next_path)
    wait(driver).until(EC.presence_of_element_located((By.ID, "login-name")))
    assert "/login?next=" in driver.current_url
    driver.find_element(By.ID, "login-name").send_keys(name)
    driver.find_element(By.ID, "login-password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
    wait(driver).until(EC.presence_of_element_located((By.ID, "account-name")))


def log_out(driver):
    driver.find_element(By.CSS_SELECTOR, "form.logout button[type=submit]").click()
    wait(driver).until(EC.presence_of_element_located((By.ID, "login-name")))
    assert driver.current_url.endswith("/login")


def test_the_login_page_in_both_languages_has_no_axe_violation(driver, team_server):
    driver.get(team_server["base"] + "/login")
    assert driver.find_element(By.TAG_NAME, "h2").text == "Log in"
    assert axe_violations(driver) == []
    driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=sv]").click()
    wait(driver).until(lambda d: d.find_element(By.TAG_NAME, "h2").text == "Logga in")
    assert axe_violations(driver) == []
    # A wrong password: the form says so, in the chosen language, and stays accessible.
    driver.find_element(By.ID, "login-name").send_keys("Rut Forskare")
    driver.find_element(By.ID, "login-password").send_keys("fel lösenord 123")
    driver.find_element(By.CSS_SELECTOR, "form.login-form button[type=submit]").click()
    alert = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert alert.text == "Fel kontonamn eller lösenord, eller så är kontot avstängt."
    assert axe_violations(driver) == []
    screenshot(driver, "team-login-failed-sv")
    assert console_errors(driver) == [] or all("401" in entry["message"] for entry in console_errors(driver))


def test_a_researcher_logs_in_and_codes_a_passage_under_their_account(driver, team_server):
    base = team_server["base"]
    log_in(driver, base, "Rut Forskare", "/documents/int-099")
    assert driver.current_url == base + "/documents/int-099"
    assert driver.find_element(By.ID, "account-name").text == "Rut Forskare (researcher)"
    assert driver.find_elements(By.ID, "coder-button") == []  # no name to pick: the account is the coder
    text = api(driver, "/api/documents/int-099")["text"]
    quote = "rädd att ramla"
    start = text.index(quote)
    assert driver.execute_script(SELECT_SCALARS, start, start + len(quote)) == quote
    pick_code(driver, "need.safety.falls")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.hl[data-code='need.safety.falls']")))
    codings = api(driver, "/api/codings?document=int-099")
    assert [(c["quote"], c["coder"]) for c in codings] == [(quote, "Rut Forskare")]
    assert axe_violations(driver) == []
    screenshot(driver, "team-researcher-coded")
    assert console_errors(driver) == []
    log_out(driver)
    driver.get(base + "/documents/int-099")
    assert "/login?next=" in driver.current_url


def test_a_facilitator_is_refused_transcripts_and_gets_handouts(driver, team_server):
    base = team_server["base"]
    log_in(driver, base, "Fia Facilitator")
    navigation = [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "header.top nav:not(.languages) a")]
    assert base + "/codebook" in navigation and base + "/retrieval" not in navigation
    driver.get(base + "/documents/int-001")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Forbidden"
    assert "facilitator may not use this" in driver.find_element(By.TAG_NAME, "main").text
    assert api(driver, "/api/documents/int-001")["error"] == "forbidden_role"
    driver.get(base + "/handouts/need.safety.night")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Att känna sig trygg på natten"
    screenshot(driver, "team-facilitator-handout")
    driver.get(base + "/codebook")
    log_out(driver)
    driver.get(base + "/handouts/need.safety.night")
    assert "/login?next=" in driver.current_url


def test_an_analyst_is_offered_no_control_that_would_be_refused(driver, team_server):
    # Every write control was shown to an analyst and answered an English 403 (found by a new user).
    base = team_server["base"]
    log_in(driver, base, "Ana Lys")
    for path, selector in (("/disagreements?coders=Maja%20Lind,Jonas%20Ek", ".adjudication button"), ("/codebook", ".code-actions button"),
                           ("/memos", "form.memo-form"), ("/needs/need.safety.night", "#link-solution")):
        driver.get(base + path)
        controls = driver.find_elements(By.CSS_SELECTOR, selector)
        assert controls and not any(control.is_displayed() for control in controls), path
        if path.startswith("/disagreements"):
            # The discussion is there to read, not to edit.
            boxes = driver.find_elements(By.CSS_SELECTOR, ".discussion textarea")
            assert boxes and all(box.get_attribute("readonly") is not None for box in boxes)
    log_out(driver)
    # A facilitator's document list names the documents without links that answer 403.
    log_in(driver, base, "Fia Facilitator")
    assert "int-001" in driver.find_element(By.TAG_NAME, "main").text
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href^='/documents/']") == []
    log_out(driver)


def test_a_read_only_server_says_so_offers_no_coding_and_passes_axe(driver, team_server):
    """`serve --read-only` (as on a hot standby) on the same workspace: a second server, started
    without ingesting. The notice in both languages, no coding hint or memo form, selecting and
    pressing C announces the refusal instead of opening the picker, and axe finds nothing."""
    process = subprocess.Popen([str(BINARY), "--workspace", str(team_server["workspace"]), "serve", "--port", "0",
                                "--read-only", "--primary", "https://fieldwork.example.org"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base, lines = None, []
        while base is None:
            line = process.stdout.readline()
            if not line:
                pytest.fail("fieldwork serve --read-only printed no login address:\n" + "".join(lines))
            lines.append(line)
            match = re.search(r"log in at (http://127\.0\.0\.1:\d+)/login", line)
            base = match.group(1) if match else None
        assert any("Read-only (--read-only): serving reading only" in line for line in lines)
        log_in(driver, base, "Rut Forskare", "/documents/int-099")
        notice = driver.find_element(By.ID, "read-only-notice")
        assert notice.text.startswith("Read-only: this server was started with --read-only.")
        assert notice.find_element(By.TAG_NAME, "a").get_attribute("href") == "https://fieldwork.example.org/"
        assert not driver.find_element(By.ID, "coding-hint").is_displayed()
        assert not driver.find_element(By.CSS_SELECTOR, ".memo-form").is_displayed()
        text = api(driver, "/api/documents/int-099")["text"]
        start = text.index("rädd att ramla")
        driver.execute_script(SELECT_SCALARS, start, start + len("rädd att ramla"))
        driver.find_element(By.TAG_NAME, "body").send_keys("c")
        wait(driver).until(lambda d: d.find_element(By.ID, "fw-status").text == "This server is read-only: code on the primary server.")
        assert driver.find_elements(By.CSS_SELECTOR, "[role=combobox]") == []
        assert axe_violations(driver) == []
        screenshot(driver, "team-read-only-document")
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang=sv]").click()
        wait(driver).until(lambda d: d.find_element(By.ID, "read-only-notice").text.startswith("Skrivskyddad: servern startades"))
        assert axe_violations(driver) == []
        assert console_errors(driver) == []
        log_out(driver)
        assert driver.find_element(By.ID, "read-only-notice").is_displayed()
        assert axe_violations(driver) == []
    finally:
        process.terminate()
        process.wait(timeout=20)
