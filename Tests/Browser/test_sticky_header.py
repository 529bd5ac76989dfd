"""The sticky header is two or three rows tall (more in Swedish and in narrower windows), and
scroll-padding-top guessed 4.5rem: a link into a transcript landed with the passage's first
lines under the header. Its real height is now kept in --header-height (app.js), which the
padding, sticky table heads and the jump to a passage use."""
import pytest
from selenium.webdriver.common.by import By

from conftest import console_errors, screenshot
from test_languages import use_language
from test_workbench import api, wait

RECT = "return arguments[0].getBoundingClientRect().toJSON()"


@pytest.mark.parametrize("language,width", [("en", 1400), ("sv", 1400), ("sv", 1024), ("en", 820)])
def test_a_jump_into_a_transcript_lands_below_the_header(browser, server, language, width):
    browser.set_window_size(width, 800)
    use_language(browser, server, language)
    header = browser.find_element(By.CSS_SELECTOR, "header.top")
    height = browser.execute_script(RECT, header)["height"]
    padding = browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop)")
    assert padding >= height, (padding, height)
    data = api(browser, "/api/documents/int-004")
    segments = data["segments"]
    longest = max(segments[5:], key=lambda s: s["end"] - s["start"])
    # A passage deep in the text, one short and the longest (centred, its first lines went under).
    for segment in (segments[len(segments) // 2], longest):
        browser.get(f"{server['base']}/documents/int-004#s{segment['start']}")
        target = wait(browser).until(lambda driver: driver.find_element(By.CSS_SELECTOR, f"section.segment.is-target[data-start='{segment['start']}']"))
        assert browser.execute_script("return window.scrollY") > 0
        bottom = browser.execute_script(RECT, browser.find_element(By.CSS_SELECTOR, "header.top"))["bottom"]
        top = browser.execute_script(RECT, target)["top"]
        assert top >= bottom, (segment["start"], top, bottom)
    screenshot(browser, f"jump-below-header-{language}-{width}")
    assert console_errors(browser) == []
    browser.set_window_size(1400, 1000)
