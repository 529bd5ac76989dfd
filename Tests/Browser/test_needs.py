"""The needs register in a real Chromium: the sample telemetry imported into the served
workspace with the real binary, a solution linked through the page's form (CSRF and coder
handled by the page's own script), then the linked solution's SVG charts, CSP-clean."""
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import BINARY, console_errors, screenshot
from test_accessibility import axe_violations


def import_sample_telemetry(server):
    workspace = server["workspace"]
    for name in ("pilot-2025-08.senml.json", "pilot-2025-08.csv"):
        result = subprocess.run(
            [str(BINARY), "--workspace", str(workspace), "telemetry", "import", str(workspace / "corpus" / "telemetry" / name)],
            capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    return result.stdout


def test_linking_a_solution_shows_its_consented_telemetry(browser, server):
    output = import_sample_telemetry(server)
    assert "R04 has no consent to telemetry" in output
    # The page charts only devices of residents whose words evidence the need: R03 speaks of it.
    for document, start, end in (("int-003", 298, 400), ("int-001", 1091, 1200)):  # R03, R01
        result = subprocess.run(
            [str(BINARY), "--workspace", str(server["workspace"]), "code", "add", document, "--start", str(start),
             "--end", str(end), "--code", "need.safety.night", "--coder", "Selenium"], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr

    browser.get(server["base"] + "/needs")
    link = WebDriverWait(browser, 10).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "a[href='/needs/need.safety.night']")))
    link.click()
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "link-solution")))
    assert browser.find_elements(By.CSS_SELECTOR, "svg.chart") == []

    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=solution]")).select_by_value("motion-sensor")
    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=status]")).select_by_value("piloted")
    browser.find_element(By.CSS_SELECTOR, "#link-solution textarea[name=rationale]").send_keys(
        "Rörelse i hallen visar att natten varit lugn <img src=x onerror=alert(1)>")
    browser.find_element(By.CSS_SELECTOR, "#link-solution button[type=submit]").click()

    item = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "li.need-link[data-solution='motion-sensor']")))
    assert "piloted" in item.text and "Selenium" in item.text
    assert "<img src=x onerror=alert(1)>" in item.text  # shown as text, never as an element
    assert browser.find_elements(By.CSS_SELECTOR, "li.need-link img") == []

    charts = item.find_elements(By.CSS_SELECTOR, "svg.chart")
    assert len(charts) == 1
    assert charts[0].size["width"] > 100 and charts[0].size["height"] > 50
    bars = charts[0].find_elements(By.CSS_SELECTOR, "rect")
    # R03 withdrew telemetry consent on 2025-09-01: only 2025-08-28 … 2025-08-31 are drawn.
    assert len(bars) == 4
    assert charts[0].find_elements(By.CSS_SELECTOR, "text")[-1].text == "2025-08-31"

    # R01's front door: night-time openings as marks on a timeline, and 0 axe violations.
    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=solution]")).select_by_value("door-sensor")
    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=status]")).select_by_value("piloted")
    browser.find_element(By.CSS_SELECTOR, "#link-solution textarea[name=rationale]").send_keys("Nattliga dörröppningar")
    browser.find_element(By.CSS_SELECTOR, "#link-solution button[type=submit]").click()
    door = WebDriverWait(browser, 10).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, "li.need-link[data-solution='door-sensor'] svg.chart.timeline")))
    assert len(door.find_elements(By.CSS_SELECTOR, "circle")) == 2
    assert axe_violations(browser) == []
    screenshot(browser, "need-page")
    assert console_errors(browser) == []

    # Choosing a solution linked already brings its rationale into the form, and the button
    # says the link is updated (linking again replaced the rationale unseen).
    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=solution]")).select_by_value("door-sensor")
    assert browser.find_element(By.CSS_SELECTOR, "#link-solution textarea[name=rationale]").get_attribute("value") == "Nattliga dörröppningar"
    # ... and its status: saving to mend a typo must not set a piloted link back to candidate.
    assert Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=status]")).first_selected_option.get_attribute("value") == "piloted"
    assert browser.find_element(By.CSS_SELECTOR, "#link-solution button[type=submit]").text == "Update the link"
    assert "Linked already" in browser.find_element(By.CSS_SELECTOR, "#link-solution .form-status").text
    Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=solution]")).select_by_value("smart-plug")
    assert browser.find_element(By.CSS_SELECTOR, "#link-solution textarea[name=rationale]").get_attribute("value") == ""
    assert Select(browser.find_element(By.CSS_SELECTOR, "#link-solution select[name=status]")).first_selected_option.get_attribute("value") == "candidate"
    assert browser.find_element(By.CSS_SELECTOR, "#link-solution button[type=submit]").text == "Link solution"

    browser.get(server["base"] + "/solutions")
    served = browser.find_element(By.ID, "motion-sensor")
    assert "Feeling safe at night (piloted)" in served.text


def test_a_charts_value_labels_keep_their_unit_whole(browser, server):
    """SenML units read as words ("% luftfuktighet" for %RH) are longer than the symbols: the
    value labels left of a chart must still fit inside it, not be cut at its left edge."""
    import_sample_telemetry(server)
    for command in (["code", "add", "int-001", "--start", "1091", "--end", "1200", "--code", "need.contact_city", "--coder", "Selenium"],
                    ["link", "need.contact_city", "indoor-climate", "--rationale", "Fukt i lägenheten", "--coder", "Selenium"]):
        result = subprocess.run([str(BINARY), "--workspace", str(server["workspace"]), *command], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    browser.get(server["base"] + "/language/sv?next=%2Fneeds%2Fneed.contact_city")
    charts = WebDriverWait(browser, 10).until(EC.presence_of_all_elements_located(
        (By.CSS_SELECTOR, "li.need-link[data-solution='indoor-climate'] svg.chart")))
    labels = browser.execute_script(
        "return arguments[0].flatMap(svg => [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBBox().x]))", charts)
    assert any("% luftfuktighet" in text for text, _ in labels), labels
    assert [text for text, x in labels if x < 0] == []
    screenshot(browser, "need-chart-units-sv")
    assert console_errors(browser) == []
