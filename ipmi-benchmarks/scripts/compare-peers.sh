#!/bin/bash
# compare-peers.sh: ipmi-java against ipmitool and FreeIPMI, all talking to OpenIPMI ipmi_sim
# BMCs this script starts on 127.0.0.1, and a markdown table of the medians on stdout.
#
# What it measures (every BMC answers as admin/password; RMCP+ uses cipher suite 3):
#   1. one command per process, whole-process wall time (start-up included):
#      `power status` and `mc info` with ipmitool -I lanplus -C 3, FreeIPMI ipmi-power / bmc-info
#      (-D LAN_2_0 -W opensesspriv), and `java -jar ipmi-examples/target/ipmi.jar -I lanplus ...`;
#      the Java CLI also with C1 only + SerialGC and with an AppCDS archive dumped here; plus
#      `java -jar ipmi.jar --version` (JVM + CLI start-up alone, no network).
#   2. one session, a batch of BATCH Get Device ID: ipmitool `exec` of a file of `raw 0x06 0x01`
#      (whole process) against dev.ipmi.benchmarks.tools.BatchDeviceId (in-JVM time, JVM start-up
#      excluded; cold = first batch of a fresh JVM, warm = median of later batches; pipelined =
#      all submitted at once), with CPU time.
#   3. fan-out: FANOUT ipmi_sim instances; FreeIPMI `ipmi-power -h host1,host2,... --stat` against
#      dev.ipmi.benchmarks.tools.FanOut (FANOUT RMCP+ sessions opened at once on one UDP engine,
#      power state read, sessions closed), both whole-process and in-JVM; and FanOut's power-state
#      sweep over the same sessions while they stay open (what a long-running poller pays).
# With hyperfine (apt package `hyperfine`, installed here if missing and run as root) the
# whole-process numbers are hyperfine medians (wall) and means (user+sys CPU); without it, a
# bounded bash loop with `date +%s%N` (CPU via bash's `time`).
#
# usage: ipmi-benchmarks/scripts/compare-peers.sh            (from anywhere inside the repository)
# needs: mvn -B package -DskipTests (ipmi-examples/target/ipmi.jar, ipmi-benchmarks/target/benchmarks.jar),
#        openipmi (ipmi_sim, sdrcomp), ipmitool, freeipmi-tools, python3, java 17.
# env:   RUNS=20 WARMUP=3      runs per whole-process measurement (and warm-ups, not counted)
#        BATCH=100              Get Device ID per batch;  ROUNDS=6 batches / fan-outs per JVM
#        FANOUT=20              ipmi_sim instances for the fan-out (0 skips it)
#        BASE_PORT=             first UDP port (default: a free block above 20000)
#        POWER_MODEL=script     script: ipmi_sim forks the fixture's chassis-control.sh on every
#                               power query (~3.5 ms each); process: answered inside ipmi_sim
#                               (power = a child `sleep` exists), better for timing the clients
#        MAX_SECONDS=900        hard limit for the whole run; every loop also has a count limit
#        KEEP_WORK=1            keep the work directory (ipmi_sim logs, hyperfine JSON)
#        NO_HYPERFINE=1         use the bash loop even when hyperfine is installed
# Traffic goes only to 127.0.0.1. Every process started here is stopped by its pid on exit.
# The BMC configuration comes from the project's own fixture, ipmi-core/src/test/resources/ipmi_sim/.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIXTURE=$REPO/ipmi-core/src/test/resources/ipmi_sim
CLI_JAR=$REPO/ipmi-examples/target/ipmi.jar
BENCH_JAR=$REPO/ipmi-benchmarks/target/benchmarks.jar
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
BATCH=${BATCH:-100}
ROUNDS=${ROUNDS:-6}
FANOUT=${FANOUT:-20}
POWER_MODEL=${POWER_MODEL:-script}
MAX_SECONDS=${MAX_SECONDS:-900}
START_S=$(date +%s)
DEADLINE=$((START_S + MAX_SECONDS))

die() { echo "compare-peers: $*" >&2; exit 1; }
log() { echo "compare-peers: $*" >&2; }
time_left() { [ "$(date +%s)" -lt "$DEADLINE" ]; }

for tool in ipmi_sim sdrcomp ipmitool ipmi-power bmc-info java python3 ss setsid timeout; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install openipmi ipmitool freeipmi-tools python3 iproute2 default-jre)"
done
[ -f "$CLI_JAR" ] || die "$CLI_JAR missing: run mvn -B package -DskipTests first"
[ -f "$BENCH_JAR" ] || die "$BENCH_JAR missing: run mvn -B package -DskipTests first"
[ "$RUNS" -ge 1 ] && [ "$RUNS" -le 1000 ] || die "RUNS must be 1..1000"
[ "$FANOUT" -ge 0 ] && [ "$FANOUT" -le 200 ] || die "FANOUT must be 0..200"
[ "$BATCH" -ge 1 ] && [ "$BATCH" -le 10000 ] || die "BATCH must be 1..10000"

if [ "${NO_HYPERFINE:-0}" != 1 ] && ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing hyperfine (apt-get)"
    apt-get install -y -q hyperfine >/dev/null 2>&1 || log "apt-get install hyperfine failed; using the bash loop"
fi
HAVE_HYPERFINE=0
command -v hyperfine >/dev/null && [ "${NO_HYPERFINE:-0}" != 1 ] && HAVE_HYPERFINE=1

WORK=$(mktemp -d /tmp/compare-peers.XXXXXX)
PIDS=()

stop_all() {
    local pid
    for pid in "${PIDS[@]}"; do
        # only our own process: started with setsid (pgid == pid), command line names WORK
        if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$WORK"; then
            kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${PIDS[@]}"; do
        for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$WORK"; then
            kill -9 -- "-$pid" 2>/dev/null || true
        fi
    done
    if [ "${KEEP_WORK:-0}" = 1 ]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_free() {
    ! ss -Hlun "sport = :$1" | grep -q . && ! ss -Hltn "sport = :$1" | grep -q .
}

if [ -z "${BASE_PORT:-}" ]; then
    for _ in $(seq 50); do
        cand=$((20000 + (RANDOM % 400) * 100))
        ok=1
        for ((p = cand; p <= cand + FANOUT; p++)); do port_free "$p" || { ok=0; break; }; done
        [ $ok = 1 ] && { BASE_PORT=$cand; break; }
    done
    [ -n "${BASE_PORT:-}" ] || die "no free block of $((FANOUT + 1)) ports found"
fi

# SDRs compiled once (8-bit ASCII names, as the fixture expects) and copied to every instance
mkdir -p "$WORK/sdr"
(cd "$WORK/sdr" && sdrcomp -8 -o "$WORK/sdr/sdr.20.main" "$FIXTURE/lab.sdrs") >/dev/null

# Starts one ipmi_sim on UDP PORT (emulator console on TCP PORT, no SOL backend) in WORK/sim-PORT,
# waits until it answers an RMCP+ Get Device ID, and records its pid.
start_sim() {
    local port=$1 dir=$WORK/sim-$1
    mkdir -p "$dir/ipmi_sim/labbmc"
    cp "$WORK/sdr/sdr.20.main" "$dir/ipmi_sim/labbmc/"
    install -m 755 "$FIXTURE/chassis-control.sh" "$FIXTURE/lan-control.sh" "$dir/ipmi_sim/"
    sed -e "s|@NAME@|labbmc|g" -e "s|@PORT@|$port|g" -e "s|@CONSOLE_PORT@|$port|g" -e "s|@SOL_PORT@|0|g" \
        -e "s|@LABDIR@|$dir|g" -e "s|@STATEDIR@|$dir|g" -e "s|@KG_LINE@||g" -e '/^ *sol "tcp:/d' \
        "$FIXTURE/lan.conf.in" > "$dir/lan.conf"
    if [ "$POWER_MODEL" = process ]; then
        # power state = whether ipmi_sim's "VM" child runs; ipmi_sim routes power control to
        # startcmd only through a VM serial channel, so one is declared (nothing connects to it)
        sed -i -e '/^ *chassis_control /d' "$dir/lan.conf"
        printf '\nset_working_mc 0x20\n  serial 15 127.0.0.1 %s codec VM\n  startcmd "sleep 86400"\n  startnow false\n  poweroff_wait 0\n  kill_wait 0\n' \
            "$((port + 20000))" >> "$dir/lan.conf"
    fi
    setsid ipmi_sim -n -c "$dir/lan.conf" -f "$FIXTURE/lab.emu" -s "$dir" </dev/null >"$dir/ipmi_sim.log" 2>&1 &
    local pid=$!
    PIDS+=("$pid")
    local i
    for ((i = 0; i < 50; i++)); do
        if timeout 5 ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$port" -U admin -P password -R 1 -N 1 \
                raw 0x06 0x01 >/dev/null 2>&1; then
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -5 "$dir/ipmi_sim.log" >&2; die "ipmi_sim on $port exited"; }
        sleep 0.2
    done
    die "ipmi_sim on 127.0.0.1:$port did not answer within 10 s (log: $dir/ipmi_sim.log)"
}

# measure NAME RUNS CMD...: whole-process median wall and mean CPU (ms) of CMD, stdout discarded.
# Prints "wall_ms cpu_ms".
measure() {
    local name=$1 runs=$2
    shift 2
    time_left || { echo "skipped skipped"; return; }
    if [ $HAVE_HYPERFINE = 1 ]; then
        # -N: no intermediate shell, so the shell's own start-up is not counted
        hyperfine -N --style none --runs "$runs" --warmup "$WARMUP" --export-json "$WORK/$name.json" \
            -- "$(printf '%q ' "$@")" >/dev/null 2>"$WORK/$name.err" || { echo "failed failed"; return; }
        python3 - "$WORK/$name.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f" % (r["median"] * 1000, (r["user"] + r["system"]) * 1000))
PY
    else
        local i t0 t1 walls=() cpus=() cpu
        for ((i = 0; i < WARMUP; i++)); do timeout 60 "$@" >/dev/null 2>&1 || true; done
        for ((i = 0; i < runs && $(date +%s) < DEADLINE; i++)); do
            t0=$(date +%s%N)
            cpu=$( { TIMEFORMAT='%3U %3S'; time timeout 60 "$@" >/dev/null 2>&1; } 2>&1 | awk '{print ($1 + $2) * 1000}')
            t1=$(date +%s%N)
            walls+=("$(( (t1 - t0) / 1000 ))")
            cpus+=("$cpu")
        done
        [ ${#walls[@]} -gt 0 ] || { echo "skipped skipped"; return; }
        python3 - "${walls[*]}" "${cpus[*]}" <<'PY'
import statistics, sys
w = [int(x) / 1000 for x in sys.argv[1].split()]
c = [float(x) for x in sys.argv[2].split()]
print("%.1f %.1f" % (statistics.median(w), statistics.mean(c)))
PY
    fi
}

kv() { grep "^$1=" "$2" | head -1 | cut -d= -f2; }

P=$BASE_PORT
log "ipmi_sim on 127.0.0.1:$P (power model: $POWER_MODEL); hyperfine: $([ $HAVE_HYPERFINE = 1 ] && hyperfine --version || echo no)"
start_sim "$P"

IPMITOOL=(ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$P" -U admin -P password)
FREEIPMI=(-h "127.0.0.1:$P" -u admin -p password -D LAN_2_0 -W opensesspriv)
JAVA_CLI=(java -jar "$CLI_JAR" -I lanplus -C 3 -H 127.0.0.1 -p "$P" -U admin -P password)

# the tools must work before their time means anything
"${IPMITOOL[@]}" power status | grep -q "Chassis Power is" || die "ipmitool power status failed"
ipmi-power "${FREEIPMI[@]}" --stat | grep -q ": o" || die "ipmi-power --stat failed"
"${JAVA_CLI[@]}" power status | grep -q "Chassis Power is" || die "java CLI power status failed"
"${JAVA_CLI[@]}" mc info | grep -q "Manufacturer ID *: 4753" || die "java CLI mc info failed"

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 |"); }

log "per-process: power status / mc info ($RUNS runs each)"
read -r w c < <(measure ipmitool-power "$RUNS" "${IPMITOOL[@]}" power status); row "\`ipmitool -I lanplus -C 3 power status\`" "$w" "$c"
read -r w c < <(measure freeipmi-power "$RUNS" ipmi-power "${FREEIPMI[@]}" --stat); row "\`ipmi-power -D LAN_2_0 -W opensesspriv --stat\`" "$w" "$c"
read -r w c < <(measure java-power "$RUNS" "${JAVA_CLI[@]}" power status); row "\`java -jar ipmi.jar -I lanplus -C 3 power status\`" "$w" "$c"
read -r w c < <(measure java-power-c1 "$RUNS" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
    -jar "$CLI_JAR" -I lanplus -C 3 -H 127.0.0.1 -p "$P" -U admin -P password power status)
row "same, \`java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC\`" "$w" "$c"
# AppCDS: the class archive is dumped by one real power status, then mapped at start-up
java -XX:ArchiveClassesAtExit="$WORK/ipmi-cds.jsa" -jar "$CLI_JAR" -I lanplus -C 3 -H 127.0.0.1 -p "$P" \
    -U admin -P password power status >/dev/null 2>&1 || log "AppCDS dump failed"
if [ -f "$WORK/ipmi-cds.jsa" ]; then
    read -r w c < <(measure java-power-cds "$RUNS" java -XX:SharedArchiveFile="$WORK/ipmi-cds.jsa" \
        -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$CLI_JAR" -I lanplus -C 3 -H 127.0.0.1 -p "$P" \
        -U admin -P password power status)
    row "same, plus AppCDS archive (\`-XX:SharedArchiveFile\`)" "$w" "$c"
fi
read -r w c < <(measure ipmitool-mcinfo "$RUNS" "${IPMITOOL[@]}" mc info); row "\`ipmitool -I lanplus -C 3 mc info\`" "$w" "$c"
read -r w c < <(measure freeipmi-mcinfo "$RUNS" bmc-info "${FREEIPMI[@]}" -l ADMIN --get-device-id); row "\`bmc-info -D LAN_2_0 -W opensesspriv --get-device-id\`" "$w" "$c"
read -r w c < <(measure java-mcinfo "$RUNS" "${JAVA_CLI[@]}" mc info); row "\`java -jar ipmi.jar -I lanplus -C 3 mc info\`" "$w" "$c"
read -r w c < <(measure java-version "$RUNS" java -jar "$CLI_JAR" --version); row "\`java -jar ipmi.jar --version\` (JVM + CLI start-up, no network)" "$w" "$c"

log "one session, $BATCH x Get Device ID"
for ((i = 0; i < BATCH; i++)); do echo "raw 0x06 0x01"; done > "$WORK/batch.txt"
read -r w c < <(measure ipmitool-exec 10 "${IPMITOOL[@]}" exec "$WORK/batch.txt")
row "\`ipmitool -I lanplus -C 3 exec\` $BATCH x \`raw 0x06 0x01\` (whole process)" "$w" "$c"
if time_left; then
    timeout 120 java -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.BatchDeviceId --port "$P" --count "$BATCH" \
        --rounds "$ROUNDS" > "$WORK/batch.out"
    row "ipmi-java BatchDeviceId, $BATCH sequential, first batch in a fresh JVM (in-JVM, incl. login/close)" \
        "$(kv sequential_cold_wall_ms "$WORK/batch.out")" "$(kv sequential_cold_cpu_ms "$WORK/batch.out")"
    row "ipmi-java BatchDeviceId, $BATCH sequential, warm JVM, incl. login/close (median of $((ROUNDS - 1)))" \
        "$(kv sequential_warm_wall_ms "$WORK/batch.out")" "$(kv sequential_warm_cpu_ms "$WORK/batch.out")"
    row "ipmi-java BatchDeviceId, $BATCH pipelined (window 8), warm JVM, incl. login/close" "$(kv pipelined_wall_ms "$WORK/batch.out")" "-"
fi
read -r w c < <(measure java-batch 5 java -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.BatchDeviceId --port "$P" \
    --count "$BATCH" --rounds 1)
row "ipmi-java BatchDeviceId, whole process (JVM start + 1 sequential + 1 pipelined batch)" "$w" "$c"

if [ "$FANOUT" -gt 0 ] && time_left; then
    log "fan-out: starting $FANOUT ipmi_sim on 127.0.0.1:$((P + 1))-$((P + FANOUT))"
    HOSTS=""
    for ((i = 1; i <= FANOUT && $(date +%s) < DEADLINE; i++)); do
        start_sim "$((P + i))"
        HOSTS+="${HOSTS:+,}127.0.0.1:$((P + i))"
    done
    FAN=(-h "$HOSTS" -u admin -p password -D LAN_2_0 -W opensesspriv)
    [ "$(ipmi-power "${FAN[@]}" --stat | grep -c ': o')" = "$FANOUT" ] || die "ipmi-power fan-out did not answer for every host"
    read -r w c < <(measure freeipmi-fanout "$RUNS" ipmi-power "${FAN[@]}" --stat)
    row "\`ipmi-power -h <$FANOUT hosts> --stat\` (whole process, default fan-out 64)" "$w" "$c"
    timeout 120 java -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.FanOut --base "$((P + 1))" --count "$FANOUT" \
        --rounds "$ROUNDS" > "$WORK/fanout.out"
    [ "$(kv hosts "$WORK/fanout.out")" = "$FANOUT" ] || die "FanOut did not report $FANOUT hosts"
    row "ipmi-java FanOut, $FANOUT sessions at once, first round in a fresh JVM (in-JVM)" \
        "$(kv cold_wall_ms "$WORK/fanout.out")" "$(kv cold_cpu_ms "$WORK/fanout.out")"
    row "ipmi-java FanOut, $FANOUT sessions at once, warm JVM (median of $((ROUNDS - 1)))" \
        "$(kv warm_wall_ms "$WORK/fanout.out")" "$(kv warm_cpu_ms "$WORK/fanout.out")"
    row "ipmi-java FanOut, power-state sweep over $FANOUT sessions kept open (no login), warm JVM" \
        "$(kv open_sessions_sweep_ms "$WORK/fanout.out")" "-"
    read -r w c < <(measure java-fanout 5 java -cp "$BENCH_JAR" dev.ipmi.benchmarks.tools.FanOut \
        --base "$((P + 1))" --count "$FANOUT" --rounds 1)
    row "ipmi-java FanOut, whole process (JVM start + 1 round)" "$w" "$c"
fi

time_left || log "MAX_SECONDS=$MAX_SECONDS reached: later rows say skipped"
echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) CPUs ($(uname -r)), $(java -version 2>&1 | head -1),"
echo "$(ipmitool -V), ipmi-power $(ipmi-power --version | head -1 | awk '{print $NF}'), ipmi_sim power model: $POWER_MODEL,"
echo "timing: $([ $HAVE_HYPERFINE = 1 ] && echo "$(hyperfine --version), $RUNS runs after $WARMUP warm-ups (10 for exec, 5 for Java batch/fan-out processes)" || echo "bash loop with date +%s%N")."
echo
echo "| what | wall ms (median) | CPU ms (user+sys; mean for processes) |"
echo "| --- | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
