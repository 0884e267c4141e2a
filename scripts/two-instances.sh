#!/usr/bin/env bash
# Two TMSSW instances behind nginx on one PostgreSQL, everything on loopback (docs/operations.md).
#
#   scripts/two-instances.sh [--db CONNECTION] [--port 8080] [--app-ports 5081,5082] [--dir DIR] [--env FILE] [--no-build]
#
# --db         a PostgreSQL connection string (else TMSSW_DB); without either, a throwaway PostgreSQL cluster is
#              started (scripts/throwaway-postgres.sh) and deleted when the script stops.
# --port       where nginx listens (127.0.0.1); --app-ports where the two instances listen (127.0.0.1).
# --dir        the instances' shared working folder (default: a new folder under /tmp): both read the same `data/`
#              (the key-ring certificate the first start creates there) and write their logs there (a.log, b.log,
#              JSON, one line per event) beside nginx's (nginx/access.log names the instance of each request).
# --env FILE   more shared configuration for both instances, as VAR=value lines (e.g. ASP.NET Core settings
#              such as RateLimits__SignInPerMinute=20 or the forwarded-headers proxies).
# --no-build   use the Release build already in src/Tmssw.Cli/bin/Release.
# --dll PATH   run this build of the CLI (tmssw.dll) instead (implies --no-build; the tests pass their own).
#
# Instance A starts first (migrates, loads the demo on an empty database, creates what the first start
# creates), then B, then nginx. It runs in the foreground until Ctrl+C or SIGTERM, then stops nginx, both
# instances and the throwaway cluster. `--print-nginx-conf` prints the rendered nginx configuration and exits
# (the two-instance test renders its proxy with it).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

db=${TMSSW_DB:-}
port=8080
app_ports=5081,5082
dir=""
env_file=""
build=1
dll=""
print_conf=0
while [ $# -gt 0 ]; do
  case $1 in
    --db) db=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --app-ports) app_ports=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --env) env_file=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --dll) dll=$2; build=0; shift 2 ;;
    --print-nginx-conf) print_conf=1; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
  esac
done
IFS=, read -r port_a port_b <<<"$app_ports"
[ -n "$port_a" ] && [ -n "$port_b" ] || { echo "--app-ports needs two ports, e.g. 5081,5082." >&2; exit 2; }

render_nginx_conf() { # DIR
  local upstreams="        server 127.0.0.1:$port_a max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$port_b max_fails=1 fail_timeout=5s;"
  local template
  template=$(<"$root/scripts/nginx/tmssw.conf.template")
  template=${template//@DIR@/$1}
  template=${template//@LISTEN@/127.0.0.1:$port}
  printf '%s\n' "${template//@UPSTREAMS@/$upstreams}"
}

if [ "$print_conf" -eq 1 ]; then
  [ -n "$dir" ] || { echo "--print-nginx-conf needs --dir." >&2; exit 2; }
  render_nginx_conf "$dir"
  exit 0
fi

log() { printf '== %s\n' "$*" >&2; }
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "nginx is not installed: apt-get install nginx (./test.sh installs it)." >&2; exit 3; }
command -v curl >/dev/null || { echo "curl is needed to wait for the instances." >&2; exit 3; }

[ -n "$dir" ] || dir=$(mktemp -d /tmp/tmssw-two.XXXXXX)
mkdir -p "$dir/nginx/tmp"
chmod 1777 "$dir/nginx/tmp" # nginx's workers (nobody when started as root) buffer large bodies there

pids=()
nginx_started=0
stop_all() {
  trap - EXIT INT TERM
  if [ "$nginx_started" -eq 1 ] && [ -f "$dir/nginx/nginx.pid" ]; then
    kill "$(cat "$dir/nginx/nginx.pid")" 2>/dev/null || true
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if declare -F stop_throwaway_postgres >/dev/null; then stop_throwaway_postgres; fi
  log "Stopped (logs kept in $dir)"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

if [ -z "$db" ]; then
  . "$root/scripts/throwaway-postgres.sh"
  start_throwaway_postgres 55832
  trap stop_all EXIT # start_throwaway_postgres set its own EXIT trap; stop_all calls it
  db="$PG_CONNECTION;Database=tmssw"
  db=${db/;Database=postgres/}
  log "Throwaway PostgreSQL on port $PG_PORT"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ "$build" -eq 1 ]; then
  log "Building (Release)"
  dotnet build "$root/src/Tmssw.Cli" -c Release -v q --nologo >/dev/null
fi
[ -n "$dll" ] || dll="$root/src/Tmssw.Cli/bin/Release/net10.0/tmssw.dll"
[ -f "$dll" ] || { echo "No build at $dll (run without --no-build)." >&2; exit 3; }

# The same configuration for both: database, environment, JSON logs, and whatever --env adds.
# One JSON line per request as well (method, path without the query, status, duration, request id).
export TMSSW_DB="$db" ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} Logs__Format=json Logs__Requests=true
if [ -n "$env_file" ]; then set -a; . "$env_file"; set +a; fi

start_instance() { # NAME PORT
  (cd "$dir" && exec dotnet "$dll" serve --urls "http://127.0.0.1:$2") >"$dir/$1.log" 2>&1 &
  pids+=($!)
  local i
  for i in $(seq 1 600); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$2/readyz" 2>/dev/null; then
      log "Instance $1 ready on 127.0.0.1:$2 (log: $dir/$1.log)"
      return 0
    fi
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "Instance $1 stopped; its log:" >&2; tail -n 30 "$dir/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Instance $1 was not ready after 300 s." >&2
  exit 1
}

start_instance a "$port_a"
start_instance b "$port_b"
render_nginx_conf "$dir/nginx" >"$dir/nginx/nginx.conf"
"$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -e "$dir/nginx/error.log"
nginx_started=1
log "nginx on http://127.0.0.1:$port -> 127.0.0.1:$port_a, 127.0.0.1:$port_b; Ctrl+C stops everything"
# Until an instance exits or the script is stopped.
wait -n "${pids[@]}" || true
log "An instance stopped; stopping the rest."
