#!/usr/bin/env bash
# A cluster anyone can repeat on one machine: one PostgreSQL (Debian's package, a throwaway cluster), one Kafka
# broker in KRaft mode run from Kafka's own jars on Maven Central (scripts/kafka/pom.xml), and two instances of the
# jar on ports 18810 and 18811 with SPRING_KAFKA_BOOTSTRAP_SERVERS set. scripts/two-node.py does the run: signed
# deliveries split across both instances, instance B killed with SIGKILL part-way and started again; then every
# message is stored once with one task, no pipeline work and no Kafka send is pending, and every message's
# message.received, message.processed and task.created are on their topics, counted by distinct ce_id
# (scripts/kafka/EventCount.java). Needs root (pg_createcluster), Debian's postgresql, and the built jar:
#
#   ./mvnw -q -B package -DskipTests && sudo scripts/cluster.sh          # N=2000 RATE=60 by default
#   KAFKA_ONLY=1 scripts/cluster.sh                                       # just the broker, on 127.0.0.1:19092
set -euo pipefail
cd "$(dirname "$0")/.."
KAFKA_PORT=${KAFKA_PORT:-19092}
LIBS=scripts/kafka/target/libs
if [ ! -f "$LIBS/kafka_2.13-4.1.2.jar" ]; then
  ./mvnw -q -B -f scripts/kafka/pom.xml dependency:copy-dependencies
fi
work=$(mktemp -d /tmp/flowhub-kafka-XXXXXX)
kafka_pid=
cleanup() {
  if [ -n "$kafka_pid" ]; then kill "$kafka_pid" 2>/dev/null || true; wait "$kafka_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
{
  cat scripts/kafka/server.properties
  echo "listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$((KAFKA_PORT + 1))"
  echo "advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT"
  echo "controller.quorum.voters=1@127.0.0.1:$((KAFKA_PORT + 1))"
  echo "log.dirs=$work/data"
} > "$work/server.properties"
cluster_id=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)
java -cp "$LIBS/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$work/server.properties" > "$work/format.log"
java -Xms256m -Xmx512m -cp "$LIBS/*" kafka.Kafka "$work/server.properties" > "$work/kafka.log" 2>&1 &
kafka_pid=$!
for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; then break; fi
  kill -0 "$kafka_pid" 2>/dev/null || { cat "$work/kafka.log"; echo "Kafka died on start" >&2; exit 1; }
  sleep 0.5
done
echo "Kafka (KRaft, one node) on 127.0.0.1:$KAFKA_PORT"
if [ -n "${KAFKA_ONLY:-}" ]; then
  echo "KAFKA_ONLY: press Ctrl-C to stop"; wait "$kafka_pid"; exit 0
fi
KAFKA="127.0.0.1:$KAFKA_PORT" KAFKA_LIBS="$LIBS" python3 scripts/two-node.py
