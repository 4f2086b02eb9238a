#!/usr/bin/env bash
# Compiler benchmarks through Maven, as a user runs them (see benchmarks/COMPILER.md):
#   benchmarks/compiler/run.sh [pages=1000] [runs=5]
# Generates a synthetic site (generate-site.mjs) into a temporary project whose minimal pom runs
# isr:generate, then times `mvn -o generate-sources` with /usr/bin/time -v (wall time, peak RSS) in
# four scenarios, each `runs` times: Maven alone (validate, no plugin work), cold (no target/), no-op
# (nothing changed) and one page changed. The plugin's own time and JRuby's boot come from its log line
# "ISR: ... pages found, ...; 1.23 s (JRuby boot 0.90 s) -> ...". Prints every run and the medians.
# Set SKIP_INSTALL=1 to benchmark the plugin already in the local repository instead of installing this
# checkout, and MAVEN_REPO=<folder> to use another local repository than ~/.m2/repository (e.g. a copy,
# so that installing this checkout does not replace the plugin other builds on the machine use).
set -euo pipefail

pages="${1:-1000}"
runs="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo=()
[[ -n "${MAVEN_REPO:-}" ]] && repo=("-Dmaven.repo.local=$MAVEN_REPO")
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)"

if [[ "${SKIP_INSTALL:-0}" != 1 ]]; then
  echo "installing isr-runtime, isr-pragma-compiler, isr-maven-plugin $version into ${MAVEN_REPO:-~/.m2/repository} ..."
  (cd "$root" && mvn -B -o -q "${repo[@]}" install -DskipTests -pl isr-runtime,isr-pragma-compiler,isr-maven-plugin -am)
fi

work="$(mktemp -d -t isr-compiler-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
site="$work/site"
node "$here/generate-site.mjs" "$site/src/main/pages" "$pages" 1
sed "s/@ISR_VERSION@/$version/" "$here/site-pom.xml" > "$site/pom.xml"

results="$work/results.tsv"
printf 'scenario\trun\twall_s\tpeak_rss_mb\tplugin_s\tjruby_boot_s\tsummary\n' > "$results"

# measure <scenario> <run> <maven goal>: one Maven run, one line in the results
measure() {
  local log="$work/mvn.log" timing="$work/time.txt"
  (cd "$site" && /usr/bin/time -v -o "$timing" mvn -B -o "${repo[@]}" "$3" > "$log" 2>&1) || {
    cat "$log"; echo "Maven failed in scenario $1" >&2; exit 1; }
  local wall rss summary plugin boot
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$timing" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing" | awk '{ printf "%.0f", $1 / 1024 }')"
  summary="$(grep -o 'ISR: .*' "$log" | head -1 || true)"
  plugin="$(sed -n 's/.*; \([0-9.]*\) s (.*/\1/p' <<< "$summary")"
  boot="$(sed -n 's/.*(JRuby boot \([0-9.]*\) s).*/\1/p' <<< "$summary")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$rss" "${plugin:--}" "${boot:--}" "${summary:--}" >> "$results"
  tail -1 "$results"
}

for run in $(seq 1 "$runs"); do
  measure maven-only "$run" validate
done
for run in $(seq 1 "$runs"); do
  rm -rf "$site/target"
  measure cold "$run" generate-sources
  measure no-op "$run" generate-sources
done
# one page changed: a new statement each run, so every run really has one changed page
changed="$(cd "$site/src/main/pages" && find . -name '*.astro.rb' | sort | sed -n 1p)"
for run in $(seq 1 "$runs"); do
  sed -i "s/^__END__\$/@bench_$run = $run\n__END__/" "$site/src/main/pages/$changed"
  measure one-page "$run" generate-sources
done

echo
echo "medians over $runs runs ($pages pages; $(nproc) processors; $(date -u +%Y-%m-%dT%H:%MZ)):"
awk -F'\t' 'NR > 1 { key = $1; n[key]++; wall[key, n[key]] = $3; rss[key, n[key]] = $4; plugin[key, n[key]] = $5; boot[key, n[key]] = $6 }
  function median(a, key, count,   i, j, t, v) {
    for (i = 1; i <= count; i++) v[i] = a[key, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((count + 1) / 2)]
  }
  END {
    printf "%-11s %8s %12s %9s %11s\n", "scenario", "wall s", "peak RSS MB", "plugin s", "JRuby boot s"
    split("maven-only cold no-op one-page", order, " ")
    for (k = 1; k <= 4; k++) { key = order[k]
      printf "%-11s %8s %12s %9s %11s\n", key, median(wall, key, n[key]), median(rss, key, n[key]),
        median(plugin, key, n[key]), median(boot, key, n[key]) }
  }' "$results"
