// Test-only wiring around worker.mjs for worker.test.mjs; never deployed. It is the Worker that
// Miniflare runs, and hands each request to the example's own fetch with three additions:
// - the page cache's clock is the `x-test-now` header of the request (epoch ms): no test sleeps;
// - the response waits for what the request handed to ctx.waitUntil (a background refresh), so
//   the next request sees its result, and says how many promises that was in `x-test-wait-until`;
// - `x-test-queries` is the number of model queries this isolate has run so far.
import worker from '../../worker.mjs';
import { configure } from '../../target/generated-sources/isr/cloudflare/_isr/isr-cloudflare.js';
import Post from '../../src/models/post.js';

let nowMs = Number.NaN;
configure({ now: () => nowMs });

export default {
  async fetch(request, env, ctx) {
    nowMs = Number(request.headers.get('x-test-now'));
    if (!Number.isFinite(nowMs)) {
      return new Response('x-test-now (epoch ms) is required\n', { status: 400 });
    }
    const handed = [];
    const recording = {
      waitUntil(promise) {
        handed.push(promise);
        ctx.waitUntil(promise);
      },
      passThroughOnException() {
        ctx.passThroughOnException();
      },
    };
    const response = await worker.fetch(request, env, recording);
    await Promise.all(handed);
    const headers = new Headers(response.headers);
    headers.set('x-test-wait-until', String(handed.length));
    headers.set('x-test-queries', String(Post.queryCount()));
    return new Response(response.body, { status: response.status, headers });
  },
};
