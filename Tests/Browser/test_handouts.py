"""Workshop handouts in a real Chromium, as a facilitator prints them for a Swedish workshop:
the easy-read handout and the sample plan's whole pack printed to PDF (one A4 page per station),
quoting only residents' own consented words, in Swedish."""
import base64
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import console_errors, screenshot
from test_accessibility import axe_violations, remove
from test_coding_details import code
from test_languages import use_language
from test_workbench import wait

# Words of the handout's own texts in English: none may appear on a Swedish handout.
ENGLISH = ["In their own words", "What residents", "Questions", "Notes", "Print", "resident", "Ideas to",
           "Cost to", "Write here", "Programme", "Welcome", "About your answers", "quotes"]


def pdf_pages(driver):
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    assert pdf.startswith(b"%PDF-")
    counts = re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf) or re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)
    assert counts, "no page tree in the PDF"
    return int(counts[0])


def printed_text(driver):
    """What goes on paper: the sheets (the toolbar is not printed)."""
    return "\n".join(sheet.text for sheet in driver.find_elements(By.CSS_SELECTOR, "section.sheet"))


def test_a_swedish_easy_read_handout_prints_on_one_page_with_consented_resident_quotes(browser, server):
    use_language(browser, server, "sv")
    allowed = "Det var i januari förra året."                                 # R01: quote consent
    again = "Jag har lampan tänd i hallen hela natten nu"                     # R01 later: one quote per person
    refused = "Jag går upp kvart i sju. Telefonen säger till."               # R02: no quote scope
    group_note = "Rädd att ramla på väg till toaletten"                       # a group's sticky note
    proposal = "hon larmar inte fast hon borde (R11)"                         # a note naming its author
    codings = [code(browser, "int-001", allowed, "need.safety.night", "Handout"),
               code(browser, "int-001", again, "need.safety.night", "Handout"),
               code(browser, "int-002", refused, "need.safety.night", "Handout"),
               code(browser, "ws-001", group_note, "need.safety.night", "Handout"),
               code(browser, "ws-001", proposal, "need.safety.night", "Handout")]
    try:
        browser.get(server["base"] + "/needs/need.safety.night")
        browser.find_element(By.CSS_SELECTOR, "a[href='/handouts/need.safety.night?easy_read=1']").click()
        wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.sheet")))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "sv"
        assert "easy-read" in browser.find_element(By.TAG_NAME, "body").get_attribute("class")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Att känna sig trygg på natten"
        # Larger type in the easy-read variant (17 pt = about 22.7 px).
        assert float(browser.find_element(By.TAG_NAME, "body").value_of_css_property("font-size").rstrip("px")) > 20

        quotes = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "blockquote p")]
        assert len(quotes) == 1 and quotes[0].startswith("”" + allowed), quotes
        for words in (again, refused, group_note, proposal):
            assert words[:20] not in printed_text(browser), words
        assert [footer.text for footer in browser.find_elements(By.CSS_SELECTOR, "blockquote footer")] == ["– en boende"]

        text = printed_text(browser)
        for swedish in ("Det här har boende sagt", "Frågor", "Vad gör natten otrygg för dig?", "Citaten är anonyma"):
            assert swedish in text, swedish
        body = browser.find_element(By.TAG_NAME, "body").text
        for english in ENGLISH:
            assert english not in body, english
        assert len(browser.find_elements(By.CSS_SELECTOR, ".write")) == 3
        writing = browser.find_elements(By.CSS_SELECTOR, ".write")[0]
        assert writing.value_of_css_property("border-top-style") == "solid"  # from /static/handout.css

        browser.execute_script("window.print = () => { document.body.dataset.printed = 'yes'; };")
        browser.find_element(By.ID, "print-handout").click()
        assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-printed") == "yes"
        assert pdf_pages(browser) == 1
        screenshot(browser, "handout-easy-read-sv")
        assert axe_violations(browser) == []
        assert console_errors(browser) == []

        # The standard variant of the same handout is one page too.
        browser.find_element(By.ID, "handout-variant").click()
        wait(browser).until(lambda driver: "easy-read" not in (driver.find_element(By.TAG_NAME, "body").get_attribute("class") or ""))
        assert pdf_pages(browser) == 1

        # The facilitator chooses R01's later words instead: tick them, use the ticked quotes.
        browser.find_element(By.CSS_SELECTOR, ".quote-choice summary").click()
        choice = next(item for item in browser.find_elements(By.CSS_SELECTOR, ".quote-choice li") if again[:30] in item.text)
        assert "boende 1" in choice.text and "R01" not in browser.find_element(By.TAG_NAME, "body").text
        choice.find_element(By.CSS_SELECTOR, "input[type=checkbox]").send_keys(" ")
        browser.find_element(By.CSS_SELECTOR, ".quote-choice button[type=submit]").send_keys("\n")
        wait(browser).until(lambda driver: "quote=" in driver.current_url)
        quotes = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "section.sheet blockquote p")]
        assert len(quotes) == 1 and quotes[0].startswith("”" + again), quotes
        assert browser.find_element(By.CSS_SELECTOR, ".quote-choice details").get_attribute("open") is not None
        assert pdf_pages(browser) == 1
        screenshot(browser, "handout-chosen-quote-sv")
        assert axe_violations(browser) == []
    finally:
        browser.get(server["base"] + "/")  # a page with the CSRF token
        for coding in codings:
            remove(browser, coding, "Handout")


def test_the_workshop_pack_prints_one_page_per_station(browser, server):
    use_language(browser, server, "sv")
    browser.get(server["base"] + "/needs")
    browser.find_element(By.CSS_SELECTOR, "a[href='/handouts/workshops/ws-003-plan?easy_read=1']").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.sheet")))
    sheets = browser.find_elements(By.CSS_SELECTOR, "section.sheet")
    stations = browser.find_elements(By.CSS_SELECTOR, "section.sheet[data-theme]")
    assert [station.get_attribute("data-theme") for station in stations] == [
        "need.safety.night", "barrier.digital_exclusion", "precondition.consent"]
    # Cover and agenda, three stations, the consent sheet: five pages, one per sheet.
    assert len(sheets) == 5 and pdf_pages(browser) == 5
    text = printed_text(browser)
    for swedish in ("Workshop 3 – Trygg hemma, också på natten", "Program", "Station 2 – Utan BankID",
                    "Det här är svårt", "Om dina svar", "Du kan ändra dig när du vill."):
        assert swedish.lower() in text.lower(), swedish  # labels are set in capitals by the CSS
    for english in ENGLISH:
        assert english not in browser.find_element(By.TAG_NAME, "body").text, english
    # The plan's title on every station's sheet.
    assert all("workshop 3 – trygg hemma" in station.text.lower() for station in stations)
    screenshot(browser, "handout-pack-sv")
    assert axe_violations(browser) == []
    assert console_errors(browser) == []
