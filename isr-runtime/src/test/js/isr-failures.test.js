// isr.js: failed background refreshes (SPEC §3 R4).
import { test, describe, mock } from 'node:test';
import assert from 'node:assert/strict';
import { createCache } from '../../main/js/isr.js';
import { countingFetcher, manualClock, unhandledRejectionsDuring } from './helpers.js';

const failing = (message) => async () => { throw new Error(message); };

async function staleCache(options = {}) {
  const clock = manualClock();
  const errors = [];
  const cache = createCache({ now: clock.now, onError: (error, info) => errors.push({ error, info }), ...options });
  await cache.withRevalidate('k', 60, countingFetcher('v1'));
  clock.advance(60);
  return { clock, cache, errors };
}

describe('R4 failed refresh', () => {
  test('keeps serving the stale value and reports the error with its key', async () => {
    const { cache, errors } = await staleCache();
    const rejections = await unhandledRejectionsDuring(async () => {
      assert.equal(await cache.withRevalidate('k', 60, failing('database down')), 'v1');
      await cache.idle();
    });
    assert.deepEqual(rejections, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].error.message, 'database down');
    assert.deepEqual(errors[0].info, { key: 'k' });
    assert.deepEqual(await cache.readWithStatus('k', 60, failing('again')), { value: 'v1', status: 'STALE', ageSeconds: 60 });
    assert.equal(cache.stats().refreshFailures, 1);
  });

  test('by default logs each failure once with console.error, never an unhandled rejection', async (t) => {
    const log = t.mock.method(console, 'error', () => {});
    const clock = manualClock();
    const cache = createCache({ now: clock.now });
    await cache.withRevalidate('k', 60, countingFetcher('v1'));
    clock.advance(60);
    const rejections = await unhandledRejectionsDuring(async () => {
      await cache.withRevalidate('k', 60, failing('database down'));
      await cache.idle();
    });
    assert.deepEqual(rejections, []);
    assert.equal(log.mock.callCount(), 1);
    assert.match(log.mock.calls[0].arguments[0], /refresh of "k" failed/);
    assert.equal(log.mock.calls[0].arguments[1].message, 'database down');
  });

  test('an onError listener that throws is itself logged, not rethrown', async (t) => {
    const log = t.mock.method(console, 'error', () => {});
    const { cache } = await staleCache({ onError: () => { throw new Error('listener bug'); } });
    const rejections = await unhandledRejectionsDuring(async () => {
      await cache.withRevalidate('k', 60, failing('database down'));
      await cache.idle();
    });
    assert.deepEqual(rejections, []);
    assert.equal(log.mock.callCount(), 1);
    assert.equal(log.mock.calls[0].arguments[1].message, 'listener bug');
  });

  test('retries no sooner than a backoff of 1 s doubling per failure', async () => {
    const { clock, cache } = await staleCache();
    const fetcher = mock.fn(failing('down'));
    const readAndSettle = async () => { await cache.withRevalidate('k', 60, fetcher); await cache.idle(); };

    await readAndSettle(); // failure 1 → next try after 1 s
    clock.advance(0.999);
    await readAndSettle();
    assert.equal(fetcher.mock.callCount(), 1);
    clock.advance(0.001);
    await readAndSettle(); // failure 2 → 2 s
    assert.equal(fetcher.mock.callCount(), 2);
    clock.advance(1.999);
    await readAndSettle();
    assert.equal(fetcher.mock.callCount(), 2);
    clock.advance(0.001);
    await readAndSettle(); // failure 3 → 4 s
    assert.equal(fetcher.mock.callCount(), 3);
    clock.advance(4);
    await readAndSettle();
    assert.equal(fetcher.mock.callCount(), 4);
  });

  test('the backoff is capped at the ttl', async () => {
    const clock = manualClock();
    const cache = createCache({ now: clock.now, onError: () => {} });
    await cache.withRevalidate('k', 5, countingFetcher('v1'));
    clock.advance(5);
    const fetcher = mock.fn(failing('down'));
    for (let failure = 1; failure <= 6; failure++) { // 1, 2, 4, then 5, 5, 5 s
      await cache.withRevalidate('k', 5, fetcher);
      await cache.idle();
      clock.advance(Math.min(2 ** (failure - 1), 5));
    }
    assert.equal(fetcher.mock.callCount(), 6);
  });

  test('a successful refresh ends the backoff and replaces the value', async () => {
    const { clock, cache } = await staleCache();
    await cache.withRevalidate('k', 60, failing('down'));
    await cache.idle();
    clock.advance(1);
    await cache.withRevalidate('k', 60, countingFetcher('v2'));
    await cache.idle();
    assert.deepEqual(await cache.readWithStatus('k', 60, failing('unused')), { value: 'v2', status: 'FRESH', ageSeconds: 0 });
  });

  test('a miss that joins a failing refresh gets the error; the listener hears it once', async () => {
    // maxStaleSeconds turns the stale entry into a miss while its refresh is still running.
    const { clock, cache, errors } = await staleCache({ maxStaleSeconds: 10 });
    let fail;
    const read = cache.withRevalidate('k', 60, () => new Promise((resolve, reject) => { fail = reject; }));
    assert.equal(await read, 'v1');
    clock.advance(10);
    const waiting = cache.withRevalidate('k', 60, countingFetcher('unused'));
    fail(new Error('down'));
    await assert.rejects(waiting, /down/);
    await cache.idle();
    assert.equal(errors.length, 1);
  });
});
