// isr.js: fresh, stale and missing reads (SPEC §3 R1–R3) and argument checks (R6).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createCache } from '../../main/js/isr.js';
import { countingFetcher, deferred, manualClock } from './helpers.js';

function cacheWithClock(options = {}) {
  const clock = manualClock();
  return { clock, cache: createCache({ now: clock.now, onError: () => {}, ...options }) };
}

describe('R1 fresh', () => {
  test('a value younger than the ttl is returned without calling the fetcher', async () => {
    const { clock, cache } = cacheWithClock();
    const fetcher = countingFetcher('v1', 'v2');
    assert.equal(await cache.withRevalidate('k', 60, fetcher), 'v1');
    clock.advance(59.999);
    assert.deepEqual(await cache.readWithStatus('k', 60, fetcher), { value: 'v1', status: 'FRESH', ageSeconds: 59 });
    assert.equal(fetcher.calls, 1);
  });

  test('at exactly the ttl the value is stale', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 60, countingFetcher('v1'));
    clock.advance(60);
    assert.equal((await cache.readWithStatus('k', 60, countingFetcher('v2'))).status, 'STALE');
  });
});

describe('R2 stale', () => {
  test('the stale value is returned at once, before the refresh has finished', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(10);
    const slow = deferred();
    const read = await cache.readWithStatus('k', 10, () => slow.promise);
    assert.deepEqual(read, { value: 'v1', status: 'STALE', ageSeconds: 10 });
    slow.resolve('v2');
    await cache.idle();
    assert.equal(await cache.withRevalidate('k', 10, countingFetcher('v3')), 'v2');
  });

  test('1,000 concurrent stale reads start exactly one refresh', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(11);
    const slow = deferred();
    let calls = 0;
    const fetcher = () => { calls++; return slow.promise; };
    const values = await Promise.all(Array.from({ length: 1000 }, () => cache.withRevalidate('k', 10, fetcher)));
    assert.ok(values.every((value) => value === 'v1'));
    assert.equal(calls, 1);
    slow.resolve('v2');
    await cache.idle();
    assert.equal(calls, 1);
    assert.equal(cache.stats().refreshes, 1);
  });

  test('the age of a refreshed value counts from the start of its fetch', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(10);
    const slow = deferred();
    await cache.withRevalidate('k', 10, () => slow.promise);
    clock.advance(4); // the refresh takes 4 s
    slow.resolve('v2');
    await cache.idle();
    assert.deepEqual(await cache.readWithStatus('k', 10, countingFetcher('x')), { value: 'v2', status: 'FRESH', ageSeconds: 4 });
    clock.advance(6);
    assert.equal((await cache.readWithStatus('k', 10, countingFetcher('x'))).status, 'STALE');
  });

  test('the freshness of an entry follows the ttl of the current call', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 60, countingFetcher('v1'));
    clock.advance(30);
    assert.equal((await cache.readWithStatus('k', 60, countingFetcher('x'))).status, 'FRESH');
    assert.equal((await cache.readWithStatus('k', 20, countingFetcher('x'))).status, 'STALE');
  });
});

describe('R3 missing', () => {
  test('1,000 concurrent misses share one fetch and one value', async () => {
    const { cache } = cacheWithClock();
    const slow = deferred();
    let calls = 0;
    const fetcher = () => { calls++; return slow.promise; };
    const reads = Array.from({ length: 1000 }, () => cache.withRevalidate('k', 60, fetcher));
    slow.resolve({ posts: [1, 2] });
    const values = await Promise.all(reads);
    assert.equal(calls, 1);
    assert.ok(values.every((value) => value === values[0]));
    assert.deepEqual(values[0], { posts: [1, 2] });
  });

  test('a failed miss reaches every waiting caller and caches nothing', async () => {
    const { cache } = cacheWithClock();
    const slow = deferred();
    const reads = Array.from({ length: 100 }, () => cache.withRevalidate('k', 60, () => slow.promise));
    slow.reject(new Error('database down'));
    const outcomes = await Promise.allSettled(reads);
    assert.ok(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason.message === 'database down'));
    const fetcher = countingFetcher('v1');
    assert.deepEqual(await cache.readWithStatus('k', 60, fetcher), { value: 'v1', status: 'MISS', ageSeconds: 0 });
    assert.equal(fetcher.calls, 1);
    assert.equal(cache.stats().size, 1);
  });

  test('a fetcher that throws synchronously rejects the read instead of throwing', async () => {
    const { cache } = cacheWithClock();
    const read = cache.withRevalidate('k', 60, () => { throw new Error('boom'); });
    await assert.rejects(read, /boom/);
  });

  test('a fetcher that reads its own key joins its own flight instead of recursing', async () => {
    const { cache } = cacheWithClock();
    let calls = 0;
    const inner = [];
    const fetcher = () => {
      calls++;
      inner.push(cache.withRevalidate('k', 60, fetcher));
      return 'v1';
    };
    assert.equal(await cache.withRevalidate('k', 60, fetcher), 'v1');
    assert.equal(await inner[0], 'v1');
    assert.equal(calls, 1);
  });

  test('different keys fetch independently', async () => {
    const { cache } = cacheWithClock();
    assert.equal(await cache.withRevalidate('a', 60, countingFetcher('A')), 'A');
    assert.equal(await cache.withRevalidate('b', 60, countingFetcher('B')), 'B');
    assert.equal(await cache.withRevalidate('a', 60, countingFetcher('x')), 'A');
  });
});

describe('R6 arguments', () => {
  const { cache } = cacheWithClock();
  const fetcher = async () => 'v';

  test('bad arguments throw at the call (synchronously), naming the argument', () => {
    const cases = [
      [() => cache.withRevalidate('', 60, fetcher), TypeError, /^key must be a non-empty string/],
      [() => cache.withRevalidate(42, 60, fetcher), TypeError, /^key must be a non-empty string, got number 42/],
      [() => cache.withRevalidate(undefined, 60, fetcher), TypeError, /^key /],
      [() => cache.withRevalidate('k', -1, fetcher), RangeError, /^ttlSeconds must be ≥ 0, got -1/],
      [() => cache.withRevalidate('k', 1.5, fetcher), TypeError, /^ttlSeconds must be a whole number/],
      [() => cache.withRevalidate('k', '60', fetcher), TypeError, /^ttlSeconds .* got "60"/],
      [() => cache.withRevalidate('k', Number.NaN, fetcher), TypeError, /^ttlSeconds /],
      [() => cache.withRevalidate('k', Infinity, fetcher), TypeError, /^ttlSeconds /],
      [() => cache.withRevalidate('k', 60), TypeError, /^fetcher must be a function/],
      [() => cache.withRevalidate('k', 60, 'v'), TypeError, /^fetcher /],
      [() => cache.withRevalidate('k', 60, fetcher, { tags: 'posts' }), TypeError, /^tags must be an array/],
      [() => cache.withRevalidate('k', 60, fetcher, { tags: ['posts', ''] }), TypeError, /^tags must hold non-empty strings/],
      [() => cache.withRevalidate('k', 60, fetcher, 'posts'), TypeError, /^options must be an object/],
      [() => cache.readWithStatus('', 60, fetcher), TypeError, /^key /],
      [() => cache.invalidate(''), TypeError, /^key /],
      [() => cache.invalidateTag(7), TypeError, /^tag /],
    ];
    for (const [call, type, message] of cases) {
      assert.throws(call, (error) => error instanceof type && message.test(error.message), String(call));
    }
    assert.equal(cache.stats().misses, 0);
  });

  test('a fetcher returning null or undefined caches that value', async () => {
    const nothing = countingFetcher(null);
    assert.equal(await cache.withRevalidate('null', 60, nothing), null);
    assert.deepEqual(await cache.readWithStatus('null', 60, nothing), { value: null, status: 'FRESH', ageSeconds: 0 });
    const undef = countingFetcher(undefined);
    await cache.withRevalidate('undefined', 60, undef);
    assert.equal((await cache.readWithStatus('undefined', 60, undef)).status, 'FRESH');
    assert.equal(nothing.calls + undef.calls, 2);
  });

  test('a ttl of 0 makes every read after the first stale', async () => {
    const fetcher = countingFetcher('v1', 'v2');
    await cache.withRevalidate('zero', 0, fetcher);
    assert.equal((await cache.readWithStatus('zero', 0, fetcher)).status, 'STALE');
    await cache.idle();
    assert.deepEqual(await cache.readWithStatus('zero', 0, fetcher), { value: 'v2', status: 'STALE', ageSeconds: 0 });
  });
});
