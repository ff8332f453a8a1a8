#!/usr/bin/env bash
# Starts the whole Sluice system on this machine: ElasticMQ (SQS), moto (DynamoDB, S3), the model
# simulator, the API on port 8080 and two worker processes. Ctrl-C stops everything.
#   ./run-local.sh           run until Ctrl-C
#   ./run-local.sh --demo    submit an image job and a video job, print the outcome, exit 0 if both COMPLETED
#   ./run-local.sh --help    all options
# Needs JDK 17+ and Python 3 (moto is installed into .venv on first use).
set -euo pipefail
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "run-local: java (JDK 17+) is not on PATH" >&2; exit 1; }
command -v python3 >/dev/null || { echo "run-local: python3 is not on PATH (needed for moto)" >&2; exit 1; }

build=1
for arg in "$@"; do
  case "$arg" in -h|--help) build=0 ;; esac
done
if [[ "$build" == 1 && "${SLUICE_SKIP_BUILD:-0}" != 1 ]]; then
  echo "Building (./mvnw package -DskipTests) ..."
  ./mvnw -q -B package -DskipTests
fi

exec java -jar devstack/target/sluice-devstack.jar "$@"
