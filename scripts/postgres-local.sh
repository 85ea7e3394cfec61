#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and CI, on loopback only, trust authentication:
#   bash scripts/postgres-local.sh start [data-dir] [port]   # prints the server's URL
#   bash scripts/postgres-local.sh stop [data-dir]
# (POSTGRES_DURABLE=true: fsync and synchronous commits on, as in production)
# Uses Debian's binaries (/usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run as root:
# as root, the server runs as the "postgres" user.
set -euo pipefail
action=${1:?usage: postgres-local.sh start|stop [data-dir] [port]}
dir=${2:-/tmp/spid-postgres}
port=${3:-55432}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if [ ! -f "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres: "$dir"
      as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    # fsync off: a test server's data is thrown away, and the runs are several times faster.
    # POSTGRES_DURABLE=true keeps PostgreSQL's defaults (every commit on disk), as the benchmark needs.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${POSTGRES_DURABLE:-}" = true ] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' $durability -c max_connections=300" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: postgres-local.sh start|stop [data-dir] [port]" >&2
    exit 1
    ;;
esac
