// Two blog servers (`node server.mjs`, two processes) over one real redis-server, as two instances
// of the blog behind a load balancer would run: they share the page cache, and a new post on one
// invalidates the posts list for both. The generated page modules are the same as without Redis.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { RedisServer } from '../../../isr-runtime/src/test/js/support/redis-server.js';

const SERVER = new URL('../server.mjs', import.meta.url);
const STARTED = /blog: (http:\/\/127\.0\.0\.1:\d+)\//;

let redis;
const servers = [];

/** Starts `node server.mjs` on a free port with the page cache in Redis; resolves to its base URL. */
function startServer() {
  const child = spawn(process.execPath, [SERVER.pathname], {
    env: { ...process.env, PORT: '0', ISR_REDIS_URL: redis.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const started = STARTED.exec(output);
      if (started) resolve(started[1]);
    });
    child.once('exit', (code) => reject(new Error(`server.mjs exited with ${code}: ${output}`)));
  });
}

before(async () => {
  redis = await RedisServer.start();
});

after(async () => {
  await Promise.all(servers.map((child) => new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else { child.once('exit', resolve); child.kill(); }
  })));
  await redis.stop();
});

async function cacheStatus(base, path) {
  const response = await fetch(base + path);
  await response.text();
  assert.equal(response.status, 200);
  return response.headers.get('x-isr-cache');
}

test('two servers share the page cache; POST /posts on one invalidates /posts on the other', async () => {
  const [one, two] = await Promise.all([startServer(), startServer()]);

  assert.equal(await cacheStatus(one, '/posts'), 'MISS');
  assert.equal(await cacheStatus(two, '/posts'), 'FRESH', 'the second server reads what the first one fetched');
  assert.equal(await cacheStatus(two, '/stats'), 'MISS');

  const created = await fetch(`${one}/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Behind a load balancer', body: 'Hello.' }),
  });
  assert.equal(created.status, 201);

  assert.equal(await cacheStatus(two, '/posts'), 'MISS', 'the tag invalidation on the first server reached the second');
  assert.equal(await cacheStatus(one, '/posts'), 'FRESH', 'and the second one\'s fetch serves the first');
  assert.equal(await cacheStatus(one, '/stats'), 'FRESH', '/stats has no posts tag: untouched');
});
