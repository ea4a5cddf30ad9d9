# GridCare image: one jar for every role (GRIDCARE_ROLE=server, worker or all).
#   docker build -t gridcare:latest .          (or: docker compose build)
# Works with the classic builder too (no BuildKit-only syntax), so docker-compose 1.29 can build it.

# --- Stage 1: build the jar -------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first, so a source change does not download them again. Best effort: whatever this misses,
# the package step below fetches.
COPY pom.xml ./
RUN mvn -B -q -ntp dependency:go-offline > /dev/null 2>&1 || true

COPY . .
# No Node.js in this image: the bpmnlint step prints "bpmnlint skipped" (CI lints the models).
RUN mvn -B -q -ntp package -DskipTests \
 && cp target/gridcare.jar /build/gridcare.jar

# --- Stage 2: run it ---------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl for the health checks in docker-compose.yml; the base image does not promise one.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# A fixed, unprivileged uid/gid, so volume ownership is predictable. A fresh named volume mounted on the
# data directory takes over its owner from the image.
RUN groupadd --system --gid 10001 gridcare \
 && useradd --system --uid 10001 --gid gridcare --home-dir /var/lib/gridcare --no-create-home \
      --shell /usr/sbin/nologin gridcare \
 && mkdir -p /app /var/lib/gridcare \
 && chown gridcare:gridcare /var/lib/gridcare \
 && chmod 0750 /var/lib/gridcare

COPY --from=build /build/gridcare.jar /app/gridcare.jar

ENV GRIDCARE_DATA_DIR=/var/lib/gridcare
WORKDIR /var/lib/gridcare
USER gridcare:gridcare
EXPOSE 8080

# Exec form: java is PID 1 and gets SIGTERM itself (graceful shutdown). The heap follows the container's
# memory limit; add JVM options with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/gridcare.jar"]
