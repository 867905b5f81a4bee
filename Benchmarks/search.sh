#!/usr/bin/env bash
# Benchmarks sopkit's search against Pagefind on the same built site (see search_bench.py for what is measured).
#
#   Benchmarks/search.sh              # 10,000 guides, 3 build rounds and 3 browser rounds
#   Benchmarks/search.sh 1000         # another size
#   RUNS=5 Benchmarks/search.sh
#
# Environment: RUNS=3, SEED=1, SETTLE=180, SOPKIT_BIN, SOPKIT_LABEL, SWIFT_SCRATCH as for run.sh;
#   PAGEFIND_BIN=PATH  use this pagefind binary (default: pagefind-bin==1.5.2 from PyPI in a venv under work/)
#
# Writes under Benchmarks/work/: trees/<N>/search-site/ (sopkit's output with Pagefind's bundle in pagefind/),
# results/search-<N>.json and results/search-table.md.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
PAGEFIND_VERSION=1.5.2
source "$HERE/lib.sh"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000)
check_sizes "${SIZES[@]}"
mkdir -p "$WORK/trees" "$WORK/results"

# --- Tools ------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { say "installing time"; apt_install time; }
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && /usr/bin/python3 -c 'import selenium' 2>/dev/null \
  || { say "installing chromium, chromium-driver, python3-selenium"; apt_install chromium chromium-driver python3-selenium; }
pagefind_binary
sopkit_binary
echo "sopkit:   $SOPKIT_BIN ($SOPKIT_LABEL)"
echo "pagefind: $("$PAGEFIND_BIN" --version)"
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
echo "machine:  $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB; runs: $RUNS"

ensure_trees "${SIZES[@]}"

# --- Runs -------------------------------------------------------------------------------
RESULTS=()
for n in "${SIZES[@]}"; do
  tree="$WORK/trees/$n"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > 0.5 * c) }'; then
    echo "warning: the 1-minute load average is $load on $(nproc) cores: other work will inflate the times" >&2
  fi
  find "$tree/Content" -type f -print0 | xargs -0 cat > /dev/null
  say "$n guides: $RUNS rounds of sopkit build and pagefind --site (one process at a time)"
  /usr/bin/python3 "$HERE/search_bench.py" build --tree "$tree" --runs "$RUNS" --sopkit "$SOPKIT_BIN" \
    --pagefind "$PAGEFIND_BIN" --templates "$REPO/Templates" --public "$REPO/Public" --results "$WORK/results" \
    --label "$SOPKIT_LABEL" --settle "${SETTLE:-180}"
  say "$n guides: $RUNS rounds of queries in headless Chromium"
  /usr/bin/python3 "$HERE/search_bench.py" browse --tree "$tree" --runs "$RUNS" --results "$WORK/results"
  RESULTS+=("$WORK/results/search-$n.json")
done

say "results"
/usr/bin/python3 "$HERE/search_bench.py" table "${RESULTS[@]}" | tee "$WORK/results/search-table.md"
