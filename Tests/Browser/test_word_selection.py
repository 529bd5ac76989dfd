"""A drag of the mouse is widened to whole words: a new user's drag from inside "Ja" to inside
"oftast" coded "a, jag vaknar tidigt, oft", which the need page and its handout then quoted."""
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import console_errors
from test_workbench import api, pick_code, wait

# A point in the left quarter of the character at scalar `offset` (the caret lands before it),
# in viewport pixels.
POINT_AT = """
const [offset, scroll] = arguments;
for (const run of document.querySelectorAll('#transcript span.run')) {
  const base = Number(run.dataset.s);
  const points = Array.from(run.firstChild ? run.firstChild.data : '');
  if (offset >= base && offset < base + points.length) {
    const utf16 = points.slice(0, offset - base).join('').length;
    if (scroll) run.scrollIntoView({block: 'center'});
    const range = document.createRange();
    range.setStart(run.firstChild, utf16);
    range.setEnd(run.firstChild, utf16 + points[offset - base].length);
    const rect = range.getBoundingClientRect();
    return [rect.left + rect.width / 4, rect.top + rect.height / 2];
  }
}
throw new Error('no run holds offset ' + offset);
"""


def drag(browser, start, end):
    """Press the mouse on the character at `start`, release it on the one at `end`."""
    browser.execute_script(POINT_AT, start, True)
    (x1, y1), (x2, y2) = browser.execute_script(POINT_AT, start, False), browser.execute_script(POINT_AT, end, False)
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(x1, y1).pointer_down().move_to_location(x2, y2).pointer_up()
    actions.perform()


def test_a_drag_that_starts_and_ends_inside_words_codes_the_whole_words(browser, server):
    browser.get(server["base"] + "/documents/int-001")
    text = api(browser, "/api/documents/int-001")["text"]
    sentence = "Ja, jag vaknar tidigt, oftast"
    at = text.index(sentence)
    # From the "a" of "Ja" to the second "t" of "oftast".
    drag(browser, at + 1, at + sentence.index("oftast") + 2)
    pick_code(browser, "need.safety.night")
    wait(browser).until(lambda driver: any(c["coder"] == "Selenium" for c in api(driver, "/api/codings?document=int-001")))
    coding = next(c for c in api(browser, "/api/codings?document=int-001") if c["coder"] == "Selenium")
    assert (coding["quote"], coding["start"], coding["end"]) == (sentence, at, at + len(sentence))
    assert console_errors(browser) == []
