"""Turns Node.js's API documentation, as Debian's nodejs-doc package ships it (installed by .ci/install), into a
sopkit site of guides: a real corpus of interlinked Markdown written elsewhere, never copied into the repository.

    /usr/bin/python3 Tests/Corpus/node_api_docs.py OUT_DIR [--docs /usr/share/doc/nodejs/api]

Writes OUT_DIR/Content/site.yaml and OUT_DIR/Content/guides/<slug>.md, one guide per Markdown file. Only what
sopkit's content format demands is changed: file names become slugs (`child_process.md` → `child-process.md`,
`index.md` → `api-index.md`, and every link to them, `.md` or `.html`, with it), and each file gets front matter
with its first heading as the title. The
Markdown itself is left as Node's editors wrote it; raw HTML is allowed, as Node's own build allows it.
"""
import argparse
import gzip
import json
import re
import sys
from pathlib import Path

SITE = """title: Node.js API (corpus test)
description: Node.js's API documentation built by sopkit, to find false alarms on real Markdown.
language: en
allow_raw_html: true
roles:
  - id: readers
    name: Readers
"""


def slug(name):
    # index.md would take the place of the guide list (guides/index.html).
    return "api-index" if name == "index" else name.lower().replace("_", "-")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--docs", default="/usr/share/doc/nodejs/api")
    args = parser.parse_args()
    docs = Path(args.docs)
    sources = sorted(docs.glob("*.md.gz")) + sorted(docs.glob("*.md"))
    if not sources:
        sys.exit(f"no Markdown under {docs}: install Debian's nodejs-doc (bash .ci/install)")
    texts = {}
    for source in sources:
        name = source.name[:-len(".md.gz")] if source.name.endswith(".gz") else source.name[:-len(".md")]
        opener = gzip.open if source.name.endswith(".gz") else open
        with opener(source, "rt", encoding="utf-8") as handle:
            texts[name] = handle.read()
    link = re.compile(r"(?<![\w/.-])([A-Za-z0-9_-]+)\.(md|html)(?=[#)\s>\"]|$)", re.M)
    guides = Path(args.out) / "Content" / "guides"
    guides.mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "Content" / "site.yaml").write_text(SITE, encoding="utf-8")
    for name, text in texts.items():
        heading = re.search(r"^#\s+(.+?)\s*#*\s*$", text, re.M)
        title = heading.group(1) if heading else name
        body = link.sub(lambda m: f"{slug(m.group(1))}.{m.group(2)}" if m.group(1) in texts else m.group(0), text)
        front = (f"---\ntitle: {json.dumps(title)}\nsummary: {json.dumps('Node.js API documentation: ' + title + '.')}\n"
                 "roles: [readers]\n---\n")
        (guides / f"{slug(name)}.md").write_text(front + body, encoding="utf-8")
    print(f"{len(texts)} guides in {guides}")


if __name__ == "__main__":
    main()
