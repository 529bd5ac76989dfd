"""Accessibility in Chromium: axe-core (shipped by PyPI's axe-selenium-python) on every page and
on the open dialogs must report no violation of any impact; keyboard focus is visible and motion
stops when the reader asks for less. Narrow windows: test_narrow_windows.py."""
import pytest
from selenium_axe_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

import shutil

from conftest import REPOSITORY, console_errors, fresh_session, sample_workspace, start_server, stop_server
from test_coding_details import code
from test_workbench import SELECT_SCALARS, api, wait

# Every page a person can reach from the navigation, plus the pages behind links.
PAGES = [
    "/", "/documents/int-001", "/codebook", "/retrieval", "/retrieval?code=need.safety",
    "/search?q=trygg", "/search", "/orphans", "/needs", "/needs/need.safety.night", "/solutions",
    "/actors", "/agreement", "/cooccurrence", "/disagreements", "/handouts/need.safety.night",
    "/handouts/need.safety.night?easy_read=1", "/handouts/barrier.digital_exclusion?lang=en",
    "/handouts/workshops/ws-003-plan", "/handouts/workshops/ws-003-plan?easy_read=1",
    "/matrix", "/matrix?rows=administration", "/audit", "/register",
    "/matrix?rows=participant&attribute=age_band&attribute=living_situation",
    "/report", "/report?lang=en&for_publication=1", "/memos",
]
# Pages behind a table cell's link: the first cell of the matrix (documents as rows) and of the
# co-occurrence map, once `cell_codings` applied two codes to the same words.
CELL_PAGES = {"matrix-passages": ("/matrix?rows=document", "table.matrix a[href^='/matrix/passages']"),
              "cooccurrence-passages": ("/cooccurrence", "table a[href^='/cooccurrence/passages']")}


def remove(driver, coding, coder="Axe"):
    """Takes a test's coding away again: other tests count the codings of int-099."""
    status = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch(`/api/codings/${arguments[0]}?coder=${encodeURIComponent(arguments[1])}`, {method: 'DELETE', credentials: 'same-origin',
              headers: {'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]').content}}).then(r => done(r.status));
        """, coding["id"], coder)
    assert status == 204


# Every rule runs (WCAG rules and best practices that apply; nothing is switched off). Only the
# violations are asserted, so axe lists every node only for them (`resultTypes`: the passes,
# incomplete and inapplicable results keep one node each) and only they come back over
# WebDriver: on long pages the full results were megabytes of JSON, most of axe's time here.
RUN_AXE = """
const context = arguments[0], done = arguments[arguments.length - 1];
axe.run(context === null ? document : context, {resultTypes: ['violations']}).then(
  results => done(results.violations.map(v => [v.id, v.impact, v.nodes.map(node => node.target).slice(0, 5), v.help])),
  error => done({error: String(error)}));
"""


def axe_violations(driver, context=None):
    Axe(driver).inject()
    violations = driver.execute_async_script(RUN_AXE, context)
    assert not isinstance(violations, dict), violations  # axe itself failed
    return [tuple(violation) for violation in violations]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violation_on_the_page(browser, server, path):
    browser.get(server["base"] + path)
    wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    assert axe_violations(browser) == []
    assert console_errors(browser) == []


def cell_codings(driver, server):
    """Two codes on the same words of int-099 (the workspace starts without codings): a matrix
    cell and a co-occurrence cell to open. Take them away again with `remove`."""
    driver.get(server["base"] + "/")
    return [code(driver, "int-099", "varje kväll", code_id, "Axe") for code_id in ("need.safety", "need.safety.night")]


def cell_page(driver, server, name):
    """Opens the first cell of the matrix or the co-occurrence map and returns its address."""
    page, selector = CELL_PAGES[name]
    driver.get(server["base"] + page)
    link = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, selector)))
    href = link.get_attribute("href")
    driver.get(href)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return href


@pytest.mark.parametrize("name", list(CELL_PAGES))
def test_axe_finds_no_violation_on_the_passages_behind_a_cell(browser, server, name):
    codings = cell_codings(browser, server)
    try:
        # The page with its cells (links in the heat map too), then the passages behind one.
        browser.get(server["base"] + CELL_PAGES[name][0])
        assert axe_violations(browser) == []
        cell_page(browser, server, name)
        assert browser.find_elements(By.CSS_SELECTOR, "ol.retrieval > li")
        assert axe_violations(browser) == []
        assert console_errors(browser) == []
    finally:
        for coding in codings:
            remove(browser, coding)


def open_picker(driver, server):
    driver.get(server["base"] + "/documents/int-099")
    text = api(driver, "/api/documents/int-099")["text"]
    start = text.index("ringer")
    driver.execute_script(SELECT_SCALARS, start, start + len("ringer"))
    return wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=combobox]")))


def test_axe_finds_no_violation_in_the_open_dialogs(browser, server):
    # The code picker, with its list filtered.
    picker = open_picker(browser, server)
    picker.send_keys("trygg")
    assert axe_violations(browser) == []
    picker.send_keys(Keys.ESCAPE)

    # A coding's details, opened from a margin chip.
    coding = code(browser, "int-099", "varje kväll", "need.safety", "Axe")
    browser.get(server["base"] + "/documents/int-099")
    chip = wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.chip")))
    chip.click()
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#panel textarea.memo-input")))
    assert axe_violations(browser) == []
    remove(browser, coding)

    # The coder name dialog and the keyboard help.
    browser.get(server["base"] + "/")
    browser.find_element(By.ID, "coder-button").click()
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog[open]")))
    assert axe_violations(browser) == []
    browser.find_element(By.CSS_SELECTOR, "dialog[open]").send_keys(Keys.ESCAPE)
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.help-dialog[open]")))
    assert axe_violations(browser) == []
    assert console_errors(browser) == []


def test_highlights_and_margin_codes_have_names_and_focus_is_visible(browser, server):
    browser.get(server["base"] + "/")
    coding = code(browser, "int-099", "trygg i lägenheten", "need.safety", "Axe")
    browser.get(server["base"] + "/documents/int-099")
    chips = browser.find_elements(By.CSS_SELECTOR, "button.chip")
    assert chips and all(", coded by " in chip.get_attribute("aria-label") for chip in chips)
    marks = browser.find_elements(By.CSS_SELECTOR, "#transcript mark")
    for mark in marks:  # each highlight is described by its chip: "code, coded by name"
        described = browser.find_element(By.ID, mark.get_attribute("aria-describedby"))
        assert ", coded by " in described.get_attribute("aria-label")
    assert marks
    remove(browser, coding)
    # Tab from the skip link into the page: each focused control draws an outline.
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(12):
        outline = browser.execute_script(
            "const s = getComputedStyle(document.activeElement);"
            "return [s.outlineStyle, s.outlineWidth, s.boxShadow];")
        assert outline[0] != "none" or outline[2] != "none", browser.execute_script(
            "return document.activeElement.outerHTML.slice(0, 200)")
        browser.switch_to.active_element.send_keys(Keys.TAB)


def test_reduced_motion_stops_animations(browser, server):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    browser.get(server["base"] + "/documents/int-001")
    durations = browser.execute_script(
        "return [...document.querySelectorAll('*')].map(e => getComputedStyle(e))"
        ".flatMap(s => [s.animationDuration, s.transitionDuration])"
        ".flatMap(d => d.split(',')).map(d => parseFloat(d)).filter(d => d > 0.001)")
    assert durations == []


@pytest.fixture(scope="module")
def studied_server():
    """The sample with its three coders' codings: passages where four codings stack."""
    workspace = sample_workspace("fieldwork-studied-")
    shutil.copytree(REPOSITORY / "codings", workspace / "codings")
    process, details = start_server(workspace)
    yield details
    stop_server(process, workspace)


def test_stacked_highlights_keep_the_text_readable(studied_server, shared_driver):
    """Four codings on one passage of pl-001: the tints stacked to 3.8:1 (axe, color-contrast)."""
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.get(studied_server["url"])
    shared_driver.get(studied_server["base"] + "/documents/pl-001")
    wait(shared_driver).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    deepest = shared_driver.execute_script("return document.querySelectorAll('mark.hl mark.hl mark.hl mark.hl').length")
    assert deepest > 0, "the sample no longer stacks four codings on pl-001"
    assert axe_violations(shared_driver) == []


# The pages again in the dark theme (`prefers-color-scheme: dark`), where every colour is another
# one: the transcript with four stacked codings (studied sample), the code tints and chips, the
# tables, heat maps and the actor map's page.
DARK_PAGES = ["/documents/pl-001", "/documents/int-001", "/codebook", "/retrieval?code=need.safety", "/needs",
              "/needs/need.safety.night", "/actors", "/matrix", "/cooccurrence", "/agreement", "/report"]


@pytest.mark.parametrize("path", DARK_PAGES)
def test_axe_finds_no_violation_in_the_dark_theme(studied_server, shared_driver, path):
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                  {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    shared_driver.get(studied_server["url"])
    shared_driver.get(studied_server["base"] + path)
    wait(shared_driver).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    assert shared_driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    assert axe_violations(shared_driver) == []
    assert console_errors(shared_driver) == []


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Every heat-map cell's colour, the number drawn on it and the background the map is drawn on.
HEAT_COLOURS = """
const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
const map = document.querySelector('svg.heatmap');
let back = null;
for (let e = map; e && !back; e = e.parentElement) {
  const colour = getComputedStyle(e).backgroundColor;
  if (!/rgba\\(0, 0, 0, 0\\)|transparent/.test(colour)) back = colour;
}
const cells = [...map.querySelectorAll('a')].map(link => {
  const number = link.querySelector('text.heat-count');
  const rect = getComputedStyle(link.querySelector('rect.heat'));
  return [rgb(rect.fill), Number(rect.fillOpacity), number && rgb(getComputedStyle(number).fill),
          number && number.textContent, link.getAttribute('aria-label')];
});
return [cells, rgb(back || getComputedStyle(document.body).backgroundColor)];
"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_heat_maps_cells_stand_out_from_the_background(studied_server, shared_driver, theme):
    """axe does not measure graphics: the co-occurrence cells were dark blue on the dark theme's
    background (2:1 at full strength), and a weak cell was a 15 % tint that all but vanished.
    Every cell must reach 3:1 against the page (WCAG 1.4.11) and show its number at 4.5:1."""
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                  {"features": [{"name": "prefers-color-scheme", "value": theme}]})
    shared_driver.get(studied_server["url"])
    shared_driver.get(studied_server["base"] + "/cooccurrence")
    wait(shared_driver).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "svg.heatmap rect.heat"))
    cells, background = shared_driver.execute_script(HEAT_COLOURS)
    assert cells
    # The colour seen: the fill over the background, as opaque as it is drawn.
    cells = [([opacity * c + (1 - opacity) * b for c, b in zip(fill, background)], number, text, label)
             for fill, opacity, number, text, label in cells]
    # The sample study has weak and strong pairs: more than one colour step is measured.
    assert len({tuple(cell) for cell, _, _, _ in cells}) > 1
    for cell, number, text, label in cells:
        assert contrast(cell, background) >= 3, (label, cell, background)
        assert number is not None and text.isdigit() and label.startswith(text + " "), (label, text)
        assert contrast(number, cell) >= 4.5, (label, number, cell)


def test_the_co_occurrence_coder_is_chosen_by_name(studied_server, shared_driver):
    """The hint said `?coder=NAME`, to be typed into the address bar: the page offers the study's
    coders instead, and choosing one shows that coder's codings."""
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.get(studied_server["url"])
    shared_driver.get(studied_server["base"] + "/cooccurrence")
    assert "?coder=NAME" not in shared_driver.page_source
    choice = shared_driver.find_element(By.CSS_SELECTOR, "form.filters select[name='coder']")
    names = [option.text for option in choice.find_elements(By.TAG_NAME, "option")]
    assert names[0] == "All coders" and "Jonas Ek" in names and "Maja Lind" in names, names
    choice.find_element(By.CSS_SELECTOR, "option[value='Jonas Ek']").click()
    shared_driver.find_element(By.CSS_SELECTOR, "form.filters button[type='submit']").click()
    wait(shared_driver).until(lambda driver: "coder=Jonas+Ek" in driver.current_url)
    assert "by Jonas Ek" in shared_driver.find_element(By.CSS_SELECTOR, "main p.hint").text


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_selected_coding_inside_others_keeps_the_text_readable(studied_server, shared_driver, theme):
    """A coding selected (its details open) or pointed at is marked on the page; on a passage with
    other codings around it, a stronger tint took the text to 2-3:1."""
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                  {"features": [{"name": "prefers-color-scheme", "value": theme}]})
    shared_driver.get(studied_server["url"])
    shared_driver.get(studied_server["base"] + "/documents/pl-001")
    wait(shared_driver).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    # The innermost of the codings stacked deepest: its chip opens its details.
    coding = shared_driver.execute_script(
        "return document.querySelector('mark.hl mark.hl mark.hl mark.hl').dataset.coding")
    shared_driver.find_element(By.CSS_SELECTOR, f"button.chip[data-coding='{coding}']").click()
    wait(shared_driver).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, "#transcript mark.hl.is-active"))
    # Pointed at too (the chip's hover marks its passage `is-hot`).
    shared_driver.execute_script(
        "for (const m of document.querySelectorAll(`mark.hl[data-coding='${arguments[0]}']`)) m.classList.add('is-hot')", coding)
    marked = shared_driver.execute_script(
        "return [...document.querySelectorAll('#transcript mark.hl.is-active')].map(m => getComputedStyle(m).outlineStyle)")
    assert marked and all(style != "none" for style in marked), marked
    assert axe_violations(shared_driver, {"include": [["#transcript"]]}) == []


def test_every_chip_shows_its_coders_initials_whole(studied_server, shared_driver):
    """A margin chip ends with its coder's initials; a name too long for the margin is cut before
    them. They followed the name inline: cut off with it, or half a badge with no letters."""
    fresh_session(shared_driver, studied_server["base"])
    shared_driver.get(studied_server["url"])
    # The margin takes the room the text leaves: in a wide window every sample name fits, so a
    # narrower one (the margin at its 10rem) has names to cut.
    size = shared_driver.get_window_size()
    shared_driver.set_window_size(1000, size["height"])
    try:
        shared_driver.get(studied_server["base"] + "/documents/pl-001")
        wait(shared_driver).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
        chips = shared_driver.execute_script(CHIP_BADGES)
    finally:
        shared_driver.set_window_size(size["width"], size["height"])
    assert any(chip["cut"] for chip in chips), "the sample no longer has a name too long for the margin"
    assert [chip["name"] for chip in chips if not chip["fits"]] == []


# Each chip's name, whether it is cut, and whether its initials' badge fits in its right padding.
CHIP_BADGES = """
        return [...document.querySelectorAll('button.chip[data-initials]')].map(chip => {
          const after = getComputedStyle(chip, '::after');
          // The badge's width, measured on a hidden copy with the pseudo-element's type.
          const probe = document.createElement('span');
          probe.textContent = chip.dataset.initials;
          for (const name of ['font-family', 'font-size', 'font-weight', 'letter-spacing', 'padding-left', 'padding-right'])
            probe.style.setProperty(name, after.getPropertyValue(name));
          Object.assign(probe.style, {position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap'});
          document.body.append(probe);
          const badge = probe.getBoundingClientRect().width;
          probe.remove();
          const room = parseFloat(getComputedStyle(chip).paddingRight) - parseFloat(after.right);
          return {name: chip.textContent, cut: chip.scrollWidth > chip.clientWidth, fits: after.position === 'absolute' && badge <= room};
        });"""


@pytest.mark.parametrize("path", ["/actors", "/matrix"])
def test_filter_checkboxes_sit_beside_their_words(browser, server, path):
    """A filter's checkbox is on the line of its words, just before them (it sat centred above
    them, or far from them, as a field's label does)."""
    browser.get(server["base"] + path)
    wait(browser).until(lambda driver: driver.execute_script("return document.readyState") == "complete")
    boxes = browser.execute_script("""
        return [...document.querySelectorAll('.filters label')].filter(l => l.querySelector(':scope > input[type=checkbox]')).map(label => {
          const box = label.querySelector('input').getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(label);
          range.setStartAfter(label.querySelector('input'));
          const words = range.getBoundingClientRect();
          return {text: label.textContent.trim(), level: Math.abs((box.top + box.bottom) / 2 - (words.top + words.bottom) / 2),
                  gap: words.left - box.right};
        });""")
    assert boxes, "no checkbox in the page's filters"
    assert [box["text"] for box in boxes if box["level"] > 6 or not (0 <= box["gap"] <= 16)] == [], boxes
