// The seed's in-memory runtime (fixtures/naive-isr.js) against isr.js under the same load.
// Each test asserts the seed's failure and our correct behaviour side by side, so it fails if
// isr.js ever behaves like the seed. The seed reads Date.now(), so it runs on the real clock
// with a ttl of 0 (immediately stale); no test waits for time to pass.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as naive from './fixtures/naive-isr.js';
import { createCache } from '../../main/js/isr.js';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deferred, flushPromises } from './helpers.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/failed-refresh-scenario.js', import.meta.url));

/** Runs the failed-refresh scenario in a child process over a runtime module (relative to fixtures/). */
function runScenario(runtimeModule) {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCENARIO, runtimeModule], (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

const CALLERS = 1000;

/** Runs CALLERS concurrent reads of one missing key whose fetch resolves only after all have started. */
async function concurrentMisses(withRevalidate, key) {
  const fetch = deferred();
  let calls = 0;
  const fetcher = () => { calls++; return fetch.promise; };
  const reads = Array.from({ length: CALLERS }, () => withRevalidate(key, 60, fetcher));
  fetch.resolve('value');
  const values = await Promise.all(reads);
  assert.ok(values.every((value) => value === 'value'));
  return calls;
}

/** Stores 'old' under a ttl of 0, then runs CALLERS concurrent (stale) reads; returns fetcher calls. */
async function concurrentStaleReads(withRevalidate, key) {
  await withRevalidate(key, 0, async () => 'old');
  const refresh = deferred();
  let calls = 0;
  const fetcher = () => { calls++; return refresh.promise; };
  await Promise.all(Array.from({ length: CALLERS }, () => withRevalidate(key, 0, fetcher)));
  refresh.resolve('new');
  await flushPromises();
  return calls;
}

/** Invalidates while a refresh is in flight, reads anew, then lets the old refresh finish. */
async function invalidateDuringRefresh(runtime, key) {
  await runtime.withRevalidate(key, 0, async () => 'v1');
  const refresh = deferred();
  await runtime.withRevalidate(key, 0, () => refresh.promise); // stale: a refresh that finishes late
  runtime.invalidate(key);
  assert.equal(await runtime.withRevalidate(key, 60, async () => 'after-invalidate'), 'after-invalidate');
  refresh.resolve('from-before-invalidate');
  await flushPromises();
  return runtime.withRevalidate(key, 60, async () => 'unused');
}

describe('seed runtime versus isr.js', () => {
  test(`${CALLERS} concurrent misses: the seed fetches ${CALLERS} times, isr.js once`, async () => {
    assert.equal(await concurrentMisses(naive.withRevalidate, 'seed:miss'), CALLERS);
    assert.equal(await concurrentMisses(createCache().withRevalidate, 'ours:miss'), 1);
  });

  test(`${CALLERS} concurrent stale reads: the seed refreshes ${CALLERS} times, isr.js once`, async () => {
    assert.equal(await concurrentStaleReads(naive.withRevalidate, 'seed:stale'), CALLERS);
    assert.equal(await concurrentStaleReads(createCache().withRevalidate, 'ours:stale'), 1);
  });

  test('invalidate during a refresh: the seed brings the old data back, isr.js does not', async () => {
    assert.equal(await invalidateDuringRefresh(naive, 'seed:invalidate'), 'from-before-invalidate');
    const ours = createCache();
    assert.equal(await invalidateDuringRefresh(ours, 'ours:invalidate'), 'after-invalidate');
  });

  test('a failed refresh: the seed dies of an unhandled rejection, isr.js logs it and goes on', async () => {
    const seed = await runScenario('./naive-isr.js');
    assert.notEqual(seed.code, 0);
    assert.match(seed.stderr, /database down/);

    const ours = await runScenario('../../../main/js/isr.js');
    assert.equal(ours.code, 0, ours.stderr);
    assert.equal(ours.stdout, 'served v1\n');
    assert.match(ours.stderr, /background refresh of "k" failed.*database down/);
  });
});
