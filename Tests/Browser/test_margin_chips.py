"""Margin code labels sit beside the words they code, not at the top of the turn (issue 12,
"Coding flow"): a coding in the second paragraph of a long turn has its chip on that line."""
from selenium.webdriver.common.by import By

from conftest import console_errors
from test_accessibility import remove
from test_coding_details import code
from test_workbench import wait

POSITIONS = """
const chip = document.querySelector(`button.chip[data-coding="${arguments[0]}"]`);
const mark = document.querySelector(`mark.hl[data-coding="${arguments[0]}"]`);
const segment = chip.closest('section.segment');
return {chip: chip.getBoundingClientRect().top, mark: mark.getClientRects()[0].top,
        segment: segment.getBoundingClientRect().top, text: segment.querySelector('.text').getBoundingClientRect().top};
"""


def test_a_chip_sits_on_the_line_where_its_coding_starts(browser, server):
    browser.get(server["base"] + "/")
    early = code(browser, "int-001", "jag vaknar tidigt", "need.safety", "Margin")
    late = code(browser, "int-001", "Man hinner inte lära känna dem", "need.safety.night", "Margin")
    try:
        browser.get(server["base"] + "/documents/int-001")
        wait(browser).until(lambda d: d.execute_script("return document.fonts.status") == "loaded")
        first = browser.execute_script(POSITIONS, early["id"])
        second = browser.execute_script(POSITIONS, late["id"])
        # The late coding starts several lines (in the turn's second paragraph) below its top...
        assert second["mark"] - second["text"] > 120, second
        # ...and its chip is beside it, not stacked under the first chips at the top. (Other tests
        # may have coded the turn's first lines too: those chips stack, never above their words.)
        assert abs(second["chip"] - second["mark"]) < 12, second
        assert first["chip"] >= first["mark"] - 12, first
        # The width changes (a narrower window wraps lines differently): the chip follows.
        browser.set_window_size(1100, 1000)
        wait(browser).until(lambda d: abs(d.execute_script(POSITIONS, late["id"])["chip"]
                                          - d.execute_script(POSITIONS, late["id"])["mark"]) < 12)
        assert console_errors(browser) == []
    finally:
        browser.set_window_size(1400, 1000)
        remove(browser, early, "Margin")
        remove(browser, late, "Margin")


CHIP_FIT = """
const chip = document.querySelector(`button.chip[data-coding="${arguments[0]}"]`);
const margin = chip.closest('.margin').getBoundingClientRect();
const segment = chip.closest('section.segment');
const box = chip.getBoundingClientRect();
const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
return {cut: chip.scrollWidth > chip.clientWidth, width: box.width, right: box.right, marginRight: margin.right,
        marginWidth: margin.width, segmentRight: segment.getBoundingClientRect().right, rem,
        padding: parseFloat(getComputedStyle(segment).paddingRight),
        text: chip.textContent, title: chip.title, label: chip.getAttribute('aria-label')};
"""


def test_a_long_code_name_uses_the_free_margin_and_is_cut_only_when_it_must_be(browser, server):
    """Chips were cut (…) at 13rem however much room the margin had to their right."""
    # ws-002: a document no other test codes (the suite shares one server).
    browser.get(server["base"] + "/")
    coding = code(browser, "ws-002", "Bus station after 20:00", "barrier.digital_exclusion.device", "Chips")
    try:
        browser.set_window_size(1400, 1000)
        browser.get(server["base"] + "/documents/ws-002")
        wait(browser).until(lambda d: d.execute_script("return document.fonts.status") == "loaded")
        fit = browser.execute_script(CHIP_FIT, coding["id"])
        assert fit["text"] == "No smartphone, internet or working device", fit
        # The margin runs to the passage's edge (no free space beside it) and the name is whole,
        # wider than the 13rem it used to be cut at.
        assert abs(fit["marginRight"] - (fit["segmentRight"] - fit["padding"])) < 2, fit
        assert not fit["cut"] and fit["width"] > 13 * fit["rem"] and fit["right"] <= fit["marginRight"] + 1, fit
        # A window too narrow for it: cut, with the whole name in its title and accessible name.
        browser.set_window_size(1000, 1000)
        wait(browser).until(lambda d: d.execute_script(CHIP_FIT, coding["id"])["cut"])
        fit = browser.execute_script(CHIP_FIT, coding["id"])
        assert fit["right"] <= fit["marginRight"] + 1, fit
        assert fit["title"] == fit["label"] == "No smartphone, internet or working device, coded by Chips", fit
        assert console_errors(browser) == []
    finally:
        browser.set_window_size(1400, 1000)
        remove(browser, coding, "Chips")
