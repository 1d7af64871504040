#!/usr/bin/env bash
# Load and fault behaviour of the release quickstart example, on loopback only.
#
#   bash bench/load.sh            # PHASE=25 seconds per load phase, CONNECTIONS=32
#
# Builds `cargo build --release --example quickstart`, starts it on 127.0.0.1:8080, and drives
# it with wrk (Debian package `wrk`) and bench/load/cors.lua, which rotates allowed,
# disallowed and malformed origins and malformed Access-Control-Request-Headers, and checks
# every response for answers that are wrong whatever the request was. Meanwhile a curl
# sampler sends known requests and checks each answer in full. Reports requests, 5xx,
# wrong CORS answers and the server's RSS before, between and after two equal load phases
# (flat memory: no growth from the first phase to the second).
#
# Once the build is done, everything stops by itself within two minutes; the server is
# killed on exit whatever happens. Exits non-zero on any 5xx, wrong answer or RSS growth.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PHASE=${PHASE:-25}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
ADDR=127.0.0.1:8080
BASE=http://$ADDR
APP=https://app.example.com
EVIL=https://evil.example
# Growth of RSS from the end of phase 1 to the end of phase 2 above this is a failure.
MAX_GROWTH_KB=${MAX_GROWTH_KB:-2048}

(( PHASE >= 5 && PHASE <= 45 )) || { echo "PHASE must be 5..45 seconds" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 2; }

cd "$ROOT"
echo "== building the release quickstart"
timeout 900 cargo build --release --example quickstart -p cors-examples
BIN=$ROOT/target/release/examples/quickstart

if curl -s -o /dev/null -m 1 "$BASE/"; then
    echo "something already listens on $ADDR; stop it first" >&2
    exit 2
fi

WORK=$(mktemp -d)
SERVER=
cleanup() {
    [[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# The whole run, from here on, is bounded: phases, warm-up and start-up add up to < 120 s.
"$BIN" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 50); do
    curl -s -o /dev/null -m 1 "$BASE/api/status" && break
    sleep 0.1
done
curl -s -o /dev/null -m 1 "$BASE/api/status" || { echo "the server did not start" >&2; cat "$WORK/server.log" >&2; exit 1; }

rss() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER/status"; }
hwm() { awk '/^VmHWM/ {print $2}' "/proc/$SERVER/status"; }

# --- the curl sampler ------------------------------------------------------------------------

# The value of the first field NAME in the response head held in `head`.
field() { grep -i "^$1:" <<<"$head" | head -1 | cut -d' ' -f2- || true; }

# sample NAME STATUS ACAO ACAC [curl args...]: one request, checked in full. `-` means absent;
# a STATUS of `4xx` accepts any client error. Extra checks come from WANT_* variables.
sample() {
    local name=$1 want_status=$2 want_acao=$3 want_acac=$4
    shift 4
    local head
    if ! head=$(curl -s -m 5 -o /dev/null -D - "$@"); then
        echo "WRONG $name: no answer" >>"$WORK/wrong"
        return
    fi
    head=$(tr -d '\r' <<<"$head")
    local status acao acac problems=()
    status=$(head -1 <<<"$head" | cut -d' ' -f2)
    acao=$(field access-control-allow-origin)
    acac=$(field access-control-allow-credentials)
    [[ $want_acao == - ]] && want_acao=
    [[ $want_acac == - ]] && want_acac=
    if [[ $want_status == 4xx ]]; then
        [[ $status == 4?? ]] || problems+=("status $status, want 4xx")
    else
        [[ $status == "$want_status" ]] || problems+=("status $status, want $want_status")
    fi
    [[ $acao == "$want_acao" ]] || problems+=("ACAO '$acao', want '$want_acao'")
    [[ $acac == "$want_acac" ]] || problems+=("ACAC '$acac', want '$want_acac'")
    if [[ -n ${WANT_ACEH+x} ]]; then [[ $(field access-control-expose-headers) == "$WANT_ACEH" ]] || problems+=("ACEH"); fi
    if [[ -n ${WANT_ACAH+x} ]]; then [[ $(field access-control-allow-headers) == "$WANT_ACAH" ]] || problems+=("ACAH"); fi
    if [[ -n ${WANT_ACMA+x} ]]; then [[ $(field access-control-max-age) == "$WANT_ACMA" ]] || problems+=("ACMA"); fi
    if [[ -n ${WANT_VARY+x} ]]; then grep -qi "^vary:.*$WANT_VARY" <<<"$head" || problems+=("Vary lacks $WANT_VARY"); fi
    if [[ $status == 403 ]] && grep -qi '^access-control-' <<<"$head"; then problems+=("CORS headers on a 403"); fi
    echo "$name" >>"$WORK/samples"
    if ((${#problems[@]})); then echo "WRONG $name: ${problems[*]}" >>"$WORK/wrong"; fi
}

round() {
    local u=$BASE/api/users/7
    local ok=(-X OPTIONS -H "Origin: $APP" -H "Access-Control-Request-Method: PUT")
    local evil=(-X OPTIONS -H "Origin: $EVIL" -H "Access-Control-Request-Method: PUT")
    local unserved=(-X OPTIONS -H "Origin: $APP" -H "Access-Control-Request-Method: DELETE")
    local flood
    flood="Access-Control-Request-Headers: content-type$(printf ',%.0s' $(seq 3000))"
    WANT_ACEH=x-request-id WANT_VARY=Origin sample get-allowed 200 $APP true -H "Origin: $APP" "$u"
    WANT_VARY=Origin sample get-evil 200 - - -H "Origin: $EVIL" "$u"
    sample get-prefix 200 - - -H "Origin: $APP.evil.example" "$u"
    sample get-suffix 200 - - -H "Origin: https://evilapp.example.com" "$u"
    sample get-http 200 - - -H "Origin: http://app.example.com" "$u"
    sample get-null 200 - - -H "Origin: null" "$u"
    sample get-upper 200 - - -H "Origin: https://APP.example.com" "$u"
    sample get-obs-text 200 - - -H "$(printf 'Origin: %s\xff' $APP)" "$u"
    sample get-two-lines 200 - - -H "Origin: $APP" -H "Origin: $EVIL" "$u"
    WANT_VARY=Origin sample get-no-origin 200 - - "$u"
    WANT_ACAH=content-type WANT_ACMA=600 sample preflight-ok 204 $APP true "${ok[@]}" \
        -H "Access-Control-Request-Headers: content-type" "$u"
    sample preflight-evil 403 - - "${evil[@]}" "$u"
    sample preflight-header 403 - - "${ok[@]}" -H "Access-Control-Request-Headers: x-evil" "$u"
    sample preflight-flood 403 - - "${ok[@]}" -H "$flood" "$u"
    sample preflight-unserved 4xx - - "${unserved[@]}" "$u"
    sample put-allowed 200 $APP true -X PUT -H "Origin: $APP" -H 'Content-Type: application/json' -d '{"name":"x"}' "$u"
    sample put-bad-json 400 - - -X PUT -H "Origin: $EVIL" -H 'Content-Type: application/json' -d 'nope' "$u"
    sample status-any 200 '*' - -H "Origin: $EVIL" "$BASE/api/status"
}

sampler() {
    local until=$1
    while ((SECONDS < until)); do round; done
}

# --- load phases ---------------------------------------------------------------------------

: >"$WORK/samples"
: >"$WORK/wrong"
RSS_START=$(rss)
echo "== warm-up (3 s)"
timeout 20 wrk -t1 -c8 -d3s -s bench/load/cors.lua "$BASE" >"$WORK/warmup.txt"
RSS_WARM=$(rss)

run_phase() {
    local n=$1
    echo "== phase $n: $PHASE s, $THREADS threads, $CONNECTIONS connections, with the curl sampler"
    sampler $((SECONDS + PHASE)) &
    local sampler_pid=$!
    timeout $((PHASE + 20)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${PHASE}s" --latency -s bench/load/cors.lua "$BASE" \
        >"$WORK/phase$n.txt"
    wait "$sampler_pid"
    grep -E 'Requests/sec|requests in|Latency |99%|CHECKED|Non-2xx|Socket errors' "$WORK/phase$n.txt" | sed 's/^/   /'
}

run_phase 1
RSS_MID=$(rss)
run_phase 2
RSS_END=$(rss)
HWM=$(hwm)
kill -0 "$SERVER" || { echo "the server died" >&2; exit 1; }

# --- report --------------------------------------------------------------------------------

total=0 s5xx=0 bad=0
for f in "$WORK"/phase*.txt; do
    read -r r x5 b < <(awk '/requests in/ {r=$1} /^CHECKED/ {for (i=2;i<=NF;i++) {split($i,kv,"="); v[kv[1]]=kv[2]}} END {print r, v["5xx"], v["bad_cors"]}' "$f")
    total=$((total + r)) s5xx=$((s5xx + x5)) bad=$((bad + b))
done
samples=$(wc -l <"$WORK/samples")
wrong=$(wc -l <"$WORK/wrong")
growth=$((RSS_END - RSS_MID))

echo
echo "== summary"
echo "requests under load:        $total (2 phases of ${PHASE} s)"
echo "5xx responses:              $s5xx"
echo "wrong CORS answers (wrk):   $bad"
echo "curl samples checked:       $samples, wrong: $wrong"
echo "RSS (KiB): start $RSS_START, after warm-up $RSS_WARM, after phase 1 $RSS_MID, after phase 2 $RSS_END (peak $HWM)"
if ((wrong)); then head -20 "$WORK/wrong"; fi

status=0
((s5xx == 0)) || { echo "FAIL: 5xx responses" >&2; status=1; }
((bad == 0 && wrong == 0)) || { echo "FAIL: wrong CORS answers" >&2; status=1; }
((samples > 0)) || { echo "FAIL: the sampler checked nothing" >&2; status=1; }
((growth <= MAX_GROWTH_KB)) || { echo "FAIL: RSS grew by $growth KiB during phase 2" >&2; status=1; }
((status == 0)) && echo "OK: zero 5xx, zero wrong answers, RSS growth in phase 2: $growth KiB"
exit $status
