// isr.js: bounded memory (SPEC §3 R7), observability (R8), configure and the default instance.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as isr from '../../main/js/isr.js';
import { countingFetcher, manualClock } from './helpers.js';

const { createCache } = isr;

describe('R7 bounded memory', () => {
  test('the least recently used entry is evicted first', async () => {
    const cache = createCache({ maxEntries: 2 });
    await cache.withRevalidate('a', 60, countingFetcher('A'));
    await cache.withRevalidate('b', 60, countingFetcher('B'));
    await cache.withRevalidate('a', 60, countingFetcher('x')); // a is now the most recent
    await cache.withRevalidate('c', 60, countingFetcher('C'));
    assert.equal(cache.stats().evictions, 1);
    assert.equal(cache.stats().size, 2);
    assert.equal((await cache.readWithStatus('a', 60, countingFetcher('x'))).status, 'FRESH');
    assert.equal((await cache.readWithStatus('c', 60, countingFetcher('x'))).status, 'FRESH');
    assert.equal((await cache.readWithStatus('b', 60, countingFetcher('B2'))).status, 'MISS');
  });

  test('holds 10,000 entries by default', async () => {
    const cache = createCache();
    for (let i = 0; i <= 10_000; i++) await cache.withRevalidate(`k${i}`, 60, countingFetcher(i));
    assert.deepEqual([cache.stats().size, cache.stats().evictions], [10_000, 1]);
    assert.equal((await cache.readWithStatus('k0', 60, countingFetcher('again'))).status, 'MISS');
  });

  test('lowering maxEntries evicts at once', async () => {
    const cache = createCache();
    for (const key of ['a', 'b', 'c']) await cache.withRevalidate(key, 60, countingFetcher(key));
    cache.configure({ maxEntries: 1 });
    assert.deepEqual([cache.stats().size, cache.stats().evictions], [1, 2]);
    assert.equal((await cache.readWithStatus('c', 60, countingFetcher('x'))).status, 'FRESH');
  });

  test('maxStaleSeconds: a value older than ttl + maxStaleSeconds is not served; the read waits', async () => {
    const clock = manualClock();
    const cache = createCache({ now: clock.now, maxStaleSeconds: 5 });
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(14);
    assert.deepEqual(await cache.readWithStatus('k', 10, countingFetcher('unused')), { value: 'v1', status: 'STALE', ageSeconds: 14 });
    await cache.idle(); // that refresh stored 'unused' at 14 s; start over for the limit itself
    cache.invalidate('k');
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(15);
    assert.deepEqual(await cache.readWithStatus('k', 10, countingFetcher('v2')), { value: 'v2', status: 'MISS', ageSeconds: 0 });
  });

  test('maxStaleSeconds: null removes the limit again', async () => {
    const clock = manualClock();
    const cache = createCache({ now: clock.now, maxStaleSeconds: 0 });
    cache.configure({ maxStaleSeconds: null });
    await cache.withRevalidate('k', 1, countingFetcher('v1'));
    clock.advance(1_000_000);
    assert.equal((await cache.readWithStatus('k', 1, countingFetcher('v2'))).status, 'STALE');
  });
});

describe('R8 observability', () => {
  test('counters follow the reads; the snapshot is immutable', async () => {
    const clock = manualClock();
    const cache = createCache({ now: clock.now, onError: () => {} });
    await cache.withRevalidate('k', 10, countingFetcher('v1')); // miss
    await cache.withRevalidate('k', 10, countingFetcher('x')); // fresh
    clock.advance(10);
    await cache.withRevalidate('k', 10, async () => { throw new Error('down'); }); // stale, failing refresh
    await cache.idle();
    clock.advance(1);
    await cache.withRevalidate('k', 10, countingFetcher('v2')); // stale, refresh
    await cache.idle();
    const counters = cache.stats();
    assert.deepEqual(counters, {
      freshHits: 1, staleHits: 2, misses: 1, refreshes: 2, refreshFailures: 1, evictions: 0, size: 1,
    });
    assert.ok(Object.isFrozen(counters));
  });

  test('readWithStatus reports how each read was served and the age of the value', async () => {
    const clock = manualClock();
    const cache = createCache({ now: clock.now });
    assert.deepEqual(await cache.readWithStatus('k', 30, countingFetcher('v1')), { value: 'v1', status: 'MISS', ageSeconds: 0 });
    clock.advance(29);
    assert.deepEqual(await cache.readWithStatus('k', 30, countingFetcher('x')), { value: 'v1', status: 'FRESH', ageSeconds: 29 });
    clock.advance(2);
    assert.deepEqual(await cache.readWithStatus('k', 30, countingFetcher('v2')), { value: 'v1', status: 'STALE', ageSeconds: 31 });
  });
});

describe('configure and the default instance', () => {
  test('bad options are rejected naming the option', () => {
    const cache = createCache();
    assert.throws(() => cache.configure({ now: 5 }), /^TypeError: now must be a function/);
    assert.throws(() => cache.configure({ onError: 'log' }), /^TypeError: onError must be a function/);
    assert.throws(() => cache.configure({ maxEntries: 0 }), /^RangeError: maxEntries must be a whole number ≥ 1, got 0/);
    assert.throws(() => cache.configure({ maxStaleSeconds: -1 }), /^RangeError: maxStaleSeconds must be ≥ 0/);
    assert.throws(() => createCache(null), /^TypeError: options must be an object/);
    assert.equal(cache.configure({ maxEntries: 3 }), undefined);
  });

  test('the module functions act on one default instance, separate from createCache instances', async () => {
    const clock = manualClock();
    isr.configure({ now: clock.now });
    try {
      const own = createCache();
      await isr.withRevalidate('shared-key', 60, countingFetcher('default'));
      assert.equal(await own.withRevalidate('shared-key', 60, countingFetcher('own')), 'own');
      assert.deepEqual(await isr.readWithStatus('shared-key', 60, countingFetcher('x')), { value: 'default', status: 'FRESH', ageSeconds: 0 });
      isr.invalidateAll();
      assert.equal((await own.readWithStatus('shared-key', 60, countingFetcher('x'))).status, 'FRESH');
      assert.equal((await isr.readWithStatus('shared-key', 60, countingFetcher('again'))).status, 'MISS');
      assert.equal(isr.stats().misses, 2);
      await isr.idle();
    } finally {
      isr.invalidateAll();
      isr.configure({ now: () => Date.now() });
    }
  });

  test('methods of an instance work when destructured', async () => {
    const { withRevalidate, stats } = createCache();
    assert.equal(await withRevalidate('k', 60, countingFetcher('v')), 'v');
    assert.equal(stats().misses, 1);
  });
});
