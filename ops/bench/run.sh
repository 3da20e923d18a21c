#!/usr/bin/env bash
# The benchmark in one command: builds the application and the load generator, then runs every
# scenario of ops/bench/README.md BENCH_RUNS times (default 3), each on a fresh database, and
# writes ops/bench/report/REPORT.md, report.json and the latency chart.
#
# Needs what the tests need: PostgreSQL with PostGIS on DB_HOST:DB_PORT and a DB_USER that may
# create databases (run .ci/run once on a fresh machine), plus pgbench (Debian: postgresql-NN)
# and wrk (Debian: wrk).
# A trial run: BENCH_RUNS=1 BENCH_OPEN_INCIDENTS=2000 BENCH_PEAK_SECONDS=5 BENCH_FANOUT_SECONDS=5 BENCH_BOARDS=100 ops/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

export DB_HOST="${DB_HOST:-localhost}" DB_PORT="${DB_PORT:-5432}"
export DB_USER="${DB_USER:-postgres}" DB_PASSWORD="${DB_PASSWORD:-postgres}"

if [ -z "${BENCH_PGBENCH:-}" ]; then
  BENCH_PGBENCH="$(command -v pgbench || ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ ! -x "${BENCH_PGBENCH:-}" ]; then
  echo "pgbench not found: install the PostgreSQL server package or set BENCH_PGBENCH" >&2
  exit 1
fi
export BENCH_PGBENCH
# The intake ceiling's HTTP load generator, a client in C as pgbench is (Debian: wrk).
BENCH_WRK="${BENCH_WRK:-$(command -v wrk || true)}"
if [ ! -x "${BENCH_WRK:-}" ]; then
  echo "wrk not found: install it (Debian: apt-get install wrk) or set BENCH_WRK" >&2
  exit 1
fi
export BENCH_WRK

./mvnw -B -q -ntp -pl backend,ops/bench -am package -DskipTests

export BENCH_WORK_DIR="${BENCH_WORK_DIR:-ops/bench/work}"
rm -rf "$BENCH_WORK_DIR"
mkdir -p "$BENCH_WORK_DIR"
# Run copies of the jars: a build in this checkout during the benchmark must not change them.
cp backend/target/quartier-dispatch.jar ops/bench/target/quartier-dispatch-bench.jar "$BENCH_WORK_DIR"/
export BENCH_APP_JAR="$BENCH_WORK_DIR/quartier-dispatch.jar" BENCH_JAR="$BENCH_WORK_DIR/quartier-dispatch-bench.jar"
# The load generator gets its own heap and leaves the application's alone.
exec java -Xmx1g -jar "$BENCH_JAR"
