#!/usr/bin/env bash
# Relevance of sopkit's search next to Pagefind's on the same built sample site, over the judged queries of
# Benchmarks/relevance-queries.json (see relevance.py for what each engine is asked and how it is scored).
#
#   Benchmarks/relevance.sh                 # builds the sample site (Content/) with sopkit, runs Pagefind on it
#   SOPKIT_BIN=.build/debug/sopkit Benchmarks/relevance.sh
#   CONTENT=path/to/Content QUERIES=path/to/queries.json Benchmarks/relevance.sh   # another corpus
#
# Writes under Benchmarks/work/relevance/: the built site, with Pagefind's bundle in pagefind/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
WORK="$HERE/work"
SEED=1
PAGEFIND_VERSION=1.5.2
source "$HERE/lib.sh"
CONTENT="${CONTENT:-$REPO/Content}"
QUERIES="${QUERIES:-$HERE/relevance-queries.json}"
SITE="$WORK/relevance/site"
mkdir -p "$WORK/relevance"

pagefind_binary
sopkit_binary
echo "sopkit:   $SOPKIT_BIN ($SOPKIT_LABEL)"
echo "pagefind: $("$PAGEFIND_BIN" --version)"

(cd "$REPO" && "$SOPKIT_BIN" build --content "$CONTENT" --templates "$REPO/Templates" --public "$REPO/Public" \
  --output "$SITE" --force --quiet)
"$PAGEFIND_BIN" --site "$SITE" --output-subdir pagefind >/dev/null
/usr/bin/python3 "$HERE/relevance.py" --site "$SITE" --queries "$QUERIES" "$@"
