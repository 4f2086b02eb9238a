// The node target's .astro pages are valid Astro components: a real `astro build` (server output,
// @astrojs/node) over them, then the built server answers their routes, and a cached page does
// not query the model again within its ttl. The Astro app is astro/ (its own package.json and lock).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const APP = fileURLToPath(new URL('../astro/', import.meta.url));
const MANIFEST = fileURLToPath(new URL('../target/generated-sources/isr/isr-manifest.json', import.meta.url));
const quiet = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

let server;
let base;

before(async () => {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: build the pages first (mvn package)`);
  }
  if (!existsSync(`${APP}node_modules/.bin/astro`)) {
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: APP, env: quiet });
  }
  await run(`${APP}node_modules/.bin/astro`, ['build'], { cwd: APP, env: quiet });
  server = spawn(process.execPath, ['dist/server/entry.mjs'], {
    cwd: APP, env: { ...quiet, HOST: '127.0.0.1', PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await listeningAddress(server);
}, { timeout: 110_000 });

after(() => {
  if (server?.exitCode === null) process.kill(server.pid);
});

/** The server's http://127.0.0.1:PORT, from the line @astrojs/node logs once it listens on port 0's pick. */
function listeningAddress(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /Server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`the Astro server exited with ${code} before listening:\n${output}`)));
  });
}

async function get(path) {
  const response = await fetch(base + path);
  return { status: response.status, html: await response.text() };
}

async function queries() {
  return (await (await fetch(`${base}/_test/queries`)).json()).queries;
}

test('Astro renders the generated pages: templates over the data their load() returned', async () => {
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.match(home.html, /<h1>The ISR pragma blog<\/h1>/);
  const stats = await get('/stats');
  assert.match(stats.html, /2 posts published, 1 in draft\./);
  const post = await get('/posts/tags-and-invalidation');
  assert.match(post.html, /<h1>Tags and invalidation<\/h1>/);
});

test('a pragma page requested twice within its ttl queries the model once', async () => {
  const before = await queries();
  const first = await get('/posts');
  assert.equal(first.status, 200);
  // the page's template is Ruby (`posts.map { |p| <Card post={p} /> }`): a Card per published post, newest first
  const cards = [...first.html.matchAll(/<article class="card"[^>]*>\s*<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
  assert.deepEqual(cards.map(([, href, title]) => [href, title]),
    [['/posts/tags-and-invalidation', 'Tags and invalidation'], ['/posts/hello-isr', 'Hello, ISR']]);
  assert.match(first.html, /<title>Posts<\/title>/, 'inside the Layout component');
  assert.doesNotMatch(first.html, /Routing \(draft\)/);
  assert.equal(await queries(), before + 1);

  const second = await get('/posts');
  assert.equal(second.html, first.html);
  assert.equal(await queries(), before + 1, 'the second request is served from the cache');
});

test('a slug without a post renders the template\'s other branch, with the route param', async () => {
  // `{@post.nil? ? <p>{"No post at /posts/#{@@slug}."}</p> : <article>…</article>}` in the page
  const missing = await get('/posts/no-such-post');
  assert.equal(missing.status, 200);
  assert.match(missing.html, /<p class="missing">No post at \/posts\/no-such-post\.<\/p>/);
  assert.doesNotMatch(missing.html, /<article>/);
});

test('each slug is its own cache entry', async () => {
  const before = await queries();
  await get('/posts/hello-isr');
  await get('/posts/hello-isr');
  assert.equal(await queries(), before + 1);
  assert.match((await get('/posts/hello-isr')).html, /<h1>Hello, ISR<\/h1>/);
});
