// Runs generated node-target page modules for NodeExecutionTest.
// Usage: node page-harness.mjs <node target folder> <folder holding counter.js>
// Exits 0 and prints "ok" when every check passes; an assertion failure exits non-zero with its message.
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [targetDir, modelsDir] = process.argv.slice(2);
const load = (file) => import(pathToFileURL(path.join(targetDir, file)).href);

const runtime = await load("_isr/isr.js");
const Counter = (await import(pathToFileURL(path.join(modelsDir, "counter.js")).href)).default;
const post = await load("posts/[slug].js");
const docs = await load("docs/[...path].js");
const live = await load("live.js");

let now = 1_000_000;
runtime.configure({ now: () => now });
const callsFor = (arg) => Counter.calls.filter((c) => JSON.stringify(c) === JSON.stringify(arg)).length;

// module shape
assert.equal(post.revalidate, 60);
assert.deepEqual(post.tags, ["posts"]);
assert.equal(live.revalidate, null);
assert.deepEqual(live.tags, []);

// R3 then R1: the first load fetches, loads within the ttl are served from the cache
const first = await post.load({ slug: "hello" });
assert.deepEqual(first, { post: { arg: "hello", call: 1 } });
now += 59_000;
assert.deepEqual(await post.load({ slug: "hello" }), first);
assert.equal(callsFor("hello"), 1);

// R2: after the ttl the stale value is served at once while one refresh runs; then the new value
now += 2_000;
assert.deepEqual(await post.load({ slug: "hello" }), first);
await runtime.idle();
assert.equal(callsFor("hello"), 2);
const refreshed = await post.load({ slug: "hello" });
assert.notDeepEqual(refreshed, first);
assert.equal(refreshed.post.arg, "hello");
assert.equal(callsFor("hello"), 2);

// loadWithStatus shares load's cache entry and fetcher; the age counts from the fetch of the value
now += 1_000;
assert.deepEqual(await post.loadWithStatus({ slug: "hello" }), { value: refreshed, status: "FRESH", ageSeconds: 1 });
const missed = await post.loadWithStatus({ slug: "status" });
assert.deepEqual([missed.value.post.arg, missed.status, missed.ageSeconds], ["status", "MISS", 0]);
now += 60_000;
assert.deepEqual(await post.loadWithStatus({ slug: "status" }), { value: missed.value, status: "STALE", ageSeconds: 60 });
await runtime.idle();
assert.equal(callsFor("status"), 2);
assert.notDeepEqual(await post.load({ slug: "status" }), missed.value);

// distinct params, distinct keys: a slug holding "/" is not a catch-all path
assert.equal(post.cacheKey({ slug: "a/b" }), "page:/posts/a%2Fb");
assert.equal(post.cacheKey({ slug: "a b?" }), "page:/posts/a%20b%3F");
assert.equal(post.cacheKey({ slug: 7 }), "page:/posts/7");
assert.equal(docs.cacheKey({ path: "a/b" }), "page:/docs/a/b");
assert.equal(docs.cacheKey({ path: ["a", "b"] }), "page:/docs/a/b");
assert.equal(docs.cacheKey({ path: ["a/b"] }), "page:/docs/a%2Fb");
assert.equal(docs.cacheKey({ path: ["é", "x y"] }), "page:/docs/%C3%A9/x%20y");
assert.equal(docs.cacheKey({}), "page:/docs/");
await post.load({ slug: "a/b" });
await post.load({ slug: "a" });
await docs.load({ path: "a/b" });
await docs.load({ path: ["a", "b"] });
assert.equal(callsFor("a/b"), 2, "the slug a/b and the path a/b are two pages");
assert.equal(callsFor("a"), 1);
assert.equal(callsFor(["a", "b"]), 0, "path ['a','b'] shares the key of path 'a/b'");

// a missing param is an error naming it, never the key "undefined"
assert.throws(() => post.cacheKey({}), (e) => e instanceof TypeError && e.message.includes('"slug"'));
assert.throws(() => post.cacheKey(), TypeError);
assert.throws(() => post.cacheKey({ slug: { id: 1 } }), /route param "slug" must be a string or a number/);
await assert.rejects(post.load({}), TypeError);
assert.throws(() => docs.cacheKey({ path: 5 }), /route param "path" must be a string or an array/);

// a page without a pragma runs its data block on every load and reports no cache status
const before = callsFor("live");
await live.load();
const uncached = await live.loadWithStatus();
assert.deepEqual([uncached.value.n.arg, uncached.status, uncached.ageSeconds], ["live", null, null]);
assert.equal(callsFor("live"), before + 2);

// a data variable the block leaves unassigned is null, as an unassigned Ruby @variable is nil (JSON keeps it)
assert.equal(JSON.stringify((await live.load()).never), "null");
assert.equal(callsFor("never"), 0);

console.log("ok");
