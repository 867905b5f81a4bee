"""An unzipped `sopkit bundle` opened from disk in headless Chromium, as a county would from a USB stick.

Usage: /usr/bin/python3 Tests/Browser/bundle_test.py BUNDLE.zip

The bundle is expected to be the sample content with the overlay Tests/Fixtures/overlay (Kern County). Checked over
file://: one top-level folder; the home page and footer say which build it is; navigation by the menu, the lists
and the footer; the feed link; search with filters (search_test's checks) and the local flag on county results;
an attachment downloads with the right bytes; the county's notice, logo, page, contact and replaced guide; print.
"""
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Checks, chromium, console_errors, emulate_media, file_url  # noqa: E402
from search_test import open_search, results, run as search_checks  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

COUNTY = "Kern County"


def local_file(site, href):
    """The file a file:// address names inside the site, or None when it leads elsewhere."""
    path = Path(urllib.parse.unquote(urllib.parse.urlsplit(href).path))
    try:
        path.relative_to(Path(site).resolve())
    except ValueError:
        return None
    return path


def click(driver, selector, text=None):
    """Clicks the first link matching `selector` (and showing `text`); returns its href, or None."""
    for link in driver.find_elements(By.CSS_SELECTOR, selector):
        if text is None or link.text.strip() == text:
            href = link.get_attribute("href")
            link.click()
            return href
    return None


def wait_for_url(driver, ending, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if urllib.parse.urlsplit(driver.current_url).path.endswith(ending):
            return True
        time.sleep(0.05)
    return False


def check_local_edition(driver, checks, page):
    notice = driver.find_elements(By.CSS_SELECTOR, ".local-edition__notice")
    checks.expect(notice and "Kern County" in notice[0].text, f"{page}: the county's notice is shown")
    logo = driver.find_elements(By.CSS_SELECTOR, ".local-edition__logo")
    checks.expect(logo and driver.execute_script("return arguments[0].naturalWidth", logo[0]) > 0,
                  f"{page}: the county's logo loads from disk")


def navigation(driver, checks, site, base):
    driver.get(base + "index.html")
    stamp = driver.find_elements(By.CSS_SELECTOR, "main .build-stamp")
    checks.expect(stamp and "dated" in stamp[0].text and stamp[0].find_elements(By.TAG_NAME, "code"),
                  "the home page says which build this is")
    footer = driver.find_elements(By.CSS_SELECTOR, ".site-footer .build-stamp")
    checks.expect(footer and stamp and footer[0].text == stamp[0].text, "the footer says the same build")
    check_local_edition(driver, checks, "index.html")

    href = click(driver, ".site-nav a", "For Line staff")
    checks.expect(href and wait_for_url(driver, "roles/line-staff.html"), f"the menu opens the role page: {href}")
    href = click(driver, "main .card__title a")
    checks.expect(href and wait_for_url(driver, ".html") and "/guides/" in driver.current_url,
                  f"a role page's list opens a guide: {driver.current_url}")
    checks.expect(len(driver.find_elements(By.TAG_NAME, "h1")) == 1, "the guide has its title")
    href = click(driver, ".site-footer a", "Stories from the field")
    checks.expect(href and wait_for_url(driver, "stories/index.html"), "the footer opens the stories")
    click(driver, "main .card__title a")
    checks.expect(wait_for_url(driver, ".html") and "/stories/" in driver.current_url
                  and not driver.current_url.endswith("index.html"), f"a story opens: {driver.current_url}")
    footer = driver.find_elements(By.CSS_SELECTOR, ".site-footer .build-stamp")
    checks.expect(footer and "dated" in footer[0].text, "a story's footer says which build this is")
    href = click(driver, ".site-title")
    checks.expect(href and wait_for_url(driver, "index.html") and "stories" not in driver.current_url,
                  "the site title leads home")

    feed = driver.find_element(By.CSS_SELECTOR, 'link[rel="alternate"][type="application/atom+xml"]')
    path = local_file(site, feed.get_attribute("href"))
    checks.expect(path and path.is_file(), f"the feed link names a file: {feed.get_attribute('href')}")
    if path and path.is_file():
        root = ElementTree.parse(path).getroot()
        entries = root.findall("{http://www.w3.org/2005/Atom}entry")
        links = [entry.find("{http://www.w3.org/2005/Atom}link").get("href") for entry in entries]
        checks.expect(entries and all((path.parent / link).is_file() for link in links),
                      f"every feed entry links to a story on disk: {links[:2]}")
        driver.get(feed.get_attribute("href"))
        first_id = entries[0].find("{http://www.w3.org/2005/Atom}id").text if entries else None
        checks.expect(first_id and first_id in driver.page_source, "the feed opens in the browser")
    checks.expect(console_errors(driver) == [], "no console errors while navigating")


def county(driver, checks, site, base):
    driver.get(base + "kern-resources.html")
    badge = driver.find_elements(By.CSS_SELECTOR, "main .badge--local")
    checks.expect(badge and COUNTY in badge[0].text, "the county's page is marked local")
    check_local_edition(driver, checks, "kern-resources.html")
    form = driver.find_elements(By.CSS_SELECTOR, 'main a[href$="kern-referral-form.pdf"]')
    path = local_file(site, form[0].get_attribute("href")) if form else None
    checks.expect(path and path.read_bytes().startswith(b"%PDF"), "the county's own form is in the copy")
    driver.get(base + "contacts.html")
    kern = driver.find_elements(By.CSS_SELECTOR, "section#kern")
    checks.expect(kern and "Kern County SOP Coordinator" in kern[0].text, "the county's contacts are listed")
    central = driver.find_elements(By.CSS_SELECTOR, "section#central")
    checks.expect(central and "Kern Training Liaison" in central[0].text, "a county contact joins its region")
    driver.get(base + "guides/safety-plans.html")
    checks.expect("Kern checklist" in driver.find_element(By.TAG_NAME, "main").text
                  and driver.find_elements(By.CSS_SELECTOR, "main .badge--local"),
                  "the county's version of a guide replaces the statewide one")
    driver.get(base + "guides/three-houses.html")
    checks.expect(not driver.find_elements(By.CSS_SELECTOR, "main .badge--local"), "statewide guides are not local")


def local_search(driver, checks, base):
    links = open_search(driver, base, "Kern County resources")
    checks.expect(links and links[0].split("#")[0].endswith("kern-resources.html"),
                  f"the county page is found: {links[:2]}")
    first = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")
    label = first[0].find_elements(By.CSS_SELECTOR, ".search-result__local") if first else []
    checks.expect(label and label[0].text == f"Local: {COUNTY}", "the result says it is local")
    open_search(driver, base, "danger statement")
    first = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")
    checks.expect(first and not first[0].find_elements(By.CSS_SELECTOR, ".search-result__local"),
                  "a statewide result is not marked local")
    guides = open_search(driver, base, "kern", kind="guide")
    checks.expect(guides and all("/guides/" in link for link in guides)
                  and any(link.split("#")[0].endswith("safety-plans.html") for link in guides),
                  f"kind=guide finds the county's guide: {guides[:3]}")
    pages = open_search(driver, base, "kern", kind="page")
    checks.expect(pages and all("/guides/" not in link and "/stories/" not in link for link in pages),
                  f"kind=page narrows to pages: {pages[:3]}")
    driver.get(base + "index.html")
    driver.find_element(By.ID, "search-input").send_keys("kern resourc")
    live = results(driver, "#sk-search-live-list .search-live__local")
    checks.expect(live is not None and driver.find_elements(By.CSS_SELECTOR, "#sk-search-live-list .search-live__local"),
                  "live results mark local pages")


def attachment(driver, checks, site, base, downloads):
    driver.get(base + "guides/three-houses.html")
    link = driver.find_elements(By.CSS_SELECTOR, ".attachments a[download]")
    checks.expect(link, "the guide offers its worksheet")
    if not link:
        return
    source = local_file(site, link[0].get_attribute("href"))
    checks.expect(source and source.is_file(), f"the download link names a file: {link[0].get_attribute('href')}")
    link[0].click()
    target = Path(downloads, source.name)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not (target.is_file() and target.stat().st_size == source.stat().st_size):
        time.sleep(0.1)
    checks.expect(target.is_file() and target.read_bytes() == source.read_bytes(),
                  f"clicking the link downloads the worksheet: {sorted(p.name for p in Path(downloads).iterdir())}")


def print_view(driver, checks, base):
    driver.get(base + "guides/safety-plans.html")
    # The county's notice lives in the menu, which a phone shows closed: paper keeps it all the same.
    driver.execute_script("document.querySelector('.site-menu').open = false")
    emulate_media(driver, "print")
    hidden = driver.execute_script("""
        return ['.site-search', '.site-menu__toggle', '.site-nav', '.site-footer'].map(s => document.querySelector(s))
            .every(e => e && getComputedStyle(e).display === 'none');""")
    checks.expect(hidden, "print hides the search, the menu and the footer")
    shown = driver.execute_script("""
        const e = document.querySelector('.local-edition__notice');
        return !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0
            && !!document.querySelector('main h1').offsetHeight;""")
    checks.expect(shown, "print keeps the title and the county's notice")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "screen", "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})


def main():
    bundle = sys.argv[1]
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="sopkit-bundle-") as folder:
        with zipfile.ZipFile(bundle) as archive:
            checks.expect(archive.testzip() is None, "every entry's checksum is right")
            tops = {name.split("/")[0] for name in archive.namelist()}
            checks.expect(len(tops) == 1, f"one top-level folder: {sorted(tops)[:3]}")
            archive.extractall(Path(folder, "unzipped"))
        site = Path(folder, "unzipped", sorted(tops)[0])
        downloads = Path(folder, "downloads")
        downloads.mkdir()
        base = file_url(site)
        with chromium(downloads=downloads) as driver:
            # Selenium clicks while a smooth scroll is still moving the page; people who ask for less motion
            # get none, and so does the test.
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
            navigation(driver, checks, site, base)
            county(driver, checks, site, base)
            search_checks(driver, checks, site, base, "bundle")
            local_search(driver, checks, base)
            attachment(driver, checks, site, base, downloads)
            print_view(driver, checks, base)
            checks.expect(console_errors(driver) == [], "no console errors")
    return checks.finish("bundle_test")


if __name__ == "__main__":
    sys.exit(main())
