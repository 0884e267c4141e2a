# Sourced by test.sh and the benchmark scripts: starts a throwaway PostgreSQL cluster in a temporary
# folder on a free port and stops it (and deletes the folder) when the calling script exits.
#   start_throwaway_postgres FIRST_PORT [EXTRA_SERVER_OPTIONS]
# Sets PG_PORT and PG_CONNECTION (an Npgsql connection string to the "postgres" database).
# initdb refuses root, so as root the cluster belongs to the postgres user.

pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true; }

start_throwaway_postgres() {
  local first_port=$1 extra=${2:-}
  PG_BIN=$(pg_bin_dir)
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL is not installed: run ./test.sh once (it installs it) or apt-get install postgresql." >&2; exit 3; }
  PG_WORK=$(mktemp -d "${TMSSW_PG_PARENT:-/tmp}/tmssw-pg.XXXXXX") # TMSSW_PG_PARENT: another folder (e.g. /dev/shm)
  chmod 755 "$PG_WORK"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_WORK"
  PG_PORT=""
  local candidate
  for candidate in $(seq "$first_port" $((first_port + 100))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PG_PORT=$candidate; break; fi
  done
  [ -n "$PG_PORT" ] || { echo "No free port for PostgreSQL from $first_port to $((first_port + 100))." >&2; exit 3; }
  trap stop_throwaway_postgres EXIT
  _as_pg "$PG_BIN/initdb" -D "$PG_WORK/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  _as_pg "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" \
    -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1 $extra" -w start >/dev/null
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

stop_throwaway_postgres() {
  [ -n "${PG_WORK:-}" ] || return 0
  _as_pg "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
}

# Stops or starts the server of a running throwaway cluster without deleting it (the database-restart test):
#   pg_server stop|start   (needs PG_WORK, PG_PORT and PG_BIN from start_throwaway_postgres)
pg_server() {
  case $1 in
    stop) _as_pg "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m fast -w stop >/dev/null ;;
    start) _as_pg "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/postgres.log" \
      -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null ;;
  esac
}

_as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
