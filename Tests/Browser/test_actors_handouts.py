"""The actor map and a workshop handout in a real Chromium: the server-drawn SVG is inline,
readable, zooms and pans by keyboard and buttons (no animation under reduced motion); the
handout page is styled by its same-origin stylesheet, has a working Print button and prints to
an A4 PDF — with no console errors (CSP violations)."""
import base64
import shutil

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPOSITORY, console_errors, fresh_session, sample_workspace, screenshot, start_server, stop_server


def test_the_actor_map_is_inline_and_readable_under_the_csp(browser, server):
    browser.get(server["base"] + "/actors?min_evidence=1")
    svg = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#actor-map svg")))
    assert svg.get_attribute("role") == "img" and svg.get_attribute("aria-label").startswith("Actor map with ")
    assert browser.find_element(By.CSS_SELECTOR, "a[href='/actors'][aria-current=page]")
    # At actual size (0, "Actual size"; the map opens fitted) a node's label is at least 12 CSS
    # pixels tall: readable, not 7 px.
    browser.find_element(By.CSS_SELECTOR, "button[data-zoom='reset']").click()
    WebDriverWait(browser, 5).until(lambda driver: svg.value_of_css_property("transform") == "matrix(1, 0, 0, 1, 0, 0)")
    height = browser.execute_script(
        "return document.querySelector('#actor-map g.node text').getBoundingClientRect().height")
    assert height >= 12, height
    screenshot(browser, "actors")
    assert console_errors(browser) == []


def _state(browser):
    viewport = browser.find_element(By.ID, "actor-map")
    return tuple(viewport.get_attribute("data-" + name) for name in ("scale", "x", "y"))


def test_the_actor_map_zooms_and_pans_by_keyboard_and_buttons(browser, server):
    browser.get(server["base"] + "/actors")
    viewport = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#actor-map[data-scale]")))
    # It opens fitted to its box (at actual size it showed its empty top-left corner): the
    # whole drawing inside the viewport, centred across it.
    scale = float(_state(browser)[0])
    assert scale < 1
    box = browser.execute_script("return arguments[0].getBoundingClientRect().toJSON()", viewport)
    drawing = browser.execute_script("return arguments[0].querySelector('svg').getBoundingClientRect().toJSON()", viewport)
    assert box["left"] - 1 <= drawing["left"] and drawing["right"] <= box["right"] + 1
    assert box["top"] - 1 <= drawing["top"] and drawing["bottom"] <= box["bottom"] + 1
    assert abs((drawing["left"] - box["left"]) - (box["right"] - drawing["right"])) < 3 or drawing["width"] > box["width"] - 4
    screenshot(browser, "actors-fitted")
    # The viewport is in the tab order; keys act on it without moving the focus elsewhere.
    browser.execute_script("arguments[0].focus()", viewport)
    assert browser.switch_to.active_element == viewport
    keys = ActionChains(browser)
    keys.send_keys("0").perform()
    assert _state(browser) == ("1.000", "0", "0")
    keys = ActionChains(browser)
    keys.send_keys("+").perform()
    assert _state(browser)[0] == "1.250"
    keys = ActionChains(browser)
    keys.send_keys("-").send_keys("-").perform()
    assert _state(browser)[0] == "0.800"
    keys = ActionChains(browser)
    keys.send_keys("0").send_keys(Keys.ARROW_RIGHT).send_keys(Keys.ARROW_DOWN).perform()
    assert _state(browser) == ("1.000", "-60", "-60")
    svg = viewport.find_element(By.TAG_NAME, "svg")
    assert svg.value_of_css_property("transform") == "matrix(1, 0, 0, 1, -60, -60)" or "-60px" in svg.get_attribute("style")
    assert browser.switch_to.active_element == viewport
    # Buttons with accessible names do the same.
    names = {button.get_attribute("data-zoom"): button.accessible_name
             for button in browser.find_elements(By.CSS_SELECTOR, "button[data-zoom]")}
    assert names == {"in": "Zoom in", "out": "Zoom out", "reset": "Actual size", "fit": "Fit the map"}
    browser.find_element(By.CSS_SELECTOR, "button[data-zoom='reset']").click()
    WebDriverWait(browser, 5).until(lambda driver: svg.value_of_css_property("transform") == "matrix(1, 0, 0, 1, 0, 0)")
    browser.find_element(By.CSS_SELECTOR, "button[data-zoom='in']").click()
    assert _state(browser)[0] == "1.250"
    assert console_errors(browser) == []


def test_the_actor_map_does_not_animate_under_reduced_motion(browser, server):
    try:
        for preference, duration in (("reduce", 0.0), ("no-preference", 0.12)):
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-reduced-motion", "value": preference}]})
            browser.get(server["base"] + "/actors")
            svg = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#actor-map svg")))
            seconds = float(svg.value_of_css_property("transition-duration").rstrip("s"))
            assert abs(seconds - duration) < 0.01, (preference, seconds)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


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


def test_every_writing_box_stays_on_its_sheet_in_print(browser):
    """In print, each sheet is one A4 page: its writing boxes end above its footer, and nothing
    runs past the sheet (a new user found a two-line question pushing its box over the footer of
    the easy-read sheet on contact with the city, and the night sheet running onto a second page).
    The sample study with its codings (codings/), so that the sheets hold their quotes and solutions."""
    workspace = sample_workspace("fieldwork-handouts-")
    shutil.copytree(REPOSITORY / "codings", workspace / "codings")
    process, server = start_server(workspace)
    fresh_session(browser, server["base"])
    browser.get(server["url"])
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for path in ["/handouts/need.contact_city?easy_read=1", "/handouts/need.contact_city",
                     "/handouts/need.safety.night", "/handouts/need.safety.night?easy_read=1"]:
            browser.get(server["base"] + path)
            WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".sheet .write")))
            problems = browser.execute_script("""
                const out = [];
                for (const sheet of document.querySelectorAll('.sheet')) {
                  const bottom = sheet.getBoundingClientRect().bottom + 0.5;
                  const footer = sheet.querySelector('.sheet-footer');
                  const limit = footer ? footer.getBoundingClientRect().top + 0.5 : bottom;
                  sheet.querySelectorAll('.write').forEach((box, i) => {
                    const r = box.getBoundingClientRect();
                    if (r.bottom > limit) out.push('box ' + (i + 1) + ' ends ' + (r.bottom - limit).toFixed(1) + 'px below the footer');
                    if (r.height < 28) out.push('box ' + (i + 1) + ' is ' + r.height.toFixed(1) + 'px, less than a line');
                  });
                  if (sheet.scrollHeight > sheet.clientHeight + 1) out.push('the sheet overflows by ' + (sheet.scrollHeight - sheet.clientHeight) + 'px');
                }
                return out;""")
            # The sheet holds what the sample gives it: two quotes or an easy-read quote, not the empty state.
            assert browser.find_elements(By.CSS_SELECTOR, ".sheet blockquote"), path
            assert problems == [], f"{path}: {problems}"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        stop_server(process, workspace)
