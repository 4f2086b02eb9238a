#!/usr/bin/env bash
# Runs every benchmark in one go (about 5 minutes on 2 cores) and prints the machine first.
# Usage, from the repository root: bash benchmarks/run-all.sh 2>&1 | tee benchmarks/target/results.txt
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== machine"
date -u +%FT%TZ
uptime
echo "nproc: $(nproc)"
free -h
grep -m1 'model name' /proc/cpuinfo
echo "clocksource: $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource 2>/dev/null || echo unknown)"
java -version 2>&1 | head -2
echo "node $(node --version)"

mvn -B -q install -DskipTests -pl isr-runtime
mvn -B -q -f benchmarks/pom.xml package
JAR=benchmarks/target/benchmarks.jar
JMH=(-wi 3 -i 5 -f 1 -w 1s -r 1s)

echo "== JMH: clock reads"
java -jar "$JAR" ClockBenchmark "${JMH[@]}" -t 1 -rf json -rff benchmarks/target/jmh-clock.json | grep -E '^(Benchmark|Clock)'
for threads in 1 2; do
  echo "== JMH: caches, $threads thread(s)"
  java -jar "$JAR" 'FreshHitBenchmark|ZipfBenchmark|StaleMixBenchmark' "${JMH[@]}" -t "$threads" \
    -rf json -rff "benchmarks/target/jmh-t$threads.json" | grep -E '^(Benchmark|Fresh|Zipf|Stale)'
done
node benchmarks/jmh-table.mjs benchmarks/target/jmh-clock.json benchmarks/target/jmh-t1.json benchmarks/target/jmh-t2.json
uptime

echo "== Java stampede"
java -cp "$JAR" dev.isr.benchmarks.StampedeBenchmark 1000 5 20
echo "== JavaScript fresh hits"
node benchmarks/js/fresh-hits.mjs 21 200000
echo "== JavaScript stampede"
node benchmarks/js/stampede.mjs 1000 5 20
echo "== JavaScript fresh hits over Redis (needs redis-server and npm ci in isr-runtime)"
node benchmarks/js/redis-hits.mjs 11 5000
uptime
