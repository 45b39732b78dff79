#!/usr/bin/env bash
# Local S3-compatible server (s3rver, from npm) for the object-store tests.
#
# Usage: scripts/s3-server.sh {start|stop|status|env}
#
#   start   install s3rver with npm into $DJ_S3_DIR/npm if missing, start it on 127.0.0.1 with
#           an empty $DJ_S3_DIR/data and the test bucket created. Idempotent: a running
#           server is left alone.
#   stop    stop the server started here (by pid file).
#   status  print whether the server is up (exit code 1 if not).
#   env     print `export` lines for the variables the tests read, e.g.
#             eval "$(scripts/s3-server.sh env)"
#
# Environment:
#   DJ_S3_DIR           root folder              (default /tmp/datajoint-s3)
#   DJ_TEST_S3_PORT     TCP port                 (default 4569)
#   DJ_S3_TIMEOUT       seconds to wait on start (default 30)
#
# A THROW-AWAY TEST SERVER: s3rver accepts the fixed credentials S3RVER/S3RVER.
set -euo pipefail

S3_DIR=${DJ_S3_DIR:-/tmp/datajoint-s3}
PORT=${DJ_TEST_S3_PORT:-4569}
TIMEOUT=${DJ_S3_TIMEOUT:-30}
HOST=127.0.0.1
BUCKET=datajoint-test
VERSION=3.7.1
NPM_DIR=$S3_DIR/npm
DATA=$S3_DIR/data
PID=$S3_DIR/s3rver.pid
LOG=$S3_DIR/s3rver.log
BIN=$NPM_DIR/node_modules/s3rver/bin/s3rver.js

say() { printf '[s3-server] %s\n' "$*"; }
die() { printf '[s3-server] ERROR: %s\n' "$*" >&2; exit 1; }

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/$HOST/$PORT" 2>/dev/null; }

running() {
    local pid
    [[ -r $PID ]] || return 1
    pid=$(tr -dc '0-9' < "$PID")
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null
}

install() {
    [[ -f $BIN ]] && return 0
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        [[ $(id -u) -eq 0 ]] || die "s3rver needs Node.js and npm; install them (apt-get install nodejs npm)"
        say "installing nodejs npm (apt-get)"
        {
            export DEBIAN_FRONTEND=noninteractive
            apt-get -o DPkg::Lock::Timeout=600 update -qq &&
            apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends nodejs npm
        } > "$S3_DIR/apt.log" 2>&1 || { tail -n 20 "$S3_DIR/apt.log" >&2; die "apt-get install nodejs npm failed"; }
    fi
    say "installing s3rver $VERSION (npm)"
    mkdir -p "$NPM_DIR"
    npm install --prefix "$NPM_DIR" --no-audit --no-fund --no-save --loglevel=error "s3rver@$VERSION" > "$S3_DIR/npm.log" 2>&1 \
        || { tail -n 20 "$S3_DIR/npm.log" >&2; die "npm install s3rver@$VERSION failed"; }
}

start() {
    mkdir -p "$S3_DIR" "$DATA"
    if running && port_open; then say "s3rver already running on $HOST:$PORT"; return 0; fi
    if port_open; then say "something already listens on $HOST:$PORT; using it"; return 0; fi
    install
    rm -rf "$DATA" && mkdir -p "$DATA"   # throw-away: every start begins with an empty bucket
    say "starting s3rver on $HOST:$PORT (data $DATA)"
    # setsid: the server outlives this script. s3rver makes list continuation tokens with a cipher that
    # OpenSSL 3 keeps in its legacy provider.
    setsid node --openssl-legacy-provider "$BIN" --directory "$DATA" --address "$HOST" --port "$PORT" --silent \
        --configure-bucket "$BUCKET" < /dev/null >> "$LOG" 2>&1 &
    echo $! > "$PID"
    local i
    for (( i = 0; i < TIMEOUT * 5; i++ )); do
        port_open && { say "s3rver is up"; return 0; }
        running || { tail -n 20 "$LOG" >&2; die "s3rver exited during startup"; }
        sleep 0.2
    done
    tail -n 20 "$LOG" >&2
    die "s3rver not ready after ${TIMEOUT}s"
}

stop() {
    if running; then
        local pid
        pid=$(tr -dc '0-9' < "$PID")
        kill "$pid" 2>/dev/null || true
        for (( i = 0; i < 50; i++ )); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        say "stopped s3rver ($pid)"
    fi
    rm -f "$PID"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    status) if port_open; then say "up on $HOST:$PORT"; else say "down"; exit 1; fi ;;
    env)
        echo "export DJ_TEST_S3_ENDPOINT=$HOST:$PORT"
        echo "export DJ_TEST_S3_BUCKET=$BUCKET"
        echo "export DJ_TEST_S3_ACCESS_KEY=S3RVER"
        echo "export DJ_TEST_S3_SECRET_KEY=S3RVER"
        ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
