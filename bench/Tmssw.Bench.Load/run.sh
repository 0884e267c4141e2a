#!/usr/bin/env bash
# Load benchmark (docs/benchmarks.md): wrk against the participant list, a participant page, the API list and
# an iCalendar feed, at 10,000 participants on PostgreSQL, through nginx and two instances
# (scripts/two-instances.sh), beside the floor (bench/Tmssw.Bench.Floor: a bare minimal API running one query on
# the same database, two instances behind their own nginx with the same configuration). One run, cases one after another, the
# floor measured first and last; prints a Markdown table of req/s, p50, p99, errors and the ratios to the floor.
#
#   bench/Tmssw.Bench.Load/run.sh [--duration 15] [--warmup 20] [--connections 8] [--participants 10000] [--no-build]
#
# First a warm-up pass, unmeasured: every case for --warmup seconds, one after another (the JIT's tiers need
# tens of seconds of traffic on 2 cores to settle: measured right after start, the pages ran at a third of
# their settled rate; the connection pools and the database's caches fill too). Then each case is measured
# for --duration seconds.
#
# TMSSW_PG_PARENT=/dev/shm puts the cluster in memory (for a machine whose disk is nearly full).
# Needs PostgreSQL, nginx and wrk (apt-get install postgresql nginx wrk) and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
duration=15
warmup=20
connections=8
participants=10000
build=1
while [ $# -gt 0 ]; do
  case $1 in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --participants) participants=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl; do command -v $tool >/dev/null || { echo "$tool is not installed (apt-get install $tool)." >&2; exit 3; }; done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
log() { printf '== %s\n' "$*" >&2; }

work=$(mktemp -d /tmp/tmssw-load.XXXXXX)
password="Load-Bench-Passw0rd-1"
two_pid=""
floor_pids=()
cleanup() {
  [ -f "$work/floor-nginx/nginx.pid" ] && kill "$(cat "$work/floor-nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${floor_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$two_pid" ]; then kill -TERM "$two_pid" 2>/dev/null || true; wait "$two_pid" 2>/dev/null || true; fi
  stop_throwaway_postgres
}
# Durable settings (fsync on): the numbers should be what a server does.
. scripts/throwaway-postgres.sh
start_throwaway_postgres 55932 "-c max_connections=300"
trap cleanup EXIT
db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=tmssw"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "Building (Release)"
if [ "$build" -eq 1 ]; then
  for project in src/Tmssw.Cli bench/Tmssw.Bench.Load bench/Tmssw.Bench.Floor; do
    dotnet build "$project" -c Release -v q --nologo >/dev/null
  done
fi

log "Seeding (the demo and $participants participants)"
dotnet bench/Tmssw.Bench.Load/bin/Release/net10.0/Tmssw.Bench.Load.dll --db "$db" --participants "$participants" \
  --out "$work/bench.env" --password "$password" || {
  # Seen under heavy load: the seeder aborted while exiting after it had written everything; go on when it did.
  [ -s "$work/bench.env" ] || exit 1
  log "The seeder exited with status $? after writing its results; going on."
}
. "$work/bench.env"

free_port() { local p; for p in $(seq "$1" $(($1 + 200))); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
proxy=$(free_port 18080); app_a=$(free_port 18181); app_b=$(free_port $((app_a + 1))); floor=$(free_port 18383); floor_b=$(free_port $((floor + 1))); floor_proxy=$(free_port 18484)

# The app: the same configuration as any two-instance setup; the API rate limit (per user) raised for wrk.
cat >"$work/app.env" <<ENV
TMSSW_ADMIN_PASSWORD='$password'
RateLimits__ApiPerMinute=100000000
RateLimits__SignInPerMinute=1000
ENV
scripts/two-instances.sh --db "$db" --port "$proxy" --app-ports "$app_a,$app_b" --dir "$work/two" --env "$work/app.env" --no-build &
two_pid=$!

# The floor runs as two instances too, behind nginx the same way: the ratios then compare the endpoints, not one
# process against two on the same cores.
for port in "$floor" "$floor_b"; do
  dotnet bench/Tmssw.Bench.Floor/bin/Release/net10.0/Tmssw.Bench.Floor.dll --db "$db" --edition "$EDITION_ID" --urls "http://127.0.0.1:$port" >"$work/floor-$port.log" 2>&1 &
  floor_pids+=($!)
done
mkdir -p "$work/floor-nginx/tmp"
chmod 1777 "$work/floor-nginx/tmp"
scripts/two-instances.sh --print-nginx-conf --dir "$work/floor-nginx" --port "$floor_proxy" --app-ports "$floor,$floor_b" >"$work/floor-nginx/nginx.conf"
"$nginx_bin" -p "$work/floor-nginx" -c "$work/floor-nginx/nginx.conf" -e "$work/floor-nginx/error.log"

wait_ok() { local i; for i in $(seq 1 900); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; kill -0 "$two_pid" 2>/dev/null || { echo "two-instances.sh stopped" >&2; exit 1; }; sleep 0.5; done; echo "$1 never answered" >&2; exit 1; }
wait_ok "http://127.0.0.1:$proxy/readyz"
wait_ok "http://127.0.0.1:$floor_proxy/floor"

# A Staff user signed in through nginx with the real form.
jar="$work/cookies.txt"
form=$(curl -fsS -c "$jar" "http://127.0.0.1:$proxy/account/login")
anti=$(printf '%s' "$form" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=$STAFF_EMAIL" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$anti" "http://127.0.0.1:$proxy/account/login"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep="; " } }' "$jar")

base="http://127.0.0.1:$proxy"
names=("floor (bare endpoint, one query)" "participant list (Staff, page 1)" "participant page (Staff)" "API list (token, page 1)" "iCalendar feed (a participant's)" "floor again (drift check)")
urls=("http://127.0.0.1:$floor_proxy/floor" "$base/manage/2024/participants" "$base/manage/2024/participants/$PARTICIPANT_ID" "$base/api/v1/editions/2024/participants" "$base/feeds/$FEED_TOKEN.ics" "http://127.0.0.1:$floor_proxy/floor")
headers=("" "Cookie: $cookie" "Cookie: $cookie" "Authorization: Bearer $API_TOKEN" "" "")
# What each answer must contain (checked once before measuring): the right page, not a sign-in form.
expect=("\"familyName\"" "($EXPECTED_TOTAL)" "/manage/2024/participants/$PARTICIPANT_ID" "\"total\":$EXPECTED_TOTAL" "BEGIN:VCALENDAR" "\"familyName\"")

for i in "${!urls[@]}"; do
  args=(-sS -o "$work/check.out" -w '%{http_code}')
  [ -n "${headers[$i]}" ] && args+=(-H "${headers[$i]}")
  status=$(curl "${args[@]}" "${urls[$i]}")
  if [ "$status" != 200 ] || ! grep -qF -- "${expect[$i]}" "$work/check.out"; then
    echo "Check failed for ${names[$i]}: HTTP $status, expected 200 with ${expect[$i]}" >&2
    head -c 400 "$work/check.out" >&2
    exit 1
  fi
done
log "Every case answers 200 with the expected content; $connections connections, 2 threads"

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 } else { print v } }'; }
if [ "$warmup" -gt 0 ]; then
  log "Warm-up pass: ${warmup}s per case, unmeasured"
  for i in "${!urls[@]}"; do
    args=(-t2 -c"$connections" -d"${warmup}s" -s "$root/bench/Tmssw.Bench.Load/count-status.lua")
    [ -n "${headers[$i]}" ] && args+=(-H "${headers[$i]}")
    wrk "${args[@]}" "${urls[$i]}" >"$work/warmup-$i.txt"
  done
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M')
declare -a rps p50 p99 errs
for i in "${!urls[@]}"; do
  args=(-t2 -c"$connections" -d"${duration}s" --latency -s "$root/bench/Tmssw.Bench.Load/count-status.lua")
  [ -n "${headers[$i]}" ] && args+=(-H "${headers[$i]}")
  out=$(wrk "${args[@]}" "${urls[$i]}")
  printf '%s\n' "$out" >"$work/wrk-$i.txt"
  rps[$i]=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { print $2 }')
  p50[$i]=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')")
  p99[$i]=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')")
  socket=$(printf '%s\n' "$out" | awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }')
  not_ok=$(printf '%s\n' "$out" | awk '/^NOT_OK/ { print $2 }')
  errs[$i]=$(( ${socket:-0} + ${not_ok:-0} ))
  log "${names[$i]}: ${rps[$i]} req/s, p50 ${p50[$i]} ms, p99 ${p99[$i]} ms, errors ${errs[$i]}"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

floor_rps=$(awk -v a="${rps[0]}" -v b="${rps[5]}" 'BEGIN { print (a + b) / 2 }')
floor_p50=$(awk -v a="${p50[0]}" -v b="${p50[5]}" 'BEGIN { print (a + b) / 2 }')
floor_p99=$(awk -v a="${p99[0]}" -v b="${p99[5]}" 'BEGIN { print (a + b) / 2 }')
echo
echo "Load benchmark, $started UTC: $participants synthetic participants ($EXPECTED_TOTAL in 2024), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (fsync on),"
echo "two instances behind nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///'), wrk -t2 -c$connections -d${duration}s after a warm-up pass of ${warmup}s per case, $(nproc) cores; load average (1, 5, 15 min) before: $load_before, after: $load_after."
echo "Floor = mean of the two floor rows: $floor_rps req/s, p50 $floor_p50 ms, p99 $floor_p99 ms."
echo
echo "| case | request | req/s | p50 ms | p99 ms | errors | req/s ÷ floor | p50 ÷ floor | p99 ÷ floor | targets (0 errors, p99 < 100 ms, req/s ≥ ½ floor) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
for i in "${!urls[@]}"; do
  path=${urls[$i]#http://127.0.0.1:*/}
  path="/${path//$FEED_TOKEN/{token\}}"
  awk -v name="${names[$i]}" -v path="$path" -v r="${rps[$i]}" -v a="${p50[$i]}" -v b="${p99[$i]}" -v e="${errs[$i]}" \
      -v fr="$floor_rps" -v fa="$floor_p50" -v fb="$floor_p99" -v floor=$([ "$i" -eq 0 ] || [ "$i" -eq 5 ] && echo 1 || echo 0) 'BEGIN {
    verdict = "-"
    if (!floor) {
      verdict = (e == 0 ? "0 errors" : "**" e " errors**") ", " (b < 100 ? "p99 < 100" : "**p99 " b "**") ", " (r >= fr / 2 ? "≥ ½ floor" : "**below ½ floor**")
    }
    printf "| %s | `%s` | %.0f | %.2f | %.2f | %d | %.2f | %.1f | %.1f | %s |\n", name, path, r, a, b, e, r / fr, a / fa, b / fb, verdict
  }'
done
echo
echo "Raw wrk output, the instances' JSON logs and nginx's access log are kept in $work."
