// Run by verify.groovy: the generated node modules load in Node and behave as SPEC §5 says.
import assert from 'node:assert/strict';
import { queries } from './src/models/post.js';

const out = new URL('./target/generated-sources/isr/node/', import.meta.url);
const page = (file) => import(new URL(file, out));

const home = await page('index.js');
assert.equal(home.revalidate, null);
assert.deepEqual(await home.load(), { title: 'Welcome' });

const list = await page('posts/index.js');
assert.equal(list.revalidate, 60);
assert.deepEqual(list.tags, ['posts']);
assert.equal(list.cacheKey(), 'page:/posts');
const first = await list.load();
assert.deepEqual(first.posts.map((p) => p.slug), ['later', 'hello']);
assert.equal(await list.load(), first, 'a fresh read returns the cached value');
assert.equal(queries, 1, 'the lazy query ran once, inside the fetcher');

const post = await page('posts/[slug].js');
assert.equal(post.revalidate, 300);
assert.equal(post.cacheKey({ slug: 'a b/c' }), 'page:/posts/a%20b%2Fc');
assert.notEqual(post.cacheKey({ slug: 'a/b' }), post.cacheKey({ slug: 'a%2Fb' }));
assert.equal((await post.load({ slug: 'hello' })).post.title, 'Hello');
assert.equal((await post.load({ slug: 'later' })).post.title, 'Later');

const docs = await page('docs/[...path].js');
assert.equal(docs.revalidate, 3600);
assert.deepEqual(docs.tags, ['docs', 'search']);
assert.equal(docs.cacheKey({ path: ['guide', 'ISR pages'] }), 'page:/docs/guide/ISR%20pages');

assert.equal(queries, 3, 'one query per slug');
console.log('node-check: ok');
