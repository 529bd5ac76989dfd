"""The documents page a page at a time in Chromium: with more than 100 documents the list is
paged (`?page=N`), the Previous/Next links sit in a labelled nav reached and followed by keyboard,
and axe finds nothing on either page; the search results are paged the same way."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import console_errors, fresh_session, sample_workspace, start_server, stop_server
from test_accessibility import axe_violations
from test_workbench import wait

# The sample corpus (about 15 documents) plus these: two pages of 100. Tiny, so the server's
# start-up ingest stays quick.
EXTRA_DOCUMENTS = 100


def tiny_transcript(number):
    return f"""---
id: page-{number:03d}
type: interview
title: Sidtest {number:03d}
date: 2025-06-01
language: sv
participants: [R01]
---
**R01:** Det här är sidtestord nummer {number}.
"""


@pytest.fixture(scope="module")
def paged_server():
    workspace = sample_workspace("fieldwork-paging-")
    folder = workspace / "corpus" / "paging"
    folder.mkdir()
    for number in range(EXTRA_DOCUMENTS):
        (folder / f"page-{number:03d}.md").write_text(tiny_transcript(number), encoding="utf-8")
    process, details = start_server(workspace)
    yield details
    stop_server(process, workspace)


@pytest.fixture
def paged_browser(paged_server, shared_driver):
    fresh_session(shared_driver, paged_server["base"])
    shared_driver.get(paged_server["url"])
    return shared_driver


def pager_links(driver):
    nav = driver.find_element(By.CSS_SELECTOR, "nav.pager")
    assert nav.get_attribute("aria-label")  # a labelled landmark, told apart from the main nav
    return nav, {link.get_attribute("rel"): link for link in nav.find_elements(By.TAG_NAME, "a")}


def tab_from_last_document_to(driver):
    """Focuses the list's last link, then presses Tab: the pager link that gets the focus."""
    driver.execute_script("const links = document.querySelectorAll('table.documents a'); links[links.length - 1].focus()")
    driver.switch_to.active_element.send_keys(Keys.TAB)
    return driver.switch_to.active_element


def test_documents_are_paged_and_the_pager_works_by_keyboard(paged_browser, paged_server):
    driver = paged_browser
    driver.get(paged_server["base"] + "/")
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")) == 100
    nav, links = pager_links(driver)
    assert set(links) == {"next"}
    assert nav.find_element(By.CSS_SELECTOR, "[aria-current='page']").text  # "Page 1 of 2"
    assert axe_violations(driver) == []

    focused = tab_from_last_document_to(driver)
    assert focused.get_attribute("rel") == "next"
    focused.send_keys(Keys.ENTER)
    wait(driver).until(lambda d: "page=2" in d.current_url)
    wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert 0 < len(driver.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")) < 100  # the sample's ~15
    _, links = pager_links(driver)
    assert set(links) == {"prev"}
    assert axe_violations(driver) == []

    focused = tab_from_last_document_to(driver)
    assert focused.get_attribute("rel") == "prev"
    focused.send_keys(Keys.ENTER)
    wait(driver).until(lambda d: "page=" not in d.current_url)
    assert len(driver.find_elements(By.CSS_SELECTOR, "table.documents tbody tr")) == 100
    assert console_errors(driver) == []


def test_search_results_are_paged_and_axe_clean(paged_browser, paged_server):
    """The same workspace: "sidtestord" is in each of the 100 extra transcripts, 50 hits a page."""
    driver = paged_browser
    for page, rels in ((1, {"next"}), (2, {"prev"})):
        driver.get(paged_server["base"] + f"/search?q=sidtestord&page={page}")
        wait(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
        assert len(driver.find_elements(By.CSS_SELECTOR, "ol.hits > li")) == 50
        _, links = pager_links(driver)
        assert set(links) == rels
        assert axe_violations(driver) == []
    assert console_errors(driver) == []
