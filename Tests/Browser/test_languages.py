"""Swedish and English in Chromium: every page in both languages (axe-clean, no console error,
a screenshot each under exports/screenshots/), the switch remembered per browser, the scripts
speaking the page's language, and a code created from the picker and applied at once."""
import pathlib

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import console_errors, screenshot
from test_accessibility import CELL_PAGES, axe_violations, cell_codings, cell_page, remove
from test_expected import codebook_dialog
from test_workbench import SELECT_SCALARS, api, wait

PAGES = {
    "documents": "/", "document": "/documents/int-001", "codebook": "/codebook",
    "retrieval": "/retrieval?code=need.safety", "search": "/search?q=trygg", "orphans": "/orphans",
    "needs": "/needs", "need": "/needs/need.safety.night", "solutions": "/solutions", "actors": "/actors",
    "agreement": "/agreement", "cooccurrence": "/cooccurrence", "disagreements": "/disagreements",
    "matrix": "/matrix", "audit": "/audit", "register": "/register", "document-print": "/documents/int-001/print",
    "retrieval-empty": "/retrieval",
}
HEADINGS = {"en": {"documents": "Documents", "codebook": "Codebook", "orphans": "Orphaned codings",
                   "matrix": "Code × case", "audit": "Audit"},
            "sv": {"documents": "Dokument", "codebook": "Kodbok", "orphans": "Kodningar utan fäste",
                   "matrix": "Kod × fall", "audit": "Granskningslogg"}}
# Words of the matrix and audit pages and of the passages behind a cell, per language.
WORDS = {"en": {"matrix": "Rows", "audit": "the hash chain is intact", "matrix-passages": "Back to the matrix",
                "cooccurrence-passages": "Back to co-occurrence", "solutions": "Door sensor on the front door",
                "matrix-participants": "resident"},
         "sv": {"matrix": "Rader", "audit": "hashkedjan är obruten", "matrix-passages": "Tillbaka till matrisen",
                "cooccurrence-passages": "Tillbaka till samförekomst", "solutions": "Dörrsensor på ytterdörren",
                "matrix-participants": "boende"}}
# Words that must not be on a page in that language (untranslated values).
NOT_WORDS = {"en": {"solutions": "Dörrsensor"},
             "sv": {"solutions": "Door sensor on the front door", "matrix-participants": "resident"}}
# Handouts are written in the workshop's language (`lang=` overrides it): each in both.
HANDOUTS = {"handout": "/handouts/need.safety.night", "handout-easy-read": "/handouts/need.safety.night?easy_read=1",
            "workshop-pack": "/handouts/workshops/ws-003-plan"}


def use_language(driver, server, language):
    driver.get(f"{server['base']}/language/{language}?next=/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_page_in_both_languages(browser, server, language):
    use_language(browser, server, language)
    for name, path in PAGES.items():
        browser.get(server["base"] + path)
        wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, path
        if name in HEADINGS[language]:
            assert browser.find_element(By.TAG_NAME, "h1").text == HEADINGS[language][name]
        # The script's own texts come from the same catalogue.
        coder = browser.find_element(By.ID, "coder-button").text
        assert coder.startswith("Kodare" if language == "sv" else "Coder"), coder
        if name in WORDS[language]:
            assert WORDS[language][name] in browser.find_element(By.TAG_NAME, "main").text, path
        if name in NOT_WORDS[language]:
            assert NOT_WORDS[language][name] not in browser.find_element(By.TAG_NAME, "main").text, path
        assert axe_violations(browser) == [], path
        screenshot(browser, f"{name}-{language}")
    codings = cell_codings(browser, server)
    try:
        for name in CELL_PAGES:  # the passages behind a cell of the matrix and of the co-occurrence map
            path = cell_page(browser, server, name)
            assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, path
            assert WORDS[language][name] in browser.find_element(By.TAG_NAME, "main").text, path
            assert axe_violations(browser) == [], path
            screenshot(browser, f"{name}-{language}")
        # Participant rows with their role: the register's value in the interface language.
        browser.get(server["base"] + "/matrix?rows=participant&attribute=age_band&attribute=living_situation")
        roles = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody td:nth-of-type(1)")]
        assert roles and WORDS[language]["matrix-participants"] in roles, roles
        assert NOT_WORDS[language].get("matrix-participants", "-") not in roles, roles
        assert axe_violations(browser) == []
        screenshot(browser, f"matrix-participants-{language}")
    finally:
        for coding in codings:
            remove(browser, coding)
    assert console_errors(browser) == []


def test_the_switch_is_remembered_and_dialogs_follow_it(browser, server):
    browser.get(server["base"] + "/codebook")
    browser.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang='sv']").click()
    wait(browser).until(lambda driver: driver.find_element(By.TAG_NAME, "h1").text == "Kodbok")
    assert browser.current_url.endswith("/codebook")
    # The add-a-child dialog names the kind it inherits in Swedish, not by its id ("need").
    dialog = codebook_dialog(browser, "need.safety", "add-child")
    assert "ärver typen ”behov”" in dialog.text, dialog.text
    dialog.send_keys(Keys.ESCAPE)
    wait(browser).until(EC.invisibility_of_element_located((By.CSS_SELECTOR, "dialog.fw-dialog")))
    browser.get(server["base"] + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Dokument"
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    dialog = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.help-dialog[open]")))
    assert "Kortkommandon" in dialog.text
    screenshot(browser, "keyboard-help-sv")
    browser.find_element(By.CSS_SELECTOR, "dialog[open] button.primary").click()
    browser.find_element(By.CSS_SELECTOR, "nav.languages a[hreflang='en']").click()
    wait(browser).until(lambda driver: driver.find_element(By.TAG_NAME, "h1").text == "Documents")


def open_picker_on(driver, server, quote):
    driver.get(server["base"] + "/documents/int-099")
    text = api(driver, "/api/documents/int-099")["text"]
    start = text.index(quote)
    driver.execute_script(SELECT_SCALARS, start, start + len(quote))
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=combobox]")))


def test_the_picker_matches_descriptions_and_examples(browser, server):
    codes = {code["id"]: code for code in api(browser, "/api/codebook")}
    # A word of need.safety.night's example that is in no code's name, id or parent's name.
    picker = open_picker_on(browser, server, "varje kväll")
    picker.send_keys("trapphuset")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "[role=option][data-code='need.safety.night']")))
    assert "trapphuset" in " ".join(codes["need.safety.night"]["examples"])
    assert all("trapphuset" not in code["name"].lower() for code in codes.values())


def test_a_code_created_in_the_picker_is_written_and_applied_at_once(browser, server):
    use_language(browser, server, "sv")
    quote = "någon bryr sig"
    picker = open_picker_on(browser, server, quote)
    picker.send_keys("Omtanke från anhöriga")
    create = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.picker-create")))
    assert create.text == "Skapa koden ”Omtanke från anhöriga”…"
    assert axe_violations(browser) == []
    picker.send_keys(Keys.ENTER)  # Enter with no match opens the same form
    form = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".new-code")))
    parent = form.find_element(By.CSS_SELECTOR, "select[id^='new-code-parent']")
    parent.find_element(By.CSS_SELECTOR, "option[value='need.safety']").click()
    assert form.find_element(By.CSS_SELECTOR, "select[id^='new-code-kind']").get_attribute("value") == "need"
    screenshot(browser, "picker-new-code-sv")
    assert axe_violations(browser) == []
    form.find_element(By.CSS_SELECTOR, "button.primary").click()
    wait(browser).until(lambda driver: any(
        c["code"] == "need.safety.omtanke_fran_anhoriga" for c in api(driver, "/api/codings?document=int-099")))
    coding = next(c for c in api(browser, "/api/codings?document=int-099") if c["code"] == "need.safety.omtanke_fran_anhoriga")
    assert coding["quote"] == quote and coding["coder"] == "Selenium"
    created = next(code for code in api(browser, "/api/codebook") if code["id"] == "need.safety.omtanke_fran_anhoriga")
    assert (created["name"], created["parent"], created["kind"]) == ("Omtanke från anhöriga", "need.safety", "need")
    yaml = "\n".join(path.read_text(encoding="utf-8") for path in pathlib.Path(server["workspace"], "codebooks").glob("*.yaml"))
    assert "id: need.safety.omtanke_fran_anhoriga" in yaml and "name: Omtanke från anhöriga" in yaml
    wait(browser).until(EC.presence_of_element_located(
        (By.CSS_SELECTOR, "#transcript mark.hl[data-code='need.safety.omtanke_fran_anhoriga']")))
    assert console_errors(browser) == []
    # Other tests count the codings of int-099.
    remove(browser, coding, "Selenium")


def test_empty_states_teach(browser, server):
    use_language(browser, server, "sv")
    codes = api(browser, "/api/codebook")
    parents = {code["parent"] for code in codes}
    unused = [code for code in codes if code["codings"] == 0 and code["id"] not in parents]  # leaves, never coded
    browser.get(server["base"] + "/retrieval?code=" + next(code["id"] for code in unused if code["kind"] != "need"))
    text = browser.find_element(By.CSS_SELECTOR, "p.empty").text
    assert "Ingen passage är kodad" in text and "kodväljaren" in text
    browser.get(server["base"] + "/needs/" + next(code["id"] for code in unused if code["kind"] == "need"))
    assert "Inga belägg ännu" in browser.find_element(By.CSS_SELECTOR, "p.empty").text


@pytest.mark.parametrize("language", ["en", "sv"])
def test_every_handout_in_both_languages(browser, server, language):
    use_language(browser, server, "sv" if language == "en" else "en")  # the interface does not decide
    for name, path in HANDOUTS.items():
        browser.get(server["base"] + path + ("&" if "?" in path else "?") + f"lang={language}")
        wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "section.sheet")))
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, path
        assert axe_violations(browser) == [], path
        screenshot(browser, f"{name}-{language}")
    assert console_errors(browser) == []

