"""The coding workbench in a real Chromium: selection coding with emoji and Swedish letters,
keyboard-only coding, a hostile transcript staying inert, and foreign hosts refused."""
import http.client

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors, make_driver, screenshot

SELECT_SCALARS = """
const [start, end] = arguments;
const runs = [...document.querySelectorAll('#transcript span.run')];
function locate(offset) {
  for (const run of runs) {
    const base = Number(run.dataset.s);
    const text = run.firstChild ? run.firstChild.data : '';
    const points = Array.from(text);
    if (offset >= base && offset <= base + points.length) {
      const utf16 = points.slice(0, offset - base).join('').length;
      return [run.firstChild, utf16];
    }
  }
  throw new Error('no run holds offset ' + offset);
}
const [startNode, startOffset] = locate(start);
const [endNode, endOffset] = locate(end);
const range = document.createRange();
range.setStart(startNode, startOffset);
range.setEnd(endNode, endOffset);
const selection = window.getSelection();
selection.removeAllRanges();
selection.addRange(range);
startNode.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
return selection.toString();
"""

FETCH_JSON = """
const done = arguments[arguments.length - 1];
fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.json()).then(done, e => done({error: String(e)}));
"""


def api(driver, path):
    return driver.execute_async_script(FETCH_JSON, path)


def wait(driver, seconds=10):
    return WebDriverWait(driver, seconds)


def pick_code(driver, code_id):
    picker = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=combobox]")))
    picker.send_keys(code_id)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f"[role=option][data-code='{code_id}']")))
    picker.send_keys(Keys.ENTER)


def test_token_url_opens_the_documents_page(browser, server):
    assert "token=" not in browser.current_url  # the token is exchanged and stripped
    assert browser.find_element(By.TAG_NAME, "h1").text == "Documents"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")
    assert len(rows) >= 11
    screenshot(browser, "documents")
    assert console_errors(browser) == []


def test_coding_a_selection_with_emoji_and_swedish_letters_persists(browser, server):
    document = api(browser, "/api/documents/int-099")
    text = document["text"]
    quote = "ringer 👩‍👩‍👧 varje kväll"
    start = text.index(quote)          # Python indexes code points: the server's unit
    end = start + len(quote)
    browser.get(server["base"] + "/documents/int-099")
    selected = browser.execute_script(SELECT_SCALARS, start, end)
    assert selected == quote
    pick_code(browser, "need.safety.night")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.hl[data-code='need.safety.night']")))
    browser.refresh()
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl[data-code='need.safety.night']")
    assert "".join(mark.text for mark in marks) == quote
    codings = api(browser, "/api/codings?document=int-099")
    assert [(c["start"], c["end"], c["quote"], c["coder"]) for c in codings] == [(start, end, quote, "Selenium")]
    screenshot(browser, "document-coded")
    assert console_errors(browser) == []


def test_keyboard_only_coding(browser, server):
    browser.get(server["base"] + "/documents/int-099")
    body = browser.find_element(By.TAG_NAME, "body")
    segment = None
    for _ in range(60):  # Tab until a transcript segment has focus
        body = browser.switch_to.active_element
        body.send_keys(Keys.TAB)
        focused = browser.switch_to.active_element
        if "segment" in (focused.get_attribute("class") or "") and focused.get_attribute("data-speaker") == "R01":
            segment = focused
            break
    assert segment is not None, "no transcript segment is reachable with Tab"
    segment_index = int(segment.get_attribute("data-index"))
    segment.send_keys("c")
    pick_code(browser, "need.safety.falls")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "mark.hl[data-code='need.safety.falls']")))
    codings = [c for c in api(browser, "/api/codings?document=int-099") if c["code"] == "need.safety.falls"]
    assert len(codings) == 1
    document = api(browser, "/api/documents/int-099")
    expected = next(s for s in document["segments"] if s["index"] == segment_index)
    assert (codings[0]["start"], codings[0]["end"]) == (expected["start"], expected["end"])
    screenshot(browser, "document-keyboard")


def test_hostile_transcript_is_inert(browser, server):
    browser.get(server["base"] + "/documents/note-001")
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text
    scripts = browser.execute_script("return [...document.scripts].map(s => s.src)")
    assert scripts == [server["base"] + "/static/messages.en.js", server["base"] + "/static/app.js"]
    assert browser.find_elements(By.CSS_SELECTOR, "#transcript img") == []
    assert browser.find_elements(By.CSS_SELECTOR, "#transcript a[href^='javascript']") == []
    assert "<script>alert(1)</script>" in browser.find_element(By.ID, "transcript").text
    screenshot(browser, "document-hostile")


def test_foreign_host_is_refused_in_the_browser_and_on_the_wire(server):
    # DNS rebinding: evil.example resolves to the loopback server, the browser sends its own Host.
    driver = make_driver([f"--host-resolver-rules=MAP evil.example 127.0.0.1"])
    try:
        driver.get(f"http://evil.example:{server['port']}/?token={server['token']}")
        assert "Forbidden" in driver.page_source
        assert driver.get_cookies() == []
    finally:
        driver.quit()
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=10)
    connection.request("GET", f"/?token={server['token']}", headers={"Host": "localhost.evil.example"})
    response = connection.getresponse()
    assert response.status == 403
    assert response.getheader("Set-Cookie") is None
