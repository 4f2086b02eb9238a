// isr.js over the Redis store of isr-redis.js, on a real redis-server started for this file: two
// caches, each with its own store and client, stand for two instances of an app. Clocks are
// injected; the only real waits are Redis's own lease expiry and reconnects, kept short by options.
// Two real processes over one Redis: isr-redis-processes.test.js.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createCache } from '../../main/js/isr.js';
import { createRedisStore } from '../../main/js/isr-redis.js';
import { countingFetcher, deferred, manualClock } from './helpers.js';
import { inMemoryDriver, runCase } from './semantics-runner.js';
import { RedisServer } from './support/redis-server.js';

const { cases } = JSON.parse(readFileSync(new URL('../resources/semantics/cases.json', import.meta.url), 'utf8'));

let redis;
const stores = [];
let namespaces = 0;

before(async () => { redis = await RedisServer.start(); });
after(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis.stop();
});

/** A store over the test server in a namespace of its own unless `namespace` is given. */
async function store(options = {}) {
  const created = await createRedisStore({ url: redis.url, namespace: `t${++namespaces}`, ...options });
  stores.push(created);
  return created;
}

/** `count` caches ("instances") over one namespace, sharing one clock; errors collected per instance. */
async function instances(count = 2, storeOptions = {}, cacheOptions = {}) {
  const clock = manualClock();
  const namespace = `t${++namespaces}`;
  const made = [];
  for (let i = 0; i < count; i++) {
    const errors = [];
    const shared = await store({ namespace, ...storeOptions });
    const cache = createCache({
      now: clock.now,
      onError: (error, { key }) => { errors.push({ message: error.message, key }); },
      store: shared,
      ...cacheOptions,
    });
    made.push({ cache, errors, store: shared });
  }
  return { clock, namespace, instances: made };
}

describe('shared semantic cases: isr.js over Redis', () => {
  for (const testCase of cases) {
    test(testCase.name, async () => {
      const shared = await store();
      await runCase(testCase, inMemoryDriver((options) => createCache({ ...options, store: shared })));
    });
  }
});

describe('one Redis, two instances', () => {
  test('200 concurrent misses across both instances run one fetch; later reads are fresh on both', async () => {
    const { namespace, instances: [a, b] } = await instances();
    const gate = deferred();
    const fetcher = countingFetcher('v1');
    const gated = async () => { await gate.promise; return fetcher(); };
    const reads = [];
    for (let i = 0; i < 100; i++) {
      reads.push(a.cache.readWithStatus('page:/posts', 60, gated));
      reads.push(b.cache.readWithStatus('page:/posts', 60, gated));
    }
    // the fetch ends only once every read of both instances has had its miss from Redis
    await waitForLease(namespace, 'page:/posts');
    await until(() => a.cache.stats().misses === 100 && b.cache.stats().misses === 100);
    gate.resolve();
    const results = await Promise.all(reads);
    assert.equal(fetcher.calls, 1);
    assert.ok(results.every((read) => read.value === 'v1' && read.status === 'MISS'));
    assert.equal((await b.cache.readWithStatus('page:/posts', 60, gated)).status, 'FRESH');
    assert.equal(a.cache.stats().misses + b.cache.stats().misses, 200);
  });

  test('invalidate, invalidateTag and invalidateAll on one instance are seen by the other at once', async () => {
    const { instances: [a, b] } = await instances();
    const fill = async () => {
      await a.cache.withRevalidate('k1', 60, countingFetcher('one'), { tags: ['posts'] });
      await a.cache.withRevalidate('k2', 60, countingFetcher('two'), { tags: ['comments'] });
      assert.equal((await b.cache.readWithStatus('k1', 60, countingFetcher('x'))).status, 'FRESH');
    };
    await fill();
    assert.equal(await a.cache.invalidate('k1'), true);
    assert.deepEqual(await b.cache.readWithStatus('k1', 60, countingFetcher('new'), { tags: ['posts'] }),
      { value: 'new', status: 'MISS', ageSeconds: 0 });

    await fill();
    await a.cache.invalidateTag('posts');
    assert.equal((await b.cache.readWithStatus('k1', 60, countingFetcher('x'))).status, 'MISS');
    assert.equal((await b.cache.readWithStatus('k2', 60, countingFetcher('x'))).status, 'FRESH', 'another tag is untouched');

    await fill();
    await a.cache.invalidateAll();
    assert.equal((await b.cache.readWithStatus('k1', 60, countingFetcher('x'))).status, 'MISS');
    assert.equal((await b.cache.readWithStatus('k2', 60, countingFetcher('x'))).status, 'MISS');
  });

  test('R5: a fetch in flight on one instance does not store after an invalidation on the other', async () => {
    const { namespace, instances: [a, b] } = await instances();
    for (const invalidation of [() => b.cache.invalidate('k'), () => b.cache.invalidateTag('posts'), () => b.cache.invalidateAll()]) {
      const slow = deferred();
      const waiting = a.cache.withRevalidate('k', 60, () => slow.promise, { tags: ['posts'] });
      await waitForLease(namespace, 'k');
      await invalidation();
      slow.resolve('from before the invalidation');
      assert.equal(await waiting, 'from before the invalidation', 'its own callers still get it');
      assert.deepEqual(await b.cache.readWithStatus('k', 60, countingFetcher('after'), { tags: ['posts'] }),
        { value: 'after', status: 'MISS', ageSeconds: 0 });
      await b.cache.invalidate('k');
    }
  });

  test('a stale key is refreshed once across instances, and its age counts from the refresh start', async () => {
    const { clock, namespace, instances: [a, b] } = await instances();
    await a.cache.withRevalidate('k', 60, countingFetcher('old'));
    clock.advance(61);
    const refresh = deferred();
    const fetcher = countingFetcher('new');
    const refreshing = async () => { await refresh.promise; return fetcher(); };
    assert.equal((await a.cache.readWithStatus('k', 60, refreshing)).status, 'STALE');
    await waitForLease(namespace, 'k');
    assert.deepEqual(await b.cache.readWithStatus('k', 60, refreshing), { value: 'old', status: 'STALE', ageSeconds: 61 });
    await b.cache.idle();
    assert.equal(b.cache.stats().refreshes, 0, 'b saw the lease taken and did not refresh');
    clock.advance(2);
    refresh.resolve();
    await a.cache.idle();
    assert.equal(fetcher.calls, 1);
    assert.equal(a.cache.stats().refreshes, 1);
    assert.deepEqual(await b.cache.readWithStatus('k', 60, countingFetcher('x')), { value: 'new', status: 'FRESH', ageSeconds: 2 });
  });

  test('R4: a failed refresh backs off on every instance and is reported where it ran', async () => {
    const { clock, instances: [a, b] } = await instances();
    await a.cache.withRevalidate('k', 60, countingFetcher('old'));
    clock.advance(60);
    const failing = async () => { failing.calls++; throw new Error('database down'); };
    failing.calls = 0;
    assert.equal(await a.cache.withRevalidate('k', 60, failing), 'old');
    await a.cache.idle();
    assert.deepEqual(a.errors, [{ message: 'database down', key: 'k' }]);
    assert.equal(a.cache.stats().refreshFailures, 1);
    assert.equal(await b.cache.withRevalidate('k', 60, failing), 'old');
    await b.cache.idle();
    assert.equal(failing.calls, 1, 'within the 1 s backoff no instance refreshes');
    clock.advance(1);
    assert.equal(await b.cache.withRevalidate('k', 60, failing), 'old');
    await b.cache.idle();
    assert.equal(failing.calls, 2, 'after 1 s the next instance tries again');
    clock.advance(1);
    await a.cache.withRevalidate('k', 60, failing);
    await a.cache.idle();
    assert.equal(failing.calls, 2, 'the second failure backs off 2 s');
    clock.advance(1);
    assert.equal(await a.cache.withRevalidate('k', 60, countingFetcher('new')), 'old');
    await a.cache.idle();
    assert.equal(await b.cache.withRevalidate('k', 60, failing), 'new');
  });

  test('a fetch slower than the lease keeps it (renewed): one fetch for both instances', async () => {
    const { namespace, instances: [a, b] } = await instances(2, { leaseMs: 60 });
    const slow = deferred();
    const fetcher = countingFetcher('slow');
    const reading = a.cache.withRevalidate('k', 60, async () => { await slow.promise; return fetcher(); });
    await waitForLease(namespace, 'k');
    const waiting = b.cache.readWithStatus('k', 60, fetcher);
    setTimeout(slow.resolve, 300); // five lease lifetimes
    assert.equal(await reading, 'slow');
    assert.deepEqual(await waiting, { value: 'slow', status: 'MISS', ageSeconds: 0 });
    assert.equal(fetcher.calls, 1);
    assert.equal((await b.cache.readWithStatus('k', 60, fetcher)).status, 'FRESH', 'and it was stored');
  });

  test('a lease whose holder lost Redis mid-fetch expires, and the waiting instance fetches', async () => {
    const { namespace, instances: [a, b] } = await instances(2, { leaseMs: 200 });
    const hung = deferred();
    a.cache.withRevalidate('k', 60, () => hung.promise);
    await waitForLease(namespace, 'k');
    await a.store.close(); // its renewals stop reaching Redis, as a dead process's do
    const started = Date.now();
    assert.deepEqual(await b.cache.readWithStatus('k', 60, countingFetcher('taken over')), { value: 'taken over', status: 'MISS', ageSeconds: 0 });
    assert.ok(Date.now() - started >= 100, 'b waited for the lease to expire');
    assert.deepEqual(b.errors, []);
    hung.resolve('too late');
    await a.cache.idle();
    assert.equal(await b.cache.withRevalidate('k', 60, countingFetcher('x')), 'taken over', 'what b fetched is stored');
  });

  test('a waiter gives up after waitMs, fetches itself and reports it', async () => {
    const { namespace, instances: [a, b] } = await instances(2, { waitMs: 100 });
    const hung = deferred();
    a.cache.withRevalidate('k', 60, () => hung.promise);
    await waitForLease(namespace, 'k');
    assert.equal(await b.cache.withRevalidate('k', 60, countingFetcher('own')), 'own');
    assert.match(b.errors[0].message, /waited 100 ms for another instance to fetch "k"; fetching here/);
    hung.resolve('done');
    await a.cache.idle();
  });

  test('a value older than ttl + maxStaleSeconds on Redis is not served: the read fetches', async () => {
    const { clock, instances: [a, b] } = await instances(2, {}, { maxStaleSeconds: 10 });
    await a.cache.withRevalidate('k', 60, countingFetcher('old'));
    clock.advance(70);
    assert.deepEqual(await b.cache.readWithStatus('k', 60, countingFetcher('new')), { value: 'new', status: 'MISS', ageSeconds: 0 });
  });
});

describe('Redis unavailable', () => {
  test('reads are served by fetching, the outage is reported once, and Redis is used again once back', async () => {
    const server = await RedisServer.start();
    try {
      const clock = manualClock();
      const errors = [];
      const make = async () => createCache({
        now: clock.now,
        onError: (error, { key }) => { errors.push({ error, key }); },
        store: await store({ url: server.url, namespace: 'down', retryMs: 50, commandTimeoutMs: 200 }),
      });
      const a = await make();
      const b = await make();
      await a.withRevalidate('k', 60, countingFetcher('cached'));
      await server.stop();

      const fetcher = countingFetcher('direct');
      for (let i = 0; i < 5; i++) assert.deepEqual(await b.readWithStatus('k', 60, fetcher), { value: 'direct', status: 'MISS', ageSeconds: 0 });
      assert.equal(fetcher.calls, 5, 'every read fetches while Redis is down');
      assert.equal(errors.length, 1, 'one report per outage, not one per read');
      assert.equal(errors[0].error.name, 'RedisStoreError');
      assert.match(errors[0].error.message, /Redis is unavailable/);
      assert.equal(await a.invalidate('k'), false, 'an invalidation says it did not reach Redis');
      assert.match(errors[1].error.message, /invalidate\("k"\) did not reach Redis/);

      await server.restart();
      await until(async () => (await b.readWithStatus('k', 60, countingFetcher('after'))).status === 'FRESH');
      await until(async () => (await a.readWithStatus('k', 60, countingFetcher('x'))).status === 'FRESH');
      assert.equal(await a.withRevalidate('k', 60, countingFetcher('x')), 'after', 'a reads what b stored');
      assert.equal(errors.length, 2, 'recovery reports nothing');
    } finally {
      await server.stop();
    }
  });
});

describe('Redis hung', () => {
  test('a Redis that answers nothing (SIGSTOP): reads fetch after commandTimeoutMs; resumed: shared again', { timeout: 20_000 }, async () => {
    const server = await RedisServer.start();
    try {
      const errors = [];
      const cache = createCache({
        onError: (error) => { errors.push(error); },
        store: await store({ url: server.url, namespace: 'hung', retryMs: 50, commandTimeoutMs: 100 }),
      });
      await cache.withRevalidate('k', 60, countingFetcher('cached'));
      server.pause();
      const fetcher = countingFetcher('direct');
      assert.deepEqual(await cache.readWithStatus('k', 60, fetcher), { value: 'direct', status: 'MISS', ageSeconds: 0 });
      assert.equal(await cache.withRevalidate('k', 60, fetcher), 'direct', 'the breaker is open: no wait at all');
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, /Redis is unavailable \(no reply from Redis within 100 ms\)/);
      server.resume();
      await until(async () => (await cache.readWithStatus('k', 60, countingFetcher('x'))).value === 'cached');
    } finally {
      await server.stop();
    }
  });
});

describe('Redis never reached', () => {
  test('an app starts without Redis; the default listener logs the outage as one line', async (t) => {
    const log = t.mock.method(console, 'error', () => {});
    const stopped = await RedisServer.start(); // a port that was free: nothing listens there once stopped
    await stopped.stop();
    const cache = createCache({ store: await store({ url: stopped.url, connectTimeoutMs: 50 }) });
    assert.deepEqual(await cache.readWithStatus('k', 60, countingFetcher('direct')), { value: 'direct', status: 'MISS', ageSeconds: 0 });
    assert.equal(log.mock.callCount(), 1);
    assert.match(log.mock.calls[0].arguments[0], /^isr: Redis is unavailable \(.+\); fetching directly, retrying Redis every 1000 ms$/);
  });
});

describe('values, expiry and options', () => {
  test('values travel as JSON: a Date comes back as a string, undefined and null are cached', async () => {
    const { instances: [a, b] } = await instances();
    const when = new Date('2025-06-01T12:00:00Z');
    assert.equal(await a.cache.withRevalidate('date', 60, () => when), when.toISOString());
    assert.equal(await b.cache.withRevalidate('date', 60, () => 'x'), when.toISOString());
    assert.equal(await a.cache.withRevalidate('undefined', 60, () => undefined), undefined);
    assert.equal((await b.cache.readWithStatus('undefined', 60, () => 'x')).status, 'FRESH');
    await assert.rejects(a.cache.withRevalidate('big', 60, () => 1n), { name: 'TypeError', message: /key "big" cannot be stored as JSON/ });
  });

  test('an entry whose value is not our JSON is ignored and reported, never a failed read', async () => {
    const { namespace, instances: [a] } = await instances(1);
    await (await probe()).hSet(`{${namespace}}:e:k`, { v: '<written by someone else>', t: '1', g: '0', tv: '{}' });
    assert.deepEqual(await a.cache.readWithStatus('k', 60, countingFetcher('fetched')), { value: 'fetched', status: 'MISS', ageSeconds: 0 });
    assert.match(a.errors[0].message, /the stored value of "k" is not JSON written by isr-redis.js/);
  });

  test('an entry expires on Redis after ttl + maxStaleSeconds, or ttl + staleKeepSeconds', async () => {
    const namespace = `t${++namespaces}`;
    const client = await probe();
    const bounded = createCache({ maxStaleSeconds: 30, store: await store({ namespace }) });
    await bounded.withRevalidate('a', 60, () => 1);
    assert.ok(within(await client.pTTL(`{${namespace}}:e:a`), 89_000, 90_000));
    const unbounded = createCache({ store: await store({ namespace, staleKeepSeconds: 3600 }) });
    await unbounded.withRevalidate('b', 60, () => 1);
    assert.ok(within(await client.pTTL(`{${namespace}}:e:b`), 3_659_000, 3_660_000));
    assert.deepEqual((await client.keys(`{${namespace}}:*`)).sort(), [`{${namespace}}:e:a`, `{${namespace}}:e:b`], 'no lease is left behind');
  });

  test('bad options fail at the call, naming them', async () => {
    await assert.rejects(createRedisStore({}), { message: 'give exactly one of url and client' });
    await assert.rejects(createRedisStore({ url: redis.url, leaseMs: 0 }), { name: 'RangeError', message: /leaseMs must be a whole number of milliseconds ≥ 1, got 0/ });
    await assert.rejects(createRedisStore({ url: redis.url, namespace: 'a}b' }), { message: /namespace must be a non-empty string without \{ or \}/ });
    await assert.rejects(createRedisStore({ url: redis.url, lease: 5 }), { message: /unknown option "lease"/ });
    assert.throws(() => createCache({ store: {} }), { name: 'TypeError', message: /store must be a shared store/ });
  });

  test('bad read arguments still throw at the call with a store', async () => {
    const cache = createCache({ store: await store() });
    assert.throws(() => cache.withRevalidate('', 60, () => 1), { name: 'TypeError', message: /key must be a non-empty string/ });
    assert.throws(() => cache.readWithStatus('k', -1, () => 1), { name: 'RangeError' });
  });

  test('configure({ store: null }) goes back to memory', async () => {
    const cache = createCache({ store: await store() });
    await cache.withRevalidate('k', 60, () => 'in redis');
    cache.configure({ store: null });
    assert.equal(cache.invalidate('k'), undefined, 'in memory, invalidate returns nothing');
    assert.deepEqual(await cache.readWithStatus('k', 60, () => 'in memory'), { value: 'in memory', status: 'MISS', ageSeconds: 0 });
    assert.equal(cache.stats().size, 1);
  });
});

function within(value, low, high) {
  return value >= low && value <= high;
}

/** Waits until an instance holds the lease of `key`: its fetch has started. */
async function waitForLease(namespace, key) {
  const client = await probe();
  await until(async () => (await client.exists(`{${namespace}}:lease:${key}`)) === 1);
}

let probeClient;
/** A plain client of the test server, to look at (or tamper with) what the stores wrote. */
async function probe() {
  if (!probeClient) {
    probeClient = (await import('redis')).createClient({ url: redis.url });
    await probeClient.connect();
    stores.push({ close: () => probeClient.close() });
  }
  return probeClient;
}

/** Polls `condition` (a real external process changes state) for at most 5 s. */
async function until(condition) {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => { setTimeout(resolve, 5); });
  }
}
