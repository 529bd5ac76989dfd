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
