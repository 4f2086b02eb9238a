// isr-cloudflare.js inside a real Workers runtime: Miniflare starts workerd with the test
// Worker in workerd/isr-test-worker.js, whose caches.default is workerd's own Cache API.
// The shared cases also run there against isr.js: workerd has no Node APIs (no nodejs_compat),
// so this shows that isr.js runs outside Node unchanged.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';

const T0 = 1_000_000_000; // ms; every request carries its own clock reading in x-now
const at = (seconds) => String(T0 + seconds * 1000);
const { cases } = JSON.parse(readFileSync(new URL('../resources/semantics/cases.json', import.meta.url), 'utf8'));

let mf;

before(async () => {
  mf = new Miniflare({
    modules: true,
    scriptPath: fileURLToPath(new URL('./workerd/isr-test-worker.js', import.meta.url)),
    // The worker imports ../../../main/js/isr-cloudflare.js: module names are paths under src/.
    modulesRoot: fileURLToPath(new URL('../..', import.meta.url)),
    modulesRules: [{ type: 'ESModule', include: ['**/*.js'] }],
    compatibilityDate: '2025-01-01',
    cache: true,
  });
  await mf.ready;
});

after(() => mf?.dispose());

async function call(method, path, { seconds = 0, settle = false, body } = {}) {
  const headers = { 'x-now': at(seconds) };
  if (settle) headers['x-settle'] = '1';
  const response = await mf.dispatchFetch(`http://worker${path}`, { method, headers, body });
  const json = await response.json();
  assert.equal(response.status, 200, JSON.stringify(json));
  return json;
}

const read = (query, options) => call('GET', `/read?${new URLSearchParams(query)}`, options);

describe('isr-cloudflare.js in workerd', () => {
  test('MISS → FRESH → STALE with a waitUntil refresh → FRESH with the new value', async () => {
    const key = { key: 'page:/posts', ttl: '60' };
    const miss = await read({ ...key, value: 'v1' });
    assert.deepEqual([miss.status, miss.value, miss.ageSeconds], ['MISS', 'v1', 0]);

    const fresh = await read({ ...key, value: 'unused' }, { seconds: 59 });
    assert.deepEqual([fresh.status, fresh.value, fresh.ageSeconds, fresh.fetches], ['FRESH', 'v1', 59, miss.fetches]);

    const stale = await read({ ...key, value: 'v2' }, { seconds: 61, settle: true });
    assert.deepEqual([stale.status, stale.value, stale.ageSeconds], ['STALE', 'v1', 61]);
    assert.equal(stale.handedToWaitUntil, 1, 'the refresh went to ctx.waitUntil');
    assert.equal(stale.fetches, miss.fetches + 1);

    const refreshed = await read({ ...key, value: 'unused' }, { seconds: 62 });
    assert.deepEqual([refreshed.status, refreshed.value, refreshed.ageSeconds], ['FRESH', 'v2', 1]);
  });

  test('single flight: 200 concurrent misses and then 200 concurrent stale reads fetch once each', async () => {
    const misses = await call('GET', '/burst?key=burst&ttl=10&value=b1&n=200');
    assert.deepEqual([misses.values, misses.statuses], [['b1'], ['MISS']]);
    const stale = await call('GET', '/burst?key=burst&ttl=10&value=b2&n=200', { seconds: 10 });
    assert.deepEqual([stale.values, stale.statuses], [['b1'], ['STALE']]);
    assert.equal(stale.fetches - misses.fetches, 1);
  });

  test('invalidate deletes the entry: the next read fetches anew', async () => {
    await read({ key: 'inv', ttl: '60', value: 'v1' });
    await call('POST', '/invalidate?key=inv');
    const next = await read({ key: 'inv', ttl: '60', value: 'v2' });
    assert.deepEqual([next.status, next.value], ['MISS', 'v2']);
  });

  test('invalidateTag misses only entries stored with that tag; invalidateAll misses all', async () => {
    await read({ key: 'tag:a', ttl: '60', value: 'a1', tags: 'news,sport' });
    await read({ key: 'tag:b', ttl: '60', value: 'b1', tags: 'weather' });
    await call('POST', '/invalidate-tag?tag=sport');
    const a = await read({ key: 'tag:a', ttl: '60', value: 'a2', tags: 'news,sport' });
    const b = await read({ key: 'tag:b', ttl: '60', value: 'unused', tags: 'weather' });
    assert.deepEqual([a.status, a.value, b.status, b.value], ['MISS', 'a2', 'FRESH', 'b1']);

    await call('POST', '/invalidate-all');
    const afterAll = await read({ key: 'tag:b', ttl: '60', value: 'b2', tags: 'weather' });
    assert.deepEqual([afterAll.status, afterAll.value], ['MISS', 'b2']);
  });

  test('a failed refresh keeps serving the stale value, and the Worker answers normally', async () => {
    await read({ key: 'failing', ttl: '10', value: 'v1' });
    const stale = await read({ key: 'failing', ttl: '10', fail: 'database down' }, { seconds: 10, settle: true });
    assert.deepEqual([stale.status, stale.value], ['STALE', 'v1']);
    const still = await read({ key: 'failing', ttl: '10', value: 'unused' }, { seconds: 10 });
    assert.deepEqual([still.status, still.value, still.fetches], ['STALE', 'v1', stale.fetches], 'backing off');
  });

  test('when put stores nothing the caller still gets the value and the next read is a MISS', async () => {
    const first = await call('GET', '/read-dropping?key=dropped&ttl=60&value=d1');
    assert.deepEqual([first.status, first.value], ['MISS', 'd1']);
    const second = await call('GET', '/read-dropping?key=dropped&ttl=60&value=d2');
    assert.deepEqual([second.status, second.value, second.fetches], ['MISS', 'd2', first.fetches + 1]);
  });

  test('bad arguments reach the Worker as a TypeError naming the argument', async () => {
    const response = await mf.dispatchFetch('http://worker/read?key=&ttl=60&value=v', { headers: { 'x-now': at(0) } });
    assert.equal(response.status, 500);
    assert.match((await response.json()).error, /^TypeError: key must be a non-empty string/);
  });
});

for (const [runtime, query] of [['isr-cloudflare.js', ''], ['isr.js', '?runtime=memory']]) {
  describe(`shared semantic cases: ${runtime} in workerd`, () => {
    for (const testCase of cases) {
      test(testCase.name, async () => {
        const result = await call('POST', `/case${query}`, { body: JSON.stringify(testCase) });
        assert.ok(result.ok, result.error);
      });
    }
  });
}
