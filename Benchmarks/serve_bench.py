#!/usr/bin/env python3
"""Times the preview loop on one generated tree: from saving a guide to its new text being served.

    python3 serve_bench.py --tree work/trees/10000 --sopkit BIN --hugo BIN --templates T --public P \
        [--edits 5] [--settle 5]

For `sopkit serve` and `hugo server` (in memory, its default fast-render mode) on copies of the same
content, it saves `--edits` guides one at a time, each a different guide, and polls the guide's page
over HTTP every 2 ms until the new text is there. Two kinds of save:
  body   a paragraph added at the end of the body
  title  a word added to the title in the front matter (shown in every list of that guide)
Between saves it waits `--settle` seconds, so each save starts from an idle server (sopkit rebuilds its
search index in the background after serving the pages). Prints medians with min-max, next to the
median full build time from results/<N>.json when present. Servers bind 127.0.0.1 only.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from bench import CHILD_ENV

POLL_SECONDS = 0.002
SAVE_TIMEOUT = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server process whose output is read on a thread, ready once a line matches `ready`."""

    def __init__(self, name, cmd, ready, log_path, timeout=900):
        self.name = name
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=CHILD_ENV)
        self.ready = threading.Event()
        threading.Thread(target=self._read, args=(re.compile(ready),), daemon=True).start()
        if not self.ready.wait(timeout):
            self.stop()
            sys.exit(f"serve_bench: {name} was not ready after {timeout} s; see {log_path}")

    def _read(self, ready):
        for line in self.proc.stdout:
            self.log.write(line)
            self.log.flush()
            if ready.search(line):
                self.ready.set()

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def timed_save(path, text, url, token):
    """Seconds from writing `text` to `path` until `url` serves `token`."""
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    while time.perf_counter() - start < SAVE_TIMEOUT:
        if token in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL_SECONDS)
    sys.exit(f"serve_bench: {url} did not show {token} within {SAVE_TIMEOUT} s")


def body_edit(text, token):
    return text.rstrip("\n") + f"\n\nA note saved for the benchmark: {token}.\n"


def title_edit(text, token):
    return re.sub(r"^title: *\"?(.*?)\"?$", lambda m: f'title: "{m.group(1)} {token}"', text, count=1, flags=re.M)


def run_edits(name, source_folder, base_url, slugs, kind, settle):
    timings = []
    for number, slug in enumerate(slugs):
        path = os.path.join(source_folder, slug + ".md")
        with open(path, encoding="utf-8") as f:
            original = f.read()
        token = f"benchmark{kind}{number}x{int(time.time() * 1000) % 100000}"
        edit = body_edit if kind == "body" else title_edit
        seconds = timed_save(path, edit(original, token), f"{base_url}guides/{slug}.html", token)
        timings.append(seconds)
        print(f"  {name} {kind} save {number + 1}: {seconds * 1000:.0f} ms", flush=True)
        time.sleep(settle)
    return timings


def spread(values):
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", required=True)
    parser.add_argument("--sopkit", required=True)
    parser.add_argument("--hugo", required=True)
    parser.add_argument("--templates", required=True)
    parser.add_argument("--public", required=True)
    parser.add_argument("--results", default=None, help="folder of run.sh's <N>.json, for the full-build column")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--settle", type=float, default=5)
    args = parser.parse_args()

    tree = os.path.abspath(args.tree)
    work = os.path.join(tree, "serve")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(os.path.join(tree, "Content"), os.path.join(work, "Content"))
    shutil.copytree(os.path.join(tree, "hugo"), os.path.join(work, "hugo"))
    slugs = sorted(name[:-3] for name in os.listdir(os.path.join(work, "Content", "guides")) if name.endswith(".md"))
    step = max(1, len(slugs) // (2 * args.edits + 1))
    picked = slugs[step::step][: 2 * args.edits]
    body_slugs, title_slugs = picked[: args.edits], picked[args.edits:]

    rows = {}
    sopkit_port = free_port()
    sopkit = Server(
        "sopkit",
        [args.sopkit, "serve", "--content", os.path.join(work, "Content"), "--templates", args.templates,
         "--public", args.public, "--host", "127.0.0.1", "--port", str(sopkit_port)],
        r"Serving the site at", os.path.join(work, "sopkit-serve.log"))
    time.sleep(args.settle)
    try:
        base = f"http://127.0.0.1:{sopkit_port}/"
        rows["sopkit serve"] = {
            kind: run_edits("sopkit", os.path.join(work, "Content", "guides"), base, slugs_, kind, args.settle)
            for kind, slugs_ in (("body", body_slugs), ("title", title_slugs))
        }
    finally:
        sopkit.stop()

    hugo_port = free_port()
    hugo = Server(
        "Hugo",
        [args.hugo, "server", "--source", os.path.join(work, "hugo"), "--config", "hugo.toml",
         "--bind", "127.0.0.1", "--port", str(hugo_port), "--renderToMemory", "--logLevel", "warn",
         "--cacheDir", os.path.join(work, "hugo-cache")],
        r"Web Server is available", os.path.join(work, "hugo-server.log"))
    time.sleep(args.settle)
    try:
        base = f"http://127.0.0.1:{hugo_port}/"
        rows["hugo server"] = {
            kind: run_edits("Hugo", os.path.join(work, "hugo", "content", "guides"), base, slugs_, kind, args.settle)
            for kind, slugs_ in (("body", body_slugs), ("title", title_slugs))
        }
    finally:
        hugo.stop()

    full = {}
    guides = len(slugs)
    if args.results and os.path.exists(os.path.join(args.results, f"{guides}.json")):
        with open(os.path.join(args.results, f"{guides}.json")) as f:
            samples = json.load(f)["samples"]
        for name in ("sopkit", "Hugo"):
            walls = [sample["wall"] for sample in samples.get(name, [])]
            if walls:
                full[name] = statistics.median(walls)

    print(f"\nSave to served, {guides} guides, {args.edits} saves each (median, min–max):\n")
    print("| | body edit | title edit | full build (run.sh) |")
    print("|---|---|---|---|")
    for name, key in (("sopkit serve", "sopkit"), ("hugo server", "Hugo")):
        full_text = f"{full[key]:.2f} s" if key in full else "–"
        print(f"| {name} | {spread(rows[name]['body'])} | {spread(rows[name]['title'])} | {full_text} |")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"guides": guides, "edits": args.edits, "settle": args.settle, "timings": rows, "full": full}, f, indent=1)


if __name__ == "__main__":
    main()
