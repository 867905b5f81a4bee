"""Shared parts of the browser tests: a headless Chromium driven by Selenium, and a loopback web server.

Run with Debian's /usr/bin/python3 (python3-selenium), chromium and chromium-driver. Nothing here reaches
beyond 127.0.0.1: the browser resolves no other host, and the server binds the loopback address only.
"""
import contextlib
import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("SOPKIT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SOPKIT_CHROMEDRIVER", "/usr/bin/chromedriver")


@contextlib.contextmanager
def chromium(width=1280, height=900, mobile=False):
    """A headless Chromium that logs console messages; closed (with its profile) on exit."""
    profile = tempfile.mkdtemp(prefix="sopkit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        f"--user-data-dir={profile}", f"--window-size={width},{height}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        if mobile:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
        else:
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_errors(driver):
    """The page's console errors since the last call (warnings and Chromium's favicon miss left out)."""
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site, subpath="sop"):
    """Serves `site` at http://127.0.0.1:PORT/<subpath>/ and yields that base URL (ending in '/')."""
    root = tempfile.mkdtemp(prefix="sopkit-http-")
    mount = Path(root, subpath)
    mount.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(Path(site).resolve(), mount)
    handler = functools.partial(_QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{subpath}/"
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(root, ignore_errors=True)


def file_url(site):
    """The file:// address of the site's folder, ending in '/'."""
    return Path(site).resolve().as_uri() + "/"


class Checks:
    """Collects failed checks so one run reports them all; ends with the plain 'N passed, N failed' line."""

    def __init__(self):
        self.passed = 0
        self.failures = []

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print(f"FAIL: {message}", flush=True)
        return condition

    def finish(self, name):
        print(f"{name}: {self.passed} passed, {len(self.failures)} failed", flush=True)
        return 0 if not self.failures else 1
