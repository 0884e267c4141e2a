#!/usr/bin/env bash
# Runs the nominations import benchmark on SQLite and on a throwaway PostgreSQL cluster started the
# way ./test.sh starts one (PostgreSQL must be installed; ./test.sh installs it). Prints the table
# for docs/benchmarks.md. Usage: bench/run-import-bench.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
# Durable settings (fsync on), unlike test.sh: the numbers should be what a server does.
. scripts/throwaway-postgres.sh
start_throwaway_postgres 55632
export TMSSW_BENCH_PG="$PG_CONNECTION"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Tmssw.Bench.Import -- "$@"
