#!/usr/bin/env python3
"""Converts a sopkit content tree into an equivalent Hugo site (Python 3 stdlib only).

    python3 to_hugo.py --content TREE/Content --public ../Public --out TREE/hugo

The Hugo site builds the same pages as sopkit from the same Markdown bytes:

  sopkit                      Hugo
  index.html                  index.html (home)
  guides/index.html           guides/index.html (section list, A to Z)
  guides/<slug>.html          guides/<slug>.html (uglyURLs = true)
  roles|topics|tags/<x>.html  roles|topics|tags/<x>.html (taxonomy terms)
  stories/index.html          stories/index.html
  stories/<slug>.html         stories/<slug>.html
  stories/feed.xml (Atom)     stories/feed.xml (Hugo's RSS, baseName "feed")
  <page-slug>.html            <page-slug>.html
  contacts.html, search.html  contacts.html, search.html (pages with their own layouts)
  404.html                    404.html
  sitemap.xml                 sitemap.xml
  search index (script)       search-index.js (a home output format: title, summary,
                              roles, kind and plain text of every page), only when the
                              build is run with `--config hugo.toml,search.toml`

Every link is relative (relativeURLs = true), and `x.md` / `x.md#id` links are resolved
by a render hook (layouts/_markup/render-link.html; Hugo 0.146+ layout, which is
what 0.168 expects: there `_default/taxonomy.html` would shadow `term.html`) with GetPage, so a link to
a guide that does not exist fails the build as it does in sopkit. Front matter is kept
as it is except `updated:` (sopkit) -> `date:` (Hugo) and `order:` -> `weight:`; bodies
are copied byte for byte.
"""

import argparse
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def yaml_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def simple_list(site_yaml, key):
    """The `- id: / name: / description:` entries under `key:` in site.yaml (as written by gen_content.py)."""
    entries = []
    inside = False
    for line in site_yaml.splitlines():
        if re.match(r"^\w", line):
            inside = line.startswith(key + ":")
            continue
        if not inside:
            continue
        m = re.match(r"^\s*(-\s+)?(\w+):\s*(.*)$", line)
        if not m:
            continue
        if m.group(1):
            entries.append({})
        value = m.group(3).strip()
        if value.startswith('"'):
            value = bytes(value[1:-1], "utf-8").decode("unicode_escape")
        entries[-1][m.group(2)] = value
    return entries


def scalar(site_yaml, key):
    m = re.search(rf"^{key}:\s*(.*)$", site_yaml, re.M)
    return m.group(1).strip().strip('"') if m else ""


def convert_markdown(src, dest, extra=None, renames=None):
    text = read(src)
    assert text.startswith("---\n"), src
    end = text.index("\n---\n", 4)
    front, body = text[4:end], text[end + 5:]
    lines = []
    for line in front.split("\n"):
        key = line.split(":", 1)[0]
        if renames and key in renames:
            line = renames[key] + line[len(key):]
        lines.append(line)
    lines += extra or []
    write(dest, "---\n" + "\n".join(lines) + "\n---\n" + body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", required=True)
    parser.add_argument("--public", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    src, out = args.content, args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    site_yaml = read(os.path.join(src, "site.yaml"))
    roles = simple_list(site_yaml, "roles")
    topics = simple_list(site_yaml, "topics")
    title = scalar(site_yaml, "title")

    # Data, static files and layouts.
    os.makedirs(os.path.join(out, "data"))
    shutil.copy(os.path.join(src, "site.yaml"), os.path.join(out, "data", "site.yaml"))
    shutil.copy(os.path.join(src, "contacts.yaml"), os.path.join(out, "data", "contacts.yaml"))
    shutil.copytree(args.public, os.path.join(out, "static"))
    shutil.copytree(os.path.join(src, "guides", "images"), os.path.join(out, "static", "guides", "images"))
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(out, "layouts"))

    pages = []
    for name in sorted(os.listdir(os.path.join(src, "pages"))):
        if name.endswith(".md"):
            m = re.search(r"^title:\s*(.*)$", read(os.path.join(src, "pages", name)), re.M)
            w = re.search(r"^order:\s*(\d+)", read(os.path.join(src, "pages", name)), re.M)
            pages.append((name[:-3], m.group(1).strip().strip('"'), int(w.group(1)) if w else 1000))
    pages.sort(key=lambda p: p[2])

    menu = []
    weight = 1
    for role in roles:
        menu.append(f'[[menus.main]]\n  name = {yaml_str("For " + role["name"])}\n'
                    f'  pageRef = "/roles/{role["id"]}"\n  weight = {weight}')
        weight += 1
    for name, ref in [("Guides A to Z", "/guides"), ("Stories", "/stories"), ("Contacts", "/contacts")]:
        menu.append(f'[[menus.main]]\n  name = "{name}"\n  pageRef = "{ref}"\n  weight = {weight}')
        weight += 1
    for slug, page_title, _ in pages:
        menu.append(f'[[menus.main]]\n  name = {yaml_str(page_title)}\n  pageRef = "/pages/{slug}"\n  weight = {weight}')
        weight += 1

    config = f'''baseURL = "https://toolkit.example.org/"
locale = "en"
title = {yaml_str(title)}
uglyURLs = true
relativeURLs = true
disableKinds = ["taxonomy", "robotsTXT"]
enableGitInfo = false

[params]
  description = {yaml_str(scalar(site_yaml, "description"))}
  related = true

[taxonomies]
  role = "roles"
  topic = "topics"
  tag = "tags"

[outputs]
  home = ["html"]
  section = ["html"]
  page = ["html"]
  term = ["html"]

[outputFormats.searchindex]
  mediaType = "text/javascript"
  baseName = "search-index"
  isPlainText = true
  notAlternative = true

[outputFormats.rss]
  baseName = "feed"

[markup.goldmark.extensions]
  definitionList = false
  footnote = false
  linkify = false
  strikethrough = false
  table = false
  taskList = false
  typographer = true

[markup.tableOfContents]
  startLevel = 2
  endLevel = 3

[related]
  includeNewer = true
  threshold = 1
  toLower = false
  [[related.indices]]
    name = "topics"
    weight = 100

{chr(10).join(menu)}
'''
    write(os.path.join(out, "hugo.toml"), config)
    # Added with `--config hugo.toml,search.toml` when sopkit also writes a search index.
    write(os.path.join(out, "search.toml"), '[outputs]\n  home = ["html", "searchindex"]\n')
    # Added with `--config hugo.toml,norelated.toml` to leave out the related guides (HUGO_RELATED=0).
    write(os.path.join(out, "norelated.toml"), "[params]\n  related = false\n")

    content = os.path.join(out, "content")
    write(os.path.join(content, "_index.md"), f"---\ntitle: {yaml_str(title)}\n---\n")
    write(os.path.join(content, "guides", "_index.md"), "---\ntitle: Guides A to Z\n---\n")
    write(os.path.join(content, "stories", "_index.md"),
          "---\ntitle: Stories from the field\noutputs: [html, rss]\n---\n")
    write(os.path.join(content, "pages", "_index.md"),
          "---\ntitle: Pages\nbuild:\n  render: never\n  list: local\n---\n")
    write(os.path.join(content, "contacts.md"), "---\ntitle: Regional contacts\nlayout: contacts\n---\n")
    write(os.path.join(content, "search.md"), "---\ntitle: Search\nlayout: search\n---\n")
    for kind, entries in (("roles", roles), ("topics", topics)):
        for entry in entries:
            write(os.path.join(content, kind, entry["id"], "_index.md"),
                  f"---\ntitle: {yaml_str(entry['name'])}\n"
                  f"description: {yaml_str(entry.get('description', ''))}\n---\n")

    for name in os.listdir(os.path.join(src, "guides")):
        if name.endswith(".md"):
            convert_markdown(os.path.join(src, "guides", name), os.path.join(content, "guides", name),
                             renames={"updated": "date"})
    for name in os.listdir(os.path.join(src, "stories")):
        if name.endswith(".md"):
            convert_markdown(os.path.join(src, "stories", name), os.path.join(content, "stories", name))
    for name in os.listdir(os.path.join(src, "pages")):
        if name.endswith(".md"):
            # Kept under pages/ so the bodies' `../guides/x.md` links resolve the same way;
            # `url` puts them at the site's root as sopkit does.
            convert_markdown(os.path.join(src, "pages", name), os.path.join(content, "pages", name),
                             renames={"order": "weight"}, extra=[f"url: /{name[:-3]}.html"])


if __name__ == "__main__":
    main()
