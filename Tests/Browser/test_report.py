"""The study report in a real Chromium (issue 13 part 6): the page reached from the needs
register, in Swedish and in English for publication, with its figure and the actor map drawn;
its Markdown download; and the file `fieldwork report` writes, opened from disk, with no axe
violations and the same bytes when written twice."""
import pathlib
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BINARY, console_errors, screenshot
from test_accessibility import axe_violations, remove
from test_coding_details import code


ALLOWED = "Det var i januari förra året."                 # R01: consents to quotes
REFUSED = "Jag går upp kvart i sju. Telefonen säger till."  # R02: no quote scope


def test_the_report_page_in_both_languages(browser, server):
    browser.get(server["base"] + "/needs")
    codings = [code(browser, "int-001", ALLOWED, "need.safety.night", "Report"),
               code(browser, "int-002", REFUSED, "need.safety.night", "Report")]
    try:
        check_the_report_page(browser, server)
    finally:
        browser.get(server["base"] + "/needs")  # a page of the app, with its CSRF token
        for coding in codings:
            remove(browser, coding, "Report")


def check_the_report_page(browser, server):
    browser.get(server["base"] + "/needs")
    WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "a[href='/report']"))).click()
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "h2#needs")))
    # The sample codebook is Swedish: so is the report.
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Studierapport"
    assert browser.find_element(By.CSS_SELECTOR, "svg.figure").get_attribute("role") == "img"
    assert browser.find_elements(By.CSS_SELECTOR, "figure.actor-map svg g.node"), "the actor map is drawn"
    attributions = {footer.text for footer in browser.find_elements(By.CSS_SELECTOR, "blockquote footer")}
    assert attributions and all(text.startswith("– en boende") for text in attributions), attributions
    main = browser.find_element(By.TAG_NAME, "main").text
    assert ALLOWED in main and REFUSED[:20] not in main
    for pseudonym in ("R01", "R02", "R08", "S01"):
        assert pseudonym not in main, pseudonym
    assert axe_violations(browser) == []
    screenshot(browser, "report-sv")

    browser.find_element(By.CSS_SELECTOR, "nav.toolbar a[hreflang='en']").click()
    WebDriverWait(browser, 20).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Study report"))
    browser.find_element(By.XPATH, "//nav[@class='toolbar']/a[contains(@href, 'for_publication=1')]").click()
    WebDriverWait(browser, 20).until(EC.url_contains("for_publication=1"))
    assert "Numbers below 5 are shown as" in browser.find_element(By.TAG_NAME, "main").text
    assert axe_violations(browser) == []
    download = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/report/download?lang=en&for_publication=1&format=md', {credentials: 'same-origin'})
          .then(async r => done([r.status, r.headers.get('content-disposition'), await r.text()]));
        """)
    assert download[0] == 200 and "report-en-publication.md" in download[1]
    assert download[2].startswith("# Study report\n") and "< 5" in download[2]
    assert console_errors(browser) == []


def test_the_exported_file_opens_on_its_own_without_violations(browser, server):
    workspace = pathlib.Path(server["workspace"])
    for name in ("report-a.html", "report-b.html"):
        written = subprocess.run([str(BINARY), "--workspace", str(workspace), "report", "--lang", "en", "--out", f"exports/{name}"],
                                 capture_output=True, text=True, timeout=120)
        assert written.returncode == 0, written.stderr
    first, second = (workspace / "exports" / "report-a.html"), (workspace / "exports" / "report-b.html")
    assert first.read_bytes() == second.read_bytes()
    browser.get(first.as_uri())
    WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "h2#proposals")))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Study report"
    # The print stylesheet is embedded: the file needs nothing from elsewhere.
    assert browser.execute_script("return document.styleSheets.length") == 1
    assert axe_violations(browser) == []
    screenshot(browser, "report-file")
