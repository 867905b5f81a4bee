#!/usr/bin/python3
"""sopkit's search next to Pagefind on the same built site: index build, bytes, and keystroke latency in Chromium.

    /usr/bin/python3 search_bench.py build --tree work/trees/10000 --runs 3 --sopkit BIN --pagefind BIN \
        --templates ../Templates --public ../Public --results work/results
    /usr/bin/python3 search_bench.py browse --tree work/trees/10000 --runs 3 --results work/results
    /usr/bin/python3 search_bench.py table work/results/search-10000.json

`build` builds the tree with `sopkit build --verbose` into TREE/search-site and runs
`pagefind --site TREE/search-site --output-subdir pagefind --root-selector main` on that output, RUNS rounds,
alternating which goes first. sopkit's figure is its "search" stage; Pagefind's is the whole process.

`browse` opens the built site in headless Chromium (Debian chromium + chromium-driver, python3-selenium) with the
browser cache off, and for every query, RUNS times, on a freshly loaded page:
  - pastes the whole query into the field (one `input` event right after focusing it) and waits for the results:
    the bytes of search files loaded up to then, and the time from that event to the results in the page;
  - types the query one key at a time, waiting for each key's results: the time from each key's `input` event
    to its results in the page (the first key pays for loading the engine and index), and the bytes loaded.
sopkit is measured on its own pages (the header field of index.html, 8 results with snippets) over file:// and
over http://127.0.0.1; Pagefind over http only (it needs fetch and WebAssembly) with a page that calls its JS API
on each `input` event without debouncing and shows its first 8 results with excerpts (`result.data()`).
Bytes over http are what the loopback server sent (no compression, no caching, each file once); over file:// the sizes on disk of the files
the page's Resource Timing entries name. Only search files count: sopkit's `js/search*.js` and `search/`,
Pagefind's `pagefind/`.
"""

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "Tests" / "Browser"))
from bench import busy_cores, delete_trash, measure, settle_after_deletion, stage_times  # noqa: E402

QUERIES = ["safety network", "danger statement", "house of worries", "supervisor coaching", "scaling question",
           "mapp"]
SOPKIT_FILE, SOPKIT_HTTP, PAGEFIND_HTTP = "sopkit (file://)", "sopkit (http)", "Pagefind (http)"
RESULTS_SHOWN = 8

PAGEFIND_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pagefind benchmark</title></head>
<body><main><label for="q">Search</label> <input id="q" type="search" autocomplete="off">
<p id="status" role="status"></p><ol id="results"></ol></main>
<script type="module">
const input = document.getElementById("q"), status = document.getElementById("status");
const list = document.getElementById("results");
let pagefind = null, sequence = 0;
function engine() {
  if (!pagefind) pagefind = import("./pagefind/pagefind.js").then(async (p) => { await p.init(); return p; });
  return pagefind;
}
input.addEventListener("focus", engine);
input.addEventListener("input", async () => {
  const mine = ++sequence;
  const p = await engine();
  const search = await p.search(input.value);
  if (mine !== sequence || !search) return;
  const data = await Promise.all(search.results.slice(0, %d).map((r) => r.data()));
  if (mine !== sequence) return;
  list.textContent = "";
  for (const d of data) {
    const item = document.createElement("li"), link = document.createElement("a"), text = document.createElement("p");
    link.href = d.url; link.textContent = d.meta.title; text.innerHTML = d.excerpt;
    item.append(link, text); list.append(item);
  }
  status.textContent = search.results.length + " results";
});
</script></body></html>
""" % RESULTS_SHOWN

# Records, for the field `input` and the status element `status`, each input event's time and value and each
# change of the status (the search UI sets it once per shown result list) with the number of results then.
INSTRUMENT = """
const [inputSelector, statusSelector, itemSelector] = arguments;
const input = document.querySelector(inputSelector), status = document.querySelector(statusSelector);
const bench = window.__bench = {events: [], shown: []};
input.addEventListener("input", (e) => bench.events.push({t: e.timeStamp, value: input.value}), true);
new MutationObserver(() => bench.shown.push({t: performance.now(), value: input.value,
  results: document.querySelectorAll(itemSelector).length}))
  .observe(status, {childList: true, characterData: true, subtree: true});
"""

SYSTEMS = {
    SOPKIT_FILE: {"page": "index.html", "input": "#search-input", "status": "#sk-search-live-status",
                  "items": "#sk-search-live-list li", "files": ("js/search", "search/")},
    PAGEFIND_HTTP: {"page": "pagefind-bench.html", "input": "#q", "status": "#status", "items": "#results li",
                    "files": ("pagefind/",)},
}
SYSTEMS[SOPKIT_HTTP] = SYSTEMS[SOPKIT_FILE]


def folder_bytes(folder, keep=lambda rel: True):
    total = 0
    count = 0
    for path, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(path, name)
            if keep(os.path.relpath(full, folder)):
                total += os.path.getsize(full)
                count += 1
    return total, count


def sopkit_index_files(rel):
    return rel.startswith("search/") or (rel.startswith("js/search") and rel.endswith(".js"))


@functools.lru_cache(maxsize=None)
def gzip_size(path):
    """What a server compressing with gzip (level 6, like nginx's `gzip on`) would send; Pagefind's files are
    compressed already, and a server sends those as they are when that is smaller."""
    data = Path(path).read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


# --- build --------------------------------------------------------------------------------------------------


def build(args):
    tree = Path(args.tree).resolve()
    site = tree / "search-site"
    logs = tree / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    sopkit_cmd = [args.sopkit, "build", "--verbose", "--content", str(tree / "Content"),
                  "--templates", str(Path(args.templates).resolve()), "--public", str(Path(args.public).resolve()),
                  "--output", str(site)]
    pagefind_cmd = [args.pagefind, "--site", str(site), "--output-subdir", "pagefind", "--root-selector", "main",
                    "--quiet"]
    samples = {"sopkit": [], "Pagefind": []}
    # Earlier outputs are moved aside and deleted after the last round, and the first round waits out the
    # harness's last deletion, as in bench.py: deleting thousands of files slows whatever this file system makes
    # next. A trash left by an interrupted run goes with this run's, at the end.
    trash = tree / "search-trash"
    settle_after_deletion(str(tree.parent), args.settle)

    def set_aside(folder):
        if folder.exists():
            trash.mkdir(exist_ok=True)
            folder.rename(trash / f"{folder.name}-{time.monotonic_ns()}")

    for round_number in range(args.runs):
        order = ["sopkit", "Pagefind"] if round_number % 2 == 0 else ["Pagefind", "sopkit"]
        if round_number % 2 == 1 and not site.exists():
            order = ["sopkit", "Pagefind"]
        for name in order:
            log = str(logs / f"search-{name}-{round_number + 1}.log")
            set_aside(site if name == "sopkit" else site / "pagefind")
            busy = busy_cores()
            result = measure(sopkit_cmd if name == "sopkit" else pagefind_cmd, log)
            if result["rc"] != 0:
                sys.stderr.write(open(log, errors="replace").read()[-4000:])
                raise SystemExit(f"{name} failed (exit {result['rc']}); its output is in {log}")
            result["busy"] = busy
            if name == "sopkit":
                result["stages"] = stage_times(log)
            samples[name].append(result)
            print(f"  round {round_number + 1}: {name} {result['wall']:.2f} s wall, {result['cpu']:.2f} s CPU"
                  + (f", search stage {result['stages'].get('search', float('nan')):.2f} s" if name == "sopkit" else ""),
                  flush=True)
    # The last round may have ended with sopkit, which removed Pagefind's bundle: index once more if so.
    if not (site / "pagefind" / "pagefind.js").exists():
        measure(pagefind_cmd, str(logs / "search-Pagefind-final.log"))
    delete_trash(str(trash), str(tree.parent))
    (site / "pagefind-bench.html").write_text(PAGEFIND_PAGE)
    sopkit_bytes, sopkit_files = folder_bytes(site, sopkit_index_files)
    pagefind_bytes, pagefind_files = folder_bytes(site / "pagefind")
    guides = sum(1 for _ in (tree / "Content" / "guides").glob("*.md"))
    out = {"guides": guides, "runs": args.runs, "label": args.label, "cores": os.cpu_count(),
           "build": samples,
           "index": {"sopkit": {"bytes": sopkit_bytes, "files": sopkit_files},
                     "Pagefind": {"bytes": pagefind_bytes, "files": pagefind_files}}}
    path = Path(args.results) / f"search-{tree.name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=1))
    print(f"  index bytes: sopkit {sopkit_bytes:,} in {sopkit_files} files, "
          f"Pagefind {pagefind_bytes:,} in {pagefind_files} files")


# --- browse -------------------------------------------------------------------------------------------------


class CountingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site and records the URL path and the file of everything it sends. Nothing may be cached: the
    browser cache is turned off for the page, but not for Pagefind's web worker, which fetches its index."""

    sent = None

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_request(self, code="-", size="-"):
        if str(code) == "200":
            path = self.translate_path(self.path)
            if os.path.isfile(path):
                self.sent.append((urllib.parse.urlsplit(self.path).path, path))

    def log_message(self, *args):
        pass


def wait_for(driver, condition_js, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(condition_js)
        if value:
            return value
        time.sleep(0.005)
    raise SystemExit(f"timed out waiting for: {condition_js}")


# The time from input event `k` to the first status change after it that happened with the same field value.
LATENCY = """
const b = window.__bench, k = arguments[0], e = b.events[k];
if (!e) return null;
const s = b.shown.find((s) => s.t >= e.t && s.value === e.value);
return s ? [s.t - e.t, s.results] : null;
"""


class Browse:
    def __init__(self, driver, site):
        self.driver = driver
        self.site = Path(site)

    def open(self, base, system):
        spec = SYSTEMS[system]
        self.driver.get(base + spec["page"])
        wait_for(self.driver, "return document.readyState === 'complete'")
        self.driver.execute_script(INSTRUMENT, spec["input"], spec["status"], spec["items"])
        self.driver.get_log("browser")
        return self.driver.find_element("css selector", spec["input"])

    def search_bytes(self, system, sent, mark):
        """Bytes of search files loaded since the page was opened, as sent and as gzip would send them: over http
        the files the server sent, over file:// the files the page's scripts and Resource Timing entries name; each
        file once."""
        prefixes = SYSTEMS[system]["files"]
        if sent is not None:
            files = [(path, full) for path, full in sent[mark:]]
        else:
            names = self.driver.execute_script(
                "return performance.getEntriesByType('resource').map((e) => e.name)"
                ".concat(Array.from(document.scripts, (s) => s.src))")
            files = []
            for name in sorted(set(names)):
                if name.startswith("file:"):
                    full = urllib.parse.unquote(urllib.parse.urlsplit(name).path)
                    files.append((os.path.relpath(full, self.site), full))
        # A file fetched twice (Pagefind's page and its worker both fetch some) counts once, as a cache would have it.
        chosen = sorted({full for path, full in files if any(p in path for p in prefixes)})
        return sum(os.path.getsize(f) for f in chosen), sum(gzip_size(f) for f in chosen)

    def pasted(self, base, system, query, sent):
        mark = len(sent) if sent is not None else 0
        self.open(base, system)
        self.driver.execute_script("""
            const input = document.querySelector(arguments[0]);
            input.focus(); input.value = arguments[1]; input.dispatchEvent(new Event("input", {bubbles: true}));
        """, SYSTEMS[system]["input"], query)
        latency, results = self.latency(0)
        sent_bytes, gzip_bytes = self.search_bytes(system, sent, mark)
        return {"ms": latency, "results": results, "bytes": sent_bytes, "gzip": gzip_bytes}

    def latency(self, k):
        result = wait_for(self.driver, f"return (function() {{ {LATENCY} }}).apply(null, [{k}])")
        return result[0], result[1]

    def typed(self, base, system, query, sent):
        mark = len(sent) if sent is not None else 0
        field = self.open(base, system)
        field.click()
        keys = []
        for k, char in enumerate(query):
            field.send_keys(char)
            keys.append(self.latency(k)[0])
        sent_bytes, gzip_bytes = self.search_bytes(system, sent, mark)
        return {"keys_ms": keys, "bytes": sent_bytes, "gzip": gzip_bytes}


def browse(args):
    from browser import chromium, console_errors, file_url, serve

    site = Path(args.tree).resolve() / "search-site"
    path = Path(args.results) / f"search-{Path(args.tree).name}.json"
    out = json.loads(path.read_text())
    sent = []
    samples = {system: {query: [] for query in QUERIES} for system in SYSTEMS}
    errors = []
    with chromium() as driver, serve(site, "sop", type("Handler", (CountingHandler,), {"sent": sent})) as base:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        bench = Browse(driver, site)
        for round_number in range(args.runs):
            for system in SYSTEMS:
                where, log = (file_url(site), None) if system == SOPKIT_FILE else (base, sent)
                for query in QUERIES:
                    sample = {"pasted": bench.pasted(where, system, query, log),
                              "typed": bench.typed(where, system, query, log)}
                    errors += [f"{system} '{query}': {e}" for e in console_errors(driver)]
                    samples[system][query].append(sample)
                    print(f"  round {round_number + 1} {system:17} {query!r:22} pasted "
                          f"{sample['pasted']['ms']:6.1f} ms {sample['pasted']['bytes']:>9,} B "
                          f"({sample['pasted']['results']} shown); typed: first key "
                          f"{sample['typed']['keys_ms'][0]:6.1f} ms, later keys median "
                          f"{statistics.median(sample['typed']['keys_ms'][1:]):5.1f} ms, "
                          f"{sample['typed']['bytes']:>9,} B", flush=True)
    out["browse"] = samples
    out["browse_runs"] = args.runs
    out["console_errors"] = errors
    out["load_during_browse"] = os.getloadavg()[0]
    path.write_text(json.dumps(out, indent=1))
    for error in errors:
        print("console error:", error)


# --- table --------------------------------------------------------------------------------------------------


def spread(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def table(args):
    for file in args.files:
        data = json.loads(Path(file).read_text())
        sop, pf = data["build"]["sopkit"], data["build"]["Pagefind"]
        sec = lambda v: f"{v:.2f}"  # noqa: E731
        print(f"### {data['guides']:,} guides (sopkit {data['label']}; {data['runs']} build rounds, "
              f"{data.get('browse_runs', 0)} browser rounds; medians, min–max in brackets)\n")
        print("| | sopkit | Pagefind 1.5.2 |")
        print("|---|---:|---:|")
        print(f"| index build, wall s | {spread([s['stages'].get('search', 0) for s in sop], sec)} (the build's "
              f"\"search\" stage) | {spread([s['wall'] for s in pf], sec)} (`pagefind --site`) |")
        print(f"| whole process, CPU s (user+sys) | {spread([s['cpu'] for s in sop], sec)} (whole `sopkit build`) "
              f"| {spread([s['cpu'] for s in pf], sec)} |")
        print(f"| whole process, peak MB | {spread([s['mem'] for s in sop], lambda v: f'{v:.0f}')} "
              f"| {spread([s['mem'] for s in pf], lambda v: f'{v:.0f}')} |")
        print(f"| total index bytes (files) | {data['index']['sopkit']['bytes']:,} ({data['index']['sopkit']['files']:,})"
              f" | {data['index']['Pagefind']['bytes']:,} ({data['index']['Pagefind']['files']:,}) |")
        browse_data = data.get("browse")
        if browse_data:
            print()
            print(f"| in Chromium, over {len(QUERIES)} queries | {SOPKIT_FILE} | {SOPKIT_HTTP} | {PAGEFIND_HTTP} |")
            print("|---|---:|---:|---:|")

            def row(label, pick, fmt):
                cells = []
                for system in (SOPKIT_FILE, SOPKIT_HTTP, PAGEFIND_HTTP):
                    values = [v for query in QUERIES for sample in browse_data[system][query] for v in pick(sample)]
                    cells.append(spread(values, fmt) if values else "–")
                print(f"| {label} | " + " | ".join(cells) + " |")
            kb = lambda v: f"{v / 1000:,.0f} kB"  # noqa: E731
            ms = lambda v: f"{v:.1f}"  # noqa: E731
            row("bytes before the first results (query pasted)", lambda s: [s["pasted"]["bytes"]], kb)
            row("the same, gzip-compressed by the server", lambda s: [s["pasted"]["gzip"]], kb)
            row("bytes while typing the query key by key", lambda s: [s["typed"]["bytes"]], kb)
            row("the same, gzip-compressed by the server", lambda s: [s["typed"]["gzip"]], kb)
            row("ms, pasted query to results, cold page", lambda s: [s["pasted"]["ms"]], ms)
            row("ms, first key to results, cold page", lambda s: [s["typed"]["keys_ms"][0]], ms)
            row("ms, every later key to results", lambda s: s["typed"]["keys_ms"][1:], ms)
            print()
            print("Per query, median ms from each later key to its results (sopkit http / Pagefind):")
            print()
            for query in QUERIES:
                cells = []
                for system in (SOPKIT_HTTP, PAGEFIND_HTTP):
                    keys = [v for sample in browse_data[system][query] for v in sample["typed"]["keys_ms"][1:]]
                    shown = [sample["pasted"]["results"] for sample in browse_data[system][query]]
                    cells.append(f"{statistics.median(keys):.1f} ms ({max(shown)} shown)")
                print(f"- `{query}`: " + " / ".join(cells))
            if data.get("console_errors"):
                print(f"\nConsole errors: {len(data['console_errors'])}")
        others = [s["busy"] for name in ("sopkit", "Pagefind") for s in data["build"][name]]
        print(f"\nConditions: {data['cores']} cores; other work in the half second before each build run "
              f"{min(others):.2f}–{max(others):.2f} cores"
              + (f", {data['load_during_browse']:.1f} after the browser rounds" if browse_data else "") + ".")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser("build")
    b.add_argument("--tree", required=True)
    b.add_argument("--runs", type=int, default=3)
    b.add_argument("--sopkit", required=True)
    b.add_argument("--pagefind", required=True)
    b.add_argument("--templates", required=True)
    b.add_argument("--public", required=True)
    b.add_argument("--results", required=True)
    b.add_argument("--label", default="")
    b.add_argument("--settle", type=float, default=180,
                   help="seconds between the harness's last deletion of outputs and the first timed run")
    w = commands.add_parser("browse")
    w.add_argument("--tree", required=True)
    w.add_argument("--runs", type=int, default=3)
    w.add_argument("--results", required=True)
    t = commands.add_parser("table")
    t.add_argument("files", nargs="+")
    args = parser.parse_args()
    {"build": build, "browse": browse, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
