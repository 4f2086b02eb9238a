// isr.js: invalidation wins over fetches in flight (SPEC §3 R5).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createCache } from '../../main/js/isr.js';
import { countingFetcher, deferred, manualClock } from './helpers.js';

function cacheWithClock() {
  const clock = manualClock();
  return { clock, cache: createCache({ now: clock.now, onError: () => {} }) };
}

/** A cache whose key 'k' holds a stale 'old' and whose refresh is in flight with `refresh`. */
async function refreshInFlight() {
  const { clock, cache } = cacheWithClock();
  await cache.withRevalidate('k', 60, countingFetcher('old'), { tags: ['posts'] });
  clock.advance(60);
  const refresh = deferred();
  assert.equal(await cache.withRevalidate('k', 60, () => refresh.promise, { tags: ['posts'] }), 'old');
  return { clock, cache, refresh };
}

describe('R5 invalidation', () => {
  test('invalidate removes the entry; the next read fetches anew', async () => {
    const { cache } = cacheWithClock();
    await cache.withRevalidate('k', 60, countingFetcher('v1'));
    cache.invalidate('k');
    assert.deepEqual(await cache.readWithStatus('k', 60, countingFetcher('v2')), { value: 'v2', status: 'MISS', ageSeconds: 0 });
    assert.equal(cache.stats().size, 1);
  });

  test('invalidating an unknown key is harmless', () => {
    const { cache } = cacheWithClock();
    cache.invalidate('never-read');
    cache.invalidateTag('never-used');
    assert.equal(cache.stats().size, 0);
  });

  test('a refresh in flight during invalidate does not bring its value back', async () => {
    const { cache, refresh } = await refreshInFlight();
    cache.invalidate('k');
    assert.equal(await cache.withRevalidate('k', 60, countingFetcher('new')), 'new');
    refresh.resolve('from-before-invalidate');
    await cache.idle();
    assert.deepEqual(await cache.readWithStatus('k', 60, countingFetcher('x')), { value: 'new', status: 'FRESH', ageSeconds: 0 });
  });

  test('a miss in flight during invalidate answers its callers but is not stored', async () => {
    const { cache } = cacheWithClock();
    const slow = deferred();
    const waiting = cache.withRevalidate('k', 60, () => slow.promise);
    cache.invalidate('k');
    const fetcher = countingFetcher('after');
    const afterwards = cache.withRevalidate('k', 60, fetcher);
    assert.equal(fetcher.calls, 0, 'not yet: the fetcher runs a microtask later');
    slow.resolve('before');
    assert.equal(await waiting, 'before');
    assert.equal(await afterwards, 'after');
    assert.equal(fetcher.calls, 1, 'the read after invalidate started its own fetch');
    assert.equal(await cache.withRevalidate('k', 60, countingFetcher('x')), 'after');
  });

  test('invalidateAll drops every entry and every fetch in flight', async () => {
    const { cache, refresh } = await refreshInFlight();
    await cache.withRevalidate('other', 60, countingFetcher('o1'));
    cache.invalidateAll();
    refresh.resolve('from-before-invalidate');
    await cache.idle();
    assert.equal(cache.stats().size, 0);
    assert.equal((await cache.readWithStatus('k', 60, countingFetcher('k2'))).status, 'MISS');
    assert.equal((await cache.readWithStatus('other', 60, countingFetcher('o2'))).status, 'MISS');
  });

  test('invalidateTag drops tagged entries and tagged fetches in flight, nothing else', async () => {
    const { cache, refresh } = await refreshInFlight();
    const slowTagged = deferred();
    const taggedMiss = cache.withRevalidate('tagged-miss', 60, () => slowTagged.promise, { tags: ['comments', 'posts'] });
    await cache.withRevalidate('untagged', 60, countingFetcher('u1'));
    await cache.withRevalidate('other-tag', 60, countingFetcher('c1'), { tags: ['comments'] });
    cache.invalidateTag('posts');
    refresh.resolve('from-before-invalidate');
    slowTagged.resolve('m1');
    assert.equal(await taggedMiss, 'm1');
    await cache.idle();
    assert.equal((await cache.readWithStatus('k', 60, countingFetcher('k2'))).value, 'k2');
    assert.equal((await cache.readWithStatus('tagged-miss', 60, countingFetcher('m2'))).value, 'm2');
    assert.equal((await cache.readWithStatus('untagged', 60, countingFetcher('x'))).status, 'FRESH');
    assert.equal((await cache.readWithStatus('other-tag', 60, countingFetcher('x'))).status, 'FRESH');
  });

  test('an entry carries the tags of the call that fetched it', async () => {
    const { clock, cache } = cacheWithClock();
    await cache.withRevalidate('k', 10, countingFetcher('v1'), { tags: ['a'] });
    clock.advance(10);
    await cache.withRevalidate('k', 10, countingFetcher('v2'), { tags: ['b'] });
    await cache.idle();
    cache.invalidateTag('a');
    assert.equal((await cache.readWithStatus('k', 10, countingFetcher('x'))).value, 'v2');
    cache.invalidateTag('b');
    assert.equal((await cache.readWithStatus('k', 10, countingFetcher('v3'))).status, 'MISS');
  });
});
