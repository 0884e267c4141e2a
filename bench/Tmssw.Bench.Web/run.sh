#!/usr/bin/env bash
# Runs the participant list benchmark on SQLite and on a throwaway PostgreSQL cluster started the
# way bench/run-import-bench.sh does (PostgreSQL must be installed; ./test.sh installs it).
# Usage: bench/Tmssw.Bench.Web/run.sh [--requests N] [--participants N] [--warmup N]
set -euo pipefail
cd "$(dirname "$0")/../.."
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed: run ./test.sh once (it installs it) or apt-get install postgresql." >&2; exit 3; }
work=$(mktemp -d /tmp/tmssw-webbench-pg.XXXXXX)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$work"
port=""
for candidate in $(seq 55732 55832); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "No free port for PostgreSQL between 55732 and 55832." >&2; exit 3; }
stop_pg() { as_pg "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop_pg EXIT
as_pg "$pg_bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Default server settings (fsync on): the numbers should be what a server does.
as_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -o "-p $port -k $work -c listen_addresses=127.0.0.1" -w start >/dev/null
export TMSSW_BENCH_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Tmssw.Bench.Web -- "$@"
