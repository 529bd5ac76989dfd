"""The policy-lab register and the need page's unlink button in a real Chromium (issue 13 parts
5 and 7): the register reached from the navigation shows the sample's proposals with their
history in both languages; a need→solution link made with the real CLI is removed with the
page's button (asked first in the app's dialog, CSRF handled by needs.js) and stays removed after a reload."""
import json
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BINARY, console_errors, screenshot
from test_accessibility import axe_violations


def test_the_register_is_in_the_navigation_and_shows_status_over_time(browser, server):
    browser.get(server["base"] + "/needs")
    nav = WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "header nav a[href='/register']")))
    nav.click()
    rows = WebDriverWait(browser, 10).until(
        EC.presence_of_all_elements_located((By.CSS_SELECTOR, "table.register tbody tr")))
    assert [row.get_attribute("id") for row in rows] == ["proposal-P1", "proposal-P2", "proposal-P3", "proposal-P4", "proposal-P5"]
    assert [row.get_attribute("data-status") for row in rows] == ["decided", "in progress", "rejected", "done", "proposed"]
    history = [item.text for item in rows[0].find_elements(By.CSS_SELECTOR, "ol.history li")]
    assert len(history) == 2 and "pl-001" in history[0] and "pl-002" in history[1]
    # A traced need opens its page in the needs register.
    rows[1].find_element(By.CSS_SELECTOR, "a[href='/needs/need.safety.falls']").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/needs/need.safety.falls"))
    screenshot(browser, "register-need")

    browser.get(server["base"] + "/language/sv?next=%2Fregister")
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Policylabbets register"))
    first = browser.find_element(By.ID, "proposal-P1")
    assert "beslutad" in first.text and "föreslagen" in first.text
    screenshot(browser, "register-sv")
    browser.get(server["base"] + "/language/en?next=%2Fregister")
    WebDriverWait(browser, 10).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Policy-lab register"))
    assert console_errors(browser) == []


def test_a_link_is_removed_with_the_need_pages_button(browser, server):
    linked = subprocess.run(
        [str(BINARY), "--workspace", str(server["workspace"]), "link", "need.contact_city", "video-tablet",
         "--rationale", "One button to the contact person", "--coder", "Selenium"],
        capture_output=True, text=True, timeout=60)
    assert linked.returncode == 0, linked.stderr
    browser.get(server["base"] + "/needs/need.contact_city")
    item = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "li.need-link[data-solution='video-tablet']")))
    button = item.find_element(By.CSS_SELECTOR, "button.unlink")
    assert "video" in button.get_attribute("aria-label").lower()

    # Asked in the app's own dialog (window.confirm was unstyled, its buttons not in the
    # interface's language): Cancel is focused, Escape keeps the link and focus comes back.
    button.click()
    dialog = WebDriverWait(browser, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.fw-dialog[open]")))
    assert dialog.find_element(By.CSS_SELECTOR, "h2").text == "Remove the link to Video call tablet with one-button calls?"
    assert browser.switch_to.active_element.text == "Cancel"
    assert axe_violations(browser) == []
    screenshot(browser, "need-unlink-dialog")
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    WebDriverWait(browser, 10).until(lambda driver: not driver.find_elements(By.CSS_SELECTOR, "dialog[open]"))
    assert browser.switch_to.active_element == button
    assert browser.find_elements(By.CSS_SELECTOR, "li.need-link[data-solution='video-tablet']")

    button.click()
    dialog = WebDriverWait(browser, 10).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.fw-dialog[open]")))
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 10).until(EC.staleness_of(item))
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "link-solution")))
    assert browser.find_elements(By.CSS_SELECTOR, "li.need-link[data-solution='video-tablet']") == []
    listed = subprocess.run([str(BINARY), "--workspace", str(server["workspace"]), "needs", "--json"],
                            capture_output=True, text=True, timeout=60)
    contact = next(need for need in json.loads(listed.stdout) if need["id"] == "need.contact_city")
    assert [link for link in contact["links"] if link["solution"] == "video-tablet"] == []
    # The removal is the browser's coder's, recorded in their codings file so that it travels.
    removals = [json.loads(line) for line in (server["workspace"] / "codings" / "selenium.jsonl").read_text().splitlines()
                if '"need_link"' in line]
    assert [(r["need"], r["solution"], r["removed"]["by"]) for r in removals if r.get("removed")] == \
        [("need.contact_city", "video-tablet", "Selenium")]
    assert console_errors(browser) == []


@pytest.mark.parametrize("language", ["en", "sv"])
def test_the_register_keeps_dates_whole_and_scrolls_in_its_own_box(browser, server, language):
    """At 1024 px the dates broke after their first hyphen ("2026-\\n02-12") and the page
    scrolled sideways with the History column cut off."""
    browser.set_window_size(1024, 800)
    browser.get(f"{server['base']}/language/{language}?next=%2Fregister")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.register tbody tr")))
    dates = browser.find_elements(By.CSS_SELECTOR, "table.register .date")
    assert len(dates) > 5
    lines = "return arguments[0].getClientRects().length"
    assert [d.text for d in dates if browser.execute_script(lines, d) != 1] == []
    page = browser.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert page[0] <= page[1], page
    # The History column is reachable: the table's own box scrolls to it, by keyboard too.
    box = browser.find_element(By.CSS_SELECTOR, ".table-scroll")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
    browser.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", box)
    history = browser.find_element(By.CSS_SELECTOR, "table.register thead th:last-child")
    right = browser.execute_script("return arguments[0].getBoundingClientRect().right", history)
    assert right <= browser.execute_script("return arguments[0].getBoundingClientRect().right", box) + 1
    screenshot(browser, f"register-1024-{language}")
    browser.get(f"{server['base']}/language/en?next=%2Fregister")
    browser.set_window_size(1400, 1000)
    assert console_errors(browser) == []


def test_the_rationale_box_takes_a_row_of_its_own(browser, server):
    """A linked solution's rationale is brought into the form to be edited: the box spans the
    form (it was a two-line box beside the status, a few words visible)."""
    rationale = ("R05 fell in the bathroom and could not reach the phone; a wrist alarm worn in the shower answers "
                 "that directly, at no cost to the resident, and works outdoors on the way to the shop.")
    linked = subprocess.run(
        [str(BINARY), "--workspace", str(server["workspace"]), "link", "need.daily_structure", "wearable-alarm",
         "--rationale", rationale, "--coder", "Selenium"], capture_output=True, text=True, timeout=60)
    assert linked.returncode == 0, linked.stderr
    browser.get(server["base"] + "/needs/need.daily_structure")
    form = WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "link-solution")))
    Select(form.find_element(By.NAME, "solution")).select_by_value("wearable-alarm")
    box = form.find_element(By.CSS_SELECTOR, "textarea[name=rationale]")
    assert box.get_attribute("value") == rationale
    assert box.size["width"] >= 0.85 * form.size["width"]
    assert box.size["height"] >= 70
    assert console_errors(browser) == []
