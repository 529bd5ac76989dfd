"""The browser session's coder name reaches the server (coder.js mirrors it into a cookie): it
is recorded on audited actions, shown on /audit, and decides access to restricted material."""
from selenium.webdriver.common.by import By

from conftest import console_errors, screenshot


def use_coder(browser, server, name):
    browser.execute_script("localStorage.setItem('fieldwork.coder', arguments[0])", name)
    browser.get(server["base"] + "/")  # coder.js mirrors the name into the cookie on load


def test_a_download_is_audited_under_the_sessions_coder(browser, server):
    use_coder(browser, server, "Selenium Auditor")
    status = browser.execute_script(
        "return fetch('/api/retrieval.csv?code=need').then(r => r.status)")
    assert status == 200
    browser.get(server["base"] + "/audit")
    nav = browser.find_element(By.CSS_SELECTOR, "nav a[href='/audit']")
    assert nav.get_attribute("aria-current") == "page"
    assert "the hash chain is intact" in browser.find_element(By.ID, "audit-state").text
    rows = [row.text for row in browser.find_elements(By.CSS_SELECTOR, "table.audit tbody tr")]
    assert any("Selenium Auditor" in row and "Retrieval (CSV)" in row for row in rows), rows
    screenshot(browser, "audit")
    assert console_errors(browser) == []


def test_restricted_material_is_withheld_from_other_coders(browser, server):
    access = server["workspace"] / "corpus" / "access.yaml"
    access.write_text("restricted:\n  - participant: R01\n    coders: [Selenium]\n", encoding="utf-8")
    try:
        use_coder(browser, server, "Selenium")
        browser.get(server["base"] + "/documents/int-099")
        text = browser.find_element(By.ID, "main").text
        assert "ramla på väg till toaletten" in text
        assert "withheld: access" not in text

        use_coder(browser, server, "Someone Else")
        browser.get(server["base"] + "/documents/int-099")
        text = browser.find_element(By.ID, "main").text
        assert "ramla på väg till toaletten" not in text
        assert "withheld: access (restricted to named coders)" in text
        # The interviewer's turns stay readable.
        assert "Och på natten?" in text
        screenshot(browser, "restricted-document")
        assert console_errors(browser) == []
    finally:
        access.unlink()
