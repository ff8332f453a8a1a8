#!/usr/bin/env bash
# Chaos run: the packaged API and worker processes against the local stack while workers are killed,
# one is paused, and SQS and/or DynamoDB go away and come back; then the reaper runs and every task is
# checked (terminal, one output version, one commit, no overlapping model calls, queues drained).
#   ./chaos.sh --tasks 100 --workers 3 --kill-every 8 --pause-one --outage 5 --outage-target sqs --poison 6
#   ./chaos.sh --help    all options
# Progress goes to stderr, one JSON line to stdout; exit 0 only if every invariant holds.
# Builds first when a jar is missing or older than the sources (SLUICE_SKIP_BUILD=1 skips that).
# Needs JDK 17+ and Python 3 (moto is installed into .venv on first use).
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "chaos: java (JDK 17+) is not on PATH" >&2; exit 3; }
command -v python3 >/dev/null || { echo "chaos: python3 is not on PATH (needed for moto)" >&2; exit 3; }

jars=(chaos/target/sluice-chaos.jar api/target/quarkus-app/quarkus-run.jar
      worker/target/quarkus-app/quarkus-run.jar reaper/target/quarkus-app/quarkus-run.jar)

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
  case "$arg" in -h|--help|--dry-run) build=0 ;; esac
done
# Bad arguments are reported (exit 2) before spending minutes on a build.
if [[ "$build" == 1 && -f chaos/target/sluice-chaos.jar ]]; then
  java -jar chaos/target/sluice-chaos.jar --dry-run "$@" >/dev/null
fi
if [[ "$build" == 1 && "${SLUICE_SKIP_BUILD:-0}" != 1 ]] && needs_build; then
  echo "Building (./mvnw package -DskipTests) ..." >&2
  ./mvnw -q -B package -DskipTests >&2 || { echo "chaos: the build failed" >&2; exit 3; }
fi

exec java -jar chaos/target/sluice-chaos.jar "$@"
