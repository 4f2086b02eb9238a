// The vercel target in a real Next.js app (examples/blog/next): `next build` over the generated pages
// must record every pragma page as ISR, and `next start` must serve a page from its cache, stale
// after its revalidate window, then regenerated.
//
// Next.js's clock cannot be injected, so the regeneration test really waits: for a fixture page
// with `revalidate 2` (next/fixture/pages/isr-test/clock.astro.rb; the blog's own pages keep their
// real ttls), polling with a deadline, never a fixed sleep. The blog pom's `next-fixture` execution
// compiles the fixture into its own output folder, whose isr-test/ is linked into the blog's vercel
// output for the build (so one build serves both) and unlinked afterwards.
// Needs: the blog built (mvn package, which also compiles the fixture page), and the
// app's node_modules (installed here with `npm ci` when missing).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLOG_VERCEL_OUTPUT, linkPages } from '../next/link-pages.mjs';

const blog = fileURLToPath(new URL('..', import.meta.url));
const app = path.join(blog, 'next');
const fixtureOutput = path.join(blog, 'target/next-fixture');
const fixtureLink = path.join(BLOG_VERCEL_OUTPUT, 'isr-test');
const nextCli = path.join(app, 'node_modules/next/dist/bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const POLL_MS = 100;

let prerender;
let server;
let base;

/** Runs a command to its end; a failure's message carries the end of its output. */
function run(command, args, cwd, timeoutSeconds) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutSeconds * 1000 });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Calls `attempt` every POLL_MS until it returns a value other than undefined; fails at the deadline. */
async function poll(what, deadline, attempt) {
  for (;;) {
    const value = await attempt();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
  }
}

async function get(route) {
  const response = await fetch(base + route);
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() };
}

before(async () => {
  if (!existsSync(nextCli)) {
    run('npm', ['ci', '--no-audit', '--no-fund'], app, 300);
  }
  linkPages(app, BLOG_VERCEL_OUTPUT);
  rmSync(fixtureLink, { force: true });
  symlinkSync(path.relative(BLOG_VERCEL_OUTPUT, path.join(fixtureOutput, 'vercel/isr-test')), fixtureLink, 'junction');
  run(process.execPath, [nextCli, 'build'], app, 300);
  prerender = JSON.parse(readFileSync(path.join(app, '.next/prerender-manifest.json'), 'utf8'));

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // its own process group, so `after` stops next start and anything it forks by this one PID
  server = spawn(process.execPath, [nextCli, 'start', '-H', '127.0.0.1', '-p', String(port)],
    { cwd: app, env, detached: true, stdio: 'ignore' });
  await poll('next start to answer', Date.now() + 30_000,
    () => fetch(base + '/').then((response) => response.status, () => undefined));
});

after(() => {
  rmSync(fixtureLink, { force: true });
  if (server?.exitCode === null) {
    process.kill(-server.pid, 'SIGTERM');
  }
});

test('next build records every pragma page as ISR with its revalidate, and no other page', () => {
  const { pages } = JSON.parse(readFileSync(path.join(BLOG_VERCEL_OUTPUT, '../isr-manifest.json'), 'utf8'));
  for (const page of pages) {
    const staticRoute = prerender.routes[page.route];
    const dynamicRoute = prerender.dynamicRoutes[page.route];
    if (page.revalidate === null) {
      assert.equal(staticRoute ?? dynamicRoute, undefined, `${page.source} has no pragma: not prerendered`);
    } else if (page.params.length === 0) {
      assert.equal(staticRoute?.initialRevalidateSeconds, page.revalidate, `${page.source}: ${page.route}`);
    } else {
      // fallback null: a path not built yet is rendered while its first request waits (blocking)
      assert.equal(dynamicRoute?.fallback, null, `${page.source}: ${page.route}`);
    }
  }
  // the blog's pages, spelled out, so an empty manifest cannot pass the loop above
  assert.equal(prerender.routes['/posts'].initialRevalidateSeconds, 60);
  assert.equal(prerender.routes['/stats'].initialRevalidateSeconds, 3600);
  assert.equal(prerender.dynamicRoutes['/posts/[slug]'].fallback, null);
  assert.equal(prerender.routes['/'], undefined);
  assert.equal(prerender.routes['/isr-test/clock'].initialRevalidateSeconds, 2);
});

test('a page without a pragma is rendered on every request, uncached', async () => {
  const home = await get('/');
  assert.equal(home.status, 200);
  assert.equal(home.cache, null);
  assert.match(home.html, /The ISR pragma blog/);
});

test('the posts page renders its Ruby template: a Card per published post, in the Layout', async () => {
  const posts = await get('/posts');
  assert.equal(posts.status, 200);
  // `posts.map { |p| <Card post={p} /> }` in the page, Card.jsx and Layout.jsx in React
  const cards = [...posts.html.matchAll(/<article class="card">\s*<a href="([^"]+)">([^<]+)<\/a>/g)];
  assert.deepEqual(cards.map(([, href, title]) => [href, title]),
    [['/posts/tags-and-invalidation', 'Tags and invalidation'], ['/posts/hello-isr', 'Hello, ISR']]);
  assert.match(posts.html, /<main><h1>Posts<\/h1>/);
  assert.doesNotMatch(posts.html, /Routing \(draft\)/);
});

test('a .jsx.rb page renders its Ruby template with its React component', async () => {
  // `names.each_with_index.map { |name, i| <Greeting key={name} name={name} index={i} /> }` in the page
  const page = await get('/isr-test/greeting');
  assert.equal(page.status, 200);
  const items = [...page.html.matchAll(/<li class="greeting">(.*?)<\/li>/g)].map(([, text]) => text.replaceAll('<!-- -->', ''));
  assert.deepEqual(items, ['0: Hello, Ann', '1: Hello, Bob']);
});

test('a dynamic ISR page renders a path on its first request, then serves it from the cache', async () => {
  const first = await get('/posts/hello-isr');
  assert.equal(first.status, 200);
  assert.match(first.html, /Hello, ISR/);
  const again = await get('/posts/hello-isr');
  assert.equal(again.cache, 'HIT');
  assert.equal(again.html, first.html);
});

test('a slug without a post renders the template\'s other branch, with the route param', async () => {
  // `{@post.nil? ? <p>{"No post at /posts/#{@@slug}."}</p> : <article>…</article>}` in the page
  const missing = await get('/posts/no-such-post');
  assert.equal(missing.status, 200);
  assert.match(missing.html, /<p class="missing">No post at \/posts\/no-such-post\.<\/p>/);
  assert.doesNotMatch(missing.html, /<article>/);
});

test('an ISR page is served from the cache, stale after its window, then regenerated with new data', async () => {
  const deadline = Date.now() + 60_000;
  const clockPage = async () => {
    const page = await get('/isr-test/clock');
    assert.equal(page.status, 200);
    const generatedAt = page.html.match(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/)?.[0];
    assert.ok(generatedAt, 'the page shows its data block\'s Date as an ISO string');
    return { cache: page.cache, generatedAt };
  };
  // the build's copy may be stale already (the build took longer than 2 s): wait for a cached one
  const cached = await poll('a HIT', deadline, async () => {
    const page = await clockPage();
    return page.cache === 'HIT' ? page : undefined;
  });
  // served from the cache until the window passes; the first request after it gets the old page, STALE
  const stale = await poll('the window to pass', deadline, async () => {
    const page = await clockPage();
    return page.cache === 'HIT' && page.generatedAt === cached.generatedAt ? undefined : page;
  });
  assert.deepEqual(stale, { cache: 'STALE', generatedAt: cached.generatedAt });
  // that request started one regeneration in the background; its page replaces the old one
  const regenerated = await poll('the regenerated page', deadline, async () => {
    const page = await clockPage();
    return page.generatedAt === cached.generatedAt ? undefined : page;
  });
  assert.equal(regenerated.cache, 'HIT');
  assert.ok(Date.parse(regenerated.generatedAt) > Date.parse(cached.generatedAt));
});
