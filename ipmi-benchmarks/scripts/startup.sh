#!/bin/bash
# startup.sh: start-up of the ipmi CLI against ipmitool, side by side in one run, with ratios.
#   1. `ipmi --version` against `ipmitool -V` (no network)
#   2. `ipmi -I lanplus -C 3 ... power status` against the same ipmitool command, both talking to
#      one OpenIPMI ipmi_sim this script starts on 127.0.0.1 (the project's fixture,
#      ipmi-core/src/test/resources/ipmi_sim/)
# The Java rows: `java -jar ipmi.jar` on JDK 17 with default flags; the launcher
# (ipmi-examples/bin/ipmi: C1 only, SerialGC) on JDK 17; the launcher with a JDK 17 AppCDS archive;
# and, when JDK25_HOME (default /usr/lib/jvm/temurin-25-jdk-amd64) exists, the launcher on JDK 25
# with and without its AOT cache. Archives are made here by ipmi-examples/bin/ipmi-archive in a
# work directory (the jar is copied there), never next to the build output. A class with an empty
# `main`, run with the launcher's flags, is the floor of any JVM start (the --version rows cannot
# go below it).
#
# usage: ipmi-benchmarks/scripts/startup.sh      (after mvn -B package -DskipTests)
# env:   RUNS=20 WARMUP=3   runs per row (median wall time) and warm-ups
#        POWER_MODEL=process|script  (default process: ipmi_sim answers power status itself)
#        JDK17_HOME=/usr/lib/jvm/java-17-openjdk-amd64   JDK25_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
#        MAX_SECONDS=600    hard limit; every loop is also bounded by RUNS
# Output: a markdown table on stdout (wall median ms, CPU mean ms, both as ratios to the ipmitool
# row above them). On a shared machine the CPU ratio is the steadier one: wall time grows with the
# load, and more for a process of several threads (the JVM) than for a single-threaded one.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FIXTURE=$REPO/ipmi-core/src/test/resources/ipmi_sim
CLI_JAR=$REPO/ipmi-examples/target/ipmi.jar
RUNS=${RUNS:-20}
WARMUP=${WARMUP:-3}
POWER_MODEL=${POWER_MODEL:-process}
JDK17_HOME=${JDK17_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25_HOME=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
MAX_SECONDS=${MAX_SECONDS:-600}
DEADLINE=$(($(date +%s) + MAX_SECONDS))

die() { echo "startup: $*" >&2; exit 1; }
log() { echo "startup: $*" >&2; }

for tool in ipmi_sim sdrcomp ipmitool python3 ss setsid timeout; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
[ -x "$JDK17_HOME/bin/java" ] || die "no JDK 17 at $JDK17_HOME"
[ -f "$CLI_JAR" ] || die "$CLI_JAR missing: run mvn -B package -DskipTests first"
[ "$RUNS" -ge 1 ] && [ "$RUNS" -le 500 ] || die "RUNS must be 1..500"

WORK=$(mktemp -d /tmp/ipmi-startup.XXXXXX)
SIM_PID=
cleanup() {
    if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null \
            && tr '\0' ' ' < "/proc/$SIM_PID/cmdline" 2>/dev/null | grep -qF -- "$WORK"; then
        kill -- "-$SIM_PID" 2>/dev/null || kill "$SIM_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! ss -Hlun "sport = :$1" | grep -q . && ! ss -Hltn "sport = :$1" | grep -q .; }
PORT=
for _ in $(seq 50); do
    cand=$((20000 + (RANDOM % 4000) * 10))
    port_free "$cand" && port_free "$((cand + 20000))" && { PORT=$cand; break; }
done
[ -n "$PORT" ] || die "no free port"

dir=$WORK/sim
mkdir -p "$dir/ipmi_sim/labbmc"
(cd "$WORK" && sdrcomp -8 -o "$dir/ipmi_sim/labbmc/sdr.20.main" "$FIXTURE/lab.sdrs") >/dev/null
install -m 755 "$FIXTURE/chassis-control.sh" "$FIXTURE/lan-control.sh" "$dir/ipmi_sim/"
sed -e "s|@NAME@|labbmc|g" -e "s|@PORT@|$PORT|g" -e "s|@CONSOLE_PORT@|$PORT|g" -e "s|@SOL_PORT@|0|g" \
    -e "s|@LABDIR@|$dir|g" -e "s|@STATEDIR@|$dir|g" -e "s|@KG_LINE@||g" -e '/^ *sol "tcp:/d' \
    "$FIXTURE/lan.conf.in" > "$dir/lan.conf"
if [ "$POWER_MODEL" = process ]; then
    sed -i -e '/^ *chassis_control /d' "$dir/lan.conf"
    printf '\nset_working_mc 0x20\n  serial 15 127.0.0.1 %s codec VM\n  startcmd "sleep 86400"\n  startnow false\n  poweroff_wait 0\n  kill_wait 0\n' \
        "$((PORT + 20000))" >> "$dir/lan.conf"
fi
setsid ipmi_sim -n -c "$dir/lan.conf" -f "$FIXTURE/lab.emu" -s "$dir" </dev/null >"$dir/ipmi_sim.log" 2>&1 &
SIM_PID=$!
for ((i = 0; i < 50; i++)); do
    timeout 5 ipmitool -I lanplus -C 3 -H 127.0.0.1 -p "$PORT" -U admin -P password -R 1 -N 1 raw 0x06 0x01 \
        >/dev/null 2>&1 && break
    kill -0 "$SIM_PID" 2>/dev/null || die "ipmi_sim exited: $(tail -3 "$dir/ipmi_sim.log")"
    sleep 0.2
done

# the archives are made from a copy of the jar, so the build output stays as it was
cp "$CLI_JAR" "$WORK/ipmi.jar"
LAUNCHER=$REPO/ipmi-examples/bin/ipmi
ARCHIVER=$REPO/ipmi-examples/bin/ipmi-archive
CONN=(-I lanplus -C 3 -H 127.0.0.1 -p "$PORT" -U admin -P password)

# measure CMD...: "wall_median_ms cpu_mean_ms" over RUNS runs after WARMUP, stdout/stderr discarded
measure() {
    local i t0 t1 walls=() cpus=() cpu
    for ((i = 0; i < WARMUP; i++)); do timeout 60 "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < RUNS && $(date +%s) < DEADLINE; i++)); do
        t0=$(date +%s%N)
        cpu=$( { TIMEFORMAT='%3U %3S'; time timeout 60 "$@" >/dev/null 2>&1 || true; } 2>&1 | awk '{print ($1 + $2) * 1000}')
        t1=$(date +%s%N)
        walls+=("$(( (t1 - t0) / 1000 ))")
        cpus+=("$cpu")
    done
    [ ${#walls[@]} -gt 0 ] || { echo "- -"; return; }
    python3 - "${walls[*]}" "${cpus[*]}" <<'PY'
import statistics, sys
w = [int(x) / 1000 for x in sys.argv[1].split()]
c = [float(x) for x in sys.argv[2].split()]
print("%.1f %.1f" % (statistics.median(w), statistics.mean(c)))
PY
}

ROWS=()
BASE=
BASE_CPU=
# row LABEL CMD...: measures, and the ratios to the last ipmitool row (BASE, BASE_CPU)
row() {
    local label=$1; shift
    log "$label"
    # a number for a command that fails would be meaningless
    "$@" >/dev/null 2>"$WORK/last.err" || die "failed: $label: $(head -3 "$WORK/last.err")"
    read -r wall cpu < <(measure "$@")
    local ratio=- cratio=-
    if [ -n "$BASE" ] && [ "$wall" != - ]; then
        ratio=$(python3 -c "print('%.1f' % ($wall / $BASE))")
        cratio=$(python3 -c "print('%.1f' % ($cpu / max($BASE_CPU, 0.1)))")
    fi
    ROWS+=("| $label | $wall | $cpu | $ratio | $cratio |")
}
base() {
    local label=$1; shift
    log "$label"
    "$@" >/dev/null 2>&1 || die "failed: $label"
    read -r BASE BASE_CPU < <(measure "$@")
    ROWS+=("| $label | $BASE | $BASE_CPU | 1.0 | 1.0 |")
}

"$JDK17_HOME/bin/java" -jar "$WORK/ipmi.jar" "${CONN[@]}" power status | grep -q "Chassis Power is" \
    || die "java CLI power status failed"

log "making the JDK 17 AppCDS archive (one power status run)"
JAVA=$JDK17_HOME/bin/java IPMI_JAR=$WORK/ipmi.jar "$ARCHIVER" "${CONN[@]}" power status >/dev/null
HAVE25=0
if [ -x "$JDK25_HOME/bin/java" ]; then
    HAVE25=1
    log "making the JDK 25 AOT cache (one power status run)"
    JAVA=$JDK25_HOME/bin/java IPMI_JAR=$WORK/ipmi.jar "$ARCHIVER" "${CONN[@]}" power status >/dev/null 2>&1 || HAVE25=0
fi

# the floor: a JVM that starts, runs an empty main and exits, with the launcher's flags
mkdir -p "$WORK/empty"
printf 'public final class Empty {\n    public static void main(String[] args) {\n    }\n}\n' > "$WORK/empty/Empty.java"
"$JDK17_HOME/bin/javac" --release 17 -d "$WORK/empty" "$WORK/empty/Empty.java" || die "javac failed"
FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

base "\`ipmitool -V\`" ipmitool -V
row "empty \`main\` (JDK 17, launcher flags)" "$JDK17_HOME/bin/java" "${FLAGS[@]}" -cp "$WORK/empty" Empty
if [ $HAVE25 = 1 ]; then
    row "empty \`main\` (JDK 25, launcher flags)" "$JDK25_HOME/bin/java" "${FLAGS[@]}" -cp "$WORK/empty" Empty
fi
row "\`java -jar ipmi.jar --version\` (JDK 17, default flags)" "$JDK17_HOME/bin/java" -jar "$WORK/ipmi.jar" --version
row "\`ipmi --version\` launcher, JDK 17, no archive" env JAVA="$JDK17_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" IPMI_NO_ARCHIVE=1 "$LAUNCHER" --version
row "\`ipmi --version\` launcher, JDK 17 + AppCDS archive" env JAVA="$JDK17_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" "$LAUNCHER" --version
if [ $HAVE25 = 1 ]; then
    row "\`ipmi --version\` launcher, JDK 25 + AOT cache" env JAVA="$JDK25_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" "$LAUNCHER" --version
fi
base "\`ipmitool -I lanplus -C 3 … power status\`" ipmitool "${CONN[@]}" power status
row "\`java -jar ipmi.jar … power status\` (JDK 17, default flags)" "$JDK17_HOME/bin/java" -jar "$WORK/ipmi.jar" "${CONN[@]}" power status
row "\`ipmi … power status\` launcher, JDK 17, no archive" env JAVA="$JDK17_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" IPMI_NO_ARCHIVE=1 "$LAUNCHER" "${CONN[@]}" power status
row "\`ipmi … power status\` launcher, JDK 17 + AppCDS archive" env JAVA="$JDK17_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" "$LAUNCHER" "${CONN[@]}" power status
if [ $HAVE25 = 1 ]; then
    row "\`ipmi … power status\` launcher, JDK 25, no archive" env JAVA="$JDK25_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" IPMI_NO_ARCHIVE=1 "$LAUNCHER" "${CONN[@]}" power status
    row "\`ipmi … power status\` launcher, JDK 25 + AOT cache" env JAVA="$JDK25_HOME/bin/java" IPMI_JAR="$WORK/ipmi.jar" "$LAUNCHER" "${CONN[@]}" power status
fi

echo "Start-up, $(date -u +%Y-%m-%d), $RUNS runs after $WARMUP warm-ups, ipmi_sim power model $POWER_MODEL, load average $LOAD_BEFORE before and $(cut -d' ' -f1-3 /proc/loadavg) after"
echo
echo "| what | wall ms (median) | CPU ms (mean) | wall × ipmitool | CPU × ipmitool |"
echo "| --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
