#!/usr/bin/env bash
# Times two sopkit binaries on the same generated content tree, alternating them round by round in one sitting,
# and checks that they write the same files (before and after a change to sopkit itself).
#
#   Benchmarks/compare.sh OLD_BINARY NEW_BINARY [GUIDES]       # GUIDES defaults to 10000
#   RUNS=5 Benchmarks/compare.sh /tmp/sopkit-old .build-bench/release/sopkit 10000
#
# Each round is a full build (`build --force`) into a fresh folder, with the sample Templates/ and Public/.
# Printed: each binary's median wall time and peak resident memory (min–max), and whether the outputs are
# byte-identical (`diff -r`, the output marker included).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
OLD="$(realpath "$1")"; NEW="$(realpath "$2")"; GUIDES="${3:-10000}"; RUNS="${RUNS:-3}"
WORK="$HERE/work/compare"
TREE="$WORK/tree-$GUIDES"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }
mkdir -p "$WORK"
[ -d "$TREE/Content" ] || python3 "$HERE/gen_content.py" --guides "$GUIDES" --seed 1 --out "$TREE" >/dev/null
find "$TREE/Content" -type f -print0 | xargs -0 cat > /dev/null
declare -A WALL MEM
for round in $(seq 1 "$RUNS"); do
  for side in old new; do
    binary="$OLD"; [ "$side" = new ] && binary="$NEW"
    out="$WORK/out-$side"
    rm -rf "$out" "$WORK/.out-$side".staging-*
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$binary" build --force --content "$TREE/Content" \
      --templates "$REPO/Templates" --public "$REPO/Public" --output "$out" > /dev/null
    read -r wall kb < "$WORK/time"
    WALL[$side]+="$wall "; MEM[$side]+="$((kb / 1024)) "
    echo "round $round $side: $wall s, $((kb / 1024)) MB"
  done
done
summary() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%s (%s–%s)", v[int((NR + 1) / 2)], v[1], v[NR] }'; }
echo
echo "| $GUIDES guides, $RUNS rounds | wall s | peak MB |"
echo "|---|---:|---:|"
echo "| old: $OLD | $(echo "${WALL[old]}" | summary) | $(echo "${MEM[old]}" | summary) |"
echo "| new: $NEW | $(echo "${WALL[new]}" | summary) | $(echo "${MEM[new]}" | summary) |"
if diff -r "$WORK/out-old" "$WORK/out-new" > /dev/null; then echo "outputs: byte-identical"
elif diff -r -x .sopkit-output "$WORK/out-old" "$WORK/out-new" > /dev/null; then echo "outputs: identical but for the output marker"
else echo "outputs: DIFFER"; diff -rq "$WORK/out-old" "$WORK/out-new" | head -5; fi
