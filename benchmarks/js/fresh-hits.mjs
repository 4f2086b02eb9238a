// Fresh hits, isr.js against the seed's naive Map, in one process: 1,000 keys loaded once (ttl one
// hour), then rounds of awaited reads in a fixed shuffled key order. The contenders take turns
// (who goes first rotates every round) so drift in machine load hits all alike; the figure is the
// median over rounds of the nanoseconds per read.
//
//   node benchmarks/js/fresh-hits.mjs [rounds] [readsPerRound]
//   ISR_BASELINE=/tmp/isr-before/isr.js node benchmarks/js/fresh-hits.mjs   (adds an older isr.js)
import { contenders, median, machineLine } from './contenders.mjs';

const rounds = Number(process.argv[2] ?? 21);
const readsPerRound = Number(process.argv[3] ?? 200_000);
const KEY_COUNT = 1_000;
const TTL_SECONDS = 3600;
const VALUE = '<html>page</html>';
const fetcher = () => VALUE;

/** A fixed permutation of the keys (LCG-driven Fisher–Yates), the same for every contender and run. */
function shuffledKeys() {
  const keys = Array.from({ length: KEY_COUNT }, (_, i) => `page:/posts/${i}`);
  let seed = 20260101;
  for (let i = keys.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  return keys;
}

async function readRound(cache, keys) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < readsPerRound; i++) {
    await cache.withRevalidate(keys[i % KEY_COUNT], TTL_SECONDS, fetcher);
  }
  return Number(process.hrtime.bigint() - start) / readsPerRound;
}

const keys = shuffledKeys();
const runs = [];
for (const contender of contenders) {
  const cache = contender.create();
  for (const key of keys) await cache.withRevalidate(key, TTL_SECONDS, fetcher);
  runs.push({ name: contender.name, cache, nanosPerRead: [] });
}
for (const run of runs) await readRound(run.cache, keys); // warm up every contender before measuring
for (let round = 0; round < rounds; round++) {
  const first = round % runs.length;
  for (const run of [...runs.slice(first), ...runs.slice(0, first)]) run.nanosPerRead.push(await readRound(run.cache, keys));
}

console.log(`fresh hits: ${KEY_COUNT} keys, ${rounds} rounds × ${readsPerRound} awaited reads; ${machineLine()}`);
console.log('| cache | median ns/read | min | max |');
console.log('|---|---|---|---|');
for (const run of runs) {
  const values = run.nanosPerRead;
  console.log(`| ${run.name} | ${median(values).toFixed(1)} | ${Math.min(...values).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`);
}
const [isr, naive, baseline] = runs.map((run) => median(run.nanosPerRead));
console.log(`ratio isr.js / seed Map: ${(isr / naive).toFixed(2)}`);
if (baseline !== undefined) {
  console.log(`ratio baseline / seed Map: ${(baseline / naive).toFixed(2)}; isr.js / baseline: ${(isr / baseline).toFixed(2)}`);
}
if (runs[0].cache.stats().freshHits < rounds * readsPerRound) throw new Error('isr.js did not serve fresh hits');
