#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print how to reach it.
#
#   eval "$(.ci/postgres.sh)"          # exports DATELINE_TEST_PG_URL and DATELINE_TEST_PG_DIR
#   .ci/postgres.sh stop "$DATELINE_TEST_PG_DIR"
#
# Installs Debian's postgresql with apt-get when no server binaries are found, initialises a
# cluster in a temporary directory (as the unprivileged 'postgres' user when run as root, because
# the server refuses to run as root), starts it on a free local port with password authentication,
# and creates the database 'dateline_test' owned by the user 'dateline' (password 'dateline').
# Everything it says besides the export lines goes to stderr, so eval sees only the exports.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_owner() {  # run a command as the cluster owner
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = stop ]; then
  dir="${2:?usage: postgres.sh stop DIR}"
  bindir="$(find_bindir)"
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

if ! bindir="$(find_bindir)"; then
  log "no PostgreSQL server found; installing Debian's postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bindir="$(find_bindir)"
fi

if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d /tmp/dateline-pg.XXXXXX)"
printf 'dateline\n' > "$dir/pwfile"
[ "$(id -u)" = 0 ] && chown -R postgres "$dir"
chmod 700 "$dir"

as_owner "$bindir/initdb" -D "$dir/data" -U dateline --pwfile="$dir/pwfile" \
  --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }
PGPASSWORD=dateline "$bindir/psql" -h 127.0.0.1 -p "$port" -U dateline -d postgres -qAt \
  -c "CREATE DATABASE dateline_test" >&2

url="postgresql://dateline:dateline@127.0.0.1:$port/dateline_test"
log "server running on port $port (data in $dir)"
echo "export DATELINE_TEST_PG_URL='$url'"
echo "export DATELINE_TEST_PG_DIR='$dir'"
