// Two real Node processes (fixtures/redis-instance.js), each an app instance with isr.js over the
// Redis store, sharing one real redis-server: single flight, invalidation, a lease holder killed
// with SIGKILL mid-fetch, and Redis stopped and restarted under them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { RedisServer } from './support/redis-server.js';

const START_MS = 1_000_000_000;
let redis;
const children = new Set();
let namespaces = 0;

before(async () => { redis = await RedisServer.start(); });
after(async () => {
  for (const child of children) child.kill('SIGKILL');
  await redis.stop();
});

/** A running instance: call(op, message) → its reply; next(event) → the next such event it posts. */
async function instance({ server = redis, namespace, leaseMs = 10_000 }) {
  const child = fork(new URL('./fixtures/redis-instance.js', import.meta.url), [], {
    env: { ...process.env, REDIS_URL: server.url, NAMESPACE: namespace, LEASE_MS: String(leaseMs), START_MS: String(START_MS) },
  });
  children.add(child);
  child.once('exit', () => { children.delete(child); });
  const replies = new Map();
  const listeners = [];
  let ids = 0;
  child.on('message', (message) => {
    if (message.event) {
      const index = listeners.findIndex((listener) => listener.event === message.event);
      if (index >= 0) listeners.splice(index, 1)[0].resolve(message);
      return;
    }
    const reply = replies.get(message.id);
    replies.delete(message.id);
    if ('error' in message) reply.reject(new Error(message.error));
    else reply.resolve(message.result);
  });
  const next = (event) => new Promise((resolve) => { listeners.push({ event, resolve }); });
  await next('ready');
  return {
    child,
    next,
    call: (op, message = {}) => new Promise((resolve, reject) => {
      const id = ++ids;
      replies.set(id, { resolve, reject });
      child.send({ id, op, ...message });
    }),
  };
}

async function pair(options = {}) {
  const namespace = `p${++namespaces}`;
  return Promise.all([instance({ namespace, ...options }), instance({ namespace, ...options })]);
}

/** Polls `condition` (other processes change state) for at most 10 s. */
async function until(condition) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => { setTimeout(resolve, 5); });
  }
}

describe('two Node processes over one Redis', () => {
  test('200 concurrent misses, 100 in each process, run exactly one fetch', async () => {
    const [a, b] = await pair();
    const read = { key: 'page:/posts', ttl: 60, count: 100, hold: true };
    const fetching = Promise.race([a.next('fetching'), b.next('fetching')]);
    const readsA = a.call('read', { ...read, value: 'from a' });
    const readsB = b.call('read', { ...read, value: 'from b' });
    await fetching;
    // every read of both processes has had its answer from Redis (a miss) before the fetch ends
    await until(async () => (await a.call('state')).stats.misses === 100 && (await b.call('state')).stats.misses === 100);
    const [stateA, stateB] = [await a.call('state'), await b.call('state')];
    const holder = stateA.fetches === 1 ? a : b;
    assert.equal(stateA.fetches + stateB.fetches, 1);
    await holder.call('release', { key: 'page:/posts' });
    const results = [...await readsA, ...await readsB];
    const value = holder === a ? 'from a' : 'from b';
    assert.equal(results.length, 200);
    assert.ok(results.every((result) => result.value === value && result.status === 'MISS'), JSON.stringify(results[0]));
    assert.equal((await a.call('state')).fetches + (await b.call('state')).fetches, 1);
    const [later] = await (holder === a ? b : a).call('read', { key: 'page:/posts', ttl: 60, count: 1, value: 'x' });
    assert.deepEqual(later, { value, status: 'FRESH', ageSeconds: 0 });
  });

  test('an invalidation in one process is seen by the other at its next read', async () => {
    const [a, b] = await pair();
    const read = (who, value) => who.call('read', { key: 'k', ttl: 60, count: 1, value, tags: ['posts'] }).then(([result]) => result);
    assert.equal((await read(a, 'v1')).status, 'MISS');
    assert.deepEqual(await read(b, 'x'), { value: 'v1', status: 'FRESH', ageSeconds: 0 });
    await a.call('invalidateTag', { tag: 'posts' });
    assert.deepEqual(await read(b, 'v2'), { value: 'v2', status: 'MISS', ageSeconds: 0 });
    await b.call('invalidate', { key: 'k' });
    assert.deepEqual(await read(a, 'v3'), { value: 'v3', status: 'MISS', ageSeconds: 0 });
    await b.call('invalidateAll');
    assert.deepEqual(await read(a, 'v4'), { value: 'v4', status: 'MISS', ageSeconds: 0 });
    assert.deepEqual(await read(b, 'x'), { value: 'v4', status: 'FRESH', ageSeconds: 0 });
  });

  test('a lease holder killed (SIGKILL) mid-fetch: the other process fetches once the lease expires', async () => {
    const [a, b] = await pair({ leaseMs: 300 });
    const fetching = a.next('fetching');
    a.call('read', { key: 'k', ttl: 60, count: 1, value: 'never', hold: true }).catch(() => {});
    await fetching;
    const exited = new Promise((resolve) => { a.child.once('exit', resolve); });
    a.child.kill('SIGKILL');
    await exited;
    const started = Date.now();
    const [result] = await b.call('read', { key: 'k', ttl: 60, count: 1, value: 'from b' });
    assert.deepEqual(result, { value: 'from b', status: 'MISS', ageSeconds: 0 });
    assert.ok(Date.now() - started < 5000, 'b did not wait for its 10 s wait bound');
    const state = await b.call('state');
    assert.equal(state.fetches, 1);
    assert.deepEqual(state.errors, [], 'an expired lease is routine, not an error');
  });

  test('Redis stopped: both processes serve reads by fetching and report it; restarted: shared again', async () => {
    const server = await RedisServer.start();
    try {
      const namespace = `p${++namespaces}`;
      const [a, b] = await Promise.all([instance({ server, namespace }), instance({ server, namespace })]);
      const read = (who, value) => who.call('read', { key: 'k', ttl: 60, count: 1, value }).then(([result]) => result);
      assert.equal((await read(a, 'cached')).status, 'MISS');
      await server.stop();
      assert.deepEqual(await read(b, 'direct b'), { value: 'direct b', status: 'MISS', ageSeconds: 0 });
      assert.deepEqual(await read(a, 'direct a'), { value: 'direct a', status: 'MISS', ageSeconds: 0 });
      for (const who of [a, b]) {
        const { errors } = await who.call('state');
        assert.equal(errors.length, 1);
        assert.equal(errors[0].name, 'RedisStoreError');
        assert.equal(errors[0].key, 'k');
      }
      await server.restart();
      await until(async () => (await read(b, 'after')).status === 'FRESH');
      await until(async () => (await read(a, 'x')).status === 'FRESH');
      assert.equal((await read(a, 'x')).value, 'after');
    } finally {
      await server.stop();
    }
  });
});
