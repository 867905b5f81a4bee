"""A site in two languages in headless Chromium, over file:// and over http under a sub-path: the language switcher,
search in Spanish, and a crawl that follows every link of every page.

Usage: /usr/bin/python3 Tests/Browser/translation_test.py BUILT_SITE_FOLDER
"""
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Checks, chromium, console_errors, file_url, serve  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

LINKS = """
return [...document.querySelectorAll('a[href], link[href], script[src], img[src]')]
  .map(e => e.href || e.src).filter(u => u.startsWith(arguments[0]));
"""


def switch_to(driver, language):
    link = driver.find_element(By.CSS_SELECTOR, f'.language-switcher a[hreflang="{language}"]')
    link.click()
    time.sleep(0.2)


def results(driver, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        links = driver.find_elements(By.CSS_SELECTOR, "#search-results a")
        if links:
            return links
        time.sleep(0.05)
    return []


def check_switcher(driver, checks, base, mode):
    driver.get(base + "guides/three-houses.html")
    switch_to(driver, "es")
    checks.expect(driver.current_url == base + "es/guides/three-houses.html",
                  f"[{mode}] the switcher leads from the English guide to the Spanish one: {driver.current_url}")
    checks.expect(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
                  and driver.find_element(By.TAG_NAME, "h1").text == "Las Tres Casas",
                  f"[{mode}] the Spanish guide is in Spanish")
    switch_to(driver, "en")
    checks.expect(driver.current_url == base + "guides/three-houses.html",
                  f"[{mode}] and back to the English guide: {driver.current_url}")
    driver.get(base + "guides/safety-mapping.html")
    note = driver.find_element(By.CSS_SELECTOR, ".language-switcher__note")
    checks.expect(note.is_displayed() and note.text, f"[{mode}] an untranslated page says where its switcher leads")
    switch_to(driver, "es")
    checks.expect(driver.current_url == base + "es/index.html",
                  f"[{mode}] an untranslated page's switcher leads to the Spanish home: {driver.current_url}")
    checks.expect(console_errors(driver) == [], f"[{mode}] console errors while switching")


def check_spanish_search(driver, checks, base, mode):
    for query in ["casas", "casa de los suenos", "preocupacion"]:
        driver.get(base + "es/search.html?" + urllib.parse.urlencode({"q": query}))
        links = results(driver)
        hrefs = [link.get_attribute("href").split("#")[0] for link in links]
        checks.expect(hrefs and hrefs[0] == base + "es/guides/three-houses.html",
                      f"[{mode}] Spanish search for '{query}' finds the Spanish Three Houses first: {hrefs[:3]}")
        checks.expect(base + "guides/three-houses.html" not in hrefs,
                      f"[{mode}] '{query}': the guide appears once, in Spanish")
        checks.expect(len(hrefs) == len(set(hrefs)), f"[{mode}] '{query}': a result is listed twice")
    driver.get(base + "es/search.html?q=" + urllib.parse.quote("mapa de seguridad"))
    links = results(driver)
    english = [link for link in links if link.get_attribute("hreflang") == "en"]
    checks.expect(english and all("/es/" not in link.get_attribute("href") for link in english),
                  f"[{mode}] English-only guides appear in Spanish results marked hreflang=en")
    checks.expect(all(link.get_attribute("hreflang") == "en" for link in links
                      if "/es/" not in link.get_attribute("href")),
                  f"[{mode}] every result outside es/ is marked as English")
    driver.get(base + "es/index.html")
    form = driver.find_element(By.ID, "sk-search-form")
    checks.expect(form.get_attribute("action").endswith("/es/search.html"),
                  f"[{mode}] the Spanish search box searches the Spanish edition")
    checks.expect(console_errors(driver) == [], f"[{mode}] console errors on the Spanish search")


def exists(url, site, base, cache):
    """Whether a link of the site resolves: the file is there, and its #fragment is an id on it."""
    if url in cache:
        return cache[url]
    parts = urllib.parse.urlsplit(url)
    page = urllib.parse.urlunsplit(parts._replace(query="", fragment=""))
    relative = urllib.parse.unquote(page[len(base):])
    if base.startswith("file:"):
        path = Path(site, relative)
        found = path.is_file()
        text = path.read_text(errors="replace") if found and parts.fragment else ""
    else:
        try:
            with urllib.request.urlopen(page, timeout=10) as response:
                found = response.status == 200
                text = response.read().decode(errors="replace") if parts.fragment else ""
        except OSError:
            found, text = False, ""
    if found and parts.fragment:
        found = f'id="{urllib.parse.unquote(parts.fragment)}"' in text
    cache[url] = found
    return found


def crawl(driver, checks, site, base, mode):
    """Follows every link from the home page in the browser, until every reachable page has been opened."""
    queue, opened, broken, cache = [base + "index.html"], set(), [], {}
    while queue and len(opened) < 2000:
        page = queue.pop()
        if page in opened:
            continue
        opened.add(page)
        driver.get(page)
        for url in driver.execute_script(LINKS, base):
            if not exists(url, site, base, cache):
                broken.append(f"{page[len(base):]} -> {url[len(base):]}")
                continue
            target = urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(query="", fragment=""))
            if target.endswith(".html") and target not in opened:
                queue.append(target)
    checks.expect(not broken, f"[{mode}] broken links: {broken[:10]}")
    spanish = [page for page in opened if page.startswith(base + "es/")]
    checks.expect(len(spanish) > 20, f"[{mode}] the crawl reached only {len(spanish)} Spanish pages")
    print(f"[{mode}] crawl: {len(opened)} pages opened, {len(cache)} links checked, {len(broken)} broken")


def main():
    site = sys.argv[1]
    checks = Checks()
    with chromium() as driver:
        for mode, base in [("file", file_url(site))]:
            check_switcher(driver, checks, base, mode)
            check_spanish_search(driver, checks, base, mode)
            crawl(driver, checks, site, base, mode)
        with serve(site, "sop/toolkit") as base:
            check_switcher(driver, checks, base, "http")
            check_spanish_search(driver, checks, base, "http")
            crawl(driver, checks, site, base, "http")
    return checks.finish("translation_test")


if __name__ == "__main__":
    sys.exit(main())
