#!/bin/bash
# gateway-bench.sh: issue 13's targets for ipmi-gateway, measured on this machine (never asserted):
#   - GET /api/v1/bmcs/{name}/power through the gateway vs the same library call, sequential
#     medians (added latency), against ipmi_sim (the project's fixture, suite 3) and the virtual BMC
#     (suite 17); the gateway runs in-process on its fleet pool (one session per BMC);
#   - requests/s for pooled power status with THREADS HTTP clients for RUN_SECONDS (clients, gateway and
#     BMC share the machine's cores);
#   - resident memory of the shaded gateway jar as its own process with BMCS virtual BMCs configured,
#     after a ?refresh=true that opens a session to each, with JVM flags JVM (the sidecar's).
# Output: key=value lines (see RESULTS.md). Traffic goes to 127.0.0.1 only; every process started
# is stopped by its pid; the run is bounded by its counts and by `timeout`.
#
# usage: ipmi-benchmarks/scripts/gateway-bench.sh        (from anywhere inside the repository)
# needs: mvn -B package -DskipTests (ipmi-gateway/target/ipmi-gateway.jar, ipmi-benchmarks/target/benchmarks.jar),
#        openipmi and ipmitool (for the ipmi_sim part), java 17.
# env:   REQUESTS=2000 THREADS=8 RUN_SECONDS=10 BMCS=1000 PARTS=sim,vbmc,memory
#        POWER_MODEL=script     script: ipmi_sim forks the fixture's chassis-control.sh on every power
#                               query (~160/s for any client); process: answered inside ipmi_sim from
#                               whether a long-running child runs (as compare-peers.sh POWER_MODEL=process)
#        JVM="-Xms8m -Xmx48m -XX:+UseSerialGC -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=16m -Xss256k -XX:TieredStopAtLevel=1"
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_JAR=$REPO/ipmi-benchmarks/target/benchmarks.jar
GW_JAR=$REPO/ipmi-gateway/target/ipmi-gateway.jar
for f in "$BENCH_JAR" "$GW_JAR"; do
    [ -f "$f" ] || { echo "$f missing: run mvn -B package -DskipTests first" >&2; exit 1; }
done
cd "$REPO"
# glibc's per-thread malloc arenas cost resident memory a small JVM does not need (also set in the manifest)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
exec timeout 900 java -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.GatewayBench \
    --requests "${REQUESTS:-2000}" --threads "${THREADS:-8}" --seconds "${RUN_SECONDS:-10}" \
    --bmcs "${BMCS:-1000}" --parts "${PARTS:-sim,vbmc,memory}" --power-model "${POWER_MODEL:-script}" --jar "$GW_JAR" \
    --jvm "${JVM:--Xms8m -Xmx48m -XX:+UseSerialGC -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=16m -Xss256k -XX:TieredStopAtLevel=1}"
