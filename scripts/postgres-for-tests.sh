#!/usr/bin/env bash
# A throw-away PostgreSQL 15 server for the tests, on 127.0.0.1 and a free port.
#
#   eval "$(scripts/postgres-for-tests.sh start)"   # prints export lines: KEEL_TEST_PG_URL/USER/PASSWORD, KEEL_TEST_PG_DIR
#   scripts/postgres-for-tests.sh stop "$KEEL_TEST_PG_DIR"
#
# Installs the Debian package when missing (needs root and apt-get). The server refuses to run as
# root, so when run as root it runs as the postgres user (runuser).
set -euo pipefail

log() { echo "postgres-for-tests: $*" >&2; }

bin_dir() {
    local d
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    return 1
}

install_if_missing() {
    bin_dir >/dev/null && return 0
    command -v apt-get >/dev/null || { log "PostgreSQL is not installed and apt-get is not available; install PostgreSQL 15"; exit 1; }
    log "installing postgresql (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    bin_dir >/dev/null || { log "apt-get installed postgresql but no pg_ctl was found under /usr/lib/postgresql"; exit 1; }
}

as_server_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $(( 20000 + RANDOM % 20000 ))
}

start() {
    install_if_missing
    local bin dir port password
    bin="$(bin_dir)"
    dir="$(mktemp -d /tmp/keel-pg.XXXXXX)"
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port="$(free_port)"
    password="keel-$RANDOM$RANDOM"
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; log "initdb failed in $dir/data"; exit 1; }
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=300" start >/dev/null \
        || { cat "$dir/server.log" >&2; log "pg_ctl start failed (port $port, log $dir/server.log)"; exit 1; }
    as_server_user "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "create user keel password '$password'" -c "create database keel_test owner keel" >/dev/null
    log "PostgreSQL $("$bin/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port, data in $dir/data"
    echo "export KEEL_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/keel_test'"
    echo "export KEEL_TEST_PG_USER='keel'"
    echo "export KEEL_TEST_PG_PASSWORD='$password'"
    echo "export KEEL_TEST_PG_ADMIN_URL='jdbc:postgresql://127.0.0.1:$port/postgres'"
    echo "export KEEL_TEST_PG_DIR='$dir'"
}

stop() {
    local dir="${1:-${KEEL_TEST_PG_DIR:-}}"
    [ -n "$dir" ] && [ -d "$dir/data" ] || { log "stop: no server directory given (argument or KEEL_TEST_PG_DIR)"; exit 1; }
    as_server_user "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *) echo "usage: $0 start | stop [DIR]" >&2; exit 2 ;;
esac
