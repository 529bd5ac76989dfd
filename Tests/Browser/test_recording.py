"""The recording beside the transcript in Chromium: a short WAV made here, named in a transcript's
front matter; "play from here" on a passage and on a coding seeks the player there and the passage
being played is highlighted; P and B play/pause and go back 5 s; axe finds nothing on the page."""
import math
import subprocess
import wave

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from conftest import BINARY, console_errors, make_driver, sample_workspace, screenshot, start_server, stop_server
from test_accessibility import axe_violations
from test_coding_details import code
from test_workbench import wait

TRANSCRIPT = """---
id: int-098
type: interview
title: Inspelningstest
date: 2025-06-01
language: sv
participants: [R01]
interviewer: A. Researcher
media: recordings/int-098.wav
---
**Intervjuare:** [00:00:01] Hur känns det på kvällarna?

**R01:** [00:00:04] Min dotter ringer varje kväll och då känner jag mig trygg.

**Intervjuare:** [00:00:09] Och på natten?

**R01:** [00:00:12] På natten är jag rädd att ramla på väg till toaletten.
"""


def write_wav(path, seconds=16, rate=8000):
    """A quiet 440 Hz tone: 8-bit mono, about 128 kB for 16 seconds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(rate)
        out.writeframes(bytes(128 + int(20 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(seconds * rate)))


@pytest.fixture(scope="module")
def recorded():
    workspace = sample_workspace("fieldwork-recording-")
    (workspace / "corpus" / "interviews" / "int-098.md").write_text(TRANSCRIPT, encoding="utf-8")
    write_wav(workspace / "recordings" / "int-098.wav")
    subprocess.run([str(BINARY), "--workspace", str(workspace), "ingest"], check=True, capture_output=True)
    process, details = start_server(workspace)
    driver = make_driver(["--autoplay-policy=no-user-gesture-required", "--mute-audio"])
    driver.set_page_load_timeout(30)
    driver.get(details["url"])
    driver.execute_script("localStorage.setItem('fieldwork.coder', 'Selenium')")
    yield driver, details
    driver.quit()
    stop_server(process, workspace)


def player_state(driver):
    return driver.execute_script("""
        const player = document.getElementById('recording-player');
        const playing = document.querySelector('section.segment.is-playing');
        return {time: player.currentTime, paused: player.paused, ready: player.readyState, duration: player.duration,
                playing: playing ? Number(playing.dataset.timeStart) : null,
                current: playing ? playing.getAttribute('aria-current') : null};""")


def open_document(driver, details):
    driver.get(details["base"] + "/documents/int-098")
    # The metadata arrives through the range route: the browser could read the file.
    wait(driver, 20).until(lambda d: player_state(d)["ready"] >= 1)


def test_playing_from_a_passage_seeks_there_and_highlights_it(recorded):
    driver, details = recorded
    open_document(driver, details)
    assert abs(player_state(driver)["duration"] - 16) < 0.5
    button = driver.find_element(By.CSS_SELECTOR, "section.segment[data-time-start='9.0'] button.play-from")
    assert button.get_attribute("aria-label") == "Play from 00:09"
    button.click()
    wait(driver).until(lambda d: player_state(d)["playing"] == 9)
    state = player_state(driver)
    assert 9 <= state["time"] < 12, state
    assert state["current"] == "time"
    # Playing on into the next passage moves the highlight there.
    driver.execute_script("document.getElementById('recording-player').currentTime = 12.5")
    wait(driver).until(lambda d: player_state(d)["playing"] == 12)
    screenshot(driver, "recording-playing")

    # P pauses (and plays); B goes back 5 seconds.
    body = driver.find_element(By.TAG_NAME, "body")
    if not player_state(driver)["paused"]:
        body.send_keys("p")
        wait(driver).until(lambda d: player_state(d)["paused"])
    before = player_state(driver)["time"]
    body.send_keys("b")
    wait(driver).until(lambda d: abs(player_state(d)["time"] - (before - 5)) < 0.3)
    wait(driver).until(lambda d: player_state(d)["playing"] == 4)
    body.send_keys("p")
    wait(driver).until(lambda d: not player_state(d)["paused"])
    body.send_keys("p")
    wait(driver).until(lambda d: player_state(d)["paused"])
    # The keyboard help lists the keys on a page with a recording.
    body.send_keys("?")
    help_dialog = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.help-dialog[open]")))
    assert "Play or pause the recording" in help_dialog.text and "Go back 5 seconds" in help_dialog.text
    assert axe_violations(driver) == []
    help_dialog.send_keys(Keys.ESCAPE)
    assert console_errors(driver) == []


def test_playing_from_a_coding_and_alt_keys_while_typing(recorded):
    driver, details = recorded
    driver.get(details["base"] + "/")
    coding = code(driver, "int-098", "rädd att ramla", "need.safety.night", "Selenium")
    open_document(driver, details)
    driver.find_element(By.CSS_SELECTOR, f"button.chip[data-coding='{coding['id']}']").click()
    play = wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#panel button.play-coding")))
    assert "00:12" in play.text
    play.click()
    wait(driver).until(lambda d: player_state(d)["playing"] == 12 and 12 <= player_state(d)["time"] < 16)
    # Alt+P pauses even from the memo field, and types nothing into it.
    memo = driver.find_element(By.CSS_SELECTOR, "#panel textarea.memo-input")
    memo.click()
    memo.send_keys(Keys.ALT, "p")
    wait(driver).until(lambda d: player_state(d)["paused"])
    assert memo.get_attribute("value") == ""
    assert console_errors(driver) == []


def test_axe_finds_nothing_on_a_page_with_a_recording(recorded):
    driver, details = recorded
    open_document(driver, details)
    assert axe_violations(driver) == []


def test_a_missing_recording_is_explained(recorded):
    driver, details = recorded
    (details["workspace"] / "recordings" / "int-098.wav").rename(details["workspace"] / "recordings" / "moved.wav")
    try:
        driver.get(details["base"] + "/documents/int-098")
        notice = driver.find_element(By.ID, "recording-notice")
        assert "recordings/int-098.wav" in notice.text
        assert driver.find_elements(By.ID, "recording-player") == []
        assert driver.find_elements(By.CSS_SELECTOR, "button.play-from") == []
        assert axe_violations(driver) == []
    finally:
        (details["workspace"] / "recordings" / "moved.wav").rename(details["workspace"] / "recordings" / "int-098.wav")
