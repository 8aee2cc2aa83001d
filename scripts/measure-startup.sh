#!/usr/bin/env bash
# Measures wall time from `java -jar` to a ready /actuator/health/readiness, on a fresh data directory and then
# on a restart of the same directory. Usage: scripts/measure-startup.sh [port]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-18181}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for run in fresh restart; do
  start=$(date +%s%N)
  FLOWHUB_DATA_DIR="$dir" SERVER_PORT=$port java -jar target/whatsappflowhub.jar >"$dir/$run.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "exited early"; tail -50 "$dir/$run.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  echo "$run: ready in $(( (end - start) / 1000000 )) ms"
  kill $pid; wait $pid 2>/dev/null || true
done
