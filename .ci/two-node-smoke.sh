#!/usr/bin/env bash
# Two replicas of the built jar on one PostgreSQL (Debian's package, a throwaway cluster): deliveries split across
# both, one replica killed with SIGKILL part-way and started again, then every message is stored once with exactly
# one task and no pipeline work is left. Kafka is not part of it yet (issue 13). See scripts/two-node.py.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
N=${N:-600} RATE=${RATE:-60} python3 scripts/two-node.py
