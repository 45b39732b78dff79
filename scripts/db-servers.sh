#!/usr/bin/env bash
# Local MariaDB + PostgreSQL servers for the DataJoint for .NET integration tests.
#
# Usage: scripts/db-servers.sh {start|stop|status|env}
#
#   start   install the servers with apt-get if missing, initialise throw-away data
#           directories under $DJ_DB_DIR (default /tmp/datajoint-db), start both
#           servers on 127.0.0.1 and create the test user datajoint/datajoint.
#           Idempotent: running servers are left alone; a foreign server already
#           listening on the port is used if it accepts the test credentials.
#   stop    stop both servers (by pid file; graceful, then bounded wait). Data is kept.
#   status  print whether each server is up (exit code 1 if one is down).
#   env     print `export` lines for the variables the tests read, e.g.
#             eval "$(scripts/db-servers.sh env)"
#
# Environment:
#   DJ_DB_DIR               data directory root       (default /tmp/datajoint-db)
#   DJ_TEST_MYSQL_PORT      MariaDB TCP port          (default 3306)
#   DJ_TEST_POSTGRES_PORT   PostgreSQL TCP port       (default 5432)
#   DJ_DB_TIMEOUT           seconds to wait for start (default 60)
#
# Must run as root (servers run as the `mysql` and `postgres` system users).
#
# These are THROW-AWAY TEST SERVERS: durability is switched off on purpose
# (PostgreSQL fsync/synchronous_commit/full_page_writes off, InnoDB not flushing
# on commit). A crash may corrupt the data dir; just delete it and start again.
# Never point this script at data you care about.
set -euo pipefail

DB_DIR=${DJ_DB_DIR:-/tmp/datajoint-db}
MYSQL_PORT=${DJ_TEST_MYSQL_PORT:-3306}
PG_PORT=${DJ_TEST_POSTGRES_PORT:-5432}
TIMEOUT=${DJ_DB_TIMEOUT:-60}
HOST=127.0.0.1
TEST_USER=datajoint
TEST_PASSWORD=datajoint

MY_DIR=$DB_DIR/mariadb           # owned by mysql
MY_DATA=$MY_DIR/data
MY_CNF=$MY_DIR/my.cnf
MY_SOCK=$MY_DIR/mariadb.sock
MY_PID=$MY_DIR/mariadb.pid
MY_LOG=$MY_DIR/mariadb.log

PG_DIR=$DB_DIR/postgres          # owned by postgres; also the unix socket directory
PG_DATA=$PG_DIR/data
PG_PID=$PG_DATA/postmaster.pid   # written by the postmaster itself
PG_LOG=$PG_DIR/postgres.log

POLL=0.2
POLLS=$(( TIMEOUT * 5 ))         # number of $POLL intervals in $TIMEOUT seconds

say() { printf '[db-servers] %s\n' "$*"; }
die() { printf '[db-servers] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

# pid_alive PIDFILE NAME-REGEX: true if the pid in PIDFILE runs a process whose
# command name matches (guards against pid reuse after a reboot/container restart).
pid_alive() {
    local pidfile=$1 pattern=$2 pid comm
    [[ -r $pidfile ]] || return 1
    pid=$(head -n1 "$pidfile" 2>/dev/null | tr -dc '0-9')
    [[ -n $pid ]] || return 1
    proc_running "$pid" || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
    [[ $comm =~ $pattern ]]
}

# proc_running PID: exists and is not a zombie (a killed daemon stays a zombie
# until init reaps it, and kill -0 still succeeds on it).
proc_running() {
    local stat
    kill -0 "$1" 2>/dev/null || return 1
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    stat=${stat##*) }          # drop "pid (comm) "
    [[ ${stat%% *} != Z ]]
}

read_pid() { head -n1 "$1" 2>/dev/null | tr -dc '0-9'; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

as_user() { # as_user USER CMD... (exec, no lingering parent, cwd / to avoid permission noise)
    local u=$1; shift
    (cd / && exec setpriv --reuid="$u" --regid="$u" --init-groups -- "$@")
}

# daemonize LOG CMD...: run CMD detached in a new session (it is re-parented to init
# when this script exits), stdin from /dev/null, stdout+stderr appended to LOG, and no
# other inherited descriptors (so a server never holds our lock or a caller's pipe).
# The subshell execs setsid, which (not being a group leader) execs CMD without
# forking, so DAEMON_PID is the server's own pid.
daemonize() {
    local log=$1; shift
    (
        cd /
        for fd in /proc/$BASHPID/fd/*; do
            fd=${fd##*/}
            [[ $fd =~ ^[0-9]+$ ]] && (( fd > 2 )) && eval "exec $fd>&-" 2>/dev/null || true
        done
        exec setsid "$@" < /dev/null >> "$log" 2>&1
    ) &
    DAEMON_PID=$!
}

find_pg_bindir() {
    if [[ -n ${DJ_PG_BINDIR:-} && -x ${DJ_PG_BINDIR}/initdb ]]; then echo "$DJ_PG_BINDIR"; return 0; fi
    if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then echo /usr/lib/postgresql/15/bin; return 0; fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
    if [[ -n $d && -x $d/initdb && -x $d/postgres ]]; then echo "$d"; return 0; fi
    if command -v initdb >/dev/null 2>&1; then
        d=$(dirname "$(readlink -f "$(command -v initdb)")")
        [[ -x $d/postgres ]] && { echo "$d"; return 0; }
    fi
    return 1
}

mysql_server_bin() {
    local b
    for b in "$(command -v mariadbd 2>/dev/null || true)" "$(command -v mysqld 2>/dev/null || true)" /usr/sbin/mariadbd /usr/sbin/mysqld; do
        [[ -n $b && -x $b ]] && { echo "$b"; return 0; }
    done
    return 0
}

# --- client checks -----------------------------------------------------------

mysql_test_ok() { # TCP as the test user
    mariadb --no-defaults --connect-timeout=2 -h"$HOST" -P"$MYSQL_PORT" \
        -u"$TEST_USER" -p"$TEST_PASSWORD" -e 'select 1' >/dev/null 2>&1
}
mysql_root() { # unix socket as root (unix_socket auth)
    mariadb --no-defaults --connect-timeout=2 --socket="$MY_SOCK" -uroot "$@"
}
pg_test_ok() {
    PGPASSWORD=$TEST_PASSWORD PGCONNECT_TIMEOUT=2 "$PG_BIN/psql" -X -q -h "$HOST" -p "$PG_PORT" \
        -U "$TEST_USER" -d "$TEST_USER" -c 'select 1' >/dev/null 2>&1
}
pg_admin() { # unix socket as postgres (peer auth)
    as_user postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

# wait_until DESC PID LOG CMD...: poll CMD every $POLL s for up to $TIMEOUT s; fail
# at once (showing the log tail) if the server process PID is gone.
wait_until() {
    local desc=$1 pid=$2 log=$3 i; shift 3
    for (( i = 0; i < POLLS; i++ )); do
        "$@" && return 0
        if ! proc_running "$pid"; then
            "$@" && return 0
            show_log "$log"
            die "$desc: server process $pid exited during startup"
        fi
        sleep "$POLL"
    done
    show_log "$log"
    die "$desc: not ready after ${TIMEOUT}s"
}

show_log() {
    printf '[db-servers] ---- last lines of %s ----\n' "$1" >&2
    tail -n 25 "$1" >&2 || true
}

# ---------------------------------------------------------------------------
# installation
# ---------------------------------------------------------------------------

ensure_packages() {
    local pkgs=()
    [[ -n $(mysql_server_bin) ]] && command -v mariadb >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 \
        || pkgs+=(mariadb-server mariadb-client)
    find_pg_bindir >/dev/null || pkgs+=(postgresql-15)
    (( ${#pkgs[@]} )) || return 0

    [[ $(id -u) -eq 0 ]] || die "need root to install ${pkgs[*]}"
    say "installing ${pkgs[*]} (apt-get)"
    # Keep the packages' own init scripts from starting system-wide servers on our
    # ports: a policy-rc.d that says "no" (only if none exists already).
    local made_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    local rc=0
    {
        export DEBIAN_FRONTEND=noninteractive
        apt-get -o DPkg::Lock::Timeout=600 update -qq &&
        apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${pkgs[@]}"
    } > "/tmp/db-servers-apt.log" 2>&1 || rc=$?
    (( made_policy )) && rm -f /usr/sbin/policy-rc.d
    (( rc == 0 )) || { tail -n 20 /tmp/db-servers-apt.log >&2; die "apt-get failed (see /tmp/db-servers-apt.log)"; }
}

# ---------------------------------------------------------------------------
# MariaDB
# ---------------------------------------------------------------------------

write_my_cnf() {
    cat > "$MY_CNF" <<EOF
# Generated by scripts/db-servers.sh -- throw-away test server, rewritten on every start.
[mysqld]
user                 = mysql
datadir              = $MY_DATA
socket               = $MY_SOCK
pid-file             = $MY_PID
log-error            = $MY_LOG
port                 = $MYSQL_PORT
bind-address         = $HOST
skip-name-resolve
local-infile         = 1
max_connections      = 500
character-set-server = utf8mb4
collation-server     = utf8mb4_general_ci
skip-log-bin
# Throw-away data: do not flush InnoDB on every commit, skip the doublewrite buffer.
innodb_flush_log_at_trx_commit = 0
innodb_doublewrite   = 0
innodb_buffer_pool_size = 256M
EOF
    chown mysql:mysql "$MY_CNF"
}

init_mariadb() {
    if [[ -f $MY_DIR/.initialized && -d $MY_DATA/mysql ]]; then return 0; fi
    say "MariaDB: initialising $MY_DATA"
    rm -rf "$MY_DATA"
    mkdir -p "$MY_DATA"
    chown -R mysql:mysql "$MY_DIR"
    write_my_cnf
    if ! mariadb-install-db --defaults-file="$MY_CNF" --user=mysql --datadir="$MY_DATA" \
            --skip-test-db --auth-root-authentication-method=socket \
            > "$MY_DIR/install-db.log" 2>&1; then
        tail -n 25 "$MY_DIR/install-db.log" >&2
        die "MariaDB: mariadb-install-db failed (see $MY_DIR/install-db.log)"
    fi
    touch "$MY_DIR/.initialized"
}

launch_mariadb() {
    write_my_cnf
    rm -f "$MY_PID" "$MY_SOCK"
    touch "$MY_LOG"; chown mysql:mysql "$MY_LOG"
    say "MariaDB: starting on $HOST:$MYSQL_PORT (log: $MY_LOG)"
    daemonize "$MY_LOG" "$MYSQLD" --defaults-file="$MY_CNF"
}

setup_mariadb_users() {
    local u hosts=("%" "localhost" "$HOST") sql=""
    for u in "${hosts[@]}"; do
        sql+="CREATE USER IF NOT EXISTS '$TEST_USER'@'$u' IDENTIFIED BY '$TEST_PASSWORD';"
        sql+="ALTER USER '$TEST_USER'@'$u' IDENTIFIED BY '$TEST_PASSWORD';"
        sql+="GRANT ALL PRIVILEGES ON *.* TO '$TEST_USER'@'$u' WITH GRANT OPTION;"
    done
    # anonymous accounts would shadow datajoint@localhost
    sql+="DELETE FROM mysql.global_priv WHERE User='';FLUSH PRIVILEGES;"
    mysql_root -e "$sql"
}

mysql_root_ok() { mysql_root -e 'select 1' >/dev/null 2>&1; }

# Sets MY_STATE=ready (nothing to do) or wait (+ MY_WAIT_PID: server to wait for).
start_mariadb_phase1() {
    MY_STATE=""
    if pid_alive "$MY_PID" '^(mariadbd|mysqld)$'; then
        if mysql_test_ok; then
            say "MariaDB: already running (pid $(read_pid "$MY_PID")), leaving it alone"
            MY_STATE=ready; return 0
        fi
        say "MariaDB: running (pid $(read_pid "$MY_PID")) but not answering yet; waiting"
        MY_STATE=wait; MY_WAIT_PID=$(read_pid "$MY_PID"); return 0
    fi
    if port_open "$MYSQL_PORT"; then
        if mysql_test_ok; then
            say "MariaDB: another server already listens on $HOST:$MYSQL_PORT and accepts $TEST_USER/$TEST_PASSWORD; using it"
            MY_STATE=ready; return 0
        fi
        die "MariaDB: port $MYSQL_PORT is in use by another process that does not accept $TEST_USER/$TEST_PASSWORD (set DJ_TEST_MYSQL_PORT)"
    fi
    launch_mariadb
    MY_STATE=wait; MY_WAIT_PID=$DAEMON_PID
}

start_mariadb_phase2() {
    [[ $MY_STATE == wait ]] || return 0
    wait_until "MariaDB" "$MY_WAIT_PID" "$MY_LOG" mysql_root_ok
    setup_mariadb_users   # idempotent
    wait_until "MariaDB (as $TEST_USER over TCP)" "$MY_WAIT_PID" "$MY_LOG" mysql_test_ok
    say "MariaDB: up on $HOST:$MYSQL_PORT (pid $(read_pid "$MY_PID"))"
}

stop_server() { # stop_server NAME PIDFILE REGEX SIGNAL
    local name=$1 pidfile=$2 pattern=$3 sig=$4 pid i
    if ! pid_alive "$pidfile" "$pattern"; then
        local check=pg_test_ok
        [[ $name == MariaDB ]] && check=mysql_test_ok
        if "$check"; then
            say "$name: the server on the port is not managed by this script; leaving it alone"
        else
            say "$name: not running (no live pid file)"
        fi
        return 0
    fi
    pid=$(read_pid "$pidfile")
    say "$name: stopping (pid $pid)"
    kill -s "$sig" "$pid" 2>/dev/null || true
    for (( i = 0; i < POLLS; i++ )); do
        proc_running "$pid" || { say "$name: stopped"; return 0; }
        sleep "$POLL"
    done
    say "$name: did not stop within ${TIMEOUT}s, sending SIGKILL"
    kill -s KILL "$pid" 2>/dev/null || true
    for (( i = 0; i < 50; i++ )); do
        proc_running "$pid" || { say "$name: killed"; return 0; }
        sleep "$POLL"
    done
    die "$name: could not stop pid $pid"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

init_postgres() {
    if [[ -f $PG_DIR/.initialized && -f $PG_DATA/PG_VERSION ]]; then return 0; fi
    say "PostgreSQL: initialising $PG_DATA"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    chown -R postgres:postgres "$PG_DIR"
    chmod 0755 "$PG_DIR"      # socket dir: let any local user reach the socket
    chmod 0700 "$PG_DATA"
    # The bootstrap superuser `postgres` gets a random password (only peer auth over
    # the socket is used for it); everything over TCP needs scram-sha-256.
    local pwfile
    pwfile=$(mktemp "$PG_DIR/.pw.XXXXXX")
    head -c 18 /dev/urandom | base64 > "$pwfile"
    chown postgres:postgres "$pwfile"; chmod 0600 "$pwfile"
    if ! as_user postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
            --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync \
            > "$PG_DIR/initdb.log" 2>&1; then
        rm -f "$pwfile"
        tail -n 25 "$PG_DIR/initdb.log" >&2
        die "PostgreSQL: initdb failed (see $PG_DIR/initdb.log)"
    fi
    rm -f "$pwfile"
    cat > "$PG_DATA/pg_hba.conf" <<'EOF'
# Generated by scripts/db-servers.sh
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
host    all       all       ::1/128        scram-sha-256
EOF
    chown postgres:postgres "$PG_DATA/pg_hba.conf"
    touch "$PG_DIR/.initialized"
}

launch_postgres() {
    touch "$PG_LOG"; chown postgres:postgres "$PG_LOG"
    # Stale lock files of a crashed postmaster (we hold the start lock and no live
    # postgres owns them); postgres itself refuses while that pid is still a zombie.
    local f
    for f in "$PG_PID" "$PG_DIR/.s.PGSQL.$PG_PORT.lock"; do
        if [[ -e $f ]] && ! pid_alive "$f" '^postgres$'; then rm -f "$f"; fi
    done
    say "PostgreSQL: starting on $HOST:$PG_PORT (log: $PG_LOG)"
    # Throw-away test server: fsync, synchronous_commit and full_page_writes are off
    # for speed; the data directory is disposable.
    daemonize "$PG_LOG" setpriv --reuid=postgres --regid=postgres --init-groups -- \
        "$PG_BIN/postgres" -D "$PG_DATA" \
        -c listen_addresses="$HOST" -c port="$PG_PORT" -c unix_socket_directories="$PG_DIR" \
        -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off
}

setup_postgres_user() {
    pg_admin >/dev/null <<EOF
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$TEST_USER') THEN
    CREATE ROLE $TEST_USER;
  END IF;
END\$\$;
ALTER ROLE $TEST_USER WITH SUPERUSER CREATEDB CREATEROLE LOGIN PASSWORD '$TEST_PASSWORD';
SELECT 'CREATE DATABASE $TEST_USER OWNER $TEST_USER'
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$TEST_USER')\gexec
EOF
}

pg_admin_ok() { pg_admin -c 'select 1' >/dev/null 2>&1; }

start_postgres_phase1() {
    PG_STATE=""
    if pid_alive "$PG_PID" '^postgres$'; then
        if pg_test_ok; then
            say "PostgreSQL: already running (pid $(read_pid "$PG_PID")), leaving it alone"
            PG_STATE=ready; return 0
        fi
        say "PostgreSQL: running (pid $(read_pid "$PG_PID")) but not answering yet; waiting"
        PG_STATE=wait; PG_WAIT_PID=$(read_pid "$PG_PID"); return 0
    fi
    if port_open "$PG_PORT"; then
        if pg_test_ok; then
            say "PostgreSQL: another server already listens on $HOST:$PG_PORT and accepts $TEST_USER/$TEST_PASSWORD; using it"
            PG_STATE=ready; return 0
        fi
        die "PostgreSQL: port $PG_PORT is in use by another process that does not accept $TEST_USER/$TEST_PASSWORD (set DJ_TEST_POSTGRES_PORT)"
    fi
    launch_postgres
    PG_STATE=wait; PG_WAIT_PID=$DAEMON_PID
}

start_postgres_phase2() {
    [[ $PG_STATE == wait ]] || return 0
    wait_until "PostgreSQL" "$PG_WAIT_PID" "$PG_LOG" pg_admin_ok
    setup_postgres_user   # idempotent
    wait_until "PostgreSQL (as $TEST_USER over TCP)" "$PG_WAIT_PID" "$PG_LOG" pg_test_ok
    say "PostgreSQL: up on $HOST:$PG_PORT (pid $(read_pid "$PG_PID"))"
}

# ---------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------

need_root() { [[ $(id -u) -eq 0 ]] || die "run as root (servers run as users mysql and postgres)"; }

prepare_dirs() {
    mkdir -p "$DB_DIR" "$MY_DIR" "$PG_DIR"
    chmod 0755 "$DB_DIR" "$MY_DIR" "$PG_DIR"
    chown mysql:mysql "$MY_DIR"
    chown postgres:postgres "$PG_DIR"
}

take_lock() { # serialise concurrent start/stop invocations
    exec 9> "$DB_DIR/.lock"
    flock -w "$TIMEOUT" 9 || die "another db-servers.sh is busy (lock $DB_DIR/.lock)"
}

cmd_start() {
    need_root
    local t0=${EPOCHREALTIME/,/.}
    ensure_packages
    MYSQLD=$(mysql_server_bin); [[ -n $MYSQLD ]] || die "mariadbd not found"
    PG_BIN=$(find_pg_bindir) || die "PostgreSQL binaries not found"
    prepare_dirs
    take_lock

    # Decide what to do for each server; only initialise what we will launch.
    # The two initialisations run in parallel, the two servers start in parallel.
    local need_my=1 need_pg=1
    if pid_alive "$MY_PID" '^(mariadbd|mysqld)$' || port_open "$MYSQL_PORT"; then need_my=0; fi
    if pid_alive "$PG_PID" '^postgres$' || port_open "$PG_PORT"; then need_pg=0; fi
    local my_init_pid=""
    if (( need_my )); then init_mariadb & my_init_pid=$!; fi
    if (( need_pg )); then init_postgres; fi
    if [[ -n $my_init_pid ]]; then wait "$my_init_pid" || die "MariaDB initialisation failed"; fi

    start_mariadb_phase1
    start_postgres_phase1
    start_mariadb_phase2
    start_postgres_phase2
    say "both servers ready ($(awk -v a="$t0" -v b="${EPOCHREALTIME/,/.}" 'BEGIN{printf "%.1f", b-a}')s). For the tests: eval \"\$($0 env)\""
}

cmd_stop() {
    need_root
    PG_BIN=$(find_pg_bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
    mkdir -p "$DB_DIR"; take_lock
    # MariaDB: SIGTERM = normal shutdown. PostgreSQL: SIGINT = "fast" shutdown
    # (disconnects clients, rolls back, clean checkpoint) -- SIGTERM ("smart")
    # would wait for pooled test connections forever.
    stop_server MariaDB "$MY_PID" '^(mariadbd|mysqld)$' TERM &
    local p=$!
    stop_server PostgreSQL "$PG_PID" '^postgres$' INT
    wait "$p"
}

cmd_status() {
    PG_BIN=$(find_pg_bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
    local rc=0
    if pid_alive "$MY_PID" '^(mariadbd|mysqld)$'; then
        if mysql_test_ok; then say "MariaDB:    up   ($HOST:$MYSQL_PORT, pid $(read_pid "$MY_PID"), data $MY_DATA)"
        else say "MariaDB:    running (pid $(read_pid "$MY_PID")) but NOT accepting $TEST_USER over TCP"; rc=1; fi
    elif mysql_test_ok; then say "MariaDB:    up   ($HOST:$MYSQL_PORT, not managed by this script)"
    else say "MariaDB:    down"; rc=1; fi
    if pid_alive "$PG_PID" '^postgres$'; then
        if pg_test_ok; then say "PostgreSQL: up   ($HOST:$PG_PORT, pid $(read_pid "$PG_PID"), data $PG_DATA)"
        else say "PostgreSQL: running (pid $(read_pid "$PG_PID")) but NOT accepting $TEST_USER over TCP"; rc=1; fi
    elif pg_test_ok; then say "PostgreSQL: up   ($HOST:$PG_PORT, not managed by this script)"
    else say "PostgreSQL: down"; rc=1; fi
    return "$rc"
}

cmd_env() {
    cat <<EOF
export DJ_TEST_MYSQL_HOST=$HOST
export DJ_TEST_MYSQL_PORT=$MYSQL_PORT
export DJ_TEST_MYSQL_USER=$TEST_USER
export DJ_TEST_MYSQL_PASSWORD=$TEST_PASSWORD
export DJ_TEST_POSTGRES_HOST=$HOST
export DJ_TEST_POSTGRES_PORT=$PG_PORT
export DJ_TEST_POSTGRES_USER=$TEST_USER
export DJ_TEST_POSTGRES_PASSWORD=$TEST_PASSWORD
EOF
}

case ${1:-} in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    status) cmd_status ;;
    env)    cmd_env ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
esac
