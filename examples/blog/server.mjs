// The blog's HTTP server: serves the pages the ISR plugin generated for the `node` target.
//
// Routes come from target/generated-sources/isr/isr-manifest.json; each request calls its page
// module's cached data loader and renders a small HTML page from the data. Every cached page
// answers with `x-isr-cache: FRESH | STALE | MISS` (as Next.js sends `x-nextjs-cache`) and `age`.
// POST /posts saves a post and invalidates every page tagged `posts`.
//
//   node server.mjs            listens on http://127.0.0.1:3000 (PORT overrides the port)
//   ISR_REDIS_URL=redis://127.0.0.1:6379 node server.mjs
//                              the page cache lives in Redis, shared by every server started so

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import Post, { InvalidPostError } from './src/models/post.js';

const OUTPUT = new URL('./target/generated-sources/isr/', import.meta.url);
const TARGET = 'node';
const MAX_BODY_BYTES = 64 * 1024;

const manifest = await readGenerated('isr-manifest.json').then(JSON.parse);
/** The page modules' own runtime instance: the cache that their load() functions fill. */
const runtime = await import(new URL(`${TARGET}/_isr/isr.js`, OUTPUT));
const pages = await Promise.all(manifest.pages.map(async (page) => ({
  route: page.route,
  match: routeMatcher(page.route),
  module: await import(new URL(page.files[TARGET].find((file) => file.endsWith('.js')), OUTPUT)),
})));
pages.sort((a, b) => specificity(a.route).localeCompare(specificity(b.route)));

/**
 * idle() resolves once every background refresh has settled (tests await it instead of sleeping);
 * invalidateAll() empties the page cache.
 */
export const { idle, invalidateAll } = runtime;

/**
 * Installs the Redis store into the runtime the page modules import (their default cache), so
 * every server started with the same Redis shares one page cache: one fetch per page for all of
 * them, and an invalidation on one is seen by all. The generated modules do not change.
 */
export async function useRedis(url) {
  const { createRedisStore } = await import(new URL(`${TARGET}/_isr/isr-redis.js`, OUTPUT));
  runtime.configure({ store: await createRedisStore({ url }) });
}

/**
 * A blog server, not yet listening. `now` (epoch milliseconds) is the clock of the page cache and
 * of new posts' dates, so tests can move time instead of waiting.
 */
export function createBlogServer({ now = Date.now } = {}) {
  runtime.configure({ now });
  return createServer((request, response) => {
    handle(request, response, now).catch((error) => {
      console.error(`${request.method} ${request.url} failed`, error);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal server error\n');
      else response.destroy(error);
    });
  });
}

async function handle(request, response, now) {
  const { pathname } = new URL(request.url, 'http://localhost');
  if (pathname === '/posts' && request.method === 'POST') {
    return createPost(request, response, now);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, 'text/plain', 'Method not allowed\n', { allow: 'GET, HEAD, POST' });
  }
  const found = findPage(pathname);
  if (!found) return send(response, 404, 'text/html', layout('Not found', '<h1>Not found</h1>'));

  // status and age are null for a page without a pragma: it has no cache to report on
  const { value, status, ageSeconds } = await found.page.module.loadWithStatus(found.params);
  const html = (views[found.page.route] ?? dataView)(value);
  const cacheHeaders = status === null ? {} : { 'x-isr-cache': status, age: String(ageSeconds) };
  if (html === null) return send(response, 404, 'text/html', layout('Not found', '<h1>Not found</h1>'), cacheHeaders);
  return send(response, 200, 'text/html', html, cacheHeaders);
}

/** POST /posts with a JSON body { title, slug?, body?, date?, published? }. */
async function createPost(request, response, now) {
  let fields;
  try {
    fields = JSON.parse(await readBody(request));
  } catch (error) {
    return send(response, 400, 'text/plain', `Expected a JSON object: ${error.message}\n`);
  }
  let post;
  try {
    post = await Post.create({ date: new Date(now()).toISOString().slice(0, 10), ...fields });
  } catch (error) {
    if (error instanceof InvalidPostError) return send(response, 400, 'text/plain', `${error.message}\n`);
    throw error;
  }
  // every page whose pragma carries `tags: posts` loads anew on its next request (on every
  // server, with Redis: awaited so that the answer comes once all of them will see it)
  await runtime.invalidateTag('posts');
  return send(response, 201, 'application/json', JSON.stringify(post), { location: `/posts/${post.slug}` });
}

function findPage(pathname) {
  const segments = pathname.split('/').filter(Boolean);
  for (const page of pages) {
    const params = page.match(segments);
    if (params) return { page, params };
  }
  return null;
}

/** Matches request path segments against a route like /posts/[slug] or /docs/[...path]. */
function routeMatcher(route) {
  const parts = route.split('/').filter(Boolean);
  return (segments) => {
    const params = {};
    for (let i = 0; i < parts.length; i++) {
      const catchAll = /^\[\.\.\.(.+)\]$/.exec(parts[i]);
      if (catchAll) {
        params[catchAll[1]] = segments.slice(i).map(decodeURIComponent);
        return params;
      }
      if (i >= segments.length) return null;
      const param = /^\[(.+)\]$/.exec(parts[i]);
      if (param) params[param[1]] = decodeURIComponent(segments[i]);
      else if (parts[i] !== segments[i]) return null;
    }
    return segments.length === parts.length ? params : null;
  };
}

/** Sorts fixed segments before params and params before catch-alls, so /posts wins over /[page]. */
function specificity(route) {
  return route.split('/').filter(Boolean)
    .map((part) => (part.startsWith('[...') ? '2' : part.startsWith('[') ? '1' : '0')).join('');
}

const views = {
  '/': ({ title }) => layout(title, `<h1>${escape(title)}</h1>
<ul><li><a href="/posts">Posts</a></li><li><a href="/stats">Stats</a></li></ul>`),
  '/posts': ({ posts }) => layout('Posts', `<h1>Posts</h1>
<ul>${posts.map((p) => `
  <li><a href="/posts/${encodeURIComponent(p.slug)}">${escape(p.title)}</a> <time>${escape(p.date)}</time></li>`).join('')}
</ul>`),
  '/posts/[slug]': ({ post }) => post && layout(post.title, `<article>
  <h1>${escape(post.title)}</h1>
  <time>${escape(post.date)}</time>
  <p>${escape(post.body)}</p>
</article>`),
  '/stats': ({ published, drafts }) => layout('Stats', `<h1>Stats</h1>
<p>${published} posts published, ${drafts} in draft.</p>`),
};

/** Pages without a view of their own show their data. */
function dataView(data) {
  return layout('Data', `<pre>${escape(JSON.stringify(data, null, 2))}</pre>`);
}

function layout(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
${body}
</body>
</html>
`;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function send(response, statusCode, type, body, headers = {}) {
  response.writeHead(statusCode, { 'content-type': `${type}; charset=utf-8`, ...headers });
  response.end(body);
}

async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error(`body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readGenerated(file) {
  try {
    return await readFile(new URL(file, OUTPUT), 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    throw new Error(`${new URL(file, OUTPUT).pathname} is missing: build the pages first with `
      + '`mvn -pl examples/blog -am package -DskipTests` from the repository root');
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3000);
  const redisUrl = process.env.ISR_REDIS_URL;
  if (redisUrl) await useRedis(redisUrl);
  const server = createBlogServer();
  server.listen(port, '127.0.0.1', () => {
    console.log(`blog: http://127.0.0.1:${server.address().port}/ (pages from ${OUTPUT.pathname}; `
      + `page cache ${redisUrl ? `in Redis at ${redisUrl}` : 'in memory'})`);
  });
}
