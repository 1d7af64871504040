#!/usr/bin/env bash
# Target 6: requests per second over loopback, under wrk, for every set-up of bench/lib.rs.
#
# For each round (ROUNDS, default 3) and each case, in an order that alternates between
# rounds: start `cors-bench-server <set-up>` on 127.0.0.1 (one worker; it exits by itself
# after DURATION + 15 s), check one response with curl, run
# `wrk -t1 -c$CONNS -d${DURATION}s` with a Lua script that sets the CORS request headers, then
# kill the server by its PID. Cases:
#   GET (Origin: https://a.example):             bare, static-get, ours, actix-cors
#   preflight (OPTIONS, ACRM GET, ACRH content-type): static-preflight, ours, actix-cors
# Prints requests/s per case (min/median/max over rounds) and the ratios of each round.
#
# Usage:  bench/throughput.sh                  (DURATION=5 ROUNDS=3 CONNS=50)
#         PIN=0 DURATION=3 bench/throughput.sh  (PIN=1, the default, runs the server on CPU 0
#                                                and wrk on CPU 1 with taskset)
# Needs wrk and curl (Debian: apt-get install wrk curl). Loopback only; every wait is bounded.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${DURATION:-5}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-50}
PORT=${PORT:-18181}
PIN=${PIN:-1}
ORIGIN=https://a.example

command -v wrk >/dev/null || { echo "wrk not found (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl not found (apt-get install curl)" >&2; exit 1; }
(cd "$ROOT" && cargo build --release --quiet -p cors-bench --bin cors-bench-server)
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/cors-bench-server

SERVER_CPU=() WRK_CPU=()
if [ "$PIN" = 1 ] && command -v taskset >/dev/null; then SERVER_CPU=(taskset -c 0) WRK_CPU=(taskset -c 1); fi

TMP=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

cat >"$TMP/get.lua" <<EOF
wrk.method = "GET"
wrk.headers["Origin"] = "$ORIGIN"
EOF
cat >"$TMP/preflight.lua" <<EOF
wrk.method = "OPTIONS"
wrk.headers["Origin"] = "$ORIGIN"
wrk.headers["Access-Control-Request-Method"] = "GET"
wrk.headers["Access-Control-Request-Headers"] = "content-type"
EOF

CASES=("get bare" "get static-get" "get ours" "get actix-cors" "preflight static-preflight" "preflight ours"
    "preflight actix-cors")

# One case: prints requests/s.
measure() {
    local kind=$1 setup=$2 port=$3 url status acao
    url=http://127.0.0.1:$port/items
    "${SERVER_CPU[@]}" "$BIN" "$setup" "$port" $((DURATION + 15)) &
    PID=$!
    for _ in $(seq 1 100); do
        curl -s -o /dev/null --max-time 1 "$url" && break
        sleep 0.1
    done
    local args=(-s -o /dev/null -D "$TMP/headers" --max-time 2 -H "Origin: $ORIGIN")
    if [ "$kind" = preflight ]; then
        args+=(-X OPTIONS -H "Access-Control-Request-Method: GET" -H "Access-Control-Request-Headers: content-type")
    fi
    curl "${args[@]}" "$url"
    status=$(awk 'NR == 1 { print $2 }' "$TMP/headers")
    acao=$(grep -ci '^access-control-allow-origin:' "$TMP/headers" || true)
    if [[ ! $status =~ ^20[04]$ ]] || { [ "$setup" != bare ] && [ "$acao" != 1 ]; }; then
        echo "$kind $setup: unexpected answer (status $status, $acao ACAO lines)" >&2
        exit 1
    fi
    timeout $((DURATION + 10)) "${WRK_CPU[@]}" wrk -t1 -c"$CONNS" -d"${DURATION}s" --timeout 2s \
        -s "$TMP/$kind.lua" "$url" >"$TMP/wrk.out"
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
    if grep -q 'Non-2xx' "$TMP/wrk.out"; then
        echo "$kind $setup: wrk saw error responses" >&2
        cat "$TMP/wrk.out" >&2
        exit 1
    fi
    awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk.out"
}

echo "loopback, 1 server worker, wrk -t1 -c$CONNS -d${DURATION}s, $ROUNDS rounds, pinned=$PIN; load: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A RPS
port=$PORT
for round in $(seq 1 "$ROUNDS"); do
    order=("${CASES[@]}")
    if [ $((round % 2)) -eq 0 ]; then
        order=()
        for ((i = ${#CASES[@]} - 1; i >= 0; i--)); do order+=("${CASES[$i]}"); done
    fi
    for c in "${order[@]}"; do
        read -r kind setup <<<"$c"
        port=$((port + 1))
        RPS["$kind $setup $round"]=$(measure "$kind" "$setup" "$port")
        printf 'round %d  %-28s %10.0f req/s\n' "$round" "$kind $setup" "${RPS["$kind $setup $round"]}"
    done
done

stats() { # numbers on stdin -> "min median max"
    sort -g | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%10.3f %10.3f %10.3f", v[1], m, v[NR] }'
}

echo
printf '%-28s %10s %10s %10s\n' "requests/s" min median max
for c in "${CASES[@]}"; do
    printf '%-28s %s\n' "$c" "$(for r in $(seq 1 "$ROUNDS"); do echo "${RPS["$c $r"]}"; done | stats)"
done
echo
printf '%-44s %10s %10s %10s\n' "ratio of req/s per round (>1: faster)" min median max
for pair in "get ours|get bare" "get ours|get static-get" "get ours|get actix-cors" "get actix-cors|get bare" \
    "preflight ours|preflight static-preflight" "preflight ours|preflight actix-cors" \
    "preflight actix-cors|preflight static-preflight"; do
    a=${pair%|*} b=${pair#*|}
    printf '%-44s %s\n' "${a#* } / ${b#* } (${a%% *})" "$(for r in $(seq 1 "$ROUNDS"); do
        awk -v x="${RPS["$a $r"]}" -v y="${RPS["$b $r"]}" 'BEGIN { print x / y }'
    done | stats)"
done
