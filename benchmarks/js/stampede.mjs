// 1,000 concurrent reads of one key, missing and then stale, against isr.js and the seed's naive Map:
// how many fetches one stampede starts, and how long the callers wait. The fetch takes a fixed time,
// as a database query would. Stale is made with ttl 0 (every read after the first is stale), which
// both caches understand without an injected clock.
//
//   node benchmarks/js/stampede.mjs [callers] [rounds] [fetchMillis]
import { setTimeout as sleep } from 'node:timers/promises';
import { contenders, median, machineLine } from './contenders.mjs';

const callers = Number(process.argv[2] ?? 1_000);
const rounds = Number(process.argv[3] ?? 5);
const fetchMillis = Number(process.argv[4] ?? 20);
const KEY = 'page:/posts';

function slowSource() {
  const source = { fetches: 0, inFlight: 0 };
  source.fetch = async () => {
    source.fetches++;
    source.inFlight++;
    await sleep(fetchMillis);
    source.inFlight--;
    return `posts@${source.fetches}`;
  };
  return source;
}

/** Background refreshes count in the round that caused them. */
async function settled(source) {
  while (source.inFlight > 0) await sleep(1);
}

async function stampede(contender, stale) {
  const cache = contender.create();
  const source = slowSource();
  const ttlSeconds = stale ? 0 : 60;
  if (stale) {
    await cache.withRevalidate(KEY, ttlSeconds, source.fetch);
    await settled(source);
    source.fetches = 0;
  }
  const latencies = await Promise.all(Array.from({ length: callers }, async () => {
    const start = process.hrtime.bigint();
    await cache.withRevalidate(KEY, ttlSeconds, source.fetch);
    return Number(process.hrtime.bigint() - start) / 1e6;
  }));
  await settled(source);
  return { fetches: source.fetches, latencies };
}

function percentile(sorted, percent) {
  return sorted[Math.max(Math.ceil((percent / 100) * sorted.length) - 1, 0)];
}

console.log(`stampede: ${callers} concurrent reads, ${rounds} rounds, fetch takes ${fetchMillis} ms; ${machineLine()}`);
console.log('| cache | key | fetches per stampede (median, max) | p50 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|---|');
for (const stale of [false, true]) {
  for (const contender of contenders) {
    const fetches = [];
    const latencies = [];
    for (let round = 0; round < rounds; round++) {
      const result = await stampede(contender, stale);
      fetches.push(result.fetches);
      latencies.push(...result.latencies);
    }
    latencies.sort((a, b) => a - b);
    console.log(`| ${contender.name} | ${stale ? 'stale' : 'missing'} | ${median(fetches)}, ${Math.max(...fetches)} | `
      + `${percentile(latencies, 50).toFixed(3)} | ${percentile(latencies, 99).toFixed(3)} | ${latencies.at(-1).toFixed(3)} |`);
  }
}
