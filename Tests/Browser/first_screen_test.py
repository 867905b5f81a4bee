"""A phone's first screen shows the page, not the header: at 375 x 667 every page kind's <h1> starts within the top
200 px and the first line of text after it is on the first screen, in every language of a site and in a county's
copy; search, the menu, the language switcher and the county's notice stay within reach, and a desktop still
shows them all without a tap.

    /usr/bin/python3 Tests/Browser/first_screen_test.py SITE_DIR [COUNTY_SITE_DIR ...] [--shots DIR]
"""
import argparse
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

PHONE = (375, 667)
H1_LIMIT = 200

# Where the h1 starts, and where the first line of text after it ends (the summary of a guide, the lead of the home
# page, the first paragraph or list of other pages): both measured from the top of the page, unscrolled.
MEASURE = """
window.scrollTo(0, 0);
const h1 = document.querySelector('main h1');
if (!h1) return null;
let next = null;
const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim() || h1.contains(node)) continue;
  if (!(h1.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const first = [...range.getClientRects()].find(r => r.width > 0 && r.height > 0);
  if (first) { next = {text: node.textContent.trim().slice(0, 40), bottom: first.bottom}; break; }
}
const field = document.getElementById('search-input').getBoundingClientRect();
return {h1: h1.getBoundingClientRect().top, next: next, search: field.top >= 0 && field.bottom <= innerHeight && field.height >= 44,
        toggle: !!document.querySelector('.site-menu__toggle') && document.querySelector('.site-menu__toggle').getBoundingClientRect().bottom <= innerHeight};
"""

SHOWN = """
const e = document.querySelector(arguments[0]);
if (!e) return null;
const r = e.getBoundingClientRect();
return e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0;
"""


def name_of(label, page):
    return f"{label}-{page}".replace("/", "_").replace(".html", "").replace("?", "_").replace("=", "-")


def phone(driver, checks, site, label, shots):
    base = browser.file_url(site)
    county = (Path(site) / "index.html").read_text().count('class="local-edition"') > 0
    for page in browser.page_kinds(site):
        driver.get(base + page)
        m = driver.execute_script(MEASURE)
        where = f"{label} {page} at 375x667"
        if not checks.expect(m is not None, f"{where}: no h1 in main"):
            continue
        checks.expect(m["h1"] <= H1_LIMIT, f"{where}: the h1 starts at {m['h1']:.0f} px (limit {H1_LIMIT})")
        checks.expect(m["next"] is not None and m["next"]["bottom"] <= PHONE[1],
                      f"{where}: the first text after the h1 is not on the first screen: {m['next']}")
        checks.expect(m["search"], f"{where}: the search field is not on the first screen")
        checks.expect(m["toggle"], f"{where}: the menu button is not on the first screen")
        if page.endswith(("index.html", "guides/index.html")) or "guides/" in page:
            driver.save_screenshot(str(shots / f"{name_of(label, page)}-375.png"))
    # Everything the header held is one tap away, by pointer and by keyboard, and is announced when reached.
    driver.get(base + "index.html")
    checks.expect(driver.execute_script(SHOWN, ".site-nav a") is False, f"{label}: the menu starts closed on a phone")
    multilingual = driver.find_elements(By.CSS_SELECTOR, ".language-switcher")
    driver.find_element(By.CSS_SELECTOR, ".site-menu__toggle").send_keys(Keys.ENTER)
    checks.expect(driver.execute_script(SHOWN, ".site-nav a"), f"{label}: Enter on the menu button does not open it")
    if multilingual:
        checks.expect(driver.execute_script(SHOWN, ".language-switcher a"),
                      f"{label}: the language switcher is not in the opened menu")
    if county:
        checks.expect(driver.execute_script(SHOWN, ".local-edition__notice"),
                      f"{label}: the county's notice is not in the opened menu")
    driver.save_screenshot(str(shots / f"{label}-menu-open-375.png"))
    stops = []
    for _ in range(60):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        stops.append(driver.execute_script("return document.activeElement.closest('.language-switcher, .local-edition')"
                                           " ? 'header-extra' : document.activeElement.tagName"))
        if "header-extra" in stops or stops[-1] == "MAIN":
            break
    if multilingual:
        checks.expect("header-extra" in stops, f"{label}: Tab from the open menu never reaches the language switcher")


def desktop(driver, checks, site, label, shots):
    base = browser.file_url(site)
    driver.get(base + "index.html")
    for selector in [".site-nav a", "#search-input", ".site-search label"] + (
            [".language-switcher a"] if driver.find_elements(By.CSS_SELECTOR, ".language-switcher") else []) + (
            [".local-edition__notice"] if driver.find_elements(By.CSS_SELECTOR, ".local-edition") else []):
        checks.expect(driver.execute_script(SHOWN, selector), f"{label} at 1280 px: {selector} is not shown")
    checks.expect(driver.execute_script("return document.querySelector('.site-menu__toggle').offsetParent === null"),
                  f"{label} at 1280 px: the menu button shows on a desktop")
    driver.save_screenshot(str(shots / f"{label}-index-1280.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sites", nargs="+")
    parser.add_argument("--shots", help="folder to keep the screenshots in (default: none kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sopkit-first-screen-") as folder:
        shots = Path(args.shots or folder)
        shots.mkdir(parents=True, exist_ok=True)
        checks = browser.Checks()
        labels = ["site"] + [f"county{i}" for i in range(1, len(args.sites))]
        with browser.chromium(*PHONE, mobile=True) as driver:
            for site, label in zip(args.sites, labels):
                phone(driver, checks, site, label, shots)
        with browser.chromium(1280, 900) as driver:
            for site, label in zip(args.sites, labels):
                desktop(driver, checks, site, label, shots)
        return checks.finish("first_screen")


if __name__ == "__main__":
    sys.exit(main())
