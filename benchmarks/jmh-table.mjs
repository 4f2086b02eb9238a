// Turns JMH JSON results (-rf json) into the README's tables: per benchmark and thread count, the
// median of the measurement iterations, and the ratios to the floor and to Caffeine from the same run.
//
//   node benchmarks/jmh-table.mjs benchmarks/target/jmh-t1.json [more.json ...]
import { readFileSync } from 'node:fs';

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const rows = process.argv.slice(2).flatMap((file) => JSON.parse(readFileSync(file, 'utf8')));
const groups = new Map();
for (const row of rows) {
  const [, className, method] = row.benchmark.match(/\.(\w+)\.(\w+)$/);
  const params = Object.entries(row.params ?? {}).map(([name, value]) => `${name}=${value}`).join(' ');
  const group = `${className} ${params}`.trim() + ` | ${row.threads}`;
  if (!groups.has(group)) groups.set(group, new Map());
  groups.get(group).set(method, median(row.primaryMetric.rawData.flat()));
}

const ratio = (value, base) => (base ? (value / base).toFixed(2) : '—');
console.log('| benchmark | threads | method | median ns/op | ÷ floor | ÷ Caffeine |');
console.log('|---|---|---|---|---|---|');
for (const [group, methods] of groups) {
  const [name, threads] = group.split(' | ');
  const floor = methods.get('floorMapGetPlusClock');
  const caffeine = methods.get('caffeineRefreshAfterWrite');
  for (const [method, nanos] of methods) {
    console.log(`| ${name} | ${threads} | ${method} | ${nanos.toFixed(1)} | ${ratio(nanos, floor)} | ${ratio(nanos, caffeine)} |`);
  }
}
