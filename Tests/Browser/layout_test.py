"""Layout of a built site on a phone, a desktop and paper, in headless Chromium.

    /usr/bin/python3 Tests/Browser/layout_test.py SITE_DIR [--shots DIR]

- Screenshots at 375 and 1280 px of the home page, a guide, a role page, search results and contacts (kept in
  DIR when given, else in a temporary folder removed at the end); on each the document is exactly as wide as
  the viewport.
- No page kind scrolls sideways at 320 px.
- At 375 px every navigation link, button, menu toggle and the search field is at least 44 px tall and wide enough.
- The menu: collapsed on a phone with JavaScript, opened and followed by keyboard; open without JavaScript.
- Print: navigation and search hidden; the guide's title, roles and updated date shown; outside links followed by
  their address; headings kept with what follows them.
- Tables (the first page with one): at 375 px a wide table scrolls inside its own box, which takes keyboard focus,
  and the page does not scroll sideways; on paper the whole table fits the page width, header row repeated.
"""
import argparse
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

TAP_TARGETS = """
return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length > 0).map(e => {
  const r = e.getBoundingClientRect();
  return {what: e.tagName.toLowerCase() + ' ' + (e.textContent.trim() || e.id || e.type).slice(0, 40),
          width: Math.round(r.width), height: Math.round(r.height)};
});
"""

VISIBLE = """
const e = document.querySelector(arguments[0]);
if (!e) return null;
// checkVisibility also sees the content of a closed <details> (content-visibility: hidden) as hidden.
const r = e.getBoundingClientRect();
return e.checkVisibility({visibilityProperty: true, opacityProperty: true}) && r.width > 0 && r.height > 0;
"""


def shot_pages(site):
    kinds = browser.page_kinds(site)
    guide = "guides/three-houses.html" if (Path(site) / "guides/three-houses.html").exists() else \
        next(p for p in kinds if p.startswith("guides/") and p != "guides/index.html")
    role = next(p for p in kinds if p.startswith("roles/"))
    return ["index.html", guide, role, "search.html?q=safety", "contacts.html"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--shots", help="folder to keep the screenshots in (default: none kept)")
    args = parser.parse_args()
    if args.shots:
        shots = Path(args.shots)
        shots.mkdir(parents=True, exist_ok=True)
        status = check(Path(args.site), shots)
        print(f"layout: screenshots in {shots}")
        return status
    with tempfile.TemporaryDirectory(prefix="sopkit-shots-") as folder:
        return check(Path(args.site), Path(folder))


def check(site, shots):
    """Runs every check on `site`, saving the screenshots into `shots`; returns the exit status."""
    base = browser.file_url(site)
    checks = browser.Checks()
    pages = shot_pages(site)

    for width, height, mobile in [(375, 812, True), (1280, 900, False)]:
        with browser.chromium(width, height, mobile) as driver:
            for page in pages:
                driver.get(base + page)
                name = page.replace("/", "_").replace(".html", "").replace("?", "_").replace("=", "-")
                browser.screenshot(driver, shots / f"{name}-{width}.png")
                document, viewport = browser.overflow(driver)
                checks.expect(document == viewport == width,
                              f"{page} at {width} px: document {document} px wide, viewport {viewport} px")

    with browser.chromium(320, 640, mobile=True) as driver:
        for page in browser.page_kinds(site):
            driver.get(base + page)
            document, viewport = browser.overflow(driver)
            checks.expect(document == viewport, f"{page} at 320 px: scrolls sideways ({document} > {viewport})")

    with browser.chromium(375, 812, mobile=True) as driver:
        driver.get(base + pages[1])
        checks.expect(driver.execute_script(VISIBLE, ".site-nav a") is False,
                      "375 px with JavaScript: the menu starts open")
        # Keyboard: Tab from the top reaches the toggle, Enter opens the menu, the next Tab lands on a menu link.
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)
        for _ in range(10):
            if driver.execute_script("return document.activeElement.matches('.site-menu__toggle')"):
                break
            driver.switch_to.active_element.send_keys(Keys.TAB)
        checks.expect(driver.execute_script("return document.activeElement.matches('.site-menu__toggle')"),
                      "375 px: Tab never reaches the menu toggle")
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        checks.expect(driver.execute_script(VISIBLE, ".site-nav a") is True, "375 px: Enter on the toggle does not open the menu")
        driver.switch_to.active_element.send_keys(Keys.TAB)
        checks.expect(driver.execute_script("return document.activeElement.matches('.site-nav a')"),
                      "375 px: Tab after opening the menu does not reach its first link")
        targets = driver.execute_script(
            TAP_TARGETS, ".site-nav a, .site-menu__toggle, button, #search-input, .site-title, .skip-link:focus, "
                         ".site-footer a, .pager a, a.badge, .letter-nav a")
        small = [t for t in targets if t["height"] < 44 or t["width"] < 44]
        checks.expect(targets and not small, f"375 px: tap targets under 44 px: {small}")

    with browser.chromium(375, 812, mobile=True, javascript=False) as driver:
        driver.get(base + pages[1])
        checks.expect(driver.execute_script(VISIBLE, ".site-nav a") is True, "375 px without JavaScript: the menu is closed")
        driver.find_element(By.CSS_SELECTOR, ".site-menu__toggle").click()
        checks.expect(driver.execute_script(VISIBLE, ".site-nav a") is False,
                      "375 px without JavaScript: the toggle does not close the menu")

    with browser.chromium(794, 1123) as driver:  # A4 at 96 dpi
        browser.emulate_media(driver, "print")
        driver.get(base + pages[1])
        browser.screenshot(driver, shots / "guide-print.png")
        for selector in [".site-nav", ".site-search", ".skip-link", ".site-footer", ".site-menu__toggle"]:
            checks.expect(not driver.execute_script(VISIBLE, selector), f"print: {selector} is shown")
        for selector in ["main h1", ".facts a.badge, .facts .badge", ".facts time"]:
            checks.expect(driver.execute_script(VISIBLE, selector), f"print: {selector} (title, roles, updated) is missing")
        heading_break = driver.execute_script("return getComputedStyle(document.querySelector('main h2')).breakAfter")
        checks.expect(heading_break == "avoid", f"print: h2 break-after is {heading_break!r}, not 'avoid'")
        external = driver.execute_script("""
            const a = [...document.querySelectorAll('main a[href^="http"]')][0];
            return a ? [a.href, getComputedStyle(a, '::after').content] : null;""")
        if external:
            checks.expect(external[0].rstrip("/") in external[1], f"print: outside link address not printed: {external}")
        else:
            # The guide has no outside link: check the rule on one the test adds.
            printed = driver.execute_script("""
                const a = document.createElement('a'); a.href = 'https://example.org/x'; a.textContent = 'x';
                document.querySelector('main').append(a); return getComputedStyle(a, '::after').content;""")
            checks.expect("https://example.org/x" in printed, f"print: outside link address not printed: {printed!r}")
        internal = driver.execute_script("""
            const a = document.querySelector('main .prose a:not([href^="http"])');
            return a ? getComputedStyle(a, '::after').content : 'none';""")
        checks.expect(internal in ("none", "normal"), f"print: an inside link prints its address: {internal!r}")

    check_tables(site, base, shots, checks)
    return checks.finish("layout")


TABLE_BOX = """
const box = document.querySelector('.table-scroll'), table = box.querySelector('table');
box.scrollIntoView();
const main = document.querySelector('main').getBoundingClientRect();
return {box: box.clientWidth, scroll: box.scrollWidth, overflow: getComputedStyle(box).overflowX,
        table: Math.round(table.getBoundingClientRect().right), main: Math.round(main.right),
        focusable: box.tabIndex === 0, head: getComputedStyle(table.tHead).display};
"""


def check_tables(site, base, shots, checks):
    """The first page with a Markdown table, on a phone and on paper."""
    page = next((str(p.relative_to(site)) for p in sorted(Path(site).rglob("*.html"))
                 if 'class="table-scroll"' in p.read_text(encoding="utf-8", errors="replace")), None)
    checks.expect(page is not None, "no page has a table to check")
    if page is None:
        return
    with browser.chromium(375, 812, mobile=True) as driver:
        driver.get(base + page)
        box = driver.execute_script(TABLE_BOX)
        document, viewport = browser.overflow(driver)
        checks.expect(document == viewport, f"{page} at 375 px: the table widens the page ({document} > {viewport})")
        checks.expect(box["overflow"] == "auto" and box["focusable"], f"{page} at 375 px: the table box {box}")
        browser.screenshot(driver, shots / "table-375.png")
    with browser.chromium(794, 1123) as driver:
        browser.emulate_media(driver, "print")
        driver.get(base + page)
        box = driver.execute_script(TABLE_BOX)
        checks.expect(box["scroll"] <= box["box"] and box["table"] <= box["main"],
                      f"{page} in print: the table is wider than the page {box}")
        checks.expect(box["head"] == "table-header-group", f"{page} in print: the header row does not repeat {box}")
        browser.screenshot(driver, shots / "table-print.png")


if __name__ == "__main__":
    sys.exit(main())
