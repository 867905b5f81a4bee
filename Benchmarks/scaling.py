#!/usr/bin/env python3
"""Doubles each input that once cost time growing with its square and prints the ratio of times (Python 3 stdlib only).

    python3 Benchmarks/scaling.py [--sopkit PATH] [--only roles,pages,tags,header-tags,links] [--max-seconds 300]

Each family starts from Tests/Fixtures/base with the repository's templates and doubles one input:

  roles        roles in site.yaml (each gets a role page; every page's menu lists every role)
  pages        about pages in Content/pages (every page's menu lists every about page)
  tags         value tags ({{t.menu}}) in the 404 template
  header-tags  value tags in partials/header, which every page includes
  links        links to a guide on one line of one guide

and times `sopkit check` on it (load, assemble and render, nothing written). The goal is a ratio of at most 2.2 per
doubling. Build the binary first in its own scratch folder:

    swift build -c release --scratch-path .build-release --product sopkit

A family stops doubling once a run takes longer than --max-seconds.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

FAMILIES = {
    "roles": [1250, 2500, 5000, 10000],
    "pages": [250, 500, 1000, 2000],
    "tags": [12500, 25000, 50000, 100000],
    "header-tags": [12500, 25000, 50000, 100000],
    "links": [12500, 25000, 50000, 100000],
}


def make_site(family, n, root):
    shutil.copytree(os.path.join(REPO, "Tests/Fixtures/base"), root)
    for folder in ("Templates", "Public"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(root, folder))
    content = os.path.join(root, "Content")
    if family == "roles":
        path = os.path.join(content, "site.yaml")
        roles = "".join(f"  - id: role-{i}\n    name: Role {i}\n" for i in range(n))
        text = open(path).read().replace("roles:\n", "roles:\n" + roles, 1)
        open(path, "w").write(text)
    elif family == "pages":
        os.makedirs(os.path.join(content, "pages"), exist_ok=True)
        for i in range(n):
            with open(os.path.join(content, "pages", f"page-{i}.md"), "w") as f:
                f.write(f"---\ntitle: About page {i}\n---\nWhat page {i} is about.\n")
    elif family in ("tags", "header-tags"):
        path = "404.mustache" if family == "tags" else "partials/header.mustache"
        tags = "".join("{{t.menu}}\n" if i % 8 == 7 else "{{t.menu}}" for i in range(n))
        with open(os.path.join(root, "Templates", path), "a") as f:
            f.write("<p hidden>" + tags + "</p>\n")
    elif family == "links":
        line = " ".join(f"[link {i}](safety-house.md#draw-it)" for i in range(n))
        with open(os.path.join(content, "guides", "safety-house.md"), "a") as f:
            f.write("\n" + line + "\n")


def timed_check(sopkit, root, limit):
    start = time.monotonic()
    try:
        result = subprocess.run(
            [sopkit, "check", "--content", "Content", "--templates", "Templates", "--public", "Public"],
            cwd=root, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    seconds = time.monotonic() - start
    last = (result.stderr.strip().splitlines() or ["?"])[-1]
    return seconds, f"exit {result.returncode}: {last}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sopkit", default=os.path.join(REPO, ".build-release/release/sopkit"))
    parser.add_argument("--only", default=",".join(FAMILIES))
    parser.add_argument("--max-seconds", type=float, default=300)
    args = parser.parse_args()
    if not os.path.exists(args.sopkit):
        sys.exit(f"no sopkit at {args.sopkit}: build it first (see the top of this file)")
    print(f"sopkit: {args.sopkit}")
    print(f"{'family':<12} {'n':>8} {'seconds':>9} {'ratio':>6}  result")
    worst = {}
    for family in args.only.split(","):
        previous = None
        for n in FAMILIES[family]:
            with tempfile.TemporaryDirectory(prefix="sopkit-scaling-") as work:
                root = os.path.join(work, "site")
                make_site(family, n, root)
                seconds, result = timed_check(args.sopkit, root, args.max_seconds)
            if seconds is None:
                print(f"{family:<12} {n:>8} {'>' + str(int(args.max_seconds)):>9} {'':>6}  {result}")
                break
            ratio = seconds / previous if previous else None
            if ratio is not None:
                worst[family] = max(worst.get(family, 0), ratio)
            print(f"{family:<12} {n:>8} {seconds:>9.2f} {ratio if ratio else float('nan'):>6.2f}  {result}", flush=True)
            previous = seconds
            if seconds > args.max_seconds:
                break
    print("worst ratio per doubling (goal 2.2): " + ", ".join(f"{k} {v:.2f}" for k, v in worst.items()))


if __name__ == "__main__":
    main()
