// Runs generated vercel-target page modules for VercelExecutionTest, as Next.js would call them.
// Usage: node vercel-harness.mjs <vercel target folder> <folder holding vercel-model.js> <odd page name>
// React is not installed here: a module hook answers `import "react"` with a createElement that
// returns plain objects, enough to check what a page renders.
// Exits 0 and prints "ok" when every check passes; an assertion failure exits non-zero with its message.
import assert from "node:assert/strict";
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const fakeReact = "export const createElement = (type, props, ...children) => ({ type, props, children });";
register("data:text/javascript," + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    return specifier === "react"
      ? { url: "data:text/javascript," + encodeURIComponent(${JSON.stringify(fakeReact)}), shortCircuit: true }
      : next(specifier, context);
  }`));

const [targetDir, modelsDir, oddName] = process.argv.slice(2);
// pathToFileURL would misread some names: encode each segment ourselves
const load = (file) => import(new URL(file.split("/").map(encodeURIComponent).join("/"), pathToFileURL(targetDir + "/")).href);
const Model = (await import(pathToFileURL(path.join(modelsDir, "vercel-model.js")).href)).default;

// an ISR page: revalidate as a literal export and in getStaticProps' result; data converted to JSON
const list = await load("list.js");
assert.equal(list.revalidate, 60);
assert.equal(list.getStaticPaths, undefined, "a static route needs no getStaticPaths");
assert.equal(list.getServerSideProps, undefined);
const listed = await list.getStaticProps({});
assert.deepEqual(listed, {
  revalidate: 60,
  props: {
    items: [1, 2],
    at: "2025-01-01T12:00:00.000Z",
    author: { name: "Ann", born: "1990-01-02T00:00:00.000Z", nickname: null },
    missing: null,
    special: { big: "100000000000000000000", nan: null, tags: ["a", "b"], counts: { 1: "one" } },
  },
});
assert.equal(Model.runs, 1, "the lazy query ran once, inside getStaticProps");
assert.deepEqual(JSON.parse(JSON.stringify(listed.props)), listed.props, "the props are plain JSON");

// the page renders its source's name and its data
const view = list.default(listed.props);
assert.equal(view.type, "main");
assert.deepEqual(view.children[0], { type: "h1", props: null, children: ["list.rb"] });

// a dynamic route: no path at build time, each rendered on first request; params reach the data block
const post = await load("posts/[slug].js");
assert.equal(post.revalidate, 300);
assert.deepEqual(await post.getStaticPaths(), { paths: [], fallback: "blocking" });
assert.deepEqual(await post.getStaticProps({ params: { slug: "a b" } }), { props: { slug: "a b" }, revalidate: 300 });

// a catch-all: Next.js passes the segments as an array; revalidate 0 is raised to Next.js's minimum, 1
const docs = await load("docs/[...path].js");
assert.equal(docs.revalidate, 1);
assert.deepEqual(await docs.getStaticPaths(), { paths: [], fallback: "blocking" });
assert.deepEqual(await docs.getStaticProps({ params: { path: ["a", "b"] } }), { props: { path: ["a", "b"] }, revalidate: 1 });

// no pragma: rendered on every request, no ISR exports
const live = await load("live.js");
assert.equal(live.getStaticProps, undefined);
assert.equal(live.revalidate, undefined);
assert.deepEqual(await live.getServerSideProps({}), { props: { n: 1 } });

// what is not data is an error naming where it is, never a silently dropped value
const bad = await load("bad.js");
await assert.rejects(bad.getStaticProps({}), { name: "TypeError", message: /^props\.greeter is a function/ });
const loop = await load("loop.js");
await assert.rejects(loop.getStaticProps({}), { name: "TypeError", message: /^props\.node\.self contains itself/ });

// page names and strings with quotes, backticks, ${, */, </script>, line breaks, %, ?, # mean exactly themselves
const odd = await load(`${oddName}.js`);
const oddProps = await odd.getStaticProps({});
assert.deepEqual(oddProps, { props: { s: "a\"b`c${x}*/</script>" }, revalidate: 10 });
assert.deepEqual(odd.default(oddProps.props).children[0].children, [`${oddName}.rb`]);

console.log("ok");
