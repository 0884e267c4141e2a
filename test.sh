#!/usr/bin/env bash
# Runs every test on real engines: installs what the tests need when it is missing (PostgreSQL,
# Chromium, time zones), starts a throwaway PostgreSQL cluster on a free port in a temporary
# folder, runs `dotnet test` for the whole solution, stops the cluster and exits with the tests'
# status. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*" >&2; }

need_packages=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
[ -d /usr/share/zoneinfo/America ] || need_packages+=(tzdata)
command -v pdftotext >/dev/null || need_packages+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_packages+=(fonts-dejavu-core)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "Installing ${need_packages[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${need_packages[*]}. Install them (sudo apt-get install ${need_packages[*]}) or run as root." >&2
    exit 3
  fi
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# A throwaway cluster, owned by postgres when we are root (initdb refuses root).
work=$(mktemp -d /tmp/tmssw-pg.XXXXXX)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work"
port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "No free port for PostgreSQL between 55432 and 55532." >&2; exit 3; }

stop_pg() {
  as_pg "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop_pg EXIT

log "Starting PostgreSQL ($("$pg_bin/postgres" --version)) on port $port"
as_pg "$pg_bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -w start >/dev/null
export TMSSW_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"

log "Running the tests (SQLite and PostgreSQL, Chromium at /usr/bin/chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
status=0
dotnet test Tmssw.slnx --nologo "$@" 2>&1 | tee "$work/test.log" || status=$?

# One closing line over every test project: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$work/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$work/test.log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$work/test.log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit "$status"
