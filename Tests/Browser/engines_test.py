"""The reader's browser checks in one engine: Chromium, Firefox ESR or WebKitGTK, over file:// and over http under a
sub-path. Search with filters, typing with live results and choosing one by keyboard (search_test.py), the
language switcher and Spanish search (translation_test.py), and a phone: since Firefox and WebKitGTK open no window
narrower than about 450 px, the page is measured in a 375 x 667 iframe, where the h1 must start within 200 px, the
menu opens by keyboard and holds the language switcher, and the live suggestions' titles are readable. No page
reports an error (Firefox and WebKitGTK run on a copy of the site whose pages record their own errors).

    /usr/bin/python3 Tests/Browser/engines_test.py SITE_DIR --engine firefox [--shots DIR]
"""
import argparse
import sys
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402
import first_screen_test  # noqa: E402
import search_test  # noqa: E402
import states_test  # noqa: E402
import translation_test  # noqa: E402

FRAME_PAGE = "sopkit-phone-frame.html"
FRAME = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>375 px</title>
<style>body{margin:0}iframe{border:0;width:375px;height:667px;display:block}</style></head>
<body><iframe id="phone" title="phone"></iframe></body></html>"""


def in_phone(driver, base, page):
    """Opens `page` in the 375 x 667 frame and switches into it."""
    driver.switch_to.default_content()
    driver.get(base + FRAME_PAGE)
    driver.execute_script("document.getElementById('phone').src = arguments[0]", base + page)
    frame = driver.find_element(By.ID, "phone")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        driver.switch_to.default_content()
        driver.switch_to.frame(frame)
        if driver.execute_script("return document.readyState === 'complete' && !!document.querySelector('main h1')"):
            # A tap on the page, as a reader's first: WebKitGTK moves keyboard focus into a frame only once it has it.
            driver.find_element(By.CSS_SELECTOR, "main h1").click()
            return
        time.sleep(0.1)


def phone(driver, checks, site, base, mode, shots, name):
    for page in ["index.html", "guides/three-houses.html", "es/guides/three-houses.html", "search.html?q=safety",
                 "contacts.html"]:
        if not (Path(site) / page.split("?")[0]).is_file():
            continue
        in_phone(driver, base, page)
        width = driver.execute_script("return innerWidth")
        m = driver.execute_script(first_screen_test.MEASURE)
        checks.expect(width == 375 and m and m["h1"] <= first_screen_test.H1_LIMIT,
                      f"[{name} {mode}] {page} in a 375 px frame ({width} px): the h1 starts at {m and m['h1']}")
        checks.expect(m and m["search"] and m["toggle"], f"[{name} {mode}] {page}: search or menu button off the first screen")
        checks.expect(browser.console_errors(driver) == [], f"[{name} {mode}] {page} at 375 px: page errors")
    in_phone(driver, base, "guides/three-houses.html")
    checks.expect(driver.execute_script(first_screen_test.SHOWN, ".site-nav a") is False,
                  f"[{name} {mode}] 375 px: the menu starts closed")
    driver.find_element(By.CSS_SELECTOR, ".site-menu__toggle").send_keys(Keys.ENTER)
    checks.expect(driver.execute_script(first_screen_test.SHOWN, ".site-nav a"),
                  f"[{name} {mode}] 375 px: Enter on the menu button does not open it")
    checks.expect(driver.execute_script(first_screen_test.SHOWN, ".language-switcher a"),
                  f"[{name} {mode}] 375 px: the language switcher is not in the opened menu")
    if shots:
        driver.switch_to.default_content()
        driver.save_screenshot(str(Path(shots, f"{name}-{mode}-menu-375.png")))
        in_phone(driver, base, "guides/three-houses.html")
    if not driver.execute_script("return document.querySelector('.site-menu').open"):
        driver.find_element(By.CSS_SELECTOR, ".site-menu__toggle").click()
    driver.find_element(By.CSS_SELECTOR, ".language-switcher a[hreflang=es]").click()
    time.sleep(0.3)
    checks.expect(driver.execute_script("return location.href").endswith("es/guides/three-houses.html"),
                  f"[{name} {mode}] 375 px: the menu's language link leads to the Spanish guide")
    in_phone(driver, base, "index.html")
    field = driver.find_element(By.ID, "search-input")
    field.send_keys("safety")
    shown = states_test.wait_for(driver, "return document.querySelectorAll('#sk-search-live-list a').length")
    texts = driver.execute_script(states_test.CONTRAST) if shown else []
    titles = [t for t in texts if ".search-live__link " in t["what"]]
    checks.expect(titles and all(t["ratio"] and t["ratio"] >= 4.5 for t in titles),
                  f"[{name} {mode}] 375 px: the live suggestions' titles are not readable: {titles[:2]}")
    low = [t for t in texts if t["ratio"] is None or t["ratio"] < t["needed"]]
    checks.expect(not low, f"[{name} {mode}] 375 px, live list open: text below AA contrast: {low[:3]}")
    field.send_keys(Keys.ARROW_DOWN)
    checks.expect(field.get_attribute("aria-activedescendant") == "sk-search-option-0",
                  f"[{name} {mode}] 375 px: the down arrow chooses the first suggestion")
    if shots:
        driver.switch_to.default_content()
        driver.save_screenshot(str(Path(shots, f"{name}-{mode}-live-375.png")))
        driver.switch_to.frame(driver.find_element(By.ID, "phone"))
    checks.expect(browser.console_errors(driver) == [], f"[{name} {mode}] 375 px: errors while typing")
    driver.switch_to.default_content()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--engine", choices=browser.ENGINES, required=True)
    parser.add_argument("--shots", help="folder to keep screenshots of the phone frame in")
    args = parser.parse_args()
    if args.shots:
        Path(args.shots).mkdir(parents=True, exist_ok=True)
    checks = browser.Checks()
    with browser.trapped_copy(args.site) as site:
        (site / FRAME_PAGE).write_text(FRAME)
        with browser.engine(args.engine, 1280, 900) as driver:
            print(f"{args.engine}: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
            for mode, base in [("file", browser.file_url(site))]:
                search_test.run(driver, checks, site, base, f"{args.engine} {mode}")
                translation_test.check_switcher(driver, checks, base, f"{args.engine} {mode}")
                translation_test.check_spanish_search(driver, checks, base, f"{args.engine} {mode}")
                phone(driver, checks, site, base, mode, args.shots, args.engine)
            with browser.serve(site, "sop/toolkit") as base:
                search_test.run(driver, checks, site, base, f"{args.engine} http")
                translation_test.check_switcher(driver, checks, base, f"{args.engine} http")
                translation_test.check_spanish_search(driver, checks, base, f"{args.engine} http")
                phone(driver, checks, site, base, "http", args.shots, args.engine)
    return checks.finish(f"engines ({args.engine})")


if __name__ == "__main__":
    sys.exit(main())
