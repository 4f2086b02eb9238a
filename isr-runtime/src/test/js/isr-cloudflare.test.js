// isr-cloudflare.js under Node, over an in-memory Cache API (memory-cache-api.js): the storage
// layout, puts that store nothing, invalidation across isolates and waitUntil. The same module
// runs in a real workerd in isr-cloudflare-workerd.test.js.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as cloudflare from '../../main/js/isr-cloudflare.js';
import { MemoryCacheApi } from './memory-cache-api.js';
import { countingFetcher, deferred, manualClock } from './helpers.js';
import { recordingContext } from './semantics-runner.js';

const { createCache, entryUrl } = cloudflare;

/** One "isolate": its own cache instance over a (possibly shared) Cache API object. */
function isolate(cacheApi = new MemoryCacheApi(), clock = manualClock(), options = {}) {
  const errors = [];
  const cache = createCache({ cache: cacheApi, now: clock.now, onError: (error) => errors.push(error), ...options });
  return { cache, cacheApi, clock, errors };
}

describe('isr-cloudflare.js storage', () => {
  test('stores JSON under an internal URL with the key percent-encoded, fetch time and tags in headers', async () => {
    const { cache, cacheApi, clock } = isolate();
    await cache.withRevalidate('page:/posts/a%2Fb', 60, countingFetcher({ title: 'A' }), { tags: ['posts', 'a b'] });
    const url = 'https://isr.internal/v0/page%3A%2Fposts%2Fa%252Fb';
    assert.equal(entryUrl(0, 'page:/posts/a%2Fb'), url);
    assert.deepEqual(cacheApi.urls(), [url]);
    const headers = cacheApi.headersOf(url);
    assert.equal(headers.get('x-isr-fetched-at'), String(clock.now()));
    assert.equal(headers.get('x-isr-tags'), 'posts=0, a%20b=0');
    assert.equal(headers.get('cache-control'), 'public, max-age=31536000');
    assert.deepEqual(await (await cacheApi.match(url)).json(), { value: { title: 'A' } });
  });

  test('with maxStaleSeconds the Cache API may drop an entry once it can no longer be served', async () => {
    const { cache, cacheApi } = isolate(undefined, undefined, { maxStaleSeconds: 30 });
    await cache.withRevalidate('k', 60, countingFetcher('v'));
    assert.equal(cacheApi.headersOf(entryUrl(0, 'k')).get('cache-control'), 'public, max-age=90');
  });

  test('callers get values as JSON gives them back, on a miss as on a hit', async () => {
    const { cache } = isolate();
    const date = new Date(0);
    assert.deepEqual(await cache.withRevalidate('k', 60, countingFetcher({ date, nothing: undefined })), { date: date.toJSON() });
    assert.deepEqual(await cache.withRevalidate('k', 60, countingFetcher('x')), { date: date.toJSON() });
    assert.equal(await cache.withRevalidate('u', 60, countingFetcher(undefined)), undefined);
    assert.equal((await cache.readWithStatus('u', 60, countingFetcher('x'))).status, 'FRESH');
  });

  test('a value that JSON cannot hold rejects the read, naming the key', async () => {
    const { cache } = isolate();
    await assert.rejects(cache.withRevalidate('big', 60, countingFetcher(10n)),
      /^TypeError: the value fetched for key "big" cannot be stored as JSON/);
  });

  test('bad arguments throw at the call, ctx included', () => {
    const { cache } = isolate();
    assert.throws(() => cache.withRevalidate('', 60, countingFetcher('v')), /^TypeError: key /);
    assert.throws(() => cache.withRevalidate('k', -5, countingFetcher('v')), /^RangeError: ttlSeconds /);
    assert.throws(() => cache.withRevalidate('k', 60, countingFetcher('v'), { ctx: {} }), /^TypeError: ctx must be the Worker execution context/);
    assert.throws(() => cache.configure({ cache: {} }), /^TypeError: cache must be a Cache API object/);
  });

  test('outside Workers, without a configured cache, a read says what is missing', async () => {
    await assert.rejects(cloudflare.withRevalidate('k', 60, countingFetcher('v')), /caches\.default is not available/);
  });
});

describe('isr-cloudflare.js when put stores nothing', () => {
  test('the caller still gets the fetched value, and the next read is a miss, not an error', async () => {
    const { cache, cacheApi, errors } = isolate();
    cacheApi.dropPuts = true;
    const fetcher = countingFetcher('v1', 'v2');
    assert.deepEqual(await cache.readWithStatus('k', 60, fetcher), { value: 'v1', status: 'MISS', ageSeconds: 0 });
    assert.deepEqual(await cache.readWithStatus('k', 60, fetcher), { value: 'v2', status: 'MISS', ageSeconds: 0 });
    assert.equal(cacheApi.puts, 2);
    assert.deepEqual(errors, []);
  });

  test('a put that fails is reported to onError; the caller still gets the value', async () => {
    const { cache, cacheApi, errors } = isolate();
    cacheApi.put = async () => { throw new Error('storage quota'); };
    assert.equal(await cache.withRevalidate('k', 60, countingFetcher('v1')), 'v1');
    assert.deepEqual(errors.map((error) => error.message), ['storage quota']);
  });
});

describe('isr-cloudflare.js single flight and background work', () => {
  test('1,000 concurrent misses in one isolate share one fetch', async () => {
    const { cache } = isolate();
    const fetch = deferred();
    let calls = 0;
    const reads = Array.from({ length: 1000 }, () => cache.withRevalidate('k', 60, () => { calls++; return fetch.promise; }));
    await new Promise((resolve) => { setImmediate(resolve); });
    fetch.resolve('v1');
    assert.ok((await Promise.all(reads)).every((value) => value === 'v1'));
    assert.equal(calls, 1);
  });

  test('a stale read hands its refresh to ctx.waitUntil; 1,000 stale reads refresh once', async () => {
    const { cache, clock } = isolate();
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(10);
    const context = recordingContext();
    const refresh = deferred();
    let calls = 0;
    const fetcher = () => { calls++; return refresh.promise; };
    const values = await Promise.all(Array.from({ length: 1000 }, () => cache.withRevalidate('k', 10, fetcher, { ctx: context.ctx })));
    assert.ok(values.every((value) => value === 'v1'));
    refresh.resolve('v2');
    await context.settle();
    assert.equal(calls, 1);
    assert.deepEqual(await cache.readWithStatus('k', 10, countingFetcher('x')), { value: 'v2', status: 'FRESH', ageSeconds: 0 });
  });

  test('without ctx the refresh runs un-awaited, its failure reported, never unhandled', async () => {
    const { cache, clock, errors } = isolate();
    await cache.withRevalidate('k', 10, countingFetcher('v1'));
    clock.advance(10);
    assert.equal(await cache.withRevalidate('k', 10, async () => { throw new Error('down'); }), 'v1');
    await cache.idle();
    assert.deepEqual(errors.map((error) => error.message), ['down']);
    assert.equal(cache.stats().refreshFailures, 1);
    assert.equal(await cache.withRevalidate('k', 10, countingFetcher('unused')), 'v1', 'backing off, still stale');
  });
});

describe('isr-cloudflare.js invalidation', () => {
  test('a refresh in flight during invalidate does not bring its value back', async () => {
    const { cache, clock } = isolate();
    await cache.withRevalidate('k', 10, countingFetcher('old'));
    clock.advance(10);
    const refresh = deferred();
    await cache.withRevalidate('k', 10, () => refresh.promise);
    await cache.invalidate('k');
    assert.equal(await cache.withRevalidate('k', 10, countingFetcher('new')), 'new');
    refresh.resolve('from-before-invalidate');
    await cache.idle();
    assert.equal(await cache.withRevalidate('k', 10, countingFetcher('x')), 'new');
  });

  test('an invalidateTag during a fetch leaves its stored result outdated', async () => {
    const { cache } = isolate();
    const slow = deferred();
    const read = cache.withRevalidate('k', 60, () => slow.promise, { tags: ['posts'] });
    await new Promise((resolve) => { setImmediate(resolve); });
    await cache.invalidateTag('posts');
    slow.resolve('from-before-invalidate');
    assert.equal(await read, 'from-before-invalidate');
    assert.deepEqual(await cache.readWithStatus('k', 60, countingFetcher('new'), { tags: ['posts'] }), { value: 'new', status: 'MISS', ageSeconds: 0 });
  });

  test('invalidation in one isolate reaches another isolate of the same data centre', async () => {
    const shared = new MemoryCacheApi();
    const clock = manualClock();
    const writer = isolate(shared, clock).cache;
    const reader = isolate(shared, clock).cache;
    const fill = async () => {
      for (const [key, tags] of [['a', ['posts']], ['b', ['stats']], ['c', []]]) {
        await writer.withRevalidate(key, 60, countingFetcher(`${key}1`), { tags });
      }
    };
    const statuses = async () => {
      const result = [];
      for (const [key, tags] of [['a', ['posts']], ['b', ['stats']], ['c', []]]) {
        result.push((await reader.readWithStatus(key, 60, countingFetcher(`${key}2`), { tags })).status);
      }
      return result.join(' ');
    };
    await fill();
    assert.equal(await statuses(), 'FRESH FRESH FRESH');
    await writer.invalidateTag('posts');
    assert.equal(await statuses(), 'MISS FRESH FRESH');
    await writer.invalidate('c');
    assert.equal(await statuses(), 'FRESH FRESH MISS');
    await writer.invalidateAll();
    assert.equal(await statuses(), 'MISS MISS MISS');
    assert.equal(await writer.withRevalidate('a', 60, countingFetcher('x'), { tags: ['posts'] }), 'a2');
  });

  test('if a version marker cannot be stored, invalidation still holds in its own isolate', async () => {
    const { cache, cacheApi } = isolate();
    await cache.withRevalidate('k', 60, countingFetcher('v1'));
    cacheApi.dropPuts = true;
    await cache.invalidateAll();
    cacheApi.dropPuts = false;
    assert.deepEqual(await cache.readWithStatus('k', 60, countingFetcher('v2')), { value: 'v2', status: 'MISS', ageSeconds: 0 });
    assert.equal(await cache.withRevalidate('k', 60, countingFetcher('x')), 'v2');
  });
});
