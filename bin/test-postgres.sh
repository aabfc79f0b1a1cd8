#!/bin/sh
# A throwaway PostgreSQL server for the warehouse tests (`qd766 publish`), in a temp directory, on a
# loopback port, with no system service. Used by .ci/run; developers can use it too:
#
#   eval "$(bin/test-postgres.sh start)"   # prints export QD766_TEST_PG_URL=... QD766_TEST_PG_DIR=...
#   npx vitest run test/publish
#   bin/test-postgres.sh stop              # stops it and removes the directory
#
# Needs the server binaries (Debian: apt-get install postgresql; they live in
# /usr/lib/postgresql/<version>/bin, off PATH; PG_BIN overrides). Run as root, the cluster belongs
# to the `postgres` user (initdb refuses root); as anyone else, to that user.
set -eu

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  echo "test-postgres.sh: no PostgreSQL server binaries (apt-get install postgresql, or set PG_BIN)" >&2
  exit 1
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi
}

start() {
  BIN=$(find_bin)
  PORT=${PG_PORT:-$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/qd766-pg.XXXXXX")
  PASSWORD=$(node -e 'console.log(require("crypto").randomBytes(12).toString("hex"))')
  printf '%s\n' "$PASSWORD" > "$DIR/pwfile"
  if [ "$(id -u)" = 0 ]; then chown -R postgres "$DIR"; fi
  chmod 700 "$DIR"
  as_owner "'$BIN/initdb' -D '$DIR/data' -A scram-sha-256 --pwfile='$DIR/pwfile' -U postgres -E UTF8 --locale=C.UTF-8 >'$DIR/initdb.log' 2>&1" \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  rm -f "$DIR/pwfile"
  as_owner "'$BIN/pg_ctl' -D '$DIR/data' -o \"-p $PORT -k '$DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100\" -l '$DIR/log' start -w >/dev/null" \
    || { cat "$DIR/log" >&2; exit 1; }
  echo "export QD766_TEST_PG_URL='postgres://postgres:$PASSWORD@127.0.0.1:$PORT/postgres'"
  echo "export QD766_TEST_PG_DIR='$DIR'"
}

stop() {
  DIR=${1:-${QD766_TEST_PG_DIR:-}}
  [ -n "$DIR" ] && [ -d "$DIR/data" ] || { echo "test-postgres.sh stop: no cluster directory (QD766_TEST_PG_DIR)" >&2; exit 1; }
  BIN=$(find_bin)
  as_owner "'$BIN/pg_ctl' -D '$DIR/data' stop -m immediate >/dev/null 2>&1" || true
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
