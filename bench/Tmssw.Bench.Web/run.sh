#!/usr/bin/env bash
# Runs the participant list benchmark on SQLite and on a throwaway PostgreSQL cluster started the
# way bench/run-import-bench.sh does (PostgreSQL must be installed; ./test.sh installs it).
# Usage: bench/Tmssw.Bench.Web/run.sh [--requests N] [--participants N] [--warmup N]
set -euo pipefail
cd "$(dirname "$0")/../.."
# Durable settings (fsync on), unlike test.sh: the numbers should be what a server does.
. scripts/throwaway-postgres.sh
start_throwaway_postgres 55732
export TMSSW_BENCH_PG="$PG_CONNECTION"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Tmssw.Bench.Web -- "$@"
