// Fresh hits of isr.js with the Redis store against isr.js in memory and against the floor of any
// Redis cache, one plain GET round trip over the same client library, in one process, on a real
// redis-server on 127.0.0.1 (started here, stopped at the end): 100 keys loaded once, then rounds
// of awaited reads, one at a time and 64 at once; the contenders rotate who goes first.
// Median over rounds of the microseconds per read. Needs `npm ci` in isr-runtime (the redis client).
//
//   node benchmarks/js/redis-hits.mjs [rounds] [readsPerRound]
import { createCache } from '../../isr-runtime/src/main/js/isr.js';
import { createRedisStore } from '../../isr-runtime/src/main/js/isr-redis.js';
import { RedisServer } from '../../isr-runtime/src/test/js/support/redis-server.js';
import { median, machineLine } from './contenders.mjs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

// the redis client of isr-runtime's node_modules, which isr-redis.js uses too
const { createClient } = await import(pathToFileURL(createRequire(new URL('../../isr-runtime/package.json', import.meta.url)).resolve('redis')).href);

const rounds = Number(process.argv[2] ?? 11);
const readsPerRound = Number(process.argv[3] ?? 5_000);
const KEY_COUNT = 100;
const CONCURRENCY = 64;
const TTL_SECONDS = 3600;
const fetcher = () => ({ title: 'Hello, ISR', body: 'x'.repeat(200) });
const keys = Array.from({ length: KEY_COUNT }, (_, i) => `page:/posts/${i}`);

async function sequential(cache) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < readsPerRound; i++) await cache.withRevalidate(keys[i % KEY_COUNT], TTL_SECONDS, fetcher);
  return Number(process.hrtime.bigint() - start) / 1000 / readsPerRound;
}

async function concurrent(cache) {
  const start = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < readsPerRound) await cache.withRevalidate(keys[next++ % KEY_COUNT], TTL_SECONDS, fetcher);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return Number(process.hrtime.bigint() - start) / 1000 / readsPerRound;
}

const redis = await RedisServer.start();
const store = await createRedisStore({ url: redis.url });
const client = createClient({ url: redis.url });
await client.connect();
await client.set('floor', JSON.stringify({ value: fetcher() }));
try {
  const runs = [
    { name: 'isr.js + Redis store', cache: createCache({ store }) },
    { name: 'floor: one GET', cache: { withRevalidate: async () => JSON.parse(await client.get('floor')).value } },
    { name: 'isr.js in memory', cache: createCache() },
  ];
  console.log(`fresh hits: ${KEY_COUNT} keys, ${rounds} rounds × ${readsPerRound} reads; ${machineLine()}`);
  console.log('| cache | reads | median µs/read | min | max |');
  console.log('|---|---|---|---|---|');
  for (const [mode, readRound] of [['one at a time', sequential], [`${CONCURRENCY} at once`, concurrent]]) {
    for (const run of runs) {
      for (const key of keys) await run.cache.withRevalidate(key, TTL_SECONDS, fetcher);
      await readRound(run.cache);
      run.micros = [];
    }
    for (let round = 0; round < rounds; round++) {
      const first = round % runs.length;
      for (const run of [...runs.slice(first), ...runs.slice(0, first)]) run.micros.push(await readRound(run.cache));
    }
    for (const run of runs) {
      const values = run.micros;
      console.log(`| ${run.name} | ${mode} | ${median(values).toFixed(2)} | ${Math.min(...values).toFixed(2)} | ${Math.max(...values).toFixed(2)} |`);
    }
  }
  if (runs[0].cache.stats().misses !== KEY_COUNT) throw new Error('the Redis cache did not serve fresh hits');
} finally {
  await client.close();
  await store.close();
  await redis.stop();
}
