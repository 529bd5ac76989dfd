"""The codebook in Swedish: the sample's codes show their Swedish names, and a code renamed or
defined in the Swedish interface changes only its Swedish text; the English stays in the YAML."""
from selenium.webdriver.common.by import By

from conftest import console_errors
# own_server: a sample workspace served for this module alone (it edits the codebook).
from test_expected import codebook_dialog, open_browser, own_server  # noqa: F401
from test_workbench import api, wait

CODE = "need.safety.outdoors"


def codebook_yaml(server):
    return (server["workspace"] / "codebooks" / "fieldwork.yaml").read_text(encoding="utf-8")


def saved(driver, words):
    wait(driver).until(lambda d: words in d.find_element(By.ID, "fw-status").text)


def test_a_code_renamed_and_defined_in_swedish_keeps_its_english(own_server, shared_driver):
    driver = open_browser(own_server, language="sv", shared=shared_driver)
    driver.get(own_server["base"] + "/codebook")
    tree = driver.find_element(By.CSS_SELECTOR, "[role=tree]").text
    assert "Trygghet utanför hemmet" in tree and "Behov" in tree
    assert "Safety outside the home" not in tree and "Contact with the city" not in tree

    dialog = codebook_dialog(driver, CODE, "rename")
    name = dialog.find_element(By.CSS_SELECTOR, "input[type=text]")
    assert name.get_attribute("value") == "Trygghet utanför hemmet"
    name.clear()
    name.send_keys("Trygghet ute")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    saved(driver, "Bytte namn till ”Trygghet ute”")
    assert "name: {en: Safety outside the home, sv: Trygghet ute}" in codebook_yaml(own_server)

    dialog = codebook_dialog(driver, CODE, "definition")
    box = dialog.find_elements(By.TAG_NAME, "textarea")[0]
    assert box.get_attribute("value").startswith("Att känna sig trygg på väg till och från")
    box.clear()
    box.send_keys("Att känna sig trygg utomhus.")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    saved(driver, "Sparade definitionen")
    yaml = codebook_yaml(own_server)
    assert "sv: Att känna sig trygg utomhus." in yaml
    assert "en: Feeling safe on the way to and from places" in yaml

    english = next(code for code in api(driver, "/api/codebook?lang=en") if code["id"] == CODE)
    swedish = next(code for code in api(driver, "/api/codebook?lang=sv") if code["id"] == CODE)
    assert english["name"] == "Safety outside the home" and english["description"].startswith("Feeling safe")
    assert swedish["name"] == "Trygghet ute" and swedish["description"] == "Att känna sig trygg utomhus."
    assert console_errors(driver) == []
