// The blog's Cloudflare Worker (worker.mjs) in workerd, the Workers runtime, through Miniflare, over
// the real Workers Cache API and the pages the plugin generated for the `cloudflare` target.
// Miniflare runs test/support/clocked-worker.mjs, which wraps the example's fetch: the clock comes
// from each request's x-test-now header, and each response waits for what its request handed to
// ctx.waitUntil, so a background refresh is finished (and counted) when the response arrives.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';

const BLOG = fileURLToPath(new URL('..', import.meta.url));
const GENERATED = path.join(BLOG, 'target/generated-sources/isr/cloudflare');
const T0 = Date.parse('2025-06-01T12:00:00Z');

let mf;

before(async () => {
  mf = new Miniflare({
    modules: workerModules(),
    modulesRoot: BLOG,
    compatibilityDate: '2025-01-01',
    cache: true,
  });
  await mf.ready;
});

after(() => mf?.dispose());

/**
 * Every module the Worker may import, named by its path under the blog, the entry first: Workers
 * resolve imports among the modules they were given, with no file system to search.
 */
function workerModules() {
  if (!existsSync(path.join(GENERATED, '_isr/routes.js'))) {
    throw new Error(`${GENERATED} is missing: build the pages first with `
      + '`mvn -pl examples/blog -am package -DskipTests` from the repository root');
  }
  const code = [
    path.join(BLOG, 'test/support/clocked-worker.mjs'),
    path.join(BLOG, 'worker.mjs'),
    ...jsFilesUnder(path.join(BLOG, 'src')),
    ...jsFilesUnder(GENERATED),
  ];
  // What a bundler makes of `import rows from './posts.json' with { type: 'json' }`: a module whose
  // default export is the parsed JSON.
  const data = path.join(BLOG, 'data/posts.json');
  return [
    ...code.map((file) => ({ type: 'ESModule', path: file })),
    { type: 'ESModule', path: data, contents: `export default ${readFileSync(data, 'utf8')};` },
  ];
}

function jsFilesUnder(dir) {
  return readdirSync(dir, { recursive: true }).filter((file) => file.endsWith('.js')).sort()
    .map((file) => path.join(dir, file));
}

/** One request at `seconds` after T0; JSON unless `accept` says otherwise. */
async function request(method, pathname, { seconds, body, accept = 'application/json' }) {
  const response = await mf.dispatchFetch(`http://blog.example${pathname}`, {
    method,
    headers: { 'x-test-now': String(T0 + seconds * 1000), accept, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get('x-isr-cache'),
    age: response.headers.get('age'),
    type: response.headers.get('content-type'),
    location: response.headers.get('location'),
    waitUntil: Number(response.headers.get('x-test-wait-until')),
    queries: Number(response.headers.get('x-test-queries')),
    text,
    data: response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : undefined,
  };
}

const get = (pathname, options) => request('GET', pathname, options);

// Tests run in order and share one Worker, its cache and its posts: each uses its own pages and
// moves the clock only forward.

test('a stale page is served at once and refreshed through ctx.waitUntil', async () => {
  const miss = await get('/stats', { seconds: 0 });
  assert.deepEqual([miss.status, miss.cache, miss.age, miss.data], [200, 'MISS', '0', { published: 2, drafts: 1 }]);

  const fresh = await get('/stats', { seconds: 3599 });
  assert.deepEqual([fresh.cache, fresh.age, fresh.data], ['FRESH', '3599', miss.data]);
  assert.equal(fresh.queries, miss.queries, 'a fresh page runs no query');
  assert.equal(fresh.waitUntil, 0);

  // /stats has no tag: a new post does not invalidate it, it only shows after the hour
  const created = await request('POST', '/posts', { seconds: 3599, body: { title: 'Served from the edge', date: '2025-06-01' } });
  assert.equal(created.status, 201, created.text);

  const stale = await get('/stats', { seconds: 3601 });
  assert.deepEqual([stale.cache, stale.age, stale.data], ['STALE', '3601', miss.data]);
  assert.equal(stale.waitUntil, 1, 'the refresh was handed to ctx.waitUntil');
  assert.equal(stale.queries, fresh.queries + 2, 'the refresh ran both counts once');

  const refreshed = await get('/stats', { seconds: 3602 });
  assert.deepEqual([refreshed.cache, refreshed.age, refreshed.data], ['FRESH', '1', { published: 3, drafts: 1 }]);
  assert.equal(refreshed.queries, stale.queries);
});

test('each slug is its own cache entry, and a slug is one decoded path segment', async () => {
  const hello = await get('/posts/hello-isr', { seconds: 10_000 });
  assert.deepEqual([hello.cache, hello.data.post.title], ['MISS', 'Hello, ISR']);
  const tags = await get('/posts/tags-and-invalidation', { seconds: 10_001 });
  assert.deepEqual([tags.cache, tags.data.post.title], ['MISS', 'Tags and invalidation']);
  assert.equal(tags.queries, hello.queries + 1, 'another slug queries the model again');

  const again = await get('/posts/hello-isr', { seconds: 10_002 });
  assert.deepEqual([again.cache, again.age, again.data], ['FRESH', '2', hello.data]);
  assert.equal(again.queries, tags.queries);

  // %2F stays inside the slug: the page looks up the slug "hello-isr/x", which does not exist
  const encoded = await get('/posts/hello-isr%2Fx', { seconds: 10_003 });
  assert.deepEqual([encoded.status, encoded.cache], [404, 'MISS']);
  assert.equal(encoded.queries, again.queries + 1, 'a slug holding "/" is a key of its own');
});

test('POST /posts invalidates the tag: the next list is a MISS that shows the new post', async () => {
  const first = await get('/posts', { seconds: 20_000 });
  assert.equal(first.cache, 'MISS');
  const titles = first.data.posts.map((p) => p.title);
  assert.equal((await get('/posts', { seconds: 20_001 })).cache, 'FRESH');

  const created = await request('POST', '/posts', {
    seconds: 20_002, body: { title: 'Invalidation at the edge', date: '2025-06-02' },
  });
  assert.deepEqual([created.status, created.location], [201, '/posts/invalidation-at-the-edge']);

  const after = await get('/posts', { seconds: 20_003 });
  assert.deepEqual([after.cache, after.age], ['MISS', '0']);
  assert.deepEqual(after.data.posts.map((p) => p.title), ['Invalidation at the edge', ...titles]);
  assert.equal(after.queries, created.queries + 1);
});

test('HTML unless JSON is asked for; unknown routes, bad posts and other methods are refused', async () => {
  const html = await get('/posts', { seconds: 30_000, accept: 'text/html' });
  assert.equal(html.status, 200);
  assert.match(html.type, /^text\/html/);
  assert.match(html.text, /<h1>\/posts<\/h1>/);
  assert.match(html.text, /Invalidation at the edge/);
  assert.ok(html.cache, 'HTML answers carry x-isr-cache too');

  const home = await get('/', { seconds: 30_000 });
  assert.deepEqual([home.status, home.cache, home.age], [200, null, null], 'an uncached page has no cache headers');

  assert.equal((await get('/nowhere', { seconds: 30_000 })).status, 404);
  assert.equal((await request('POST', '/posts', { seconds: 30_000, body: { body: 'no title' } })).status, 400);
  assert.equal((await request('POST', '/posts', { seconds: 30_000, body: null })).status, 400);
  assert.equal((await request('PUT', '/posts', { seconds: 30_000, body: {} })).status, 405);
});
