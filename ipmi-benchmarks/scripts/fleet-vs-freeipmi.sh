#!/bin/bash
# fleet-vs-freeipmi.sh: the fleet targets of issue 12, FreeIPMI and ipmi-java on the same virtual BMCs
# in one run, with ratios. All traffic on 127.0.0.1; every process started here is stopped by its pid.
#
# What it runs (COUNT virtual BMCs from `ipmi virtual-bmc --count COUNT`, admin/password, suite 3):
#   1. cold fan-out: `ipmi-power -h 127.0.0.1:40[000-999] -F 1024 --stat` (whole process, RUNS times)
#      against FleetBench --mode cold (a new IpmiFleet per round: login + Get Chassis Status + closeAsync;
#      round 1 = fresh JVM, then COLD_WARMUP rounds not recorded (JIT), then ROUNDS-1 warm rounds),
#      wall and CPU per host (median and mean of the warm rounds).
#   2. the same with LATENCY_MS (default 20) of simulated service time per reply (virtual-bmc --latency),
#      when the virtual BMC supports it.
#   2b. fresh JVMs: FRESH_RUNS (default 3) more processes of one cold round each, with the default JVM
#      flags and with FRESH_OPTS (default -XX:TieredStopAtLevel=1: C1 only, for short runs), medians.
#   3. pooled sweep: FleetBench --mode pooled, power status over COUNT sessions kept open: POOLED_WARMUP
#      sweeps not recorded (JIT), then POOLED_ROUNDS recorded; CPU per host as the mean over them (a
#      sweep's CPU is one or two 10 ms ticks of the process clock, so its median moves in 10 us steps).
#   4. idle sessions: IDLE_COUNT (default 10000) virtual BMCs, FleetBench --mode idle under -Xmx256m:
#      heap per idle session and live threads.
# usage: ipmi-benchmarks/scripts/fleet-vs-freeipmi.sh
# needs: mvn -B -o package -DskipTests (ipmi-examples/target/ipmi.jar, ipmi-benchmarks/target/benchmarks.jar),
#        freeipmi-tools, python3, java 17.
# env:   COUNT=1000 BASE=40000 (a multiple of 1000 when COUNT <= 1000, for the FreeIPMI host range)
#        RUNS=5 ROUNDS=6 COLD_WARMUP=60 POOLED_ROUNDS=300 POOLED_WARMUP=200 BMC_WARMUP=10
#        LATENCY_MS=20 IDLE_COUNT=10000 MAX_SECONDS=900 FRESH_RUNS=3
#        FRESH_OPTS="-XX:TieredStopAtLevel=1"
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
IPMI_JAR=$REPO/ipmi-examples/target/ipmi.jar
BENCH_JAR=$REPO/ipmi-benchmarks/target/benchmarks.jar
COUNT=${COUNT:-1000}
BASE=${BASE:-40000}
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-6}
COLD_WARMUP=${COLD_WARMUP:-60}
POOLED_ROUNDS=${POOLED_ROUNDS:-300}
POOLED_WARMUP=${POOLED_WARMUP:-200}
BMC_WARMUP=${BMC_WARMUP:-10}
LATENCY_MS=${LATENCY_MS:-20}
IDLE_COUNT=${IDLE_COUNT:-10000}
MAX_SECONDS=${MAX_SECONDS:-900}
FRESH_RUNS=${FRESH_RUNS:-3}
FRESH_OPTS=${FRESH_OPTS:--XX:TieredStopAtLevel=1}
WORK=$(mktemp -d /tmp/fleet-bench.XXXXXX)
PIDS=()

for f in "$IPMI_JAR" "$BENCH_JAR"; do
  [ -f "$f" ] || { echo "missing $f: run mvn -B -o package -DskipTests first" >&2; exit 2; }
done
command -v ipmi-power >/dev/null || { echo "ipmi-power (freeipmi-tools) not installed" >&2; exit 2; }

cleanup() {
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
( sleep "$MAX_SECONDS"; echo "fleet-vs-freeipmi: MAX_SECONDS=$MAX_SECONDS reached" >&2; kill -TERM $$ ) &
PIDS+=($!)

# start_bmcs COUNT BASE [extra virtual-bmc options...]: prints nothing, waits until every BMC listens
start_bmcs() {
  local count=$1 base=$2; shift 2
  java -Xss256k -jar "$IPMI_JAR" virtual-bmc --count "$count" --port "$base" --password password \
      --cipher-suites 3 "$@" > "$WORK/vbmc-$base.log" 2>&1 &
  VBMC_PID=$!
  PIDS+=("$VBMC_PID")
  for _ in $(seq 1 600); do
    grep -q "Ctrl-C to stop" "$WORK/vbmc-$base.log" && return 0
    kill -0 "$VBMC_PID" 2>/dev/null || { cat "$WORK/vbmc-$base.log" >&2; return 1; }
    sleep 0.1
  done
  echo "virtual BMCs did not start" >&2
  return 1
}

# warm_bmcs: BMC_WARMUP cold fan-outs, not recorded, so that the virtual BMCs' JVM has compiled its
# responders before anyone is measured against it. A freshly started one answers slowly for a few
# seconds, and a client that gets its replies one by one pays a wake-up for each: both clients' CPU
# per host went up by half (FreeIPMI 0.38 -> 0.50 ms, ours 0.10 -> 0.23 ms) against a cold one.
warm_bmcs() {
  [ "$BMC_WARMUP" -gt 0 ] || return 0
  bench --mode cold --count "$COUNT" --base "$BASE" --rounds 1 --warmup "$BMC_WARMUP" > /dev/null
}

stop_bmcs() {
  kill "$VBMC_PID" 2>/dev/null || true
  wait "$VBMC_PID" 2>/dev/null || true
}

hostrange() {
  local count=$1 base=$2
  if [ "$count" -le 1000 ] && [ $((base % 1000)) -eq 0 ]; then
    printf '127.0.0.1:%d[000-%03d]' $((base / 1000)) $((count - 1))
  else
    local hosts=() i
    for ((i = 0; i < count; i++)); do hosts+=("127.0.0.1:$((base + i))"); done
    (IFS=,; echo "${hosts[*]}")
  fi
}

# freeipmi LABEL: RUNS whole-process runs of ipmi-power -F 1024 --stat; medians of wall and user+sys
freeipmi() {
  local label=$1 range
  range=$(hostrange "$COUNT" "$BASE")
  : > "$WORK/freeipmi-$label.txt"
  for _ in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/time.txt" \
      ipmi-power -h "$range" -u admin -p password -D LAN_2_0 -I 3 -W opensesspriv -F 1024 --stat \
      > "$WORK/freeipmi-out.txt" 2>&1 || true
    ok=$(grep -cE ': (on|off)$' "$WORK/freeipmi-out.txt" || true)
    echo "$(tail -n 1 "$WORK/time.txt") $ok" >> "$WORK/freeipmi-$label.txt"
  done
  python3 - "$WORK/freeipmi-$label.txt" "$label" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(r[0] for r in rows); cpu = statistics.median(r[1] + r[2] for r in rows)
ok = min(int(r[3]) for r in rows)
print(f"freeipmi_{sys.argv[2]}_wall_s={wall:.3f}")
print(f"freeipmi_{sys.argv[2]}_cpu_s={cpu:.3f}")
print(f"freeipmi_{sys.argv[2]}_hosts_ok_min={ok}")
PY
}

bench() {
  java "${JAVA_OPTS[@]}" -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.FleetBench "$@"
}

# fresh LABEL [java options...]: FRESH_RUNS processes of one cold round each; median wall and CPU
fresh() {
  local label=$1; shift
  JAVA_OPTS=("$@")
  : > "$WORK/fresh-$label.txt"
  for _ in $(seq 1 "$FRESH_RUNS"); do
    bench --mode cold --count "$COUNT" --base "$BASE" --rounds 1 | grep -E '^(cold_wall_ms|cold_cpu_ms|jvm_to_main_ms)=' \
      | tr '\n' ' ' >> "$WORK/fresh-$label.txt"
    echo >> "$WORK/fresh-$label.txt"
  done
  JAVA_OPTS=()
  python3 - "$WORK/fresh-$label.txt" "$label" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in l.split()) for l in open(sys.argv[1]) if l.strip()]
for key in ("cold_wall_ms", "cold_cpu_ms", "jvm_to_main_ms"):
    vals = [float(r[key]) for r in rows if key in r]
    if vals:
        print(f"fresh_{sys.argv[2]}_{key}_median={statistics.median(vals):.1f}")
print(f"fresh_{sys.argv[2]}_runs={len(rows)}")
PY
}

JAVA_OPTS=()
echo "# fleet-vs-freeipmi $(date -u +%FT%TZ) COUNT=$COUNT RUNS=$RUNS ROUNDS=$ROUNDS load=$(cut -d' ' -f1-3 /proc/loadavg)"
start_bmcs "$COUNT" "$BASE"
warm_bmcs
freeipmi loopback | tee "$WORK/results.txt"
bench --mode cold --count "$COUNT" --base "$BASE" --rounds "$ROUNDS" --warmup "$COLD_WARMUP" | sed 's/^/ours_/' \
  | tee -a "$WORK/results.txt"
bench --mode pooled --count "$COUNT" --base "$BASE" --rounds "$POOLED_ROUNDS" --warmup "$POOLED_WARMUP" \
  | sed 's/^/ours_/' | tee -a "$WORK/results.txt"
if [ "$FRESH_RUNS" -gt 0 ]; then
  fresh default | sed 's/^/ours_/' | tee -a "$WORK/results.txt"
  # shellcheck disable=SC2086
  fresh opts $FRESH_OPTS | sed 's/^/ours_/' | tee -a "$WORK/results.txt"
fi
stop_bmcs

if java -jar "$IPMI_JAR" virtual-bmc --help 2>/dev/null | grep -q -- "--latency"; then
  start_bmcs "$COUNT" "$BASE" --latency "$LATENCY_MS"
  warm_bmcs
  freeipmi latency | tee -a "$WORK/results.txt"
  bench --mode cold --count "$COUNT" --base "$BASE" --rounds 11 --warmup 30 | sed 's/^/ours_latency_/' | tee -a "$WORK/results.txt"
  if [ "$FRESH_RUNS" -gt 0 ]; then
    fresh latency_default | sed 's/^/ours_/' | tee -a "$WORK/results.txt"
    # shellcheck disable=SC2086
    fresh latency_opts $FRESH_OPTS | sed 's/^/ours_/' | tee -a "$WORK/results.txt"
  fi
  stop_bmcs
else
  echo "latency_run=skipped (virtual-bmc has no --latency)" | tee -a "$WORK/results.txt"
fi

if [ "$IDLE_COUNT" -gt 0 ]; then
  # 10,000 consecutive ports are rarely free next to other processes' ephemeral ports: any free
  # ports, listed in a file
  start_bmcs "$IDLE_COUNT" 0 --idle-timeout 600 --ports-file "$WORK/idle-hosts.txt"
  JAVA_OPTS=(-Xmx256m)
  bench --mode idle --count "$IDLE_COUNT" --hosts-file "$WORK/idle-hosts.txt" | sed 's/^/ours_idle_/' \
    | tee -a "$WORK/results.txt"
  JAVA_OPTS=()
  stop_bmcs
fi

python3 - "$WORK/results.txt" "$COUNT" <<'PY'
import sys
kv = {}
for line in open(sys.argv[1]):
    if "=" in line and " " not in line.split("=", 1)[0]:
        k, v = line.strip().split("=", 1)
        kv[k] = v
n = int(sys.argv[2])
def f(k):
    try:
        return float(kv[k])
    except (KeyError, ValueError):
        return None
print("\n## ratios (ours / FreeIPMI; below 1 = ours better)")
fw, fc = f("freeipmi_loopback_wall_s"), f("freeipmi_loopback_cpu_s")
if fw and fc:
    print(f"FreeIPMI cold fan-out: {fw*1000:.0f} ms wall, {fc*1000/n:.3f} ms CPU per host (whole process)")
    for key, label in (("ours_cold_wall_ms", "fresh JVM"), ("ours_warm_wall_ms", "warm JVM")):
        w = f(key)
        if w:
            print(f"ours cold fan-out, {label}: {w:.0f} ms wall, ratio {w/(fw*1000):.2f} (target <= 0.5 warm; fresh JVM < 1000 ms)")
    c, cm = f("ours_warm_cpu_per_host_ms"), f("ours_warm_cpu_per_host_mean_ms")
    if c:
        print(f"ours CPU per host, warm JVM: median {c:.3f} ms, mean {cm or 0:.3f} ms over "
              f"{kv.get('ours_warm_rounds')} rounds, ratio {(cm or c)/(fc*1000/n):.2f} to FreeIPMI (target <= 0.1 ms)")
for label in ("default", "opts"):
    w = f(f"ours_fresh_{label}_cold_wall_ms_median")
    if w:
        print(f"ours cold fan-out, fresh JVM ({label} flags), median of {kv.get(f'ours_fresh_{label}_runs')}: {w:.0f} ms "
              f"(+ {f(f'ours_fresh_{label}_jvm_to_main_ms_median'):.0f} ms JVM start to main; target < 1000 ms)")
lw = f("ours_latency_cold_wall_ms")
if lw:
    print(f"{n} BMCs with service time: ours {lw:.0f} ms cold (fresh JVM, target < 1000 ms), "
          f"{f('ours_latency_warm_wall_ms') or 0:.0f} ms warm; FreeIPMI {f('freeipmi_latency_wall_s')*1000:.0f} ms")
    lc, flc = f("ours_latency_warm_cpu_per_host_mean_ms"), f("freeipmi_latency_cpu_s")
    if lc and flc:
        # replies spread over the service time arrive one by one: a wake-up each, for both clients
        print(f"  CPU per host with service time: ours {lc:.3f} ms (warm JVM), FreeIPMI {flc*1000/n:.3f} ms, "
              f"ratio {lc/(flc*1000/n):.2f}")
    for label in ("latency_default", "latency_opts"):
        w = f(f"ours_fresh_{label}_cold_wall_ms_median")
        if w:
            print(f"  fresh JVM ({label}), median of {kv.get(f'ours_fresh_{label}_runs')}: {w:.0f} ms")
pw, pc, pm = f("ours_pooled_sweep_wall_ms"), f("ours_pooled_cpu_per_host_us"), f("ours_pooled_cpu_per_host_mean_us")
if pw:
    print(f"pooled sweep over {n} open sessions: {pw:.1f} ms wall median (target <= 30), CPU per host "
          f"{pm or 0:.1f} us mean over {kv.get('ours_pooled_sweeps')} sweeps, median {pc:.1f} (target <= 15)")
h = f("ours_idle_heap_per_session_bytes")
if h:
    print(f"idle sessions: {kv.get('ours_idle_sessions_open')} open under -Xmx{kv.get('ours_idle_max_heap_mb')}m, "
          f"{h/1024:.2f} KiB heap per session (target <= 4), threads {kv.get('ours_idle_threads_before')} -> "
          f"{kv.get('ours_idle_threads_with_sessions')}")
PY
