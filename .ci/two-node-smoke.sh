#!/usr/bin/env bash
# Two replicas of the built jar on one PostgreSQL (Debian's package, a throwaway cluster) and one Kafka broker (KRaft,
# from Kafka's jars on Maven Central): deliveries split across both, one replica killed with SIGKILL part-way and
# started again, then every message is stored once with exactly one task, no pipeline work or Kafka send is left,
# and each message's events are on their topics once per ce_id. See scripts/cluster.sh and scripts/two-node.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
N=${N:-600} RATE=${RATE:-60} bash scripts/cluster.sh
