#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and for development: initdb/pg_ctl as an
# ordinary user, on a free loopback port, in a temporary folder; no Docker, no system service.
#
#   scripts/postgres-cluster.sh start        # creates and starts it (once), prints its URL
#   scripts/postgres-cluster.sh url          # the URL of the running cluster
#   scripts/postgres-cluster.sh stop         # stops it and deletes its folder
#   scripts/postgres-cluster.sh run CMD...   # start, run CMD with FIELDWORK_TEST_POSTGRES_URL set, stop
#                                            # (also when CMD fails); exits with CMD's status
#
# The cluster trusts loopback connections (it holds test data only, and listens on 127.0.0.1
# only). Its state file, .fieldwork/postgres-cluster.env, names the folder and port, so each
# worktree has its own cluster. As root (CI), the server runs as the `postgres` user that
# Debian's package creates: PostgreSQL refuses to run as root.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=/usr/lib/postgresql/15/bin
STATE=.fieldwork/postgres-cluster.env
USER_NAME=fieldwork

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_installed() {
  if [ ! -x "$BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/unaccent.control ]; then
    echo "Installing PostgreSQL 15 from Debian (postgresql, postgresql-contrib)" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-contrib >/dev/null
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

url_of() { echo "postgres://$USER_NAME@127.0.0.1:$1/postgres"; }

running() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
  as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

start() {
  if running; then url_of "$PORT"; return; fi
  [ -f "$STATE" ] && stop_cluster  # a stale state file from a killed run
  ensure_installed
  local dir port
  dir=$(mktemp -d "${TMPDIR:-/tmp}/fieldwork-pg.XXXXXX")
  port=$(free_port)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
  as_owner "$BIN/initdb" -D "$dir/data" -U "$USER_NAME" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  # Test settings: no fsync (a crash loses only throwaway data), the socket inside the folder.
  # FIELDWORK_PG_DURABLE=1 (the load benchmark) keeps PostgreSQL's durable defaults instead.
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  if [ "${FIELDWORK_PG_DURABLE:-}" = 1 ]; then speed=""; fi
  as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir $speed -c max_connections=400" >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  mkdir -p "$(dirname "$STATE")"
  printf 'PGDATA_DIR=%s\nPORT=%s\n' "$dir/data" "$port" >"$STATE"
  url_of "$port"
}

stop_cluster() {
  [ -f "$STATE" ] || return 0
  # shellcheck disable=SC1090
  . "$STATE"
  as_owner "$BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$(dirname "$PGDATA_DIR")"
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  url) running || { echo "no cluster is running (scripts/postgres-cluster.sh start)" >&2; exit 1; }; url_of "$PORT" ;;
  stop) stop_cluster ;;
  run)
    shift
    # A cluster someone started by hand stays; one started here is stopped afterwards.
    if ! running; then trap stop_cluster EXIT; fi
    url=$(start)
    status=0
    FIELDWORK_TEST_POSTGRES_URL="$url" "$@" || status=$?
    exit "$status"
    ;;
  *) echo "usage: $0 start|stop|url|run COMMAND..." >&2; exit 2 ;;
esac
