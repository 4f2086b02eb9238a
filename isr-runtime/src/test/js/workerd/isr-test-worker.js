// Test Worker for isr-cloudflare-workerd.test.js: runs isr-cloudflare.js inside workerd over the
// real Cache API. The Node test drives it through HTTP endpoints; the clock is injected per
// request with the `x-now` header (epoch ms), so nothing waits for real time.
//
//   GET  /read?key=&ttl=&value=&fail=&tags=a,b   one read; `x-settle: 1` makes the response wait
//                                                 for what the read handed to ctx.waitUntil
//   GET  /burst?key=&ttl=&value=&n=              n concurrent reads inside one request
//   GET  /read-dropping?key=&ttl=&value=         one read through a cache whose put stores nothing
//   POST /invalidate?key=  /invalidate-tag?tag=  /invalidate-all
//   POST /case                                   one shared semantic case (JSON body) in its own named cache
//   POST /case?runtime=memory                    the same case against isr.js, which must run outside Node too
//   GET  /stats
import {
  configure, createCache, invalidate, invalidateAll, invalidateTag, readWithStatus, stats,
} from '../../../main/js/isr-cloudflare.js';
import { createCache as createMemoryCache } from '../../../main/js/isr.js';
import { cloudflareDriver, inMemoryDriver, runCase } from '../semantics-runner.js';

let nowMs = 0;
let fetches = 0;
configure({ now: () => nowMs, onError: () => {} });

/** caches.default with a put that resolves but stores nothing, as the Cache API may do. */
const droppingPuts = {
  match: (request) => caches.default.match(request),
  put: async () => {},
  delete: (request) => caches.default.delete(request),
};
const dropping = createCache({ now: () => nowMs, cache: droppingPuts });

function fetcherFor(params) {
  return async () => {
    fetches++;
    if (params.has('fail')) throw new Error(params.get('fail'));
    return params.get('value');
  };
}

function readArguments(params) {
  const tags = params.get('tags') ? params.get('tags').split(',') : undefined;
  return [params.get('key'), Number(params.get('ttl')), fetcherFor(params), tags];
}

/** Forwards to the real ctx.waitUntil and remembers the promises, so a response can await them. */
function forwardingContext(ctx) {
  const handed = [];
  return { handed, ctx: { waitUntil: (promise) => { handed.push(promise); ctx.waitUntil(promise); } } };
}

async function read(request, params, ctx) {
  const [key, ttl, fetcher, tags] = readArguments(params);
  const context = forwardingContext(ctx);
  const result = await readWithStatus(key, ttl, fetcher, { ctx: context.ctx, tags });
  const handedToWaitUntil = context.handed.length;
  if (request.headers.get('x-settle') === '1') await Promise.all(context.handed);
  return { ...result, fetches, handedToWaitUntil };
}

async function burst(params, ctx) {
  const [key, ttl, fetcher] = readArguments(params);
  const reads = Array.from({ length: Number(params.get('n')) }, () => readWithStatus(key, ttl, fetcher, { ctx }));
  const results = await Promise.all(reads);
  return { fetches, values: [...new Set(results.map((result) => result.value))], statuses: [...new Set(results.map((result) => result.status))] };
}

async function runSharedCase(request, params) {
  const testCase = await request.json();
  const driver = params.get('runtime') === 'memory'
    ? inMemoryDriver(createMemoryCache)
    : cloudflareDriver(createCache, await caches.open(`case:${testCase.name}`));
  try {
    await runCase(testCase, driver);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error.message };
  }
}

async function route(request, ctx) {
  const url = new URL(request.url);
  const params = url.searchParams;
  if (request.headers.has('x-now')) nowMs = Number(request.headers.get('x-now'));
  switch (`${request.method} ${url.pathname}`) {
    case 'GET /read': return read(request, params, ctx);
    case 'GET /burst': return burst(params, ctx);
    case 'GET /read-dropping': {
      const [key, ttl, fetcher] = readArguments(params);
      return { ...(await dropping.readWithStatus(key, ttl, fetcher, { ctx })), fetches };
    }
    case 'POST /invalidate': await invalidate(params.get('key')); return { ok: true };
    case 'POST /invalidate-tag': await invalidateTag(params.get('tag')); return { ok: true };
    case 'POST /invalidate-all': await invalidateAll(); return { ok: true };
    case 'POST /case': return runSharedCase(request, params);
    case 'GET /stats': return stats();
    default: return null;
  }
}

export default {
  async fetch(request, env, ctx) {
    try {
      const body = await route(request, ctx);
      return body === null ? new Response('not found', { status: 404 }) : Response.json(body);
    } catch (error) {
      return Response.json({ error: `${error.name}: ${error.message}` }, { status: 500 });
    }
  },
};
