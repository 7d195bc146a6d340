#!/bin/bash
# jmh-quick.sh: runs the JMH benchmarks with small iteration counts (a few minutes in all) and
# writes target/jmh-quick.json next to the jar. Extra arguments go to JMH, e.g. a regex to select
# benchmarks:  ipmi-benchmarks/scripts/jmh-quick.sh 'RmcpPlus|Codec'
# The EndToEndBenchmark starts ipmi_sim on 127.0.0.1 (openipmi and ipmitool must be installed);
# exclude it with  -e EndToEnd.
# Needs: mvn -B package -DskipTests (ipmi-benchmarks/target/benchmarks.jar), java 17.
set -euo pipefail
DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$DIR/target/benchmarks.jar
[ -f "$JAR" ] || { echo "$JAR missing: run mvn -B package -DskipTests first" >&2; exit 1; }
# JMH bounds itself: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement per benchmark; timeout as a backstop
exec timeout 1800 java -jar "$JAR" -f 1 -wi 2 -i 3 -w 1s -r 1s -rf json -rff "$DIR/target/jmh-quick.json" "$@"
