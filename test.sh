#!/usr/bin/env bash
# Runs every test on real engines: installs what the tests need when it is missing (PostgreSQL,
# Chromium, time zones, an SMTP server), starts a throwaway PostgreSQL cluster on a free port in a temporary
# folder, runs `dotnet test` for the whole solution, stops the cluster and exits with the tests'
# status. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*" >&2; }

need_packages=()
. scripts/throwaway-postgres.sh
pg_bin=$(pg_bin_dir)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
[ -d /usr/share/zoneinfo/America ] || need_packages+=(tzdata)
command -v pdftotext >/dev/null || need_packages+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need_packages+=(fonts-dejavu-core)
command -v node >/dev/null && command -v npm >/dev/null || need_packages+=(nodejs npm)
# The mail tests send to a real SMTP server on loopback: aiosmtpd, run by Debian's own python3.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || need_packages+=(python3-aiosmtpd)
# The two-instance test puts nginx in front of two app instances (scripts/two-instances.sh renders its configuration).
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_packages+=(nginx)
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
fi

# A throwaway cluster for the tests; fsync off: the tests need speed, not durability.
start_throwaway_postgres 55432 "-c fsync=off -c max_connections=200"
log "PostgreSQL ($("$PG_BIN/postgres" --version)) on port $PG_PORT"
export TMSSW_TEST_PG="$PG_CONNECTION"

log "Running the tests (SQLite and PostgreSQL, Chromium at /usr/bin/chromium)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
status=0
test_log=$(mktemp /tmp/tmssw-test-log.XXXXXX)
# Build once, then run the test assemblies one after another (-m:1): the solver tests use every core,
# and the browser tests should not be starved by them on a 2-core machine.
dotnet build Tmssw.slnx --nologo -v q 2>&1 | tee "$test_log" || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test Tmssw.slnx --nologo --no-build -m:1 "$@" 2>&1 | tee -a "$test_log" || status=$?
fi

# One closing line over every test project: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$test_log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$test_log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$test_log" | awk '{s+=$2} END {print s+0}')
echo "$passed passed, $failed failed, $skipped skipped"
rm -f "$test_log"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  status=1
fi
exit "$status"
