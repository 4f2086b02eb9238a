// The blog as a Cloudflare Worker: serves the pages the ISR plugin generated for the `cloudflare`
// target, whose data is kept in the Workers Cache API of the data centre.
//
// Routes come from target/generated-sources/isr/cloudflare/_isr/routes.js, a table of every page
// module, imported statically because Workers bundle their modules ahead of time. Each request
// calls its page's loadWithStatus(params, ctx): a stale page is answered at once and refreshed in
// the background through ctx.waitUntil. The answer is JSON (`Accept: application/json`) or a
// minimal HTML page, with `x-isr-cache: FRESH | STALE | MISS` and `age` on cached pages.
// POST /posts saves a post and invalidates every page tagged `posts`.
//
// Build the pages first (`mvn -pl examples/blog -am package -DskipTests` from the repository root);
// test/worker.test.mjs runs this Worker in workerd, the Workers runtime, through Miniflare. To deploy,
// point wrangler's `main` at this file; wrangler bundles it with the JSON of data/posts.json.
//
// The Post model keeps new posts in the memory of one isolate: it shows the caching, not storage.
// A real blog would save posts in D1 or KV; the cache and its invalidation work the same way.

import { match } from './target/generated-sources/isr/cloudflare/_isr/routes.js';
import { invalidateTag } from './target/generated-sources/isr/cloudflare/_isr/isr-cloudflare.js';
import Post, { InvalidPostError } from './src/models/post.js';

const MAX_BODY_BYTES = 64 * 1024;

/** Pages whose data can say "nothing here": an unknown slug loads { post: null } and is a 404. */
const notFoundWhen = {
  '/posts/[slug]': (data) => data.post === null,
};

export default {
  async fetch(request, env, ctx) {
    try {
      return await handle(request, ctx);
    } catch (error) {
      console.error(`${request.method} ${request.url} failed`, error);
      return text(500, 'Internal server error\n');
    }
  },
};

async function handle(request, ctx) {
  const { pathname } = new URL(request.url);
  if (pathname === '/posts' && request.method === 'POST') {
    return createPost(request);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, 'Method not allowed\n', { allow: 'GET, HEAD, POST' });
  }
  const found = match(pathname);
  if (!found) {
    return respond(request, 404, { error: 'not found' });
  }
  const { value, status, ageSeconds } = await found.page.loadWithStatus(found.params, ctx);
  const cacheHeaders = {};
  if (status) cacheHeaders['x-isr-cache'] = status;
  if (ageSeconds != null) cacheHeaders.age = String(ageSeconds);
  if (notFoundWhen[found.route]?.(value)) {
    return respond(request, 404, { error: 'not found' }, cacheHeaders);
  }
  return respond(request, 200, value, cacheHeaders, found.route);
}

/** POST /posts with a JSON body { title, slug?, body?, date?, published? }. */
async function createPost(request) {
  const body = await request.arrayBuffer();
  if (body.byteLength > MAX_BODY_BYTES) {
    return text(413, `Body larger than ${MAX_BODY_BYTES} bytes\n`);
  }
  let fields;
  try {
    fields = JSON.parse(new TextDecoder().decode(body));
  } catch (error) {
    return text(400, `Expected a JSON object: ${error.message}\n`);
  }
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
    return text(400, 'Expected a JSON object\n');
  }
  let post;
  try {
    post = await Post.create(fields);
  } catch (error) {
    if (error instanceof InvalidPostError) return text(400, `${error.message}\n`);
    throw error;
  }
  // Every page whose pragma carries `tags: posts` loads anew on its next request. Awaited, so the
  // invalidation is stored before the client hears of the new post.
  await invalidateTag('posts');
  return new Response(JSON.stringify(post), {
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8', location: `/posts/${post.slug}` },
  });
}

function respond(request, status, data, headers = {}, title = 'Not found') {
  if (request.headers.get('accept')?.includes('application/json')) {
    return new Response(JSON.stringify(data), {
      status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    });
  }
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
<h1>${escape(title)}</h1>
<pre>${escape(JSON.stringify(data, null, 2))}</pre>
</body>
</html>
`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
}

function text(status, body, headers = {}) {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
