#!/bin/bash
# compare-exporter.sh: the ipmi-java Prometheus exporter (ipmi-gateway.jar exporter) against
# prometheus-community's ipmi_exporter (Debian's prometheus-ipmi-exporter, FreeIPMI inside), both
# scraping the same OpenIPMI ipmi_sim that this script starts on 127.0.0.1, one after the other,
# with the same ipmi_remote.yml and ipmi_exporter's default collectors (ipmi, dcmi, bmc, chassis).
#
# For each exporter: warm-up scrapes not counted (WARMUP for ours, whose JIT compiler needs a few
# thousand scrapes to settle, as it has in a long-running exporter; WARMUP_REF for ipmi_exporter, a
# compiled Go binary whose per-scrape cost is its FreeIPMI processes), then SCRAPES sequential
# scrapes by one curl process over one kept-alive connection, as Prometheus scrapes; wall =
# median of curl's total time per scrape; CPU = the exporter's own CPU time over the measured
# scrapes divided by SCRAPES, read from /proc/PID/stat (utime+stime, plus cutime+cstime: the
# FreeIPMI processes ipmi_exporter forks and reaps count as its CPU). ipmi_sim's CPU is not counted.
# Prints a markdown table on stdout; progress on stderr.
#
# usage: ipmi-benchmarks/scripts/compare-exporter.sh      (from anywhere inside the repository)
# needs: mvn -B package -DskipTests (ipmi-gateway/target/ipmi-gateway.jar), openipmi (ipmi_sim,
#        sdrcomp), ipmitool, prometheus-ipmi-exporter, curl, python3, java 17.
# env:   SCRAPES=100            measured scrapes per exporter
#        WARMUP=3000 WARMUP_REF=10   warm-up scrapes of ours and of ipmi_exporter
#        POWER_MODEL=process   process: ipmi_sim answers power status itself; script: it forks the
#                              fixture's chassis-control.sh on every query (~3.5 ms, for both)
#        BASE_PORT=            first port (default: a free block above 20000)
#        MAX_SECONDS=600       hard limit for the whole run; every loop also has a count limit
#        KEEP_WORK=1           keep the work directory (logs)
# Traffic goes only to 127.0.0.1. Every process started here is stopped by its pid on exit.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIXTURE=$REPO/ipmi-core/src/test/resources/ipmi_sim
JAR=$REPO/ipmi-gateway/target/ipmi-gateway.jar
SCRAPES=${SCRAPES:-100}
WARMUP=${WARMUP:-3000}
WARMUP_REF=${WARMUP_REF:-10}
POWER_MODEL=${POWER_MODEL:-process}
MAX_SECONDS=${MAX_SECONDS:-600}
DEADLINE=$(($(date +%s) + MAX_SECONDS))

die() { echo "compare-exporter: $*" >&2; exit 1; }
log() { echo "compare-exporter: $*" >&2; }

for tool in ipmi_sim sdrcomp ipmitool prometheus-ipmi-exporter curl python3 java setsid timeout ss; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install openipmi ipmitool prometheus-ipmi-exporter curl python3 default-jre iproute2)"
done
[ -f "$JAR" ] || die "$JAR missing: run mvn -B package -DskipTests first"

WORK=$(mktemp -d /tmp/compare-exporter.XXXXXX)
PIDS=()
stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    [ "${KEEP_WORK:-0}" = 1 ] && log "work directory kept: $WORK" || rm -rf "$WORK"
}
trap stop_all EXIT

port_free() { ! ss -Hlnu "sport = :$1" | grep -q . && ! ss -Hlnt "sport = :$1" | grep -q .; }
if [ -z "${BASE_PORT:-}" ]; then
    for ((BASE_PORT = 20100; BASE_PORT < 40000; BASE_PORT += 37)); do
        port_free "$BASE_PORT" && port_free "$((BASE_PORT + 1))" && port_free "$((BASE_PORT + 2))" && break
    done
fi
SIM=$BASE_PORT
REF=$((BASE_PORT + 1))
OURS=$((BASE_PORT + 2))

mkdir -p "$WORK/sdr" "$WORK/sim/ipmi_sim/labbmc"
sdrcomp -8 -o "$WORK/sdr/sdr.20.main" "$FIXTURE/lab.sdrs" >/dev/null
cp "$WORK/sdr/sdr.20.main" "$WORK/sim/ipmi_sim/labbmc/"
install -m 755 "$FIXTURE/chassis-control.sh" "$FIXTURE/lan-control.sh" "$WORK/sim/ipmi_sim/"
sed -e "s|@NAME@|labbmc|g" -e "s|@PORT@|$SIM|g" -e "s|@CONSOLE_PORT@|$SIM|g" -e "s|@SOL_PORT@|0|g" \
    -e "s|@LABDIR@|$WORK/sim|g" -e "s|@STATEDIR@|$WORK/sim|g" -e "s|@KG_LINE@||g" -e '/^ *sol "tcp:/d' \
    "$FIXTURE/lan.conf.in" > "$WORK/sim/lan.conf"
if [ "$POWER_MODEL" = process ]; then
    sed -i -e '/^ *chassis_control /d' "$WORK/sim/lan.conf"
    printf '\nset_working_mc 0x20\n  serial 15 127.0.0.1 %s codec VM\n  startcmd "sleep 86400"\n  startnow false\n  poweroff_wait 0\n  kill_wait 0\n' \
        "$((SIM + 20000))" >> "$WORK/sim/lan.conf"
fi
setsid ipmi_sim -n -c "$WORK/sim/lan.conf" -f "$FIXTURE/lab.emu" -s "$WORK/sim" </dev/null >"$WORK/ipmi_sim.log" 2>&1 &
PIDS+=("$!")
for ((i = 0; i < 50; i++)); do
    timeout 5 ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$SIM" -U admin -P password -R 1 -N 1 raw 0x06 0x01 \
        >/dev/null 2>&1 && break
    sleep 0.2
done
[ "$i" -lt 50 ] || die "ipmi_sim on 127.0.0.1:$SIM did not answer (log: $WORK/ipmi_sim.log)"

cat > "$WORK/ipmi_remote.yml" <<'EOF'
modules:
  default:
    user: admin
    pass: password
    driver: LAN_2_0
    privilege: admin
    workaround_flags: [opensesspriv]
EOF

# cpu_ticks PID: utime+stime+cutime+cstime of PID in clock ticks
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)

# bench NAME PORT PID WARMUP: prints "median_wall_ms cpu_ms_per_scrape up_sum scrapes"
bench() {
    local name=$1 port=$2 pid=$3 warmup=$4 url i t0 t1 up
    url="http://127.0.0.1:$port/ipmi?target=127.0.0.1:$SIM&module=default"
    for ((i = 0; i < 100; i++)); do
        curl -sf -o /dev/null "http://127.0.0.1:$port/metrics" && break
        sleep 0.2
    done
    local warm=()
    for ((i = 0; i < warmup; i++)); do warm+=("$url"); done
    [ "$warmup" -eq 0 ] || timeout "$((DEADLINE - $(date +%s) + 1))" curl -s "${warm[@]}" >/dev/null || true
    up=$(curl -sf "$url" | awk '/^ipmi_up/ { s += $2 } END { print s }')
    local urls=()
    for ((i = 0; i < SCRAPES; i++)); do urls+=("$url"); done
    t0=$(cpu_ticks "$pid")
    timeout "$((DEADLINE - $(date +%s) + 1))" curl -s -w '%{stderr}%{time_total}\n' \
        -H 'X-Prometheus-Scrape-Timeout-Seconds: 10' "${urls[@]}" >/dev/null 2>"$WORK/$name.times" || true
    t1=$(cpu_ticks "$pid")
    python3 - "$WORK/$name.times" "$((t1 - t0))" "$HZ" "$up" <<'PY'
import statistics, sys
t = [float(x) * 1000 for x in open(sys.argv[1]).read().split()]
ticks, hz = int(sys.argv[2]), int(sys.argv[3])
print("%.2f %.2f %s %d" % (statistics.median(t), ticks * 1000.0 / hz / len(t), sys.argv[4], len(t)))
PY
}

log "ipmi_sim on 127.0.0.1:$SIM (power model $POWER_MODEL)"
setsid prometheus-ipmi-exporter --config.file="$WORK/ipmi_remote.yml" --web.listen-address="127.0.0.1:$REF" \
    </dev/null >"$WORK/reference.log" 2>&1 &
REF_PID=$!
PIDS+=("$REF_PID")
log "prometheus-ipmi-exporter on 127.0.0.1:$REF"
read -r REF_WALL REF_CPU REF_UP REF_N < <(bench reference "$REF" "$REF_PID" "$WARMUP_REF")
kill "$REF_PID"

setsid java -jar "$JAR" exporter --config "$WORK/ipmi_remote.yml" --listen "127.0.0.1:$OURS" \
    </dev/null >"$WORK/ours.log" 2>&1 &
OURS_PID=$!
PIDS+=("$OURS_PID")
log "ipmi-java exporter on 127.0.0.1:$OURS"
read -r OURS_WALL OURS_CPU OURS_UP OURS_N < <(bench ours "$OURS" "$OURS_PID" "$WARMUP")
OURS_RSS=$(awk '/VmRSS/ { print $2 / 1024 }' "/proc/$OURS_PID/status")
OURS_THREADS=$(awk '/Threads/ { print $2 }' "/proc/$OURS_PID/status")

python3 - "$REF_WALL" "$REF_CPU" "$OURS_WALL" "$OURS_CPU" <<'PY' > "$WORK/ratios"
import sys
rw, rc, ow, oc = map(float, sys.argv[1:])
print("%.1f %.1f" % (rw / ow if ow else 0, rc / oc if oc else 0))
PY
read -r WALL_RATIO CPU_RATIO < "$WORK/ratios"

echo "| exporter (warm scrape of one ipmi_sim, collectors ipmi, dcmi, bmc, chassis) | wall ms (median of $OURS_N) | CPU ms per scrape | sum of ipmi_up |"
echo "| --- | ---: | ---: | ---: |"
echo "| prometheus-ipmi-exporter 1.6.1 (FreeIPMI processes) | $REF_WALL | $REF_CPU | $REF_UP |"
echo "| ipmi-gateway.jar exporter | $OURS_WALL | $OURS_CPU | $OURS_UP |"
echo "| ratio (ipmi_exporter / ours) | ${WALL_RATIO}x | ${CPU_RATIO}x | |"
echo
echo "ipmi-java exporter after the run: ${OURS_RSS} MiB resident, ${OURS_THREADS} threads."
