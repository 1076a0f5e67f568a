"""Drives concept-map.html in a real Chromium (Debian's chromium and chromium-driver) with
Selenium, as a reader would, and prints one line per check: "ok NAME" or "FAIL NAME: why".

    python3 concept_map_check.py PAGE.html MODE SCREENSHOT_PREFIX

MODE "map" runs the reader's checks (search, card, link passages, slider, labels, filters);
MODE "hostile" checks that a page made from a transcript full of markup runs no script of
the transcript's and logs no error. Exits 0 when every check passed, 1 otherwise, 2 when the
browser cannot start.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

page, mode, shots = sys.argv[1], sys.argv[2], sys.argv[3]
failures = 0


def check(name, condition, why=""):
    global failures
    if condition:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"FAIL {name}: {why}")


options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1000"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
try:
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
except WebDriverException as error:
    print(f"browser did not start: {error.msg}")
    sys.exit(2)

try:
    driver.get("file://" + page)
    data = json.loads(driver.find_element(By.ID, "map-data").get_attribute("textContent"))

    def visible_links():
        return len(driver.find_elements(By.CSS_SELECTOR, "g.link:not(.hidden)"))

    def console_errors():
        return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")]

    check("the map is drawn", len(driver.find_elements(By.CSS_SELECTOR, "g.node")) == len(data["nodes"]) > 0,
          f"{len(driver.find_elements(By.CSS_SELECTOR, 'g.node'))} boxes for {len(data['nodes'])} concepts")
    driver.save_screenshot(shots + "-start.png")

    if mode == "map":
        # Search by abbreviation: the card names the Chinese term.
        search = driver.find_element(By.ID, "search")
        search.send_keys("RSP")
        found = driver.find_elements(By.CSS_SELECTOR, "g.node.found")
        check("search RSP highlights its concept", len(found) == 1, f"{len(found)} highlighted")
        search.send_keys(Keys.ENTER)
        heading = driver.find_element(By.CSS_SELECTOR, "#card h2").text
        check("the card of RSP shows 负责任扩展策略", heading == "负责任扩展策略", f"heading {heading!r}")
        card = driver.find_element(By.ID, "card").text
        check("the card shows the English name and abbreviation", "Responsible Scaling Policy" in card and "RSP" in card, card[:200])
        snippets = driver.find_elements(By.CSS_SELECTOR, "#card .snippet")
        check("the card shows where the concept occurs, with speaker and file:line",
              len(snippets) > 0 and all(s.find_elements(By.CSS_SELECTOR, "mark.m1") and ":" in s.find_element(By.CLASS_NAME, "where").text for s in snippets),
              f"{len(snippets)} passages")
        driver.save_screenshot(shots + "-search.png")
        # Search by a Chinese name, in another case of the English name.
        search.send_keys(Keys.CONTROL, "a", Keys.DELETE)
        search.send_keys("Scaling LAW")
        check("search finds a concept by its English name, any case", len(driver.find_elements(By.CSS_SELECTOR, "g.node.found")) >= 1)
        search.send_keys(Keys.CONTROL, "a", Keys.DELETE)
        check("clearing the search clears the highlight", not driver.find_elements(By.CSS_SELECTOR, "g.node.found"))

        # Hover a concept: its neighbours stay lit.
        node = driver.find_elements(By.CSS_SELECTOR, "g.node")[0]
        webdriver.ActionChains(driver).move_to_element(node).perform()
        near = driver.find_elements(By.CSS_SELECTOR, "g.node.near")
        check("hovering a concept highlights its neighbours", len(near) >= 1, f"{len(near)} neighbours lit")
        webdriver.ActionChains(driver).move_by_offset(0, 0).move_to_element(driver.find_element(By.ID, "title")).perform()

        # Click the link with the most passages: every passage holds both concepts.
        best = max(range(len(data["links"])), key=lambda i: (len(data["links"][i]["evidence"]), -i))
        link = driver.find_element(By.CSS_SELECTOR, f"g.link[data-index='{best}'] path.hit")
        driver.execute_script("arguments[0].scrollIntoView();", link)
        webdriver.ActionChains(driver).move_to_element(link).click().perform()
        heading = driver.find_elements(By.CSS_SELECTOR, "#card h2 mark")
        names = [data["nodes"][data["links"][best][end]] for end in ("source", "target")]
        shown = [mark.text for mark in heading]
        check("clicking a link opens its card", len(shown) == 2 and all(n["zh"] in shown or n["en"] in shown for n in names), f"{shown}")
        snippets = driver.find_elements(By.CSS_SELECTOR, "#card .snippet")
        both = [s for s in snippets if s.find_elements(By.CSS_SELECTOR, "mark.m1") and s.find_elements(By.CSS_SELECTOR, "mark.m2")]
        check("each passage of the link holds both concepts, marked", len(snippets) > 0 and len(both) == len(snippets),
              f"{len(both)} of {len(snippets)} passages mark both")
        driver.save_screenshot(shots + "-link.png")

        # The weight slider: links below it disappear.
        before = visible_links()
        slider = driver.find_element(By.ID, "min-weight")
        slider.click()
        for _ in range(60):
            slider.send_keys(Keys.ARROW_RIGHT)
        after = visible_links()
        expected = sum(1 for l in data["links"] if l["weight"] >= float(slider.get_attribute("value")))
        check("moving the weight slider hides the weaker links", after < before and after == expected,
              f"{before} links, then {after} (expected {expected})")
        slider.send_keys(Keys.HOME)
        check("moving it back shows them again", visible_links() == before)

        # Labels: English only, then Chinese only.
        rsp = next(i for i, n in enumerate(data["nodes"]) if "RSP" in n["abbreviations"])
        box = driver.find_element(By.CSS_SELECTOR, f"g.node[data-id='{data['nodes'][rsp]['id']}'] text")
        driver.find_element(By.CSS_SELECTOR, "input[name=label][value=en]").click()
        english = box.get_attribute("textContent")
        driver.find_element(By.CSS_SELECTOR, "input[name=label][value=zh]").click()
        chinese = box.get_attribute("textContent")
        check("the labels switch to English", english.replace(" ", "") == "ResponsibleScalingPolicy", english)
        check("the labels switch to Chinese", chinese == "负责任扩展策略", chinese)
        driver.save_screenshot(shots + "-labels.png")

        # Filter by community and by speaker.
        community = driver.find_element(By.ID, "community")
        community.find_elements(By.TAG_NAME, "option")[1].click()
        shown = driver.find_elements(By.CSS_SELECTOR, "g.node:not(.hidden)")
        check("filtering by community shows its concepts only", len(shown) == data["communities"][0]["members"],
              f"{len(shown)} shown, community has {data['communities'][0]['members']}")
        community.find_elements(By.TAG_NAME, "option")[0].click()
        speaker = driver.find_element(By.ID, "speaker")
        option = speaker.find_elements(By.TAG_NAME, "option")[-1]
        name = option.get_attribute("value")
        option.click()
        shown = len(driver.find_elements(By.CSS_SELECTOR, "g.node:not(.hidden)"))
        expected = sum(1 for n in data["nodes"] if any(s[0] == name for s in n["speakers"]))
        check("filtering by speaker shows the concepts that speaker mentions", shown == expected, f"{shown} shown, {expected} expected")

    if mode == "hostile":
        check("no script from the transcript ran", driver.execute_script("return window.pwned === undefined"),
              "window.pwned was set")
        # Open every card: the markup stays text.
        texts = []
        for index in range(len(data["nodes"])):
            driver.execute_script("document.querySelectorAll('g.node')[arguments[0]].dispatchEvent(new MouseEvent('click', {bubbles: true}))", index)
            texts.append(driver.find_element(By.ID, "card").text)
        check("the transcript's markup is shown as text", any("</script>" in t for t in texts), "no card shows </script>")
        check("still no script ran after opening the cards", driver.execute_script("return window.pwned === undefined"))
        driver.save_screenshot(shots + "-hostile.png")

    errors = console_errors()
    check("no console error", not errors, json.dumps(errors, ensure_ascii=False)[:500])
finally:
    driver.quit()

sys.exit(1 if failures else 0)
