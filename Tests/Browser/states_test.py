"""What a reader sees while using a page, not only a page at rest, in headless Chromium: axe-core (WCAG 2.0, 2.1
and 2.2 A/AA and best practices) and a contrast check of every visible piece of text, on interactive states.

    /usr/bin/python3 Tests/Browser/states_test.py SITE_DIR [--shots DIR]

States: the header's live suggestions open with results, with no results and with an option chosen by keyboard
(at 1280 and 375 px); the menu opened at 375 px; search.html with each role and each kind filter set; and
keyboard focus on every control of the home page, a guide and the search page (the ring is drawn, the control
is inside the viewport and nothing covers it). Screenshots of the states are kept in DIR when given.
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

STATE_TAGS = browser.WCAG_AA_TAGS + ["wcag22aa", "best-practice"]

# Every text node that is drawn: its element, the colour of its text, and the background actually behind it
# (the elements stacked at the text's centre, composited from the top until an opaque one), with the ratio of
# the two. Text covered by another element or clipped away is skipped; an unreadable colour is reported as such.
CONTRAST = """
function parse(value) {
  const m = /^rgba?\\(([\\d.]+)[, ]+([\\d.]+)[, ]+([\\d.]+)(?:[, /]+([\\d.]+%?))?\\)$/.exec(value);
  if (!m) return null;
  let alpha = m[4] === undefined ? 1 : parseFloat(m[4]) / (m[4].endsWith('%') ? 100 : 1);
  return [+m[1], +m[2], +m[3], alpha];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (!node.textContent.trim()) continue;
  const element = node.parentElement;
  if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rect = [...range.getClientRects()].find(r => r.width >= 2 && r.height >= 2);
  if (!rect) continue;
  const x = rect.left + Math.min(rect.width / 2, 4), y = rect.top + rect.height / 2;
  if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
  const stack = document.elementsFromPoint(x, y);
  if (!stack.length || !(stack[0] === element || element.contains(stack[0]) || stack[0].contains(element))) continue;
  const style = getComputedStyle(element);
  let colour = parse(style.color);
  let background = null, layers = [], image = false;
  for (const layer of stack) {
    const s = getComputedStyle(layer);
    if (s.backgroundImage !== 'none') image = true;
    const c = parse(s.backgroundColor);
    if (c === null) { background = null; layers = null; break; }
    if (c[3] === 0) continue;
    layers.push(c);
    if (c[3] >= 1) break;
  }
  if (layers !== null) {
    background = [255, 255, 255, 1];
    for (const c of layers.reverse()) background = over(c, background);
  }
  if (colour && background) colour = over(colour, background);
  const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
  const large = size >= 24 || (bold && size >= 18.66);
  const what = element.tagName.toLowerCase() + (element.className && typeof element.className === 'string'
    ? '.' + element.className.trim().split(/\\s+/).join('.') : '') + ' "' + node.textContent.trim().slice(0, 40) + '"';
  out.push({what: what, colour: style.color, background: background && 'rgb(' + background.slice(0, 3).map(Math.round) + ')',
            ratio: colour && background ? Math.round(ratio(colour, background) * 100) / 100 : null,
            needed: large ? 3 : 4.5, image: image});
}
return out;
"""

# The focused element: whether a ring is drawn (an outline of 2 px or more, or a box shadow), whether it lies in
# the viewport, and whether the element at its centre is it (nothing, such as a sticky header, covers it).
FOCUS = """
const e = document.activeElement;
if (!e || e === document.body) return null;
const s = getComputedStyle(e);
// A link that wraps onto two lines: its first line's box, since the middle of the whole may be other text.
const r = e.getClientRects()[0] || e.getBoundingClientRect();
const x = r.left + r.width / 2, y = r.top + r.height / 2;
const top = document.elementFromPoint(Math.max(0, Math.min(innerWidth - 1, x)), Math.max(0, Math.min(innerHeight - 1, y)));
const label = (e.getAttribute('aria-label') || e.textContent || e.id || e.name || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
return {what: e.tagName.toLowerCase() + ' "' + label + '"',
        ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow !== 'none' && s.boxShadow !== ''),
        inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        uncovered: top !== null && (top === e || e.contains(top)),
        key: e.tagName + (e.id || '') + (e.getAttribute('href') || '') + label};
"""


class States:
    """Checks a page in its current state and keeps a screenshot of it."""

    def __init__(self, checks, axe, shots):
        self.checks, self.axe, self.shots = checks, axe, shots
        self.looked = 0

    def look(self, driver, name):
        violations = browser.run_axe(driver, self.axe, STATE_TAGS)
        for v in violations:
            print(f"  {name}: {v['id']} [{v['impact']}] {v['help']}: {v['nodes'][:3]}")
        self.checks.expect(not violations, f"{name}: {len(violations)} axe violation(s)")
        texts = driver.execute_script(CONTRAST)
        low = [t for t in texts if t["ratio"] is None or t["ratio"] < t["needed"]]
        for t in low[:8]:
            print(f"  {name}: {t['what']}: {t['colour']} on {t['background']} = {t['ratio']} (needs {t['needed']})")
        self.checks.expect(texts and not low, f"{name}: {len(low)} of {len(texts)} text(s) below AA contrast")
        self.checks.expect(browser.console_errors(driver) == [], f"{name}: console errors")
        driver.save_screenshot(str(self.shots / f"{name}.png"))
        self.looked += 1
        return texts


def wait_for(driver, script, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    return None


def live_states(driver, states, checks, base, width):
    driver.get(base + "index.html")
    field = driver.find_element(By.ID, "search-input")
    field.send_keys("safety")
    shown = wait_for(driver, "return !document.getElementById('sk-search-live').hidden"
                             " && document.querySelectorAll('#sk-search-live-list a').length")
    checks.expect(shown, f"live list at {width} px: no results for 'safety'")
    texts = states.look(driver, f"live-results-{width}")
    titles = [t for t in texts if ".search-live__link " in t["what"]]
    checks.expect(len(titles) >= 1 and all(t["ratio"] and t["ratio"] >= 4.5 for t in titles),
                  f"live-results-{width}: the suggestion titles are not readable: {titles[:2]}")
    field.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    checks.expect(field.get_attribute("aria-activedescendant") == "sk-search-option-1",
                  f"live-selected-{width}: the down arrow does not choose the second option")
    states.look(driver, f"live-selected-{width}")
    field.clear()
    field.send_keys("zzzqqq")
    empty = wait_for(driver, "const e = document.querySelector('#sk-search-live .search-live__empty');"
                             " return !document.getElementById('sk-search-live').hidden && !e.hidden")
    checks.expect(empty, f"live list at {width} px: no 'nothing found' for 'zzzqqq'")
    states.look(driver, f"live-empty-{width}")


def focus_walk(driver, checks, page, width, limit=400):
    """Tabs through the page from the top; every stop must show a ring, be in view and be uncovered."""
    body = driver.find_element(By.TAG_NAME, "body")
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    seen, stops, bad = set(), 0, []
    for _ in range(limit):
        body.send_keys(Keys.TAB) if stops == 0 else driver.switch_to.active_element.send_keys(Keys.TAB)
        focus = driver.execute_script(FOCUS)
        # Scrolling to the focused element may be animated (smooth scrolling): judge it once the page is still.
        deadline = time.monotonic() + 1.5
        while focus is not None and not (focus["inView"] and focus["uncovered"]) and time.monotonic() < deadline:
            time.sleep(0.1)
            focus = driver.execute_script(FOCUS)
        if focus is None or focus["key"] in seen:
            break
        seen.add(focus["key"])
        stops += 1
        if not (focus["ring"] and focus["inView"] and focus["uncovered"]):
            bad.append(focus)
    for f in bad[:5]:
        print(f"  {page} at {width} px: focus on {f['what']}: ring {f['ring']}, in view {f['inView']}, "
              f"uncovered {f['uncovered']}")
    checks.expect(stops >= 5, f"{page} at {width} px: only {stops} focus stop(s) reached by Tab")
    checks.expect(not bad, f"{page} at {width} px: {len(bad)} of {stops} focus stop(s) hidden or without a ring")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--shots", help="folder to keep the screenshots in (default: none kept)")
    args = parser.parse_args()
    if args.shots:
        Path(args.shots).mkdir(parents=True, exist_ok=True)
        status = check(Path(args.site), Path(args.shots))
        print(f"states: screenshots in {args.shots}")
        return status
    with tempfile.TemporaryDirectory(prefix="sopkit-states-") as folder:
        return check(Path(args.site), Path(folder))


def check(site, shots):
    axe = Path(browser.venv_file("axe_playwright_python/axe.min.js", "axe-playwright-python")).read_text()
    base = browser.file_url(site)
    checks = browser.Checks()
    states = States(checks, axe, shots)
    kinds = browser.page_kinds(site)
    guide = next(p for p in kinds if p.startswith("guides/") and p != "guides/index.html")

    with browser.chromium(1280, 900) as driver:
        live_states(driver, states, checks, base, 1280)
        driver.get(base + "search.html?q=safety")
        roles = driver.execute_script("return [...document.querySelectorAll('#sk-search-role option')].map(o => o.value)")
        kinds_ = driver.execute_script("return [...document.querySelectorAll('#sk-search-kind option')].map(o => o.value)")
        for select, values in [("sk-search-role", roles), ("sk-search-kind", kinds_)]:
            for value in values:
                driver.get(base + "search.html?q=safety")
                driver.execute_script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                                      " s.dispatchEvent(new Event('change'))", select, value)
                settled = wait_for(driver, "return document.getElementById('search-status').textContent.trim()")
                checks.expect(settled, f"search.html with {select}={value!r}: no status after the filter changed")
                states.look(driver, f"search-{select.split('-')[-1]}-{value or 'all'}")
        for page in ["index.html", guide, "search.html?q=safety"]:
            driver.get(base + page)
            focus_walk(driver, checks, page, 1280)

    with browser.chromium(375, 667, mobile=True) as driver:
        live_states(driver, states, checks, base, 375)
        for page in ["index.html", guide]:
            driver.get(base + page)
            driver.find_element(By.CSS_SELECTOR, ".site-menu__toggle").click()
            opened = driver.execute_script("return document.querySelector('.site-menu').open")
            checks.expect(opened, f"{page} at 375 px: the menu did not open")
            states.look(driver, f"menu-open-375-{page.replace('/', '_').replace('.html', '')}")
        for page in ["index.html", guide, "search.html?q=safety"]:
            driver.get(base + page)
            focus_walk(driver, checks, page, 375)
    print(f"states: {states.looked} states checked")
    return checks.finish("states")


if __name__ == "__main__":
    sys.exit(main())
