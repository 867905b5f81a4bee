"""Search end to end in headless Chromium, over file:// and over http under a sub-path.

Usage: /usr/bin/python3 Tests/Browser/search_test.py BUILT_SITE_FOLDER
"""
import json
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


# The same cases Node runs on the built index (Tests/JavaScript/cases.mjs): misspellings, acronyms, hostile input.
CASES = json.loads((Path(__file__).resolve().parent.parent / "Fixtures/search-cases.json").read_text())["cases"]


def case_query(case):
    if not case.get("repeat"):
        return case["query"]
    text = case["query"] * (case["repeat"] // len(case["query"]) + 1)
    return text[:case["repeat"]]


def settled(driver, timeout=10):
    """Waits until search.html shows results or says it found none; returns the result links, the 'did you mean'
    link (text, href) or None, and the status text."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = driver.execute_script("""
            const status = document.getElementById('search-status').textContent;
            const links = Array.from(document.querySelectorAll('#search-results .search-result a'), (a) => a.href);
            const note = document.querySelector('#search-status .search-correction a');
            return status ? [links, note && [note.textContent, note.href], status] : null;
        """)
        if state:
            return state
        time.sleep(0.05)
    return [], None, ""


def run_cases(driver, checks, base, mode):
    for case in CASES:
        query = case_query(case)
        label = f"[{mode}] {case['query'][:30]!r}" + (f" ×{case['repeat']}" if case.get("repeat") else "")
        params = urllib.parse.urlencode({"q": query}, quote_via=urllib.parse.quote)
        driver.get(f"{base}search.html?{params}")
        started = time.monotonic()
        links, note, status = settled(driver)
        checks.expect(status, f"{label}: the status says something")
        checks.expect(time.monotonic() - started < 5, f"{label}: answered in {time.monotonic() - started:.1f} s")
        if case.get("first"):
            checks.expect(links and links[0].split("#")[0].endswith(case["first"]),
                          f"{label}: expected {case['first']} first, got {links[:2]}")
        if "correction" in case:
            shown = note[0] if note else None
            checks.expect(shown == case["correction"], f"{label}: did you mean {shown!r}, expected {case['correction']!r}")
            if note:
                target = urllib.parse.parse_qs(urllib.parse.urlsplit(note[1]).query).get("q")
                checks.expect(target == [case["correction"]], f"{label}: the correction links to {note[1]}")
        if case.get("results") == 0:
            message = driver.find_element(By.CSS_SELECTOR, "#sk-search-empty .search-empty__message").text
            checks.expect(not links and query.strip()[:50] in message,
                          f"{label}: nothing found, and the query shown as text: {message[:80]!r}")
        injected = driver.execute_script(
            "return document.querySelectorAll('main script, main img, #search-results iframe').length")
        checks.expect(injected == 0, f"{label}: typed markup stays text ({injected} elements made)")
        checks.expect(console_errors(driver) == [], f"{label}: console errors")


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


def result_count(driver):
    digits = "".join(c for c in driver.find_element(By.ID, "search-status").text.split(" ")[0] if c.isdigit())
    return int(digits or 0)


def search_files(driver):
    """The search files (under search/, index.js aside) the page has loaded so far."""
    return driver.execute_script("""
        return Array.from(document.scripts, (s) => s.src)
          .filter((src) => /\\/search\\/[a-z]+-\\d+\\.js$/.test(src));
    """)


def check_more(driver, checks, base, mode):
    """A query's first screen loads a screen of results and few files; the rest come when asked for."""
    links = open_search(driver, base, "safety")
    total = result_count(driver)
    files = search_files(driver)
    checks.expect(len(links) == 8 and total > 8, f"[{mode}] 'safety' shows 8 of {total} results first: {len(links)}")
    checks.expect(len(files) <= 10, f"[{mode}] 'safety' loads {len(files)} search files after index.js: {files}")
    more = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-more")
    checks.expect(more and more[0].text.strip() != "", f"[{mode}] a button offers more results")
    if more:
        more[0].send_keys(Keys.ENTER)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and len(driver.find_elements(By.CSS_SELECTOR, ".search-result")) <= 8:
            time.sleep(0.05)
        shown = driver.find_elements(By.CSS_SELECTOR, ".search-result__title a")
        checks.expect(len(shown) == min(16, total), f"[{mode}] 'more' shows {len(shown)} results")
        checks.expect(len(shown) > 8 and driver.switch_to.active_element == shown[8],
                      f"[{mode}] focus moves to the first new result")


def resolves(site, base, href):
    path = urllib.parse.urlsplit(href)
    relative = urllib.parse.unquote(path.path)[len(urllib.parse.urlsplit(base).path):]
    target = Path(site, relative)
    if not target.is_file():
        return False
    return not path.fragment or f'id="{urllib.parse.unquote(path.fragment)}"' in target.read_text()


def run(driver, checks, site, base, mode):
    run_cases(driver, checks, base, mode)
    for query, expected in EXPECTED_FIRST.items():
        links = open_search(driver, base, query)
        checks.expect(links and links[0].split("#")[0].endswith(expected),
                      f"[{mode}] '{query}': expected {expected} first, got {links[:3]}")
        checks.expect(all(resolves(site, base, link) for link in links), f"[{mode}] '{query}': a result link is broken")
    open_search(driver, base, "safety")
    everything = result_count(driver)
    open_search(driver, base, "safety", role="leaders")
    leaders = result_count(driver)
    checks.expect(0 < leaders < everything, f"[{mode}] role=leaders: {leaders} of {everything}")
    check_more(driver, checks, base, mode)
    stories = open_search(driver, base, "safety", kind="story")
    checks.expect(0 < result_count(driver) < everything and all("/stories/" in link for link in stories),
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
    field.send_keys("saftey")
    found, marked = first_live_result(driver, lambda link, marks: "safety-goals.html" in link and "safety" in marks)
    checks.expect(found, f"[{mode}] typing a misspelt word shows the corrected word's results live: {marked}")
    note = driver.find_elements(By.CSS_SELECTOR, "#sk-search-live .search-correction a")
    checks.expect(note and note[0].text == "safety" and "search.html?q=safety" in note[0].get_attribute("href"),
                  f"[{mode}] the live list offers 'did you mean safety' as a link")
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
