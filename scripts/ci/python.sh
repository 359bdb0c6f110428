#!/usr/bin/env bash
# Builds the Python package (crates/python) and runs its tests: pytest on
# the wheel, with pandas, polars, DuckDB and Spark in local mode.
#
# Installs Debian's openjdk-17-jre-headless when no Java 17 or later is
# found (PySpark needs it; root or sudo only then), makes a virtual
# environment (target/python-venv, or $DATELINE_VENV), installs maturin,
# pytest, pyarrow, pandas, polars, duckdb and pyspark from PyPI, builds the
# wheel, installs it and runs pytest. The wheel is built with the dev
# profile: it reuses what `cargo test` compiled, and an optimised build
# costs two cores about eight minutes against one more minute of tests. The tests compare with the `dateline` binary and use the
# PostgreSQL server binaries that scripts/ci/postgres.sh installs.
# Usage: scripts/ci/python.sh     (from the repository root or anywhere)
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

java_ok() {
    command -v java >/dev/null \
        && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'
}

if ! java_ok; then
    as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null; then
            as_root=(sudo)
        else
            echo "python.sh: need root (or sudo) to install openjdk-17-jre-headless" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get update
    "${as_root[@]}" apt-get install -y --no-install-recommends openjdk-17-jre-headless
fi
java -version 2>&1 | head -1

venv=${DATELINE_VENV:-target/python-venv}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet maturin pytest pyarrow pandas polars duckdb pyspark
echo "python.sh: environment ready after $((SECONDS - started)) s"

rm -rf target/wheels/dateline-*.whl
"$venv/bin/maturin" build --locked -m crates/python/Cargo.toml \
    --interpreter "$venv/bin/python" -o target/wheels
"$venv/bin/python" -m pip install --quiet --force-reinstall --no-deps target/wheels/dateline-*.whl
echo "python.sh: wheel built and installed after $((SECONDS - started)) s"

# The tests compare the package with the CLI (the debug binary `cargo
# test` builds; cheap when it is there).
cargo build --locked -p dateline
DATELINE_BIN="$PWD/target/debug/dateline" "$venv/bin/python" -m pytest crates/python/tests -q \
    -p no:cacheprovider
echo "python.sh: done in $((SECONDS - started)) s"
