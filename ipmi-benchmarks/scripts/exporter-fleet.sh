#!/bin/bash
# exporter-fleet.sh: one ipmi-java exporter (ipmi-gateway.jar exporter) scraped by a real Prometheus
# for COUNT virtual BMCs (ipmi.jar virtual-bmc --count COUNT, one JVM, one I/O thread), every
# INTERVAL, for DURATION seconds; then Prometheus's own view (targets up, scrape durations against
# the timeout, ipmi_up) and the exporter's process (CPU over the last MEASURE seconds as % of one
# core, threads, resident memory). Prints a markdown table on stdout, progress on stderr.
#
# The virtual BMCs answer at once: this measures the exporter, not a BMC's service time (the
# virtual BMC has no simulated delay; see RESULTS.md).
#
# usage: ipmi-benchmarks/scripts/exporter-fleet.sh          (from anywhere inside the repository)
# needs: mvn -B package -DskipTests (ipmi-examples/target/ipmi.jar, ipmi-gateway/target/ipmi-gateway.jar),
#        prometheus, curl, python3, java 17, iproute2 (ss).
# env:   COUNT=1000 INTERVAL=15 TIMEOUT=10 DURATION=120 MEASURE=60 BASE_PORT= (first BMC port)
#        KEEP_WORK=1 keeps the work directory
# Traffic goes only to 127.0.0.1. Every process started here is stopped by its pid on exit.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLI_JAR=$REPO/ipmi-examples/target/ipmi.jar
JAR=$REPO/ipmi-gateway/target/ipmi-gateway.jar
COUNT=${COUNT:-1000}
INTERVAL=${INTERVAL:-15}
TIMEOUT=${TIMEOUT:-10}
DURATION=${DURATION:-120}
MEASURE=${MEASURE:-60}

die() { echo "exporter-fleet: $*" >&2; exit 1; }
log() { echo "exporter-fleet: $*" >&2; }
for tool in prometheus curl python3 java ss setsid; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
[ -f "$JAR" ] && [ -f "$CLI_JAR" ] || die "run mvn -B package -DskipTests first"
[ "$MEASURE" -le "$DURATION" ] || die "MEASURE must not exceed DURATION"

WORK=$(mktemp -d /tmp/exporter-fleet.XXXXXX)
PIDS=()
stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    [ "${KEEP_WORK:-0}" = 1 ] && log "work directory kept: $WORK" || rm -rf "$WORK"
}
trap stop_all EXIT

used_udp() { ss -Hlnu | awk '{ n = split($4, a, ":"); print a[n] }' | sort -un; }
if [ -z "${BASE_PORT:-}" ]; then
    used=$(used_udp)
    for ((BASE_PORT = 30000; BASE_PORT < 60000; BASE_PORT += COUNT + 10)); do
        clash=$(echo "$used" | awk -v lo="$BASE_PORT" -v hi="$((BASE_PORT + COUNT + 3))" '$1 >= lo && $1 <= hi' | head -1)
        [ -z "$clash" ] && break
    done
fi
EXPORTER=$((BASE_PORT + COUNT + 1))
PROM=$((BASE_PORT + COUNT + 2))

IPMI_PASSWORD=fleet-secret setsid java -jar "$CLI_JAR" virtual-bmc --count "$COUNT" --port "$BASE_PORT" \
    --bind 127.0.0.1 </dev/null >"$WORK/vbmc.log" 2>&1 &
PIDS+=("$!")
cat > "$WORK/ipmi_remote.yml" <<'EOF'
modules:
  default:
    user: admin
    pass: fleet-secret
    privilege: admin
EOF
setsid java -jar "$JAR" exporter --config "$WORK/ipmi_remote.yml" --listen "127.0.0.1:$EXPORTER" \
    </dev/null >"$WORK/exporter.log" 2>&1 &
EXP_PID=$!
PIDS+=("$EXP_PID")
for ((i = 0; i < 150; i++)); do curl -sf -o /dev/null "http://127.0.0.1:$EXPORTER/metrics" && break; sleep 0.2; done

{
    echo "global: {scrape_interval: ${INTERVAL}s, scrape_timeout: ${TIMEOUT}s}"
    echo "scrape_configs:"
    echo "  - job_name: ipmi"
    echo "    metrics_path: /ipmi"
    echo "    params: {module: [default]}"
    echo "    static_configs:"
    echo "      - targets:"
    for ((i = 0; i < COUNT; i++)); do echo "          - 127.0.0.1:$((BASE_PORT + i))"; done
    echo "    relabel_configs:"
    echo "      - {source_labels: [__address__], target_label: __param_target}"
    echo "      - {source_labels: [__param_target], target_label: instance}"
    echo "      - {target_label: __address__, replacement: '127.0.0.1:$EXPORTER'}"
} > "$WORK/prometheus.yml"
setsid prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
    --web.listen-address="127.0.0.1:$PROM" --log.level=warn </dev/null >"$WORK/prometheus.log" 2>&1 &
PIDS+=("$!")
log "$COUNT virtual BMCs from 127.0.0.1:$BASE_PORT, exporter :$EXPORTER, Prometheus :$PROM; running ${DURATION}s"

sleep "$((DURATION - MEASURE))"
HZ=$(getconf CLK_TCK)
T0=$(awk '{ print $14 + $15 }' "/proc/$EXP_PID/stat")
sleep "$MEASURE"
T1=$(awk '{ print $14 + $15 }' "/proc/$EXP_PID/stat")
THREADS=$(awk '/^Threads/ { print $2 }' "/proc/$EXP_PID/status")
RSS=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$EXP_PID/status")

q() { curl -sf --data-urlencode "query=$1" "http://127.0.0.1:$PROM/api/v1/query" \
        | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else "none")'; }
UP=$(q 'count(up{job="ipmi"} == 1)')
SCRAPES=$(q "sum(count_over_time(up{job=\"ipmi\"}[${MEASURE}s]))")
MAXDUR=$(q "max(max_over_time(scrape_duration_seconds{job=\"ipmi\"}[${MEASURE}s]))")
P99=$(q "quantile(0.99, max_over_time(scrape_duration_seconds{job=\"ipmi\"}[${MEASURE}s]))")
LATE=$(q "sum(max_over_time(ipmi_up{job=\"ipmi\"}[${MEASURE}s]) == bool 0)")
IPMI_UP=$(q 'count(ipmi_up{job="ipmi",collector="ipmi"} == 1)')
CPU=$(python3 -c "print('%.1f' % (($T1 - $T0) * 100.0 / $HZ / $MEASURE))")

echo "| $COUNT targets, every ${INTERVAL}s (timeout ${TIMEOUT}s), last ${MEASURE}s of ${DURATION}s | value |"
echo "| --- | ---: |"
echo "| targets up (Prometheus \`up\`) | $UP |"
echo "| target scrapes in the window | $SCRAPES |"
echo "| targets with \`ipmi_up{collector=\"ipmi\"} 1\` | $IPMI_UP |"
echo "| series of ipmi_up that were 0 for the whole window | $LATE |"
echo "| longest scrape (Prometheus \`scrape_duration_seconds\`) | ${MAXDUR} s |"
echo "| 99th percentile of each target's longest scrape | ${P99} s |"
echo "| exporter CPU, % of one core | $CPU |"
echo "| exporter threads | $THREADS |"
echo "| exporter resident memory | ${RSS} MiB |"
