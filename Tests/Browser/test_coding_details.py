"""A coding's details in Chromium: who changed it and how the margin shows coders, a memo
conflict merged by hand, unsaved memo text that asks before it goes, and the re-attach banner."""
import subprocess
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import BINARY, console_errors, screenshot
from test_workbench import SELECT_SCALARS, api, wait

SEND_JSON = """
const [method, url, body] = arguments;
const done = arguments[arguments.length - 1];
const token = document.querySelector('meta[name="csrf-token"]').content;
fetch(url, {method, credentials: 'same-origin', body: JSON.stringify(body),
             headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token}})
  .then(async r => done({status: r.status, body: await r.json().catch(() => null)}), e => done({error: String(e)}));
"""


def send(driver, method, url, body):
    return driver.execute_async_script(SEND_JSON, method, url, body)


def code(driver, document, quote, code_id, coder):
    text = api(driver, f"/api/documents/{document}")["text"]
    start = text.index(quote)
    result = send(driver, "POST", "/api/codings", {"document": document, "start": start, "end": start + len(quote),
                                                    "code": code_id, "coder": coder})
    assert result["status"] == 201, result
    return result["body"]


def passage(driver, document, index, length=24):
    """The first `length` characters of a passage (segment `index`) of `document`."""
    data = api(driver, f"/api/documents/{document}")
    segment = data["segments"][index]
    return data["text"][segment["start"]:segment["end"]][:length]


def chip(driver, coding_id):
    return driver.find_element(By.CSS_SELECTOR, f"button.chip[data-coding='{coding_id}']")


def open_details(driver, coding_id):
    chip(driver, coding_id).click()
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#panel textarea.memo-input")))


def test_chips_tell_coders_apart_and_changes_record_who_made_them(browser, server):
    browser.get(server["base"] + "/documents/int-005")
    anna = code(browser, "int-005", passage(browser, "int-005", 1), "need", "Anna Berg")
    maja = code(browser, "int-005", passage(browser, "int-005", 3), "need", "Maja L.")
    browser.refresh()
    first, second = chip(browser, anna["id"]), chip(browser, maja["id"])
    assert first.get_attribute("aria-label") == f"{first.text}, coded by Anna Berg"
    assert second.get_attribute("aria-label") == f"{second.text}, coded by Maja L."
    after = "return getComputedStyle(arguments[0], '::after').content"
    assert browser.execute_script(after, first) == '"AB"'
    assert browser.execute_script(after, second) == '"ML"'
    style = "return getComputedStyle(arguments[0]).borderTopStyle"
    assert browser.execute_script(style, first) != browser.execute_script(style, second)
    screenshot(browser, "document-two-coders")

    # The browser's coder (Selenium) edits Maja's memo: the change is recorded as Selenium's.
    memo = open_details(browser, maja["id"])
    memo.send_keys("Viktigt citat")
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Save memo']").click()
    wait(browser).until(lambda driver: "Memo saved." in driver.find_element(By.ID, "panel").text)
    stored = next(c for c in api(browser, "/api/codings?document=int-005") if c["id"] == maja["id"])
    assert (stored["memo"], stored["coder"], stored["updated_by"]) == ("Viktigt citat", "Maja L.", "Selenium")
    assert console_errors(browser) == []


def test_five_coders_chips_differ_in_their_borders(browser, server):
    """A fifth coder's chip had the first coder's border (four styles, found by a new user)."""
    browser.get(server["base"] + "/documents/int-006")
    coders = ["Ada K", "Bea L", "Cid M", "Dan N", "Eva O"]
    made = [code(browser, "int-006", passage(browser, "int-006", index + 1, 16), "need", coder) for index, coder in enumerate(coders)]
    try:
        browser.refresh()
        border = "const s = getComputedStyle(arguments[0]); return [s.borderTopStyle, s.borderLeftWidth].join(' ')"
        looks = [browser.execute_script(border, chip(browser, coding["id"])) for coding in made]
        assert len(set(looks)) == len(coders), looks
    finally:
        for coding, coder in zip(made, coders):
            send(browser, "DELETE", f"/api/codings/{coding['id']}?coder={coder.replace(' ', '%20')}", None)


def test_a_memo_conflict_shows_both_memos_and_saves_the_merge(browser, server):
    browser.get(server["base"] + "/documents/int-006")
    coding = code(browser, "int-006", passage(browser, "int-006", 1), "need", "Anna Berg")
    browser.refresh()
    memo = open_details(browser, coding["id"])
    memo.send_keys("Min tolkning")
    # Meanwhile another coder saves a memo on the same coding.
    other = send(browser, "PATCH", f"/api/codings/{coding['id']}", {"version": 1, "memo": "Deras tolkning", "coder": "Maja L."})
    assert other["status"] == 200
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Save memo']").click()
    theirs = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#panel .memo-theirs")))
    assert theirs.text == "Deras tolkning"
    assert "Saved meanwhile by Maja L." in browser.find_element(By.CSS_SELECTOR, "#panel .memo-conflict").text
    draft = browser.find_element(By.CSS_SELECTOR, "#panel textarea.memo-input")
    assert draft.get_attribute("value") == "Min tolkning"
    screenshot(browser, "document-memo-conflict")
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Add their memo to yours']").click()
    assert draft.get_attribute("value") == "Min tolkning\n\nDeras tolkning"
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Save memo']").click()
    wait(browser).until(lambda driver: "Memo saved." in driver.find_element(By.ID, "panel").text)
    stored = next(c for c in api(browser, "/api/codings?document=int-006") if c["id"] == coding["id"])
    assert (stored["memo"], stored["version"], stored["updated_by"]) == ("Min tolkning\n\nDeras tolkning", 3, "Selenium")


def dismiss_prompt(driver):
    alert = wait(driver).until(EC.alert_is_present())
    assert alert.text == "Your memo is not saved. Discard it?"
    alert.dismiss()


def test_unsaved_memo_text_asks_before_it_is_discarded(browser, server):
    browser.get(server["base"] + "/documents/int-003")
    segments = api(browser, "/api/documents/int-003")["segments"]
    coding = code(browser, "int-003", passage(browser, "int-003", 1), "need", "Anna Berg")
    browser.refresh()
    memo = open_details(browser, coding["id"])
    memo.send_keys("Ett utkast")
    panel = browser.find_element(By.ID, "panel")

    browser.find_element(By.CSS_SELECTOR, "#panel .panel-close").click()  # ×
    dismiss_prompt(browser)
    assert panel.is_displayed() and memo.get_attribute("value") == "Ett utkast"

    start = segments[3]["start"]
    browser.execute_script(SELECT_SCALARS, start, start + 10)  # a new selection
    dismiss_prompt(browser)
    assert "is-details" in panel.get_attribute("class") and memo.get_attribute("value") == "Ett utkast"

    url = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "header.top nav a[href='/codebook']").click()  # a link
    dismiss_prompt(browser)
    assert browser.current_url == url and memo.get_attribute("value") == "Ett utkast"

    # Reloading or closing the tab: the page asks the browser to confirm leaving.
    prevented = browser.execute_script(
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented")
    assert prevented is True

    browser.find_element(By.CSS_SELECTOR, "#panel .panel-close").click()
    wait(browser).until(EC.alert_is_present()).accept()
    assert not panel.is_displayed()
    assert browser.execute_script(
        "const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e); return e.defaultPrevented") is False


def test_memo_text_survives_its_coding_being_deleted_meanwhile(browser, server):
    browser.get(server["base"] + "/documents/int-003")
    coding = code(browser, "int-003", passage(browser, "int-003", 5), "need", "Anna Berg")
    browser.refresh()
    memo = open_details(browser, coding["id"])
    memo.send_keys("Viktig tanke")
    removed = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(`/api/codings/${arguments[0]}?coder=Maja+L.`, {method: 'DELETE', credentials: 'same-origin',
              headers: {'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content}}).then(r => done(r.status));
        """, coding["id"])
    assert removed == 204
    browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Save memo']").click()
    wait(browser).until(lambda driver: "Coding removed" in driver.find_element(By.ID, "panel").text)
    kept = browser.find_element(By.CSS_SELECTOR, "#panel textarea.memo-input")
    assert kept.get_attribute("value") == "Viktig tanke" and kept.get_attribute("readonly") is not None


ORPHAN_TRANSCRIPT = """---
id: int-095
type: interview
title: Webbläsartest – föräldralös kodning
date: 2025-06-03
language: sv
participants: [R01]
interviewer: A. Researcher
administrations: [care]
---
**Intervjuare:** Berätta om kvällarna.

**R01:** Larmet på armen skaver när jag sover, så jag tar av det ibland.

""" + "".join(f"**Intervjuare:** Fråga {n}?\n\n**R01:** Svar nummer {n}, om vardagen och om hemtjänsten som kommer.\n\n"
              for n in range(1, 40))


def cli(server, *arguments):
    result = subprocess.run([str(BINARY), "--workspace", str(server["workspace"]), *arguments],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_reattach_banner_keeps_attach_here_in_view_without_doubled_quotes(browser, server):
    path = server["workspace"] / "corpus" / "interviews" / "int-095.md"
    path.write_text(ORPHAN_TRANSCRIPT, encoding="utf-8")
    cli(server, "ingest")
    quote = "Larmet på armen skaver när jag sover"
    text = api(browser, "/api/documents/int-095")["text"]
    start = text.index(quote)
    coding_id = cli(server, "code", "add", "int-095", "--start", str(start), "--end", str(start + len(quote)),
                    "--code", "need", "--coder", "Anna Berg").strip()
    path.write_text(ORPHAN_TRANSCRIPT.replace("Larmet på armen skaver när jag sover, så jag tar av det ibland.",
                                              "Det är bra."), encoding="utf-8")
    cli(server, "ingest")
    assert [c["status"] for c in api(browser, "/api/codings?document=int-095")] == ["orphaned"]

    browser.get(server["base"] + f"/documents/int-095?reattach={coding_id}")
    banner = browser.find_element(By.ID, "reattach-banner")
    # The keyboard starts at the passage where the coding stood, not on the page itself.
    wait(browser).until(lambda driver: "segment" in driver.switch_to.active_element.get_attribute("class").split()
                        and int(driver.switch_to.active_element.get_attribute("data-start")) <= start)
    assert banner.find_element(By.CSS_SELECTOR, ".banner-quote").text == quote
    # The quote stands on its own: no typed quote marks around a <q> that draws its own.
    assert "“" not in banner.text and banner.find_elements(By.CSS_SELECTOR, "q") == []
    orphan = browser.find_element(By.CSS_SELECTOR, "details.orphans li")
    assert "“" not in orphan.text and orphan.find_element(By.CSS_SELECTOR, "q").text == quote

    # Far down the transcript, where the new passage is, "Attach here" is still in view.
    target = api(browser, "/api/documents/int-095")["text"].index("Svar nummer 38")
    browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    button = browser.find_element(By.ID, "reattach-confirm")
    inside = browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth && r.width > 0",
        button)
    assert inside
    screenshot(browser, "document-reattach-banner")
    browser.execute_script(SELECT_SCALARS, target, target + len("Svar nummer 38"))
    wait(browser).until(lambda driver: button.is_enabled())
    button.click()
    wait(browser).until(lambda driver: "reattach" not in driver.current_url)
    stored = api(browser, "/api/codings?document=int-095")[0]
    assert (stored["status"], stored["quote"], stored["updated_by"]) == ("anchored", "Svar nummer 38", "Selenium")


def test_the_history_lists_every_change_as_text(browser, server):
    browser.get(server["base"] + "/documents/int-002")
    # A coder of this test's own: the files of one browser worker share a server, and Anna Berg's
    # need.safety here (after the change below) made the blind adjudication test's coding of the
    # same words a duplicate (409) when both files ran on one worker.
    coding = code(browser, "int-002", passage(browser, "int-002", 1), "need", "Hedda Historik")
    # A name that looks like markup must arrive as text, never as elements.
    changed = send(browser, "PATCH", f"/api/codings/{coding['id']}",
                   {"version": 1, "code": "need.safety", "memo": "kvällar", "coder": "Bo <b>B</b>"})
    assert changed["status"] == 200, changed
    browser.refresh()
    open_details(browser, coding["id"])
    history = browser.find_element(By.CSS_SELECTOR, "#panel details.coding-history")
    assert history.get_attribute("open") is None  # collapsed until asked for
    history.find_element(By.TAG_NAME, "summary").click()
    wait(browser).until(lambda driver: len(history.find_elements(By.CSS_SELECTOR, "li.history-event")) == 2)
    events = history.find_elements(By.CSS_SELECTOR, "li.history-event")
    assert [e.get_attribute("data-kind") for e in events] == ["created", "changed"]
    assert events[0].text.startswith("Created by Hedda Historik")
    assert "Changed by Bo <b>B</b>" in events[1].text
    # Codes by name, and the words' offsets as the picker gives them (it said `span [a, b)`).
    assert "code Needs → Safety at home, memo changed" in events[1].text
    assert events[0].text.endswith(f"code Needs, offsets {coding['start']}–{coding['end']}")
    assert "span [" not in history.text
    assert history.find_elements(By.TAG_NAME, "b") == []
    screenshot(browser, "coding-history")
    assert console_errors(browser) == []

    # In Swedish too: the history is the interface's language, not the API's English summary.
    browser.get(server["base"] + "/language/sv?next=%2Fdocuments%2Fint-002")
    chip(browser, coding["id"]).click()
    history = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#panel details.coding-history")))
    history.find_element(By.TAG_NAME, "summary").click()
    wait(browser).until(lambda driver: len(history.find_elements(By.CSS_SELECTOR, "li.history-event")) == 2)
    assert history.find_elements(By.CSS_SELECTOR, "li.history-event")[0].text.endswith(
        f"kod Behov, position {coding['start']}–{coding['end']}")


def test_times_are_the_studys_whatever_the_browsers_zone(browser, server):
    """A coding's time was the browser's local time while the audit page said Stockholm's (found
    by a new user): both now show the study's time zone (the workspace's `time_zone`)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo
    coding = None
    browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "America/New_York"})
    try:
        browser.get(server["base"] + "/documents/int-003")
        assert browser.find_element(By.CSS_SELECTOR, 'meta[name="time-zone"]').get_attribute("content") == "Europe/Stockholm"
        coding = code(browser, "int-003", passage(browser, "int-003", 2), "need", "Tove Tid")
        browser.refresh()
        open_details(browser, coding["id"])
        meta = browser.find_element(By.CSS_SELECTOR, "#panel .panel-meta").text
        created = datetime.fromisoformat(coding["created_at"].replace("Z", "+00:00"))

        def shown(zone):
            local = created.astimezone(ZoneInfo(zone))
            return f"{local.day} {local:%b} {local.year}, {local:%H:%M}"
        assert shown("Europe/Stockholm") in meta, meta
        assert shown("America/New_York") not in meta, meta
        # A memo's time, after a reload too (the list showed only its author then).
        memo = send(browser, "POST", "/api/memos", {"target": "document", "target_id": "int-003", "author": "Tove Tid",
                                                     "text": "Tidszonen"})["body"]
        try:
            browser.refresh()
            item = browser.find_element(By.CSS_SELECTOR, f".memo-list li[data-memo='{memo['id']}'] .memo-meta")
            created = datetime.fromisoformat(memo["created_at"].replace("Z", "+00:00"))
            assert shown("Europe/Stockholm") in item.text, item.text
        finally:
            send(browser, "DELETE", f"/api/memos/{memo['id']}?author=Tove%20Tid&version={memo['version']}", None)
    finally:
        browser.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": ""})
        if coding:
            send(browser, "DELETE", f"/api/codings/{coding['id']}?coder=Tove%20Tid", None)


# The live regions on the page that hold `text`, the innermost only (a region inside another
# is spoken for itself).
LIVE_REGIONS_SAYING = """
const regions = [...document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role=status], [role=alert], [role=log]')]
  .filter(region => region.textContent.includes(arguments[0]));
return regions.filter(region => !regions.some(other => other !== region && region.contains(other))).map(region => region.outerHTML.slice(0, 120));
"""


def save_memo(browser, server, document, text):
    """Codes a passage of `document`, opens its card and saves `text` as its memo; returns the
    memo's box (the card stays open)."""
    browser.get(server["base"] + f"/documents/{document}")
    coding = code(browser, document, passage(browser, document, 1), "need", "Selenium")
    browser.refresh()
    memo = open_details(browser, coding["id"])
    memo.send_keys(text)
    save_button(browser).click()
    return memo


def save_button(browser):
    return browser.find_element(By.XPATH, "//*[@id='panel']//button[normalize-space()='Save memo']")


def test_a_saved_memo_is_announced_once(browser, server):
    """"Memo saved." was in the card's status line and in the page's announcer: said twice."""
    memo = save_memo(browser, server, "ws-002", "En gång räcker")  # a document no other test codes
    wait(browser).until(lambda driver: driver.execute_script(LIVE_REGIONS_SAYING, "Memo saved."))
    time.sleep(0.5)  # the page's announcer writes after a tick
    assert len(browser.execute_script(LIVE_REGIONS_SAYING, "Memo saved.")) == 1
    # A memo emptied says so, once too.
    memo.clear()
    memo.send_keys(" ")
    memo.send_keys(Keys.BACKSPACE)
    save_button(browser).click()
    wait(browser).until(lambda driver: driver.execute_script(LIVE_REGIONS_SAYING, "Memo cleared."))
    time.sleep(0.5)
    assert len(browser.execute_script(LIVE_REGIONS_SAYING, "Memo cleared.")) == 1
    assert not browser.execute_script(LIVE_REGIONS_SAYING, "Memo saved.")
    assert console_errors(browser) == []


def test_a_saved_memo_is_said_as_a_status_not_in_the_error_red(browser, server):
    """"Memo saved." was written into the card's error line and shown in red, like a failure."""
    memo = save_memo(browser, server, "int-006", "Lugnt sagt")
    saved = wait(browser).until(lambda driver: next(
        (p for p in driver.find_elements(By.CSS_SELECTOR, "#panel p[role='status']") if p.text == "Memo saved."), None))
    assert "form-error" not in saved.get_attribute("class")
    colour = "return getComputedStyle(arguments[0]).color"
    danger = browser.execute_script(
        "const p = document.createElement('p'); p.className = 'form-error'; p.textContent = 'x';"
        "document.getElementById('panel').append(p); const c = getComputedStyle(p).color; p.remove(); return c;")
    assert browser.execute_script(colour, saved) != danger
    assert not [p.text for p in browser.find_elements(By.CSS_SELECTOR, "#panel p.form-error") if p.text]
    screenshot(browser, "memo-saved-status")
    # Typing again makes the line stale: it goes.
    memo.send_keys(" igen")
    assert not saved.text
    assert console_errors(browser) == []
