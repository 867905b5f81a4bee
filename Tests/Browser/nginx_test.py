"""The built site served by nginx under /sop/, as on a county intranet: every link resolves, and search works.

Usage: /usr/bin/python3 Tests/Browser/nginx_test.py BUILT_SITE_FOLDER

nginx (Debian's, installed by .ci/install) runs in the foreground as one process, on 127.0.0.1 and a free port,
with a config, pid file, logs and temporary folders of its own in a temporary folder: it reads nothing under /etc
and writes nothing outside that folder. Every wait is bounded, and nginx is stopped whatever happens.
"""
import contextlib
import html.parser
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import Checks, chromium  # noqa: E402
from search_test import run as search_checks  # noqa: E402

NGINX = os.environ.get("SOPKIT_NGINX", "/usr/sbin/nginx")
MOUNT = "/sop/"
CONFIG = """daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {root}/client-body;
  proxy_temp_path {root}/proxy;
  fastcgi_temp_path {root}/fastcgi;
  uwsgi_temp_path {root}/uwsgi;
  scgi_temp_path {root}/scgi;
  types {{
    text/html html; text/css css; text/javascript js; application/xml xml; image/svg+xml svg;
    application/pdf pdf; image/png png; image/jpeg jpg jpeg; image/gif gif; image/webp webp;
  }}
  default_type application/octet-stream;
  server {{
    listen 127.0.0.1:{port};
    location {mount} {{ alias {site}/; index index.html; }}
  }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port):
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        return True
    return False


@contextlib.contextmanager
def nginx(site, attempts=5):
    """Serves `site` at http://127.0.0.1:PORT/sop/ and yields that address; a taken port is tried again."""
    if not os.access(NGINX, os.X_OK):
        raise SystemExit(f"{NGINX} not found: run `bash .ci/install` (Debian package nginx)")
    root = tempfile.mkdtemp(prefix="sopkit-nginx-")
    process = None
    try:
        for _ in range(attempts):
            port = free_port()
            config = Path(root, "nginx.conf")
            config.write_text(CONFIG.format(root=root, port=port, mount=MOUNT, site=Path(site).resolve()))
            process = subprocess.Popen([NGINX, "-p", root, "-c", str(config), "-e", "stderr"],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and process.poll() is None and not answers(port):
                time.sleep(0.05)
            if process.poll() is None and answers(port):
                break
            output = process.communicate(timeout=10)[0].decode() if process.poll() is not None else ""
            stop(process)
            process = None
            if "Address already in use" not in output:
                raise SystemExit(f"nginx did not start:\n{output}")
        if process is None:
            raise SystemExit(f"nginx found no free port in {attempts} tries")
        yield f"http://127.0.0.1:{port}{MOUNT}"
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(root, ignore_errors=True)


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    if process.stdout:
        process.stdout.close()


class Links(html.parser.HTMLParser):
    """The addresses a page refers to (href, src and form actions) and the ids it has."""

    def __init__(self):
        super().__init__()
        self.addresses = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src", "action") and value:
                self.addresses.append(value)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(checks, base, limit=20000):
    """Follows every link from the home page that stays on the server; each must answer 200 and stay under /sop/,
    and each #fragment must be an id on its page. Returns the site-relative paths fetched."""
    origin = urllib.parse.urlsplit(base)
    pending = [base + "index.html"]
    pages = {}
    seen = set(pending)
    fragments = []
    while pending and len(seen) < limit:
        url = pending.pop()
        status, kind, body = fetch(url)
        if not checks.expect(status == 200, f"GET {url}: {status}"):
            continue
        if not kind.startswith("text/html"):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser.ids
        for address in parser.addresses:
            target = urllib.parse.urlsplit(urllib.parse.urljoin(url, address))
            if target.scheme in ("mailto", "tel") or (target.scheme, target.netloc) != (origin.scheme, origin.netloc):
                continue
            checks.expect(target.path.startswith(MOUNT), f"{url}: '{address}' leaves {MOUNT}")
            page = urllib.parse.urlunsplit((target.scheme, target.netloc, target.path, target.query, ""))
            if target.fragment:
                fragments.append((url, address, page, urllib.parse.unquote(target.fragment)))
            if page not in seen:
                seen.add(page)
                pending.append(page)
    for url, address, page, fragment in fragments:
        if page in pages:
            checks.expect(fragment in pages[page], f"{url}: '{address}' names no id on its page")
    return {urllib.parse.unquote(urllib.parse.urlsplit(url).path)[len(MOUNT):] for url in seen}


def main():
    site = sys.argv[1]
    checks = Checks()
    with nginx(site) as base:
        status, _, _ = fetch(base + "no-such-page.html")
        checks.expect(status == 404, f"a missing page is a 404: {status}")
        fetched = crawl(checks, base)
        # Every edition's 404.html (404.html, es/404.html) is shown for a miss, never linked.
        built = {str(path.relative_to(site)) for path in Path(site).rglob("*.html") if path.name != "404.html"}
        checks.expect(built <= fetched, f"the crawl reached every page but the 404 pages: missed {sorted(built - fetched)[:5]}")
        print(f"crawled {len(fetched)} addresses under {base}", flush=True)
        with chromium() as driver:
            search_checks(driver, checks, site, base, "nginx")
    return checks.finish("nginx_test")


if __name__ == "__main__":
    sys.exit(main())
