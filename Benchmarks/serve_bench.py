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

    python3 serve_bench.py --tree work/trees/10000 --sopkit BIN --templates T --public P --rapid 200 \
        [--interval 0.3] [--settle 5]

times `sopkit serve` alone under a burst of saves: `--rapid` body edits, one every `--interval` seconds
whether or not the last one is served yet, each to another guide (a paragraph appended, so every later
version still holds every earlier token). A poller fetches the page of the oldest save not yet seen served
and times it from its write. Prints the server's resident memory (VmRSS) before the burst, right after the
last save is served and once the server is idle again, how long it kept working after the last save
(CPU above 5% of one core, sampled every 0.5 s), and the save-to-served p50 and p90.
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


def start_sopkit(args, work):
    """`sopkit serve` on WORK/Content and a free port of 127.0.0.1, once it says it serves; and its address."""
    port = free_port()
    server = Server(
        "sopkit",
        [args.sopkit, "serve", "--content", os.path.join(work, "Content"), "--templates", args.templates,
         "--public", args.public, "--host", "127.0.0.1", "--port", str(port)],
        r"Serving the site at", os.path.join(work, "sopkit-serve.log"))
    return server, f"http://127.0.0.1:{port}/"


def rss_mb(pid):
    """The resident memory of process `pid` in MB (VmRSS)."""
    with open(f"/proc/{pid}/status") as f:
        kb = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    return kb / 1024


def cpu_seconds(pid):
    """User plus system CPU time of process `pid` so far, in seconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_idle(pid, limit=600, sample=0.5, threshold=0.05):
    """Seconds until process `pid` uses less than `threshold` of a core over one `sample`, at most `limit`."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        before = cpu_seconds(pid)
        time.sleep(sample)
        if (cpu_seconds(pid) - before) / sample < threshold:
            return time.perf_counter() - start - sample
    return limit


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def rapid_main(args):
    tree = os.path.abspath(args.tree)
    work = os.path.join(tree, "serve-rapid")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.copytree(os.path.join(tree, "Content"), os.path.join(work, "Content"))
    guides = os.path.join(work, "Content", "guides")
    slugs = sorted(name[:-3] for name in os.listdir(guides) if name.endswith(".md"))
    step = max(1, len(slugs) // args.rapid)
    picked = (slugs[step // 2::step] + slugs)[: args.rapid]
    server, base = start_sopkit(args, work)
    try:
        pid = server.proc.pid
        idle_at_start = wait_idle(pid)
        before = rss_mb(pid)
        saves = []  # (slug, token, write time)
        served = []
        done = threading.Event()

        def poll():
            index = 0
            while index < args.rapid and not done.is_set():
                if index >= len(saves):
                    time.sleep(POLL_SECONDS)
                    continue
                slug, token, written = saves[index]
                if token in fetch(f"{base}guides/{slug}.html"):
                    served.append(time.perf_counter() - written)
                    index += 1
                elif time.perf_counter() - written > SAVE_TIMEOUT:
                    done.set()
                else:
                    time.sleep(POLL_SECONDS)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        burst_start = time.perf_counter()
        for number, slug in enumerate(picked):
            path = os.path.join(guides, slug + ".md")
            with open(path, encoding="utf-8") as f:
                text = f.read()
            token = f"benchmarkrapid{number}x{int(time.time() * 1000) % 100000}"
            next_save = burst_start + number * args.interval
            time.sleep(max(0, next_save - time.perf_counter()))
            with open(path, "w", encoding="utf-8") as f:
                f.write(body_edit(text, token))
            saves.append((slug, token, time.perf_counter()))
        last_save = time.perf_counter()
        poller.join(SAVE_TIMEOUT + 10)
        done.set()
        if len(served) < args.rapid:
            sys.exit(f"serve_bench: only {len(served)} of {args.rapid} saves were served within {SAVE_TIMEOUT} s")
        after_burst = rss_mb(pid)
        busy_after = time.perf_counter() - last_save + wait_idle(pid)
        settled = rss_mb(pid)
    finally:
        server.stop()

    print(f"\n`sopkit serve`, {len(slugs)} guides, {args.rapid} body saves one every {args.interval:.2f} s "
          f"(the server was idle {idle_at_start:.1f} s after it said it was serving):\n")
    print("| RSS before | RSS after the last save is served | RSS once idle | busy after the last save "
          "| save to served p50 | p90 | max |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {before:,.0f} MB | {after_burst:,.0f} MB | {settled:,.0f} MB | {busy_after:.1f} s "
          f"| {percentile(served, 0.5) * 1000:.0f} ms | {percentile(served, 0.9) * 1000:.0f} ms "
          f"| {max(served) * 1000:.0f} ms |")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"guides": len(slugs), "saves": args.rapid, "interval": args.interval, "rss_before_mb": before,
                   "rss_after_burst_mb": after_burst, "rss_idle_mb": settled, "busy_after_s": busy_after,
                   "served_s": served}, f, indent=1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", required=True)
    parser.add_argument("--sopkit", required=True)
    parser.add_argument("--hugo", help="required unless --rapid")
    parser.add_argument("--templates", required=True)
    parser.add_argument("--public", required=True)
    parser.add_argument("--results", default=None, help="folder of run.sh's <N>.json, for the full-build column")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--settle", type=float, default=5)
    parser.add_argument("--rapid", type=int, default=0, help="N > 0: time a burst of N saves in sopkit serve alone")
    parser.add_argument("--interval", type=float, default=0.3, help="seconds between the saves of --rapid")
    args = parser.parse_args()
    if args.rapid:
        return rapid_main(args)
    if not args.hugo:
        parser.error("--hugo is required unless --rapid")

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
    sopkit, base = start_sopkit(args, work)
    time.sleep(args.settle)
    try:
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
