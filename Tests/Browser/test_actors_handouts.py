"""The actor map and a workshop handout in a real Chromium: the server-drawn SVG loads as an
image under the CSP, and the handout page is styled by its same-origin stylesheet, has a
working Print button and prints to an A4 PDF — with no console errors (CSP violations)."""
import base64

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import console_errors, screenshot


def test_the_actor_map_image_loads_under_the_csp(browser, server):
    browser.get(server["base"] + "/actors?min_evidence=1")
    image = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "img.actor-map")))
    WebDriverWait(browser, 20).until(lambda driver: driver.execute_script(
        "return arguments[0].complete && arguments[0].naturalWidth > 0", image))
    assert browser.find_element(By.CSS_SELECTOR, "a[href='/actors'][aria-current=page]")
    screenshot(browser, "actors")
    assert console_errors(browser) == []


def test_the_handout_prints_to_a4_pdf(browser, server):
    browser.get(server["base"] + "/handouts/need.safety.night")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "print-handout")))
    writing = browser.find_element(By.CSS_SELECTOR, ".write")
    # The border comes from /static/handout.css: proof the stylesheet was allowed and applied.
    assert writing.value_of_css_property("border-top-style") == "solid"
    # Written in the sample codebook's language (Swedish), whatever the interface speaks.
    assert browser.find_element(By.TAG_NAME, "h1").text == "Att känna sig trygg på natten"
    browser.execute_script("window.print = () => { document.body.dataset.printed = 'yes'; };")
    browser.find_element(By.ID, "print-handout").click()
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-printed") == "yes"
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5000
    screenshot(browser, "handout")
    assert console_errors(browser) == []
