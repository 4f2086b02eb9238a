// End to end over HTTP: the pages the plugin generated, served by server.mjs with an injected clock.
// Time only moves when a test advances the clock; background refreshes are awaited with idle().

import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlogServer, idle, invalidateAll } from '../server.mjs';
import Post from '../src/models/post.js';

const clock = {
  ms: Date.parse('2025-06-01T12:00:00Z'),
  now: () => clock.ms,
  advance(seconds) { clock.ms += seconds * 1000; },
};
const postsList = await import('../target/generated-sources/isr/node/posts/index.js');

let server;
let base;

before(async () => {
  server = createBlogServer({ now: clock.now });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => {
  server.closeAllConnections();
  return new Promise((resolve) => { server.close(resolve); });
});

beforeEach(() => {
  invalidateAll();
  Post.reset();
});

async function get(path) {
  const response = await fetch(base + path);
  return {
    status: response.status,
    cache: response.headers.get('x-isr-cache'),
    age: response.headers.get('age'),
    html: await response.text(),
  };
}

async function post(path, body) {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

test('the generated posts list carries the pragma', () => {
  assert.equal(postsList.revalidate, 60);
  assert.deepEqual(postsList.tags, ['posts']);
  assert.equal(postsList.cacheKey(), 'page:/posts');
});

test('first request is a MISS, later ones within the ttl are FRESH and do not query again', async () => {
  const first = await get('/posts');
  assert.equal(first.status, 200);
  assert.equal(first.cache, 'MISS');
  assert.equal(first.age, '0');
  assert.match(first.html, /Hello, ISR/);
  assert.doesNotMatch(first.html, /Routing \(draft\)/);
  assert.equal(Post.queryCount(), 1);

  clock.advance(59);
  const second = await get('/posts');
  assert.equal(second.cache, 'FRESH');
  assert.equal(second.html, first.html);
  assert.equal(Post.queryCount(), 1);
});

test('after the ttl the old page is served STALE once, refreshed in the background, then FRESH', async () => {
  await get('/posts');
  await Post.create({ title: 'Written behind the cache', date: '2025-05-31' });

  clock.advance(60);
  const stale = await get('/posts');
  assert.equal(stale.cache, 'STALE');
  assert.doesNotMatch(stale.html, /Written behind the cache/);

  await idle();
  assert.equal(Post.queryCount(), 2);
  const refreshed = await get('/posts');
  assert.equal(refreshed.cache, 'FRESH');
  assert.match(refreshed.html, /Written behind the cache/);
  assert.equal(Post.queryCount(), 2);
});

test('distinct slugs are distinct cache entries', async () => {
  const hello = await get('/posts/hello-isr');
  const tags = await get('/posts/tags-and-invalidation');
  assert.equal(hello.cache, 'MISS');
  assert.equal(tags.cache, 'MISS');
  assert.match(hello.html, /<h1>Hello, ISR<\/h1>/);
  assert.match(tags.html, /<h1>Tags and invalidation<\/h1>/);
  assert.equal(Post.queryCount(), 2);

  const again = await get('/posts/hello-isr');
  assert.equal(again.cache, 'FRESH');
  assert.equal(again.html, hello.html);
  assert.equal(Post.queryCount(), 2);
});

test('POST /posts saves the post and invalidates the pages tagged posts', async () => {
  await get('/posts');
  assert.equal((await get('/posts')).cache, 'FRESH');

  const created = await post('/posts', { title: 'Fresh news', body: 'Just in.' });
  assert.equal(created.status, 201);
  assert.equal(created.location, '/posts/fresh-news');
  assert.equal(JSON.parse(created.text).date, '2025-06-01');

  const list = await get('/posts');
  assert.equal(list.cache, 'MISS');
  assert.match(list.html, /Fresh news/);
  assert.equal(Post.queryCount(), 2);
  assert.match((await get('/posts/fresh-news')).html, /Just in\./);
});

test('POST /posts without a title is rejected and invalidates nothing', async () => {
  await get('/posts');
  const rejected = await post('/posts', { body: 'no title' });
  assert.equal(rejected.status, 400);
  assert.match(rejected.text, /title is required/);
  assert.equal((await get('/posts')).cache, 'FRESH');
});

test('a page without a pragma is not cached and reports no cache status', async () => {
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.equal(home.cache, null);
  assert.equal(home.age, null);
  assert.match(home.html, /The ISR pragma blog/);
});

test('stats count published posts and drafts', async () => {
  const stats = await get('/stats');
  assert.equal(stats.cache, 'MISS');
  assert.match(stats.html, /2 posts published, 1 in draft\./);
});

test('an unknown post is a 404, an unknown path too', async () => {
  assert.equal((await get('/posts/no-such-post')).status, 404);
  assert.equal((await get('/no/such/page')).status, 404);
});

test('the age header counts from the fetch that produced the value', async () => {
  await get('/posts');
  clock.advance(42);
  const fresh = await get('/posts');
  assert.equal(fresh.cache, 'FRESH');
  assert.equal(fresh.age, '42');

  clock.advance(18);
  const stale = await get('/posts');
  assert.equal(stale.cache, 'STALE');
  assert.equal(stale.age, '60');
  await idle();
  clock.advance(5);
  assert.equal((await get('/posts')).age, '5', 'the refresh started 5 s ago');
});
