// Runs generated cloudflare-target modules in Node for CloudflareExecutionTest, over a Cache API
// stand-in, a recording execution context and the runtime's injected clock.
// Usage: node cloudflare-harness.mjs <cloudflare target folder> <folder holding counter.js>
// Prints "ok" when every check passes; an assertion failure exits non-zero with its message.
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { MemoryCache, RecordingContext } from "./workers-fakes.mjs";

const [targetDir, modelsDir] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(targetDir, file)).href);

const runtime = await load("_isr/isr-cloudflare.js");
const { routes, match } = await load("_isr/routes.js");
const Counter = (await import(pathToFileURL(path.join(modelsDir, "counter.js")).href)).default;
const post = await load("posts/[slug].js");
const live = await load("live.js");

let now = 1_000_000;
runtime.configure({ now: () => now, cache: new MemoryCache() });
const ctx = new RecordingContext();
const callsFor = (arg) => Counter.calls.filter((c) => JSON.stringify(c) === JSON.stringify(arg)).length;

// module shape
assert.equal(post.revalidate, 60);
assert.deepEqual(post.tags, ["posts"]);
assert.equal(live.revalidate, null);

// MISS, FRESH within the ttl, then STALE with one refresh handed to ctx.waitUntil, then FRESH anew
const miss = await post.loadWithStatus({ slug: "hello" }, ctx);
assert.deepEqual(miss, { value: { post: { arg: "hello", call: miss.value.post.call } }, status: "MISS", ageSeconds: 0 });
now += 59_000;
assert.deepEqual(await post.loadWithStatus({ slug: "hello" }, ctx), { ...miss, status: "FRESH", ageSeconds: 59 });
assert.deepEqual(await post.load({ slug: "hello" }, ctx), miss.value);
assert.equal(callsFor("hello"), 1);
await ctx.settle();
now += 2_000;
assert.deepEqual(await post.loadWithStatus({ slug: "hello" }, ctx), { ...miss, status: "STALE", ageSeconds: 61 });
assert.equal(await ctx.settle(), 1, "the background refresh went to ctx.waitUntil");
assert.equal(callsFor("hello"), 2);
const refreshed = await post.loadWithStatus({ slug: "hello" }, ctx);
assert.equal(refreshed.status, "FRESH");
assert.notDeepEqual(refreshed.value, miss.value);
assert.equal(refreshed.value.post.arg, "hello");

// a cached page needs the execution context; an uncached one runs every time and has no status
await assert.rejects(post.load({ slug: "hello" }), (e) => e instanceof TypeError && /ctx/.test(e.message));
await assert.rejects(post.loadWithStatus({ slug: "hello" }, {}), TypeError);
const before = callsFor("live");
await live.load();
assert.deepEqual(await live.loadWithStatus({}, ctx), { value: { n: { arg: "live", call: Counter.calls.length } }, status: null, ageSeconds: null });
assert.equal(callsFor("live"), before + 2);

// the route table: most specific first
assert.deepEqual(routes.map((r) => r.route), [
  "/", "/live", "/posts", "/posts/new", "/posts/[slug]", "/x/[__proto__]",
  "/shop/[category]/items", "/shop/[category]/[id]", "/docs/[...path]", "/[...all]",
]);
const routeOf = (pathname) => {
  const found = match(pathname);
  return found && [found.route, found.params];
};
assert.deepEqual(routeOf("/"), ["/", {}]);
assert.deepEqual(routeOf(""), ["/", {}]);
assert.deepEqual(routeOf("/posts/"), ["/posts", {}], "a trailing slash is ignored");
assert.deepEqual(routeOf("/posts/new"), ["/posts/new", {}], "a fixed segment wins over a param");
assert.deepEqual(routeOf("/posts/hello"), ["/posts/[slug]", { slug: "hello" }]);
assert.deepEqual(routeOf("/posts/a%2Fb"), ["/posts/[slug]", { slug: "a/b" }], "split first, then decoded");
assert.deepEqual(routeOf("/posts/caf%C3%A9%20x"), ["/posts/[slug]", { slug: "café x" }]);
assert.deepEqual(routeOf("/posts/a/b"), ["/[...all]", { all: ["posts", "a", "b"] }]);
assert.deepEqual(routeOf("/shop/tea/items"), ["/shop/[category]/items", { category: "tea" }]);
assert.deepEqual(routeOf("/shop/tea/7"), ["/shop/[category]/[id]", { category: "tea", id: "7" }]);
assert.deepEqual(routeOf("/docs"), ["/docs/[...path]", { path: [] }], "a catch-all matches no segments");
assert.deepEqual(routeOf("/docs/a/b%2Fc/%20"), ["/docs/[...path]", { path: ["a", "b/c", " "] }]);
assert.deepEqual(routeOf("/nowhere"), ["/[...all]", { all: ["nowhere"] }]);
assert.equal(match("/posts/%E0%A4%A"), null, "malformed percent-encoding matches nothing");
const proto = match("/x/y").params;
assert.ok(Object.hasOwn(proto, "__proto__"), "a param named __proto__ is an own property");
assert.equal(Object.getPrototypeOf(proto), Object.prototype);

// the matched page is the module itself, and its params make the page's key
const found = match("/posts/a%2Fb");
assert.equal(found.page, post);
assert.equal(found.page.cacheKey(found.params), "page:/posts/a%2Fb");
assert.deepEqual(await found.page.load(found.params, ctx), { post: { arg: "a/b", call: Counter.calls.length } });
const docs = match("/docs/a/b");
assert.equal(docs.page.cacheKey(docs.params), "page:/docs/a/b");
assert.equal(match("/docs/a%2Fb").page.cacheKey(match("/docs/a%2Fb").params), "page:/docs/a%2Fb");
await ctx.settle();

console.log("ok");
