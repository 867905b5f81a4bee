"""Relevance of sopkit's search and Pagefind's on the same built site, over judged queries, in headless Chromium.

Usage: /usr/bin/python3 Benchmarks/relevance.py --site BUILT_SITE --queries Benchmarks/relevance-queries.json
(Benchmarks/relevance.sh builds the sample site, runs Pagefind on it and calls this.)

Each engine is asked for its top 5 pages. sopkit runs its own engine on the site's index (a role filter where the
query has one; the Spanish edition's index for lang: es). Pagefind runs `pagefind.search(query)` from a page of the
query's language, unfiltered (the site carries no Pagefind filter attributes). Figures: hits@1 (the judged first
page is first), MRR (1 / the rank of the judged first page in the top 5, else 0) and nDCG@5 (gain 2 for the judged
first page, 1 for each page that should follow).
"""
import argparse
import json
import math
import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "Browser"))
from browser import chromium, serve  # noqa: E402

SOPKIT = """
const [query, role, prefix, done] = arguments;
const load = (src) => new Promise((resolve, reject) => {
  const s = document.createElement("script"); s.src = src; s.onload = resolve; s.onerror = reject;
  document.head.appendChild(s);
});
(async () => {
  if (!window.SOPKIT_SEARCH) await load("js/search-engine.js");
  if (!window.SOPKIT_STEMMERS) { await load("js/search-stemmer-en.js"); await load("js/search-stemmer-es.js"); }
  window.SOPKIT_SEARCH_INDEX = undefined;
  await load(prefix + "search/index.js");
  const index = window.SOPKIT_SEARCH_INDEX;
  const S = window.SOPKIT_SEARCH;
  const engine = new S.Engine(index, S.scriptLoader(prefix, document), window.SOPKIT_STEMMERS[index.stemmer]);
  const found = await engine.search(query, { role: role || null }, 5);
  done(found.results.map((r) => r.path));
})().catch((e) => done(["error: " + e]));
"""

PAGEFIND = """
const [query, done] = arguments;
(async () => {
  window.pf = window.pf || await import(new URL("pagefind/pagefind.js", document.baseURI.replace(/es\\/[^/]*$/, "")).href);
  const found = await window.pf.search(query);
  const data = await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  done(data.map((d) => d.url));
})().catch((e) => done(["error: " + e]));
"""


def relative(url, base):
    path = urlsplit(url).path
    root = urlsplit(base).path
    path = path[len(root):] if path.startswith(root) else path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def scores(ranked, judged):
    first = judged["first"]
    also = set(judged.get("also", []))
    rank = ranked.index(first) + 1 if first in ranked else None
    gains = [2 if page == first else 1 if page in also else 0 for page in ranked[:5]]
    ideal = sorted([2] + [1] * len(also), reverse=True)[:5]
    dcg = lambda gs: sum(g / math.log2(i + 2) for i, g in enumerate(gs))  # noqa: E731
    return {"hit1": 1.0 if rank == 1 else 0.0, "rr": 1.0 / rank if rank else 0.0, "ndcg": dcg(gains) / dcg(ideal)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--queries", required=True)
    parser.add_argument("--misses", action="store_true", help="print each query a system does not put first")
    args = parser.parse_args()
    queries = json.loads(Path(args.queries).read_text())["queries"]
    has_pagefind = Path(args.site, "pagefind", "pagefind.js").is_file()
    results = {"sopkit": [], "Pagefind": []}
    with chromium() as driver, serve(args.site, "site") as base:
        driver.set_script_timeout(30)
        for judged in queries:
            spanish = judged.get("lang") == "es"
            driver.get(base + "index.html")
            ranked = driver.execute_async_script(SOPKIT, judged["q"], judged.get("role"), "es/" if spanish else "")
            results["sopkit"].append((judged, ranked, scores(ranked, judged)))
            if has_pagefind:
                # Pagefind picks the index of the page's language.
                driver.get(base + ("es/index.html" if spanish else "index.html"))
                ranked = [relative(url, base) for url in driver.execute_async_script(PAGEFIND, judged["q"])]
                results["Pagefind"].append((judged, ranked, scores(ranked, judged)))
    systems = [s for s in results if results[s]]
    kinds = sorted({q["kind"] for q in queries}, key=[q["kind"] for q in queries].index)
    print(f"| {len(queries)} judged queries, sample site | " + " | ".join(
        f"{s} hits@1 | {s} MRR | {s} nDCG@5" for s in systems) + " |")
    print("|---|" + "---:|" * (3 * len(systems)))
    for kind in kinds + ["all"]:
        row = []
        for system in systems:
            picked = [s for q, _, s in results[system] if kind == "all" or q["kind"] == kind]
            mean = lambda key: sum(s[key] for s in picked) / len(picked)  # noqa: E731
            row += [f"{mean('hit1'):.2f}", f"{mean('rr'):.2f}", f"{mean('ndcg'):.2f}"]
        count = sum(1 for q in queries if kind == "all" or q["kind"] == kind)
        print(f"| {kind} ({count}) | " + " | ".join(row) + " |")
    if args.misses:
        for system in systems:
            for judged, ranked, score in results[system]:
                if score["hit1"] < 1:
                    print(f"{system}: {judged['q']!r} expected {judged['first']}, got {ranked[:3]}")


if __name__ == "__main__":
    main()
