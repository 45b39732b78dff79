#!/usr/bin/env bash
# Graphviz for the diagram tests (Diagram.ToSvg/ToPng run its `dot` program).
#
# Usage: scripts/graphviz.sh ensure
#
#   ensure  install the Debian package `graphviz` with apt-get unless `dot` is on PATH already (needs root to install).
set -euo pipefail

say() { printf '[graphviz] %s\n' "$*"; }
die() { printf '[graphviz] ERROR: %s\n' "$*" >&2; exit 1; }

case "${1:-}" in
    ensure)
        if command -v dot >/dev/null 2>&1; then exit 0; fi
        [[ $(id -u) -eq 0 ]] || die "need root to install graphviz (or install it yourself: apt-get install graphviz)"
        say "installing graphviz (apt-get)"
        rc=0
        {
            export DEBIAN_FRONTEND=noninteractive
            apt-get -o DPkg::Lock::Timeout=600 update -qq &&
            apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends graphviz
        } > /tmp/graphviz-apt.log 2>&1 || rc=$?
        (( rc == 0 )) || { tail -n 20 /tmp/graphviz-apt.log >&2; die "apt-get failed (see /tmp/graphviz-apt.log)"; }
        command -v dot >/dev/null 2>&1 || die "graphviz installed but dot is not on PATH"
        ;;
    *)
        sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
        exit 2
        ;;
esac
