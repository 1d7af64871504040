#!/usr/bin/env bash
# Targets 1 and 2, counted instead of timed: instructions per request under callgrind.
#
# Timings on a shared machine drift by tens of percent; instruction counts do not. For each
# case, `cors-bench-instructions <case> <n>` builds the app, warms it up, builds n requests,
# then serves them inside `measured_region`, the only code callgrind counts
# (`--toggle-collect`). Two runs, with N1 and N2 requests, are subtracted, so that the fixed
# costs cancel: instructions per request = (I(N2) - I(N1)) / (N2 - N1). The result is exact
# for a given build; it does not see cache misses or other stalls, so it complements the
# timings rather than replacing them.
#
# Each process seeds its hash tables at random (actix-web's header maps), and a few seeds cost a
# case hundreds of instructions more per request; so each case is counted REPS times (default
# 5), in fresh processes, and the median is reported with the range.
#
# Usage:  bench/instructions.sh               (N1=1000 N2=3000 REPS=5)
# Needs valgrind (Debian: apt-get install valgrind). Runs on the CPU for about five minutes.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
N1=${N1:-1000}
N2=${N2:-3000}
REPS=${REPS:-5}
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)" >&2; exit 1; }
(cd "$ROOT" && cargo build --release --quiet -p cors-bench --bin cors-bench-instructions)
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/cors-bench-instructions

count() { # case, requests -> instructions collected
    timeout 600 valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured_region*' \
        --callgrind-out-file=/dev/null "$BIN" "$1" "$2" 2>&1 | sed -n 's/.*Collected : //p'
}

declare -A IR
printf '%-22s %12s   %s\n' case "instr/request" "(min max over $REPS counts)"
for c in get/bare get/static get/ours get/actix-cors preflight/static preflight/ours preflight/actix-cors; do
    per=()
    for _ in $(seq 1 "$REPS"); do
        a=$(count "$c" "$N1")
        b=$(count "$c" "$N2")
        per+=($(((b - a) / (N2 - N1))))
    done
    read -r lo med hi < <(printf '%s\n' "${per[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[1], v[int((NR + 1) / 2)], v[NR] }')
    IR[$c]=$med
    printf '%-22s %12d   (%d %d)\n' "$c" "$med" "$lo" "$hi"
done
echo
for pair in "get/ours get/bare" "get/static get/bare" "get/ours get/static" "get/ours get/actix-cors" \
    "preflight/ours preflight/static" "preflight/ours preflight/actix-cors"; do
    read -r x y <<<"$pair"
    printf '%-40s %6.3f\n' "$x / $y" "$(awk -v a="${IR[$x]}" -v b="${IR[$y]}" 'BEGIN { print a / b }')"
done
