// The browser target runs in a real browser as it is: headless Chromium loads the generated posts
// page module and the blog's model over HTTP (browser/index.html) and caches, serves stale and
// refreshes exactly as in Node. The page's clock is moved from here; nothing sleeps.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const BLOG = fileURLToPath(new URL('../', import.meta.url));
const GENERATED = 'target/generated-sources/isr/browser/';
/** The only folders served: the browser target's output, the static page, and the model with its data. */
const SERVED = [GENERATED, 'browser/', 'src/models/', 'data/'];
// a browser runs a module only with a JavaScript type, and a JSON module only with the JSON type
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Chromium (apt-get install -y chromium) to run the browser test`);
  }
  if (!existsSync(BLOG + GENERATED)) {
    throw new Error(`${BLOG + GENERATED} is missing: build the pages with the browser target first (mvn package)`);
  }
  server = createServer(serveStatic);
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`http://127.0.0.1:${server.address().port}/browser/index.html`);
  await page.waitForFunction(() => window.blog !== undefined);
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => { server ? server.close(resolve) : resolve(); });
});

async function serveStatic(request, response) {
  const file = resolve(BLOG, `.${decodeURIComponent(new URL(request.url, 'http://localhost').pathname)}`);
  try {
    if (!SERVED.some((folder) => file.startsWith(resolve(BLOG, folder) + sep))) {
      throw Object.assign(new Error(`${file} is not served`), { code: 'ENOENT' });
    }
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    response.end(body);
  } catch (error) {
    response.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500).end();
  }
}

/** Loads the posts page in the browser: its titles, how the cache served them, and the model's query count. */
function loadPosts() {
  return page.evaluate(async () => {
    const { value, status, ageSeconds } = await window.blog.postsPage.loadWithStatus();
    return { titles: value.posts.map((post) => post.title), status, ageSeconds, queries: window.blog.Post.queryCount() };
  });
}

test('the generated module is the browser target\'s posts page, with its pragma', async () => {
  const shape = await page.evaluate(() => ({
    revalidate: window.blog.postsPage.revalidate,
    tags: window.blog.postsPage.tags,
    key: window.blog.postsPage.cacheKey(),
  }));
  assert.deepEqual(shape, { revalidate: 60, tags: ['posts'], key: 'page:/posts' });
});

test('in the browser: cached within the ttl, then stale once while one refresh runs, then the new value', async () => {
  const published = ['Tags and invalidation', 'Hello, ISR'];
  const first = await loadPosts();
  assert.deepEqual(first, { titles: published, status: 'MISS', ageSeconds: 0, queries: 1 });

  await page.evaluate(() => window.blog.advance(59));
  const loaded = await page.evaluate(() => window.blog.postsPage.load());
  assert.deepEqual(loaded.posts.map((post) => post.title), published);
  assert.deepEqual(await loadPosts(), { titles: published, status: 'FRESH', ageSeconds: 59, queries: 1 });

  await page.evaluate(async () => {
    await window.blog.Post.create({ title: 'Written behind the cache', date: '2025-05-31' });
    window.blog.advance(1);
  });
  const stale = await page.evaluate(async () => (await window.blog.postsPage.load()).posts.map((post) => post.title));
  assert.deepEqual(stale, published, 'past the ttl the old value comes back at once');

  await page.evaluate(() => window.blog.runtime.idle());
  assert.equal(await page.evaluate(() => window.blog.Post.queryCount()), 2, 'one background refresh');
  assert.deepEqual(await loadPosts(),
    { titles: ['Written behind the cache', ...published], status: 'FRESH', ageSeconds: 0, queries: 2 });
  assert.deepEqual(pageErrors, []);
});

test('only the page, the generated modules and what they import are served', async () => {
  const status = await page.evaluate(async () => (await fetch('/server.mjs')).status);
  assert.equal(status, 404);
});
