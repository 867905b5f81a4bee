"""Comfort for long reading, in headless Chromium: dark mode (prefers-color-scheme), forced colours (Windows high
contrast) and reduced motion each keep 0 axe violations (WCAG 2.2 AA and best practices), AA contrast for every
drawn text and a visible focus ring, on pages at rest and with the live suggestions open; text at 200 % loses
nothing (no sideways scrolling, no clipped text) at 1280 and 375 px.

    /usr/bin/python3 Tests/Browser/comfort_test.py SITE_DIR [--shots DIR]
"""
import argparse
import sys
import tempfile
from pathlib import Path

from selenium.webdriver.common.by import By

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402
import states_test  # noqa: E402

MODES = {
    "dark": [{"name": "prefers-color-scheme", "value": "dark"}],
    "forced-colors": [{"name": "forced-colors", "value": "active"}],
    "reduced-motion": [{"name": "prefers-reduced-motion", "value": "reduce"}],
}

# Text cut off by a box too small for it once the text is twice as large: an element that hides its overflow and
# holds more than it shows. The visually hidden helpers (1 px boxes) are meant to.
CLIPPED = """
return [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  if (!/(hidden|clip)/.test(s.overflowX + s.overflowY) || e.closest('.visually-hidden') || !e.textContent.trim()) return false;
  const r = e.getBoundingClientRect();
  return r.width > 1 && r.height > 1 && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
}).map(e => e.tagName.toLowerCase() + '.' + e.className);
"""

# Text drawn under another element (a button over a wrapped title, say): the element at the centre of each line of
# text in the viewport must be the text's own element, or inside it.
COVERED = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!node.textContent.trim() || !element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
  const box = element.getBoundingClientRect();
  if (box.width <= 1 || box.height <= 1) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    if (r.width < 2 || r.height < 2 || r.bottom <= 0 || r.top >= innerHeight) continue;
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (top && top !== element && !element.contains(top) && !top.contains(element))
      out.push(node.textContent.trim().slice(0, 30) + ' under ' + top.tagName.toLowerCase() + '.' + top.className);
  }
}
return out;
"""


def emulate(driver, features):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "screen", "features": features})


def focus_rings(driver, checks, where):
    for selector in [".site-title", "#search-input", ".site-search button", "main a"]:
        ring = driver.execute_script(
            "const e = document.querySelector(arguments[0]); e.focus(); const s = getComputedStyle(e);"
            " return {focused: document.activeElement === e, style: s.outlineStyle, width: parseFloat(s.outlineWidth)}",
            selector)
        checks.expect(ring["focused"] and ring["style"] != "none" and ring["width"] >= 2,
                      f"{where}: no visible focus ring on {selector}: {ring}")
    driver.execute_script("document.activeElement.blur()")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--shots", help="folder to keep the screenshots in (default: none kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sopkit-comfort-") as folder:
        shots = Path(args.shots or folder)
        shots.mkdir(parents=True, exist_ok=True)
        return check(Path(args.site), shots)


def check(site, shots):
    axe = Path(browser.venv_file("axe_playwright_python/axe.min.js", "axe-playwright-python")).read_text()
    base = browser.file_url(site)
    checks = browser.Checks()
    states = states_test.States(checks, axe, shots)
    kinds = browser.page_kinds(site)
    guide = next(p for p in kinds if p.startswith("guides/") and p != "guides/index.html")
    pages = ["index.html", guide, "search.html?q=safety", "contacts.html", "es/index.html"]
    pages = [p for p in pages if (site / p.split("?")[0]).is_file()]

    for width, height, mobile in [(1280, 900, False), (375, 667, True)]:
        with browser.chromium(width, height, mobile=mobile) as driver:
            for mode, features in MODES.items():
                emulate(driver, features)
                for page in pages:
                    driver.get(base + page)
                    name = f"{mode}-{width}-" + page.replace("/", "_").replace(".html", "").replace("?", "_").replace("=", "-")
                    states.look(driver, name)
                    focus_rings(driver, checks, name)
                driver.get(base + "index.html")
                driver.find_element(By.ID, "search-input").send_keys("safety")
                shown = states_test.wait_for(driver, "return document.querySelectorAll('#sk-search-live-list a').length")
                checks.expect(shown, f"{mode} at {width} px: no live suggestions")
                driver.find_element(By.ID, "search-input").send_keys("\ue015")  # the down arrow
                states.look(driver, f"{mode}-{width}-live-selected")
            emulate(driver, MODES["reduced-motion"])
            driver.get(base + "index.html")
            still = driver.execute_script("return getComputedStyle(document.documentElement).scrollBehavior")
            checks.expect(still == "auto", f"reduced motion at {width} px: scrolling is {still!r}, not instant")
            emulate(driver, [{"name": "prefers-reduced-motion", "value": "no-preference"}])
            driver.get(base + "index.html")
            smooth = driver.execute_script("return getComputedStyle(document.documentElement).scrollBehavior")
            checks.expect(smooth == "smooth", f"motion allowed at {width} px: scrolling is {smooth!r}")
            emulate(driver, [])
            # Text at 200 %: the reader's text size setting, which scales every rem and em of the theme.
            for page in pages:
                driver.get(base + page)
                driver.execute_script("document.documentElement.style.fontSize = '200%'")
                document, viewport = browser.overflow(driver)
                checks.expect(document <= viewport, f"{page} at {width} px, text 200 %: {document} px wide in {viewport}")
                clipped = driver.execute_script(CLIPPED)
                checks.expect(not clipped, f"{page} at {width} px, text 200 %: clipped text in {clipped[:5]}")
                covered = driver.execute_script(COVERED)
                checks.expect(not covered, f"{page} at {width} px, text 200 %: text covered: {covered[:5]}")
                if page == pages[1]:
                    driver.save_screenshot(str(shots / f"zoom200-{width}-guide.png"))
    print(f"comfort: {states.looked} states checked")
    return checks.finish("comfort")


if __name__ == "__main__":
    sys.exit(main())
