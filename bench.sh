#!/usr/bin/env bash
# Benchmarks: programs that start the local stack (ElasticMQ, moto, the model simulator) and the
# packaged API and workers, measure, and print Markdown tables to stdout (progress to stderr).
#   ./bench.sh <scenario|all> [--quick] [--logs DIR]
#   ./bench.sh --help    the scenarios
# --quick shrinks every size to a smoke run. Results and how to read them: docs/benchmarks.md.
# Builds first when a jar is missing or older than the sources (SLUICE_SKIP_BUILD=1 skips that).
# Needs JDK 17+ and Python 3 (moto is installed into .venv on first use).
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "bench: java (JDK 17+) is not on PATH" >&2; exit 3; }
command -v python3 >/dev/null || { echo "bench: python3 is not on PATH (needed for moto)" >&2; exit 3; }

jars=(bench/target/sluice-bench.jar api/target/quarkus-app/quarkus-run.jar worker/target/quarkus-app/quarkus-run.jar)

needs_build() {
  local jar
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 0
    # Any source or pom newer than this jar means it may be stale.
    if [[ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
      return 0
    fi
  done
  return 1
}

build=1
for arg in "$@"; do
  case "$arg" in -h|--help) build=0 ;; esac
done
if [[ "$build" == 1 && "${SLUICE_SKIP_BUILD:-0}" != 1 ]] && needs_build; then
  echo "Building (./mvnw package -DskipTests) ..." >&2
  ./mvnw -q -B package -DskipTests >&2 || { echo "bench: the build failed" >&2; exit 3; }
fi

exec java -jar bench/target/sluice-bench.jar "$@"
