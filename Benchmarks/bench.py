#!/usr/bin/env python3
"""Times sopkit, Hugo and cmark on one generated tree, alternating, and prints the figures.

    python3 bench.py run --tree work/trees/1000 --guides 1000 --runs 3 --sopkit BIN --hugo BIN \
        --cmark BIN --templates ../Templates --public ../Public --results work/results
    python3 bench.py table work/results/*.json

`run` does RUNS rounds. Each round runs, one process at a time:
  sopkit build into an empty output folder           (row "sopkit")
  hugo into an empty destination and cache folder    (row "Hugo")
  cmark --smart over all the Markdown bodies, one process, output to /dev/null  (row "cmark")
  sopkit build again into the output it just wrote   (row "sopkit no-change")
  [hugo again into its destination, with --hugo-rebuild]  (row "Hugo no-change")
with sopkit and Hugo swapping places every other round. Every command runs under
`/usr/bin/time -v`: CPU time is its user + system time and peak memory its maximum
resident set size; wall time is measured around the process with a monotonic clock.
After the first round the two outputs are checked: both commands must have succeeded,
and their page counts are printed side by side. Results go to RESULTS/<guides>.json;
`table` turns any set of them into the Markdown table of the README.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

SOPKIT, HUGO, CMARK = "sopkit", "Hugo", "cmark"
SOPKIT_REBUILD, HUGO_REBUILD = "sopkit no-change", "Hugo no-change"
ROW_ORDER = [SOPKIT, HUGO, CMARK, SOPKIT_REBUILD, HUGO_REBUILD]


# Hugo reads each HUGO_* environment variable as a setting (the harness's HUGO_RELATED=0 made its "related" table
# the string "0", and Hugo stopped with a config error), so no timed program sees the harness's own knobs.
CHILD_ENV = {name: value for name, value in os.environ.items() if not name.startswith("HUGO_")}


def busy_cores(seconds=0.5):
    """Cores' worth of CPU time the machine spent over the next `seconds` while the harness only waits: other work
    (the load average would count the previous timed run too)."""
    def snapshot():
        ticks = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
        return sum(ticks), ticks[3] + ticks[4]  # all, and idle plus waiting for I/O
    total, idle = snapshot()
    time.sleep(seconds)
    total2, idle2 = snapshot()
    return ((total2 - total) - (idle2 - idle)) / os.sysconf("SC_CLK_TCK") / seconds


def measure(cmd, log_path, cwd=None):
    """Runs cmd under /usr/bin/time -v; returns wall, cpu (s), peak memory (MB) and the exit code."""
    time_file = log_path + ".time"
    with open(log_path, "w") as log:
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", time_file] + cmd,
                              stdout=log, stderr=subprocess.STDOUT, cwd=cwd, env=CHILD_ENV)
        wall = time.perf_counter() - start
    text = open(time_file).read()

    def field(name):
        m = re.search(rf"^\s*{re.escape(name)}: (.+)$", text, re.M)
        if not m:
            raise SystemExit(f"no '{name}' in the output of /usr/bin/time -v:\n{text}")
        return m.group(1).strip()

    user = float(field("User time (seconds)"))
    system = float(field("System time (seconds)"))
    rss_kb = int(field("Maximum resident set size (kbytes)"))
    return {"wall": wall, "cpu": user + system, "user": user, "sys": system,
            "mem": rss_kb / 1024.0, "rc": proc.returncode}


def count_pages(folder):
    pages = 0
    files = 0
    for _, _, names in os.walk(folder):
        for name in names:
            if name.startswith("."):
                continue
            files += 1
            if name.endswith(".html"):
                pages += 1
    return pages, files


def extra_scripts(output, public):
    """The .js files in sopkit's output that do not come from Public/ (its search index)."""
    found = []
    for folder, _, names in os.walk(output):
        for name in names:
            if name.endswith(".js"):
                rel = os.path.relpath(os.path.join(folder, name), output)
                if not os.path.exists(os.path.join(public, rel)):
                    found.append(rel)
    return sorted(found)


def settle_after_deletion(trees, seconds):
    """Waits until the harness's last deletion of outputs under `trees` (see `delete_trash`) is `seconds` old."""
    cleaned = os.path.join(trees, ".cleaned")
    if os.path.exists(cleaned):
        wait = seconds - (time.time() - os.path.getmtime(cleaned))
        if wait > 0:
            print(f"  waiting {wait:.0f} s: outputs were deleted less than {seconds:g} s ago "
                  "(SETTLE=0 to skip)", flush=True)
            time.sleep(wait)


def delete_trash(trash, trees):
    """Deletes the outputs moved into `trash` and notes when, for `settle_after_deletion`."""
    if os.path.exists(trash):
        shutil.rmtree(trash)
        open(os.path.join(trees, ".cleaned"), "w").close()


def stage_times(log_path):
    """sopkit --verbose prints '  load: 0.095 s' per stage."""
    stages = {}
    for line in open(log_path, errors="replace"):
        m = re.match(r"^\s+([\w -]+): ([0-9.]+) s\s*$", line)
        if m:
            stages[m.group(1)] = float(m.group(2))
    return stages


def run(args):
    tree = os.path.abspath(args.tree)
    logs = os.path.join(tree, "logs")
    os.makedirs(logs, exist_ok=True)
    sopkit_out = os.path.join(tree, "sopkit-out")
    hugo_out = os.path.join(tree, "hugo-out")
    hugo_cache = os.path.join(tree, "hugo-cache")
    search = {"on": args.hugo_search == "1"}

    sopkit_cmd = [args.sopkit, "build", "--verbose", "--content", os.path.join(tree, "Content"),
                  "--templates", os.path.abspath(args.templates), "--public", os.path.abspath(args.public),
                  "--output", sopkit_out]

    def hugo_cmd():
        config = "hugo.toml" + (",search.toml" if search["on"] else "") + ("" if args.hugo_related else ",norelated.toml")
        return [args.hugo, "--source", os.path.join(tree, "hugo"), "--config", config,
                "--destination", hugo_out, "--cacheDir", hugo_cache, "--logLevel", "warn"]
    cmark_cmd = ["sh", "-c", f'exec "$0" --smart "$1" > /dev/null', args.cmark, os.path.join(tree, "bodies.md")]

    # Outputs of earlier runs are moved aside and deleted after the last round ("--cleanup later"). On an
    # ext4 file system without a journal (this machine's), the kernel skips inodes freed in the last minutes
    # when it makes new files, checking each one, so a run right after deleting tens of thousands of files
    # paid for the harness's own rm -rf (perf: recently_deleted under ext4_create), growing round by round.
    # For the same reason the first round waits until the last deletion is --settle seconds old: the next
    # size of one run.sh, or the next run.sh, came right after it (100,000 guides: 30 s of system time
    # instead of 20). A trash left by an interrupted run goes with this run's, at the end.
    trash = os.path.join(tree, "trash")
    settle_after_deletion(os.path.dirname(tree), args.settle)

    def fresh(*folders):
        for folder in folders:
            if not os.path.exists(folder):
                continue
            if args.cleanup == "now":
                shutil.rmtree(folder)
            else:
                os.makedirs(trash, exist_ok=True)
                os.rename(folder, os.path.join(trash, f"{os.path.basename(folder)}-{time.monotonic_ns()}"))

    samples = {name: [] for name in ROW_ORDER}
    stages = []
    for round_number in range(args.runs):
        steps = [
            (SOPKIT, lambda: sopkit_cmd, lambda: fresh(sopkit_out)),
            (HUGO, hugo_cmd, lambda: fresh(hugo_out, hugo_cache)),
        ]
        if round_number % 2 == 1:
            steps.reverse()
        steps.append((CMARK, lambda: cmark_cmd, lambda: None))
        steps.append((SOPKIT_REBUILD, lambda: sopkit_cmd, lambda: None))
        if args.hugo_rebuild:
            steps.append((HUGO_REBUILD, hugo_cmd, lambda: None))
        for name, cmd, prepare in steps:
            prepare()
            busy = busy_cores()
            log = os.path.join(logs, f"{name.replace(' ', '-')}-{round_number + 1}.log")
            result = measure(cmd(), log)
            if result["rc"] != 0:
                sys.stderr.write(open(log, errors="replace").read()[-4000:])
                raise SystemExit(f"{name} failed (exit {result['rc']}); its output is in {log}")
            result["busy"] = busy
            samples[name].append(result)
            if name == SOPKIT:
                stages.append(stage_times(log))
                if round_number == 0 and args.hugo_search == "auto":
                    scripts = extra_scripts(sopkit_out, args.public)
                    search["on"] = bool(scripts)
                    shown = ", ".join(scripts[:3]) + (f", ... ({len(scripts)} files)" if len(scripts) > 3 else "")
                    print(f"  sopkit wrote {'a' if scripts else 'no'} search index "
                          f"({shown or 'no .js beyond Public/'}): "
                          f"Hugo {'writes' if scripts else 'does not write'} one too", flush=True)
            print(f"  round {round_number + 1}/{args.runs}  {name:<17} wall {result['wall']:7.2f} s  "
                  f"cpu {result['cpu']:7.2f} s  peak {result['mem']:7.0f} MB  (other work before: {busy:.2f} cores)", flush=True)
        if round_number == 0:
            sopkit_pages, sopkit_files = count_pages(sopkit_out)
            hugo_pages, hugo_files = count_pages(hugo_out)
            print(f"  output: sopkit {sopkit_pages} pages ({sopkit_files} files), "
                  f"Hugo {hugo_pages} pages ({hugo_files} files)", flush=True)

    delete_trash(trash, os.path.dirname(tree))

    result = {
        "guides": args.guides,
        "cleanup": args.cleanup,
        "runs": args.runs,
        "sopkit_version": args.label,
        "cores": os.cpu_count(),
        "hugo_search_index": search["on"],
        "hugo_related": bool(args.hugo_related),
        "pages": {SOPKIT: sopkit_pages, HUGO: hugo_pages},
        "files": {SOPKIT: sopkit_files, HUGO: hugo_files},
        "markdown_bytes": os.path.getsize(os.path.join(tree, "bodies.md")),
        "samples": {k: v for k, v in samples.items() if v},
        "sopkit_stages": stages,
        "commands": {SOPKIT: sopkit_cmd, HUGO: hugo_cmd(), CMARK: cmark_cmd},
    }
    os.makedirs(args.results, exist_ok=True)
    path = os.path.join(args.results, f"{args.guides}.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
    print(table([result]))


def spread(values, fmt):
    values = sorted(values)
    med = statistics.median(values)
    if len(values) == 1:
        return fmt.format(med)
    return f"{fmt.format(med)} ({fmt.format(values[0])}–{fmt.format(values[-1])})"


def table(results):
    lines = [
        "| guides | run | wall s | CPU s (user+sys) | peak MB | pages |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    ratio_lines = [
        "| guides | ratio (of medians) | wall | CPU | peak memory |",
        "|---:|---|---:|---:|---:|",
    ]
    stage_lines = []
    notes = []
    for result in sorted(results, key=lambda r: r["guides"]):
        n = f"{result['guides']:,}"
        samples = result["samples"]
        for name in ROW_ORDER:
            if name not in samples:
                continue
            s = samples[name]
            pages = result["pages"].get(name.split()[0], "")
            if name == CMARK:
                pages = f"{result['markdown_bytes'] / 1e6:.0f} MB of Markdown"
            lines.append(
                f"| {n} | {name} | {spread([x['wall'] for x in s], '{:.2f}')} | "
                f"{spread([x['cpu'] for x in s], '{:.2f}')} | {spread([x['mem'] for x in s], '{:.0f}')} | {pages} |")

        def med(name, key):
            return statistics.median(x[key] for x in samples[name])

        def ratio(other, key):
            # Below /usr/bin/time's 10 ms resolution (cmark on a small tree) a ratio means nothing.
            return f"{med(SOPKIT, key) / med(other, key):.2f}" if med(other, key) > 0 else "–"

        for other in (HUGO, CMARK):
            ratio_lines.append(
                f"| {n} | sopkit / {other} | {ratio(other, 'wall')} | {ratio(other, 'cpu')} | {ratio(other, 'mem')} |")
        others = [x["busy"] for rows in samples.values() for x in rows if "busy" in x]
        if others:
            busy = " (the machine was busy with other work: wall times are inflated, CPU times less so)" \
                if max(others) > 0.25 else ""
            notes.append(f"- {n} guides: sopkit {result.get('sopkit_version') or '?'}; {result['runs']} runs; "
                         f"other work in the half second before each run {min(others):.2f}–{max(others):.2f} "
                         f"of {result.get('cores', '?')} cores{busy}; Hugo search index "
                         f"{'on' if result.get('hugo_search_index') else 'off'}, related guides "
                         f"{'on' if result.get('hugo_related', True) else 'off'}")
        if result.get("sopkit_stages") and result["sopkit_stages"][0]:
            names = list(result["sopkit_stages"][0])
            parts = [f"{k} {statistics.median(s.get(k, 0) for s in result['sopkit_stages']):.2f} s" for k in names]
            stage_lines.append(f"- {n} guides: " + ", ".join(parts))
    out = "\n".join(lines) + "\n\n" + "\n".join(ratio_lines) + "\n"
    if notes:
        out += "\nConditions:\n\n" + "\n".join(notes) + "\n"
    if stage_lines:
        out += "\nsopkit stages (`--verbose`, medians of the clean builds):\n\n" + "\n".join(stage_lines) + "\n"
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--tree", required=True)
    r.add_argument("--guides", type=int, required=True)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--sopkit", required=True)
    r.add_argument("--hugo", required=True)
    r.add_argument("--cmark", required=True)
    r.add_argument("--templates", required=True)
    r.add_argument("--public", required=True)
    r.add_argument("--results", required=True)
    r.add_argument("--label", default="", help="what sopkit was built from (git describe)")
    r.add_argument("--hugo-search", choices=["auto", "0", "1"], default="auto",
                   help="1: Hugo also writes a search index; auto: only if sopkit's output has one")
    r.add_argument("--hugo-related", type=int, default=1, help="0: Hugo leaves out the related guides")
    r.add_argument("--hugo-rebuild", type=int, default=0, help="1: also time a no-change Hugo rebuild")
    r.add_argument("--settle", type=float, default=180,
                   help="seconds between deleting outputs and the first timed run (see run())")
    r.add_argument("--cleanup", choices=["later", "now"], default="later",
                   help="later: move earlier outputs aside and delete them after the last round; now: delete each before its run")
    t = sub.add_parser("table")
    t.add_argument("files", nargs="+")
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    else:
        print(table([json.load(open(f)) for f in args.files]))


if __name__ == "__main__":
    main()
