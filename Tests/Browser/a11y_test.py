"""Accessibility of every page kind of a built site: axe-core's WCAG 2.0/2.1 A and AA rules in headless Chromium
(desktop, phone and print), plus the structure axe leaves to people: lang, landmarks, one h1, heading order,
the skip link, aria-current in the navigation and a visible focus ring. The first page with a Markdown table is
checked too.

    /usr/bin/python3 Tests/Browser/a11y_test.py SITE_DIR

axe.min.js is read from the pip package axe-playwright-python in $SOPKIT_TEST_VENV (see .ci/install).
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

STRUCTURE = """
const headings = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
let skipped = [];
for (let i = 1; i < headings.length; i++)
  if (headings[i] > headings[i - 1] + 1) skipped.push('h' + headings[i - 1] + ' then h' + headings[i]);
const skip = document.querySelector('a.skip-link');
const focusable = document.querySelector('a[href], button, input, summary, select, textarea');
return {
  lang: document.documentElement.lang,
  h1: document.querySelectorAll('h1').length,
  firstHeading: headings[0] || 0,
  skipped: skipped,
  banner: document.querySelectorAll('body > header').length,
  nav: document.querySelectorAll('nav').length,
  main: document.querySelectorAll('main').length,
  contentinfo: document.querySelectorAll('body > footer').length,
  skipFirst: skip !== null && skip === focusable,
  skipTarget: skip !== null && document.getElementById(skip.getAttribute('href').slice(1)) !== null,
  imagesWithoutAlt: [...document.querySelectorAll('img:not([alt])')].map(i => i.src),
  current: [...document.querySelectorAll('header nav [aria-current="page"], header [aria-current="page"]')]
    .map(a => a.getAttribute('href')),
};
"""

FOCUS_RING = """
const element = document.querySelector(arguments[0]);
element.focus();
const style = getComputedStyle(element);
return {focused: document.activeElement === element, outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
        shadow: style.boxShadow};
"""


def violations_line(page, violations):
    for v in violations:
        print(f"  {page}: {v['id']} [{v['impact']}] {len(v['nodes'])} node(s): {v['help']}")
        for node in v["nodes"][:3]:
            print(f"      {node.splitlines()[0]}")


def main():
    site = Path(sys.argv[1])
    axe = Path(browser.venv_file("axe_playwright_python/axe.min.js", "axe-playwright-python")).read_text()
    base = browser.file_url(site)
    pages = browser.page_kinds(site)
    # A Markdown table (a focusable scrolling box with a captioned table) on the first page that has one.
    table = next((str(p.relative_to(site)) for p in sorted(site.rglob("*.html"))
                  if 'class="table-scroll"' in p.read_text(encoding="utf-8", errors="replace")), None)
    if table and table not in pages:
        pages.append(table)
    checks = browser.Checks()
    with browser.chromium(1280, 900) as driver:
        for page in pages:
            driver.get(base + page)
            violations = browser.run_axe(driver, axe)
            violations_line(page, violations)
            checks.expect(not violations, f"{page}: {len(violations)} axe violation(s) at 1280 px")
            s = driver.execute_script(STRUCTURE)
            checks.expect(bool(s["lang"]), f"{page}: <html> has no lang")
            checks.expect(s["h1"] == 1 and s["firstHeading"] == 1, f"{page}: {s['h1']} h1, first heading h{s['firstHeading']}")
            checks.expect(not s["skipped"], f"{page}: heading levels skip: {s['skipped']}")
            checks.expect(s["banner"] == 1 and s["nav"] >= 1 and s["main"] == 1 and s["contentinfo"] == 1,
                          f"{page}: landmarks header/nav/main/footer = {s['banner']}/{s['nav']}/{s['main']}/{s['contentinfo']}")
            checks.expect(s["skipFirst"] and s["skipTarget"], f"{page}: the skip link is not first or its target is missing")
            checks.expect(not s["imagesWithoutAlt"], f"{page}: images without alt: {s['imagesWithoutAlt']}")
            checks.expect(len(s["current"]) <= 1, f"{page}: more than one aria-current in the header: {s['current']}")
            errors = browser.console_errors(driver)
            checks.expect(not errors, f"{page}: console errors: {errors}")

        # Pages with a navigation entry mark it as the current page.
        for page, expected in [("index.html", "index.html"), ("guides/index.html", "index.html"),
                               ("contacts.html", "contacts.html"), ("stories/index.html", "index.html")]:
            driver.get(base + page)
            current = driver.execute_script(STRUCTURE)["current"]
            checks.expect(len(current) == 1 and current[0].endswith(expected), f"{page}: aria-current is on {current}")
        role = next(p for p in pages if p.startswith("roles/"))
        driver.get(base + role)
        current = driver.execute_script(STRUCTURE)["current"]
        checks.expect(len(current) == 1 and current[0].endswith(role), f"{role}: aria-current is on {current}")

        # A focused link, field and button show a ring: a solid outline of at least 2 px.
        driver.get(base + "index.html")
        for selector in [".site-nav a", "#search-input", ".site-search button", "main a"]:
            ring = driver.execute_script(FOCUS_RING, selector)
            checks.expect(ring["focused"] and ring["outline"] != "none" and ring["width"] >= 2,
                          f"index.html: no visible focus ring on {selector}: {ring}")

        # Print: the same rules (colour contrast included) with the print stylesheet applied.
        browser.emulate_media(driver, "print")
        for page in [p for p in pages if p.startswith(("guides/", "stories/"))] + ["contacts.html"]:
            driver.get(base + page)
            violations = browser.run_axe(driver, axe)
            violations_line(page + " (print)", violations)
            checks.expect(not violations, f"{page}: {len(violations)} axe violation(s) in print")
        browser.emulate_media(driver, "")

    with browser.chromium(375, 812, mobile=True) as driver:
        for page in pages:
            driver.get(base + page)
            violations = browser.run_axe(driver, axe)
            violations_line(page + " (375 px)", violations)
            checks.expect(not violations, f"{page}: {len(violations)} axe violation(s) at 375 px")
    print(f"a11y: {len(pages)} page kinds: {', '.join(pages)}")
    return checks.finish("a11y")


if __name__ == "__main__":
    sys.exit(main())
