#!/bin/bash
# A long fuzzing run of Tests/SOPKitCLITests/Fuzz: damaged sites checked by sopkit until the time is up or a finding.
#
#   Benchmarks/fuzz.sh [SECONDS (3600)] [SEED (21)] [CORE (0)]
#
# Runs on one core at the lowest priority, from copies of the built binaries, so that building again meanwhile does not
# change what is fuzzed. Prints the number of sites checked and any finding with the seed that reproduces it.
set -euo pipefail
seconds=${1:-3600}
seed=${2:-21}
core=${3:-0}
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp .build/debug/sopkit "$work/sopkit"
cp .build/debug/sopkitPackageTests.xctest "$work/"
echo "fuzzing for $seconds s from seed $seed on core $core, commit $(git rev-parse --short HEAD), started $(date -u +%FT%TZ)"
SOPKIT_FUZZ_SECONDS=$seconds SOPKIT_FUZZ_SEED=$seed SOPKIT_FUZZ_BINARY="$work/sopkit" \
  taskset -c "$core" nice -n 19 "$work/sopkitPackageTests.xctest" --testing-library swift-testing \
  --filter FuzzTests 2>&1 | tee "${FUZZ_LOG:-/dev/null}" | grep -E "fuzzing:|case seed|✘|✔ Test|rror" || true
echo "finished $(date -u +%FT%TZ)"
