#!/bin/bash
# exporter-fleet.sh: one ipmi-java exporter (ipmi-gateway.jar exporter) scraped by a real Prometheus
# for COUNT virtual BMCs (ipmi.jar virtual-bmc --count COUNT, one JVM, one I/O thread), every
# INTERVAL, for DURATION seconds; then Prometheus's own view (targets up, scrape durations against
# the timeout, ipmi_up) and the exporter's process (CPU over the last MEASURE seconds as % of one
# core and as CPU seconds, threads sampled every 5 s, resident memory; the load average; and the
# CPU seconds of the virtual BMCs' JVM and of Prometheus in the same window, which share the
# machine). Prints a markdown table on stdout, progress on stderr.
#
# LATENCY=20 gives every virtual BMC a 20 ms service time per reply (plus 0..JITTER ms, default a
# quarter of it), answered without blocking: the issue's "1000 targets with 20 ms service time".
#
# usage: ipmi-benchmarks/scripts/exporter-fleet.sh          (from anywhere inside the repository)
# needs: mvn -B package -DskipTests (ipmi-examples/target/ipmi.jar, ipmi-gateway/target/ipmi-gateway.jar),
#        prometheus, curl, python3, java 17, iproute2 (ss).
# env:   COUNT=1000 INTERVAL=15 TIMEOUT=10 DURATION=120 MEASURE=60 BASE_PORT= (first BMC port)
#        LATENCY=0 JITTER= (ms, the virtual BMCs' simulated service time)
#        COLLECTORS=default (or e.g. "bmc,ipmi,chassis,sel,sel-events")
#        EXPORTER_OPTS= (JVM flags of the exporter, e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile)
#        JAR= CLI_JAR= (other builds of ipmi-gateway.jar / ipmi.jar, to compare commits)
#        KEEP_WORK=1 keeps the work directory
# Traffic goes only to 127.0.0.1. Every process started here is stopped by its pid on exit.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CLI_JAR=${CLI_JAR:-$REPO/ipmi-examples/target/ipmi.jar}
JAR=${JAR:-$REPO/ipmi-gateway/target/ipmi-gateway.jar}
LATENCY=${LATENCY:-0}
COLLECTORS=${COLLECTORS:-default}
read -r -a EXPORTER_JVM <<< "${EXPORTER_OPTS:-}"
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

DELAY=()
if [ "$LATENCY" -gt 0 ]; then
    DELAY=(--latency "$LATENCY")
    [ -n "${JITTER:-}" ] && DELAY+=(--jitter "$JITTER")
fi
IPMI_PASSWORD=fleet-secret setsid java -jar "$CLI_JAR" virtual-bmc --count "$COUNT" --port "$BASE_PORT" \
    --bind 127.0.0.1 "${DELAY[@]}" </dev/null >"$WORK/vbmc.log" 2>&1 &
VBMC_PID=$!
PIDS+=("$VBMC_PID")
{
    echo "modules:"
    echo "  default:"
    echo "    user: admin"
    echo "    pass: fleet-secret"
    echo "    privilege: admin"
    [ "$COLLECTORS" != default ] && echo "    collectors: [$COLLECTORS]"
    true
} > "$WORK/ipmi_remote.yml"
setsid java "${EXPORTER_JVM[@]}" -jar "$JAR" exporter --config "$WORK/ipmi_remote.yml" --listen "127.0.0.1:$EXPORTER" \
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
PROM_PID=$!
PIDS+=("$PROM_PID")
log "$COUNT virtual BMCs from 127.0.0.1:$BASE_PORT, exporter :$EXPORTER, Prometheus :$PROM; running ${DURATION}s"

sleep "$((DURATION - MEASURE))"
HZ=$(getconf CLK_TCK)
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
threads() { awk '/^Threads/ { print $2 }' "/proc/$1/status"; }
T0=$(ticks "$EXP_PID"); V0=$(ticks "$VBMC_PID"); P0=$(ticks "$PROM_PID")
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
TMIN=$(threads "$EXP_PID"); TMAX=$TMIN
for ((left = MEASURE; left > 0; left -= 5)); do
    sleep "$((left < 5 ? left : 5))"
    t=$(threads "$EXP_PID")
    [ "$t" -lt "$TMIN" ] && TMIN=$t
    [ "$t" -gt "$TMAX" ] && TMAX=$t
done
T1=$(ticks "$EXP_PID"); V1=$(ticks "$VBMC_PID"); P1=$(ticks "$PROM_PID")
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
THREADS=$(threads "$EXP_PID")
# thread names with their numbers folded ("qtp123-45" -> "qtpN-N"), to see which pool a thread belongs to
KINDS=$(cat /proc/"$EXP_PID"/task/*/comm 2>/dev/null | sed 's/[0-9][0-9]*/N/g' | sort | uniq -c | sort -rn \
    | awk '{ n = $1; $1 = ""; sub(/^ /, ""); printf "%s%s %d", (NR > 1 ? ", " : ""), $0, n }')
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
secs() { python3 -c "print('%.2f' % (($2 - $1) / $HZ))"; }
OVER=$(q "sum(count_over_time((scrape_duration_seconds{job=\"ipmi\"} > $TIMEOUT)[${MEASURE}s:]))")

echo "| $COUNT targets, every ${INTERVAL}s (timeout ${TIMEOUT}s), BMC service time ${LATENCY} ms, last ${MEASURE}s of ${DURATION}s | value |"
echo "| --- | ---: |"
echo "| targets up (Prometheus \`up\`) | $UP |"
echo "| target scrapes in the window | $SCRAPES |"
echo "| targets with \`ipmi_up{collector=\"ipmi\"} 1\` | $IPMI_UP |"
echo "| series of ipmi_up that were 0 for the whole window | $LATE |"
echo "| longest scrape (Prometheus \`scrape_duration_seconds\`) | ${MAXDUR} s |"
echo "| 99th percentile of each target's longest scrape | ${P99} s |"
echo "| scrapes longer than the timeout | $OVER |"
echo "| exporter CPU, % of one core | $CPU |"
echo "| exporter CPU seconds in the window | $(secs "$T0" "$T1") |"
echo "| virtual BMCs' JVM / Prometheus CPU seconds in the window | $(secs "$V0" "$V1") / $(secs "$P0" "$P1") |"
echo "| load average (1, 5, 15 min) at the window's start / end | $LOAD0 / $LOAD1 |"
echo "| exporter threads at the end (min-max sampled every 5 s) | $THREADS ($TMIN-$TMAX) |"
echo "| exporter resident memory | ${RSS} MiB |"
echo "| exporter threads by name | $KINDS |"
