"""Layout a new user tripped over, measured in Chromium: the retrieval form's added code
pickers, the print page's actions and the need page's required Rationale."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from conftest import console_errors, screenshot
from test_coding_details import code, passage
from test_workbench import wait


def test_an_added_code_picker_is_laid_out_like_the_other_fields(browser, server):
    """"or code" sat left of its picker, centred on it, where every other field of the form has
    its label above: the row was out of line with the rest."""
    browser.get(server["base"] + "/retrieval?code=need")
    wait(browser).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "button.add-code-filter"))).click()
    layout = browser.execute_script("""
        const box = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height}; };
        const words = (label) => { const range = document.createRange(); range.selectNodeContents(label);
          const control = label.querySelector('select'); if (control) range.setEndBefore(control); return box(range); };
        const first = document.querySelector('form.filters select[name="code"]');
        const added = document.querySelector('.more-code select');
        const label = document.querySelector(`label[for="${added.id}"]`);
        return {first: box(first), firstLabel: words(first.closest('label')), added: box(added), label: box(label),
                remove: box(document.querySelector('.more-code button'))};""")
    first, added = layout["first"], layout["added"]
    # The label is above its picker, at its left edge, as "Code" is above the first picker.
    assert layout["label"]["bottom"] <= added["top"] + 1, layout
    assert abs(layout["label"]["left"] - added["left"]) <= 1, layout
    assert layout["firstLabel"]["bottom"] <= first["top"] + 1 and abs(layout["firstLabel"]["left"] - first["left"]) <= 1
    # Same height and type, and on the same row the pickers' bottoms line up; Remove sits beside its picker.
    assert abs(added["height"] - first["height"]) <= 1
    size = "return getComputedStyle(document.querySelector(arguments[0])).fontSize"
    assert browser.execute_script(size, ".more-code select") == browser.execute_script(size, "form.filters select[name='code']")
    if abs(added["top"] - first["top"]) < first["height"]:
        assert abs(added["bottom"] - first["bottom"]) <= 1, layout
    assert layout["remove"]["left"] >= added["right"] and abs((layout["remove"]["top"] + layout["remove"]["bottom"]) / 2 - (added["top"] + added["bottom"]) / 2) <= 2
    screenshot(browser, "retrieval-or-code")
    assert console_errors(browser) == []


def test_the_print_pages_button_and_link_stand_apart(browser, server):
    """*Print or save as PDF* and *Back to the document* touched: a space's width between them."""
    browser.get(server["base"] + "/documents/int-001/print")
    button = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".print-actions button")))
    link = browser.find_element(By.CSS_SELECTOR, ".print-actions a")
    boxes = browser.execute_script("return [arguments[0], arguments[1]].map(e => e.getBoundingClientRect().toJSON())", button, link)
    beside = boxes[1]["left"] - boxes[0]["right"]
    below = boxes[1]["top"] - boxes[0]["bottom"]
    assert beside >= 12 or below >= 8, boxes
    screenshot(browser, "print-actions")


def test_the_required_rationale_is_marked_beside_its_name(browser, server):
    browser.get(server["base"] + "/needs/need.contact_city")
    mark = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#link-solution .required-mark")))
    assert mark.text == "(required)"
    label = mark.find_element(By.XPATH, "ancestor::label")
    box = browser.execute_script("""
        const range = document.createRange(); range.selectNodeContents(arguments[0].parentElement);
        range.setEndBefore(arguments[0]); return [range.getBoundingClientRect().toJSON(), arguments[0].getBoundingClientRect().toJSON()];""", mark)
    assert abs(box[0]["top"] - box[1]["top"]) <= 4  # on the line of "Rationale", not below it
    area = label.find_element(By.TAG_NAME, "textarea")
    assert area.get_attribute("required") is not None and area.get_attribute("aria-required") == "true"
    screenshot(browser, "need-link-form")


def test_table_headings_keep_their_greek_letters(browser, server):
    """Headings were set in capitals, which made Fleiss' κ read "FLEISS' K" and Krippendorff's α
    "KRIPPENDORFF'S A": Latin letters, not the statistics."""
    browser.get(server["base"] + "/documents/int-003")
    shared = passage(browser, "int-003", 1)
    code(browser, "int-003", shared, "need.safety", "Anna Berg")
    code(browser, "int-003", shared, "need.safety", "Bo Ek")
    browser.get(server["base"] + "/language/en?next=%2Fagreement%3Fcoders%3DAnna%2BBerg%2CBo%2BEk")
    headings = [th.text for th in wait(browser).until(EC.presence_of_all_elements_located((By.CSS_SELECTOR, "thead th")))]
    assert "Fleiss' κ" in headings and "Krippendorff's α" in headings, headings
