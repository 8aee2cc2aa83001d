#!/usr/bin/env bash
# Starts the packaged jar against a real PostgreSQL server (Debian's package) instead of the embedded one:
# migrations as the owner role, the application as a role that owns nothing, then checks readiness and a
# sign-in. Everything it starts it stops again.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT_PG=55432
PORT_APP=18080
CLUSTER=flowhubci

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "smoke: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -1)

workdir=$(mktemp -d)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  pg_ctlcluster "$PG_VERSION" "$CLUSTER" stop >/dev/null 2>&1 || true
  pg_dropcluster "$PG_VERSION" "$CLUSTER" >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

pg_dropcluster --stop "$PG_VERSION" "$CLUSTER" >/dev/null 2>&1 || true
pg_createcluster -p "$PORT_PG" "$PG_VERSION" "$CLUSTER" >/dev/null
pg_ctlcluster "$PG_VERSION" "$CLUSTER" start
su postgres -c "psql -q -p $PORT_PG" <<'SQL'
CREATE ROLE flowhub_owner LOGIN PASSWORD 'owner-smoke-pw';
CREATE ROLE flowhub_app LOGIN PASSWORD 'app-smoke-pw' NOSUPERUSER NOBYPASSRLS;
-- trust (issue 11): the cross-tenant path's own login, a member of the application role
CREATE ROLE flowhub_platform LOGIN PASSWORD 'platform-smoke-pw' NOSUPERUSER NOBYPASSRLS IN ROLE flowhub_app;
CREATE DATABASE flowhub OWNER flowhub_owner;
SQL

echo "smoke: starting the jar against PostgreSQL $PG_VERSION on port $PORT_PG"
SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PORT_PG/flowhub" \
SPRING_DATASOURCE_USERNAME=flowhub_app SPRING_DATASOURCE_PASSWORD=app-smoke-pw \
SPRING_FLYWAY_USER=flowhub_owner SPRING_FLYWAY_PASSWORD=owner-smoke-pw \
FLOWHUB_DB_PLATFORM_USERNAME=flowhub_platform FLOWHUB_DB_PLATFORM_PASSWORD=platform-smoke-pw \
FLOWHUB_WHATSAPP_APP_SECRET=smoke-app-secret FLOWHUB_WHATSAPP_VERIFY_TOKEN=smoke-verify-token \
FLOWHUB_DATA_DIR="$workdir/data" FLOWHUB_ADMIN_PASSWORD=smoke-admin-password SERVER_PORT=$PORT_APP \
  java -jar target/whatsappflowhub.jar >"$workdir/app.log" 2>&1 &
app_pid=$!

ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$PORT_APP/actuator/health/readiness" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 1
done
if [ -z "$ready" ]; then
  echo "smoke: the jar did not become ready; its log:"; tail -n 80 "$workdir/app.log"; exit 1
fi

token=$(curl -fsS -X POST "http://localhost:$PORT_APP/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"email":"admin@flowhub.local","password":"smoke-admin-password"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -fsS "http://localhost:$PORT_APP/api/v1/users/me" -H "Authorization: Bearer $token" | grep -q '"SUPER_ADMIN"'

owner=$(su postgres -c "psql -tA -p $PORT_PG -d flowhub -c \"SELECT tableowner FROM pg_tables WHERE tablename = 'app_user'\"")
[ "$owner" = "flowhub_owner" ] || { echo "smoke: app_user is owned by '$owner', expected flowhub_owner"; exit 1; }
leak=$(su postgres -c "psql -qtA -p $PORT_PG -d flowhub -U postgres -c \"SET ROLE flowhub_app; SELECT count(*) FROM app_user\"")
[ "$leak" = "0" ] || { echo "smoke: the application role sees $leak users without a tenant context"; exit 1; }

echo "smoke: external PostgreSQL $PG_VERSION OK (ready, sign-in, tables owned by flowhub_owner, RLS closed without tenant)"
