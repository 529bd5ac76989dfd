"""Undo of the last coding action, and showing only the highlights of one code or coder."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from conftest import console_errors, screenshot
from test_coding_details import chip, code, passage, send
from test_workbench import SELECT_SCALARS, api, pick_code, wait


def chip_code(driver, coding_id):
    """The code on a coding's chip, read in one step (the transcript is swapped on refresh)."""
    return driver.execute_script(
        "const c = document.querySelector(`button.chip[data-coding='${arguments[0]}']`); return c && c.dataset.code", coding_id)


def test_undo_removes_a_new_coding_and_reverts_a_code_change(browser, server):
    browser.get(server["base"] + "/documents/int-007")
    text = api(browser, "/api/documents/int-007")["text"]
    quote = passage(browser, "int-007", 1, 30)
    start = text.index(quote)
    browser.execute_script(SELECT_SCALARS, start, start + len(quote))
    pick_code(browser, "need.safety.night")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.hl[data-code='need.safety.night']")))
    assert len(api(browser, "/api/codings?document=int-007")) == 1
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()  # Ctrl+Z
    wait(browser).until(lambda driver: not driver.find_elements(By.CSS_SELECTOR, "mark.hl[data-code='need.safety.night']"))
    assert api(browser, "/api/codings?document=int-007") == []
    assert "Undone" in wait(browser).until(EC.visibility_of_element_located((By.ID, "fw-status"))).text
    # Undo is one step: a second Ctrl+Z says there is nothing to undo (it did nothing, silently).
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda driver: driver.find_element(By.ID, "fw-status").text == "Nothing to undo")

    # A change of code is undone with the button.
    coding = code(browser, "int-007", quote, "need.safety", "Selenium")
    browser.refresh()
    chip(browser, coding["id"]).click()
    wait(browser).until(EC.element_to_be_clickable(
        (By.XPATH, "//*[@id='panel']//button[normalize-space()='Change code…']"))).click()
    pick_code(browser, "need.health")
    wait(browser).until(lambda driver: chip_code(driver, coding["id"]) == "need.health")
    undo = browser.find_element(By.CSS_SELECTOR, "button.undo-button")
    assert undo.get_attribute("aria-label").startswith("Undo the change from")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", undo)  # below the sticky header
    undo.click()
    wait(browser).until(lambda driver: chip_code(driver, coding["id"]) == "need.safety")
    stored = api(browser, "/api/codings?document=int-007")
    assert [(c["code"], c["version"]) for c in stored] == [("need.safety", 3)]
    assert browser.find_element(By.CSS_SELECTOR, "button.undo-button").get_attribute("disabled") is not None
    assert [e for e in console_errors(browser) if "status of 409" not in e["message"]] == []


def ask_to_delete(browser, coding_id):
    """Opens the coding's details (after a reload, so its chip is there) and asks to delete it."""
    browser.refresh()
    chip(browser, coding_id).click()
    wait(browser).until(EC.element_to_be_clickable((By.XPATH, "//*[@id='panel']//button[normalize-space()='Delete…']"))).click()


def test_a_deleted_coding_comes_back_with_undo_as_its_confirmation_says(browser, server):
    """The confirmation said "This cannot be undone", and Ctrl+Z then brought the coding back."""
    browser.get(server["base"] + "/documents/int-007")
    quote = passage(browser, "int-007", 3, 40)
    coding = code(browser, "int-007", quote, "need.health", "Selenium")
    ask_to_delete(browser, coding["id"])
    question = wait(browser).until(EC.visibility_of_element_located(
        (By.XPATH, "//*[@id='panel']//p[starts-with(normalize-space(), 'Delete this')]"))).text
    assert "cannot be undone" not in question and "Ctrl+Z" in question
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Delete coding']").click()
    wait(browser).until(lambda driver: not any(c["id"] == coding["id"] for c in api(driver, "/api/codings?document=int-007")))
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    wait(browser).until(lambda driver: any(c["quote"] == quote and c["code"] == "need.health"
                                           for c in api(driver, "/api/codings?document=int-007")))
    # The same coding is back, not a copy: its id, and its history going on (a new user found a
    # fresh id with a fresh history after undoing a deletion).
    restored = next(c for c in api(browser, "/api/codings?document=int-007") if c["quote"] == quote)
    assert restored["id"] == coding["id"] and restored["version"] == 3
    history = [event["kind"] for event in api(browser, f"/api/codings/{coding['id']}/history")]
    assert history == ["created", "removed", "restored"], history
    # Leave int-007 as found: the suite shares one server.
    assert send(browser, "DELETE", f"/api/codings/{restored['id']}?coder=Selenium", None)["status"] in (200, 204)


def test_the_deletion_toast_offers_undo(browser, server):
    """The toolbar's Undo may have scrolled out of view after a deletion lower down (found by a
    new user): the "Deleted" toast has its own Undo, which brings the same coding back."""
    browser.get(server["base"] + "/documents/int-007")
    quote = passage(browser, "int-007", 5, 30)
    coding = code(browser, "int-007", quote, "need.health", "Selenium")
    ask_to_delete(browser, coding["id"])
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Delete coding']").click()
    undo = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#fw-status button.toast-action")))
    assert undo.text == "Undo" and "Deleted" in browser.find_element(By.ID, "fw-status").text
    undo.click()
    wait(browser).until(lambda driver: any(c["id"] == coding["id"] for c in api(driver, "/api/codings?document=int-007")))
    restored = next(c for c in api(browser, "/api/codings?document=int-007") if c["id"] == coding["id"])
    assert restored["version"] == 3
    assert [e for e in console_errors(browser) if "status of 409" not in e["message"]] == []
    assert send(browser, "DELETE", f"/api/codings/{coding['id']}?coder=Selenium", None)["status"] in (200, 204)


def test_the_keyboard_help_lists_undo(browser, server):
    browser.get(server["base"] + "/documents/int-001")
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    dialog = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.help-dialog[open]")))
    assert "Undo your last coding change" in dialog.text, dialog.text
    dialog.send_keys(Keys.ESCAPE)


def test_highlights_can_be_filtered_by_coder_and_by_code(browser, server):
    browser.get(server["base"] + "/documents/int-004")
    anna = code(browser, "int-004", passage(browser, "int-004", 1), "need.safety", "Anna Berg")
    maja = code(browser, "int-004", passage(browser, "int-004", 3), "need.health", "Maja L.")
    browser.refresh()
    coder = Select(browser.find_element(By.CSS_SELECTOR, ".highlight-filter select[id^='filter-coder']"))
    assert [o.text for o in coder.options] == ["All coders", "Anna Berg", "Maja L."]
    coder.select_by_visible_text("Maja L.")
    assert not chip(browser, anna["id"]).is_displayed() and chip(browser, maja["id"]).is_displayed()
    hidden = browser.find_elements(By.CSS_SELECTOR, f"mark.hl.is-filtered-out[data-coding='{anna['id']}']")
    assert hidden and not browser.find_elements(By.CSS_SELECTOR, f"mark.hl.is-filtered-out[data-coding='{maja['id']}']")
    assert browser.find_element(By.CSS_SELECTOR, ".highlight-filter .filter-count").text == "1 of 2 codings shown"
    screenshot(browser, "document-filtered")
    coder.select_by_visible_text("All coders")
    codes = Select(browser.find_element(By.CSS_SELECTOR, ".highlight-filter select[id^='filter-code-']"))
    codes.select_by_value("need.safety")
    assert chip(browser, anna["id"]).is_displayed() and not chip(browser, maja["id"]).is_displayed()
