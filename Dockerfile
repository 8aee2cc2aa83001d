# syntax=docker/dockerfile:1.7
#
# WhatsAppFlowHub: the one jar, built from source, in a JRE image that runs as a fixed non-root user on a read-only
# root file system. Written without Docker at hand (none on the machine it was written on): see README, "Deploying".
#
#   docker build -t whatsappflowhub:0.1.0 .
#   docker run --init --read-only --tmpfs /tmp:rw,exec,nosuid,size=256m -v flowhub-data:/data -p 8080:8080 whatsappflowhub:0.1.0
#
# /tmp must allow exec: the ONNX runtime (the extraction engine's sentence model) and the tokenizer (DJL) unpack
# their native libraries there and load them from there; Tomcat keeps its work directory there too.
# /data is FLOWHUB_DATA_DIR: media blobs, the generated master key and bootstrap credentials when they are not
# configured, and (embedded default only) the PostgreSQL data and binaries.
#
# The embedded PostgreSQL binaries the jar carries are linux-amd64 only, so the embedded default runs on amd64 only;
# with an external PostgreSQL (SPRING_DATASOURCE_URL) the image does not start them.

# --- build: the wrapper's Maven on a JDK 17 ---
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /build
COPY --chmod=755 mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
COPY src/ src/
# the local repository is a cache mount: downloaded dependencies survive between builds without living in a layer
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B package -DskipTests
# the jar's layers (dependencies change less often than the application), as a plain jar with lib/ beside it
RUN java -Djarmode=tools -jar target/whatsappflowhub.jar extract --layers --destination /build/extracted

# --- runtime: JRE 17 only ---
FROM eclipse-temurin:17.0.15_6-jre-noble
# a fixed UID/GID (10001), which the Kubernetes manifests name in runAsUser/runAsGroup/fsGroup
RUN groupadd --system --gid 10001 flowhub \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin flowhub \
 && mkdir -p /data \
 && chown 10001:10001 /data \
 && chmod 0700 /data
WORKDIR /app
COPY --from=build --chown=root:root /build/extracted/dependencies/ ./
COPY --from=build --chown=root:root /build/extracted/spring-boot-loader/ ./
COPY --from=build --chown=root:root /build/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=root:root /build/extracted/application/ ./

# JAVA_TOOL_OPTIONS: the heap as a share of the container's memory limit (the rest: metaspace, threads, the ONNX
# runtime's native memory, and on the embedded default the PostgreSQL processes in the same container); a JVM that
# runs out of memory exits so the orchestrator restarts it instead of limping. Override it whole to change it.
ENV FLOWHUB_DATA_DIR=/data \
    SERVER_PORT=8080 \
    DJL_CACHE_DIR=/tmp/djl \
    JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=40 -XX:MaxRAMPercentage=65 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
VOLUME ["/data"]
USER 10001:10001
EXPOSE 8080
# curl is in the Temurin Ubuntu images (adoptium/containers keeps it). Liveness does not wait for the engine's warm-up;
# the actuator answers on MANAGEMENT_SERVER_PORT when one is set (the Kubernetes manifests set 8081), else on SERVER_PORT
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-$SERVER_PORT}/actuator/health/liveness" || exit 1
# the embedded PostgreSQL's binaries (60 MB) are unpacked on the data volume, not in /tmp (a tmpfs under Docker)
ENTRYPOINT ["java", "-Dot.epg.working-dir=/data/embedded-pg", "-jar", "/app/whatsappflowhub.jar"]
