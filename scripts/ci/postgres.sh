#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries are installed, for the store's tests
# and benchmarks (crates/store/tests/support/pg_server.rs starts a throw-away
# server from /usr/lib/postgresql/*/bin itself; nothing needs to be running).
#
# Installs Debian's `postgresql` package when no initdb is found. Needs root
# (or sudo) only when it has to install. Safe to run again.
set -euo pipefail

have_server() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null \
        && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null
}

if have_server; then
    echo "postgres.sh: PostgreSQL server binaries present:" /usr/lib/postgresql/*/bin/initdb
    exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        as_root=(sudo)
    else
        echo "postgres.sh: need root (or sudo) to install the postgresql package" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends postgresql

if ! have_server; then
    echo "postgres.sh: postgresql installed but no /usr/lib/postgresql/*/bin/initdb found" >&2
    exit 1
fi
# The Debian package starts a cluster of its own; the tests do not use it.
echo "postgres.sh: installed:" /usr/lib/postgresql/*/bin/initdb
