"""Blind passes (only my codings, on every page while on) and adjudicating disagreements."""
import json
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import console_errors, screenshot
from test_coding_details import chip, code, passage
from test_workbench import api, wait


def test_a_blind_pass_hides_everyone_elses_codings_until_turned_off(browser, server):
    browser.get(server["base"] + "/documents/int-001")
    anna = code(browser, "int-001", passage(browser, "int-001", 1), "need.safety", "Anna Berg")
    mine = code(browser, "int-001", passage(browser, "int-001", 3), "need.health", "Selenium")
    browser.refresh()
    toggle = wait(browser).until(EC.element_to_be_clickable((By.ID, "blind-toggle")))
    assert toggle.get_attribute("aria-pressed") == "false"
    assert chip(browser, anna["id"]).is_displayed()
    toggle.click()
    # The page is drawn again with my codings only: Anna's are not hidden but absent, her name
    # and code with them (they were in the page, one "view source" away).
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#transcript[data-only-coder='Selenium']")))
    banner = wait(browser).until(EC.visibility_of_element_located((By.ID, "blind-banner")))
    assert "showing only Selenium’s codings" in banner.text
    toggle = wait(browser).until(EC.element_to_be_clickable((By.ID, "blind-toggle")))
    assert toggle.get_attribute("aria-pressed") == "true"
    assert chip(browser, mine["id"]).is_displayed()
    assert not browser.find_elements(By.CSS_SELECTOR, f"[data-coding='{anna['id']}']")
    assert "Anna Berg" not in browser.page_source
    assert not browser.find_elements(By.CSS_SELECTOR, f"mark.hl.is-filtered-out[data-coding='{mine['id']}']")
    # Nor are the others' names offered in the coder filter.
    coders = [o.text for o in browser.find_elements(By.CSS_SELECTOR, ".highlight-filter select[id^='filter-coder'] option")]
    assert coders == ["All coders", "Selenium"]
    # Nor the codes only the others applied (Anna's need.safety told what she saw here).
    codes = [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR, ".highlight-filter select[id^='filter-code-'] option")]
    assert codes == ["", "need.health"]
    assert browser.find_element(By.CSS_SELECTOR, ".highlight-filter .filter-count").text == "1 of 1 codings shown (blind pass: yours only)"
    screenshot(browser, "blind-pass-document")

    # The choice holds on every page of this browser, and after a reload.
    browser.get(server["base"] + "/codebook")
    assert "Blind pass" in wait(browser).until(EC.visibility_of_element_located((By.ID, "blind-banner"))).text
    # Retrieval is rendered on the server: the page asks again for the coder's passages only.
    browser.get(server["base"] + "/retrieval?code=need")
    wait(browser).until(lambda driver: parse_qs(urlparse(driver.current_url).query).get("coder") == ["Selenium"])
    listing = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.retrieval")))
    assert "Selenium" in listing.text and "Anna Berg" not in listing.text

    browser.get(server["base"] + "/documents/int-001")
    wait(browser).until(EC.visibility_of_element_located((By.ID, "blind-banner")))
    assert not browser.find_elements(By.CSS_SELECTOR, f"[data-coding='{anna['id']}']")
    browser.find_element(By.CSS_SELECTOR, "#blind-banner button").click()
    # Turned off: drawn again with everyone's codings.
    wait(browser).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, f"button.chip[data-coding='{anna['id']}']"))
    assert not browser.find_elements(By.ID, "blind-banner")
    assert chip(browser, anna["id"]).is_displayed()
    assert not browser.find_elements(By.CSS_SELECTOR, "#transcript[data-only-coder]")
    assert browser.execute_script("return localStorage.getItem('fieldwork.blind')") is None
    assert console_errors(browser) == []


def test_a_disputed_code_is_accepted_into_the_consensus_and_the_passage_discussed(browser, server):
    browser.get(server["base"] + "/documents/int-002")
    shared = passage(browser, "int-002", 1)
    code(browser, "int-002", shared, "need.safety", "Anna Berg")
    code(browser, "int-002", shared, "need.safety", "Bo Ek")
    disputed = api(browser, "/api/documents/int-002")["segments"][3]
    code(browser, "int-002", passage(browser, "int-002", 3), "barrier", "Bo Ek")

    browser.get(server["base"] + "/disagreements?coders=Anna+Berg,Bo+Ek&document=int-002")
    section = f"section.passage[data-document='int-002'][data-start='{disputed['start']}']"
    passage_element = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, section)))
    headers = [th.get_attribute("textContent") for th in passage_element.find_elements(By.CSS_SELECTOR, "table.side-by-side th")]
    assert headers == ["Anna Berg", "Bo Ek"]
    link = passage_element.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href")
    assert link.endswith(f"/documents/int-002#s{disputed['start']}")
    passage_element.find_element(By.CSS_SELECTOR, "li[data-code='barrier'] button[data-action='accept']").click()
    # The page reloads after a decision: read the state in one step (no stale element).
    state = f"{section} li[data-code='barrier'] .state"
    wait(browser).until(lambda driver: driver.execute_script(
        "const s = document.querySelector(arguments[0]); return s && s.textContent", state) == "Accepted into consensus by Selenium.")
    headers = [th.get_attribute("textContent") for th in browser.find_elements(By.CSS_SELECTOR, f"{section} table.side-by-side th")]
    assert headers == ["Anna Berg", "Bo Ek", "Consensus"]
    # The keyboard stays at the decided passage after the reload, not at the top of the page.
    assert browser.execute_script("return document.activeElement.closest('section.passage')?.dataset.start") == str(disputed["start"])

    box = browser.find_element(By.CSS_SELECTOR, f"{section} .discussion textarea")
    box.send_keys("Bo's reading holds: the stairs are a barrier.")
    browser.find_element(By.CSS_SELECTOR, f"{section} button[data-action='discuss']").click()
    wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, f"{section} .discussion .status").text == "Discussion saved.")
    screenshot(browser, "disagreements")
    browser.refresh()
    box = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"{section} .discussion textarea")))
    assert box.get_attribute("value") == "Bo's reading holds: the stairs are a barrier."

    consensus = api(browser, "/api/codings?document=int-002&coder=Consensus")
    assert [(c["code"], c["memo"], c["updated_by"]) for c in consensus] == [("barrier", "accepted by Selenium", "Selenium")]
    assert console_errors(browser) == []


def test_a_blind_pass_narrows_every_page_that_lists_codings_and_the_orphans(browser, server):
    # Another coder's coding whose words are not in the text arrives as a file: an orphan.
    text = "Detta står inte i intervjun alls"
    record = {"changed_by": "Zed Orphan", "code": "need", "coder": "Zed Orphan", "created": "2025-06-01T10:00:00.000Z",
              "document": "int-003", "end": len(text), "id": "c-0ffba11b11d1", "prefix": "", "quote": text, "start": 0,
              "suffix": "", "type": "coding", "updated": "2025-06-01T10:00:00.000Z", "version": 1}
    (server["workspace"] / "codings").mkdir(exist_ok=True)
    (server["workspace"] / "codings" / "zed-orphan.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    browser.get(server["base"] + "/documents/int-003")
    # Not `coder=Zed+Orphan`: until the server takes the file in, that is no coder's name (a 404).
    wait(browser, 20).until(lambda driver: [c["status"] for c in api(driver, "/api/codings?document=int-003")
                                            if c["coder"] == "Zed Orphan"] == ["orphaned"])
    mine = code(browser, "int-003", passage(browser, "int-003", 1), "need.health", "Selenium")
    orphan = "details.orphans li[data-coder='Zed Orphan']"
    browser.refresh()
    assert wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, orphan))).is_displayed()

    browser.execute_script("localStorage.setItem('fieldwork.blind', 'on')")
    browser.refresh()
    wait(browser).until(EC.visibility_of_element_located((By.ID, "blind-banner")))
    assert chip(browser, mine["id"]).is_displayed()
    # Nor is the other coder's orphan in the page (drawn for my codings only).
    assert not browser.find_elements(By.CSS_SELECTOR, orphan)

    # Pages rendered on the server ask again for the coder's codings only.
    for path in ("/orphans", "/matrix?rows=document", "/cooccurrence", "/retrieval?code=need"):
        browser.get(server["base"] + path)
        wait(browser).until(lambda driver: parse_qs(urlparse(driver.current_url).query).get("coder") == ["Selenium"])
        main = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main[data-coder-scoped]")))
        assert "Zed Orphan" not in main.text and "Anna Berg" not in main.text, path
    matrix_cell = "/matrix/passages?rows=document&row=int-003&code=need.health&coder=Selenium"
    browser.get(server["base"] + "/matrix?rows=document")
    wait(browser).until(lambda driver: parse_qs(urlparse(driver.current_url).query).get("coder") == ["Selenium"])
    link = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"table.matrix a[href='{matrix_cell}']")))
    link.click()
    listing = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.retrieval")))
    assert "Selenium" in listing.text
    screenshot(browser, "blind-pass-matrix-passages")

    browser.execute_script("localStorage.removeItem('fieldwork.blind')")
    browser.get(server["base"] + "/documents/int-003")
    assert wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, orphan))).is_displayed()
    assert console_errors(browser) == []


def test_a_blind_pass_withholds_the_pages_that_compare_coders(browser, server):
    """/agreement and /disagreements showed every coder's codes and names during a blind pass."""
    # pl-002: a document no other test codes (the suite shares one server).
    browser.get(server["base"] + "/documents/pl-002")
    shared = passage(browser, "pl-002", 1)
    code(browser, "pl-002", shared, "need.safety", "Anna Berg")
    code(browser, "pl-002", shared, "barrier", "Selenium")
    compared = "/disagreements?coders=Anna+Berg,Selenium&document=pl-002"
    browser.get(server["base"] + compared)
    assert "Anna Berg" in wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-compares-coders='shown']"))).text

    # Turned on here: the page is asked for again and tells why it shows nothing.
    wait(browser).until(EC.element_to_be_clickable((By.ID, "blind-toggle"))).click()
    note = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-compares-coders='withheld']")))
    assert "not shown while your blind pass is on" in note.text
    assert "Anna Berg" not in browser.find_element(By.TAG_NAME, "main").text
    screenshot(browser, "blind-pass-disagreements")
    # The same on a page opened afresh.
    browser.get(server["base"] + "/agreement")
    main = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "main [data-compares-coders='withheld']")))
    assert "Anna Berg" not in browser.find_element(By.TAG_NAME, "main").text and "Anna Berg" not in browser.page_source

    # Turned off from the banner: the comparison comes back.
    browser.find_element(By.CSS_SELECTOR, "#blind-banner button").click()
    shown = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[data-compares-coders='shown']")))
    assert "Anna Berg" in shown.text
    assert console_errors(browser) == []
