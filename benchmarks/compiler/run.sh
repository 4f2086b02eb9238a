#!/usr/bin/env bash
# Compiler benchmarks through Maven, as a user runs them (see benchmarks/COMPILER.md):
#   benchmarks/compiler/run.sh [pages=1000] [runs=5]
# Generates a synthetic site (generate-site.mjs) into a temporary project whose minimal pom runs
# isr:generate, then times `mvn -o generate-sources` with /usr/bin/time -v (wall time, peak RSS) in
# four scenarios, each `runs` times: Maven alone (validate, no plugin work), cold (no target/), no-op
# (nothing changed) and one page changed. The plugin's own time and JRuby's boot come from its log line
# "ISR: ... pages found, ...; 1.23 s (JRuby boot 0.90 s) -> ...". Prints every run and the medians.
# With BASELINE_REPO=<local repository holding another build of the plugin, same version> every scenario runs
# alternately on both, and the medians come with the ratio this / baseline.
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
# variants: this checkout's plugin, and with BASELINE_REPO a baseline plugin installed in that local repository
# (same version), each on its own copy of the site; every scenario run alternates between them, so both see the
# same machine load
variants=(this)
[[ -n "${BASELINE_REPO:-}" ]] && variants+=(baseline)
node "$here/generate-site.mjs" "$work/this/src/main/pages" "$pages" 1
sed "s/@ISR_VERSION@/$version/" "$here/site-pom.xml" > "$work/this/pom.xml"
[[ -n "${BASELINE_REPO:-}" ]] && cp -r "$work/this" "$work/baseline"

results="$work/results.tsv"
printf 'variant\tscenario\trun\twall_s\tpeak_rss_mb\tplugin_s\tjruby_boot_s\tsummary\n' > "$results"

# measure <variant> <scenario> <run> <maven goal>: one Maven run, one line in the results
measure() {
  local log="$work/mvn.log" timing="$work/time.txt" site="$work/$1" local_repo=("${repo[@]}")
  [[ "$1" == baseline ]] && local_repo=("-Dmaven.repo.local=$BASELINE_REPO")
  (cd "$site" && /usr/bin/time -v -o "$timing" mvn -B -o "${local_repo[@]}" "$4" > "$log" 2>&1) || {
    cat "$log"; echo "Maven failed in scenario $2 ($1)" >&2; exit 1; }
  local wall rss summary plugin boot
  wall="$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$timing" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timing" | awk '{ printf "%.0f", $1 / 1024 }')"
  summary="$(grep -o 'ISR: .*' "$log" | head -1 || true)"
  plugin="$(sed -n 's/.*; \([0-9.]*\) s (.*/\1/p' <<< "$summary")"
  boot="$(sed -n 's/.*(JRuby boot \([0-9.]*\) s).*/\1/p' <<< "$summary")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$wall" "$rss" "${plugin:--}" "${boot:--}" "${summary:--}" >> "$results"
  tail -1 "$results"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do measure "$v" maven-only "$run" validate; done
done
for run in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do
    rm -rf "$work/$v/target"
    measure "$v" cold "$run" generate-sources
    measure "$v" no-op "$run" generate-sources
  done
done
# one page changed: a new statement each run, so every run really has one changed page
changed="$(cd "$work/this/src/main/pages" && find . -name '*.astro.rb' | sort | sed -n 1p)"
for run in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do
    sed -i "s/^__END__\$/@bench_$run = $run\n__END__/" "$work/$v/src/main/pages/$changed"
    measure "$v" one-page "$run" generate-sources
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "medians over $runs runs ($pages pages; $(nproc) processors; $(date -u +%Y-%m-%dT%H:%MZ)):"
awk -F'\t' 'NR > 1 { key = $1 " " $2; n[key]++; i = n[key]
    wall[key, i] = $4; rss[key, i] = $5; plugin[key, i] = $6; boot[key, i] = $7
    beyond[key, i] = ($7 == "-" || $6 == "-") ? "-" : sprintf("%.2f", $6 - $7) }
  function median(a, key, count,   i, j, t, v) {
    if (count == 0) return "-"
    for (i = 1; i <= count; i++) v[i] = a[key, i]
    for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return v[int((count + 1) / 2)]
  }
  END {
    printf "%-9s %-11s %8s %12s %9s %13s %17s\n", "variant", "scenario", "wall s", "peak RSS MB", "plugin s", "JRuby boot s", "plugin - boot s"
    split("maven-only cold no-op one-page", order, " ")
    split("this baseline", variants, " ")
    for (k = 1; k <= 4; k++) for (b = 1; b <= 2; b++) { key = variants[b] " " order[k]
      if (n[key] == 0) continue
      printf "%-9s %-11s %8s %12s %9s %13s %17s\n", variants[b], order[k], median(wall, key, n[key]), median(rss, key, n[key]),
        median(plugin, key, n[key]), median(boot, key, n[key]), median(beyond, key, n[key]) }
    if (n["baseline cold"] > 0) {
      print ""
      print "plugin time, this / baseline (medians):"
      for (k = 2; k <= 4; k++) printf "  %-9s %.2f\n", order[k], median(plugin, "this " order[k], n["this " order[k]]) / median(plugin, "baseline " order[k], n["baseline " order[k]])
    }
  }' "$results"
