"""Codings land on the words the person chose: a page opened before a re-ingest, duplicate
codings, and who changed a coding."""
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import BINARY, console_errors, screenshot
from test_workbench import SELECT_SCALARS, api, pick_code, wait

STALE_TRANSCRIPT = """---
id: int-097
type: interview
title: Webbläsartest – ändrad fil
date: 2025-06-02
language: sv
participants: [R01]
interviewer: A. Researcher
administrations: [care]
---
**Intervjuare:** Hur sover du?

**R01:** Jag vaknar ofta. Då tänder jag lampan i hallen och lyssnar efter ljud.
"""


def ingest(server):
    subprocess.run([str(BINARY), "--workspace", str(server["workspace"]), "ingest"],
                   check=True, capture_output=True, timeout=120)


def transcript_file(server):
    return server["workspace"] / "corpus" / "interviews" / "int-097.md"


def test_coding_on_a_page_opened_before_a_reingest_is_refused_and_the_page_reloads(browser, server):
    # The page must stay stale until the coding is sent: live refresh (a poll every 3 s) would
    # otherwise reload it first whenever the steps below take longer (a loaded CI machine), and
    # the test would exercise the refresh instead of the refusal. Its polls are blocked here.
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/changes"]})
    try:
        poll = "const done = arguments[0]; fetch('/api/documents/int-001/changes').then(() => done('served'), () => done('blocked'))"
        assert browser.execute_async_script(poll) == "blocked"
        stale_coding_is_refused_and_the_page_reloads(browser, server)
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})


def stale_coding_is_refused_and_the_page_reloads(browser, server):
    transcript_file(server).write_text(STALE_TRANSCRIPT, encoding="utf-8")
    ingest(server)
    quote = "tänder jag lampan i hallen"
    old = api(browser, "/api/documents/int-097")
    start = old["text"].index(quote)
    browser.get(server["base"] + "/documents/int-097")
    revision = browser.find_element(By.ID, "transcript").get_attribute("data-revision")
    assert revision == str(old["revision"])

    # Someone corrects the transcript and ingests it while this page stays open.
    transcript_file(server).write_text(
        STALE_TRANSCRIPT.replace("Jag vaknar ofta.", "Jag vaknar ofta, kanske tre gånger varje natt."), encoding="utf-8")
    ingest(server)

    assert browser.execute_script(SELECT_SCALARS, start, start + len(quote)) == quote
    pick_code(browser, "need.safety.night")
    status = wait(browser).until(EC.visibility_of_element_located((By.ID, "fw-status")))
    wait(browser).until(lambda driver: "changed" in status.text)
    assert "select the passage again" in status.text
    wait(browser).until(lambda driver: driver.find_element(By.ID, "transcript").get_attribute("data-revision")
                        == str(old["revision"] + 1))
    assert api(browser, "/api/codings?document=int-097") == []  # nothing stored on other words
    screenshot(browser, "document-stale-refused")

    # The refreshed page counts in the new text: the same words are coded where they are now.
    new = api(browser, "/api/documents/int-097")
    start = new["text"].index(quote)
    assert browser.execute_script(SELECT_SCALARS, start, start + len(quote)) == quote
    pick_code(browser, "need.safety.night")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.hl[data-code='need.safety.night']")))
    codings = api(browser, "/api/codings?document=int-097")
    assert [c["quote"] for c in codings] == [quote]
    # The refused write is logged by Chromium as a failed request; nothing else may be.
    assert [e for e in console_errors(browser) if "status of 409" not in e["message"]] == []
