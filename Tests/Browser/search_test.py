"""Search end to end in headless Chromium, over file:// and over http under a sub-path.

Usage: /usr/bin/python3 Tests/Browser/search_test.py BUILT_SITE_FOLDER
"""
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Checks, chromium, console_errors, file_url, serve  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

EXPECTED_FIRST = {
    "house of worries": "guides/three-houses.html",
    "danger statement": "guides/danger-statements.html",
    "safety network": "guides/safety-networks.html",
    "supervisor coaching": "guides/coaching-and-case-consultation.html",
}


def results(driver, selector="#search-results a", timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        links = driver.find_elements(By.CSS_SELECTOR, selector)
        if links:
            return [link.get_attribute("href") for link in links]
        time.sleep(0.05)
    return []


def first_live_result(driver, accept, timeout=10):
    """Waits until the first live result's link and marked words (lowercased) pass `accept`; returns whether they
    did and the last ones seen."""
    deadline = time.monotonic() + timeout
    first = None
    while time.monotonic() < deadline:
        first = driver.execute_script("""
            const option = document.querySelector('#sk-search-live-list [role=option]');
            return option && [option.href,
                              Array.from(option.querySelectorAll('mark'), (m) => m.textContent.toLowerCase())];
        """)
        if first and accept(*first):
            return True, first
        time.sleep(0.05)
    return False, first


def open_search(driver, base, query, **filters):
    params = urllib.parse.urlencode({"q": query, **filters}, quote_via=urllib.parse.quote)
    driver.get(f"{base}search.html?{params}")
    return results(driver)


def resolves(site, base, href):
    path = urllib.parse.urlsplit(href)
    relative = urllib.parse.unquote(path.path)[len(urllib.parse.urlsplit(base).path):]
    target = Path(site, relative)
    if not target.is_file():
        return False
    return not path.fragment or f'id="{urllib.parse.unquote(path.fragment)}"' in target.read_text()


def run(driver, checks, site, base, mode):
    for query, expected in EXPECTED_FIRST.items():
        links = open_search(driver, base, query)
        checks.expect(links and links[0].split("#")[0].endswith(expected),
                      f"[{mode}] '{query}': expected {expected} first, got {links[:3]}")
        checks.expect(all(resolves(site, base, link) for link in links), f"[{mode}] '{query}': a result link is broken")
    everything = open_search(driver, base, "safety")
    leaders = open_search(driver, base, "safety", role="leaders")
    checks.expect(0 < len(leaders) < len(everything), f"[{mode}] role=leaders: {len(leaders)} of {len(everything)}")
    stories = open_search(driver, base, "safety", kind="story")
    checks.expect(0 < len(stories) < len(everything) and all("/stories/" in link for link in stories),
                  f"[{mode}] kind=story narrows to stories: {stories[:3]}")
    checks.expect(driver.find_element(By.ID, "sk-search-kind").get_attribute("value") == "story",
                  f"[{mode}] the kind filter shows the address's kind")
    status = driver.find_element(By.ID, "search-status").text
    checks.expect(str(len(stories)) in status, f"[{mode}] the status announces the count: {status!r}")
    open_search(driver, base, "zzzqqq")
    empty = driver.find_element(By.ID, "sk-search-empty")
    checks.expect(empty.is_displayed() and empty.find_elements(By.CSS_SELECTOR, "a"),
                  f"[{mode}] no results offers the role pages and the A-to-Z list")
    checks.expect(console_errors(driver) == [], f"[{mode}] console errors on search.html")

    driver.get(base + "index.html")
    field = driver.find_element(By.ID, "search-input")
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    checks.expect(driver.switch_to.active_element == field, f"[{mode}] '/' focuses the search field")
    field.send_keys("danger statem")
    live = results(driver, "#sk-search-live-list a")
    checks.expect(live and "danger-statements" in live[0], f"[{mode}] typing shows live results: {live[:2]}")
    field.send_keys(Keys.ARROW_DOWN)
    checks.expect(field.get_attribute("aria-activedescendant") == "sk-search-option-0",
                  f"[{mode}] the down arrow selects the first result")
    field.send_keys(Keys.ARROW_UP, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP)
    field.send_keys(Keys.ENTER)
    time.sleep(0.5)
    checks.expect("danger-statements.html" in driver.current_url, f"[{mode}] Enter opens the selected result")
    driver.get(base + "index.html")
    field = driver.find_element(By.ID, "search-input")
    field.send_keys("mapp")
    found, marked = first_live_result(driver, lambda link, marks: "safety-mapping.html" in link and marks != []
                                      and all(mark.startswith("map") for mark in marks))
    checks.expect(found, f"[{mode}] a partly typed word longer than its stem ('mapp', stem 'map') finds "
                         f"'safety mapping' first, with the words of 'map' marked: {marked}")
    driver.get(base + "index.html")
    field = driver.find_element(By.ID, "search-input")
    field.send_keys("safety network", Keys.ENTER)
    links = results(driver)
    checks.expect("search.html?q=safety" in driver.current_url and links, f"[{mode}] Enter goes to search.html?q=")
    checks.expect(console_errors(driver) == [], f"[{mode}] console errors while typing")


def main():
    site = sys.argv[1]
    checks = Checks()
    with chromium() as driver:
        run(driver, checks, site, file_url(site), "file")
        with serve(site, "sop/toolkit") as base:
            run(driver, checks, site, base, "http")
    return checks.finish("search_test")


if __name__ == "__main__":
    sys.exit(main())
