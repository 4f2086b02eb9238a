// Redis store for isr.js (SPEC §3 R9): the entries, the single flight and the invalidations of a
// cache shared by every instance (process, container, server) of an app.
//
//   import { configure } from './_isr/isr.js';
//   import { createRedisStore } from './_isr/isr-redis.js';
//   configure({ store: await createRedisStore({ url: 'redis://127.0.0.1:6379' }) });
//
// Node only: it imports the npm `redis` client (an optional dependency) when it creates its own
// client. isr.js never imports this file, so browsers and Workers stay dependency-free.
//
// The layout is shared with the JVM runtime (isr-runtime-redis/README.md); every key of a namespace
// carries the hash tag {ns}, so one namespace lives in one cluster slot and a script may touch
// several of its keys:
//   {ns}:gen          integer, the namespace generation; invalidateAll() = INCR
//   {ns}:tag:<tag>    integer, the tag's version; invalidateTag(tag) = INCR
//   {ns}:e:<key>      hash: v (the value as JSON {"value": …}), t (fetch start, epoch ms of the
//                     fetching instance's clock), g (generation at fetch start), tv (JSON object
//                     tag → version at fetch start), f and r (failed refreshes in a row, and the
//                     epoch ms before which no instance refreshes again: the backoff of R4)
//   {ns}:lease:<key>  string, the single-flight lease: SET NX PX <leaseMs> with a random token,
//                     renewed (PEXPIRE, token compared) every leaseMs/3 while its fetch runs
// An entry is valid iff g is the current generation and every tag in tv has its current version
// (a missing counter counts as 0); an invalid entry reads as missing and expires on its own.

import { createHash, randomUUID } from 'node:crypto';
import { StoreError, backoffMs, checkWholeSeconds, toJson } from './isr-core.js';

/** First and longest pause between two looks of an instance that waits for another one's fetch. */
const FIRST_POLL_MS = 5;
const MAX_POLL_MS = 50;

const DEFAULTS = Object.freeze({
  namespace: 'isr',
  leaseMs: 10_000,
  waitMs: 10_000,
  staleKeepSeconds: 86_400,
  retryMs: 1_000,
  commandTimeoutMs: 1_000,
  connectTimeoutMs: 1_000,
});

/**
 * `valid(entry, gen, tagPrefix)`: the entry's fields v, t, g, tv, f, r if it is valid under the
 * current generation and tag versions, else nil.
 */
const VALID_ENTRY_LUA = `
local function valid(entryKey, genKey, tagPrefix)
  local e = redis.call('HMGET', entryKey, 'v', 't', 'g', 'tv', 'f', 'r')
  if not e[1] then return nil end
  if e[3] ~= (redis.call('GET', genKey) or '0') then return nil end
  for tag, version in pairs(cjson.decode(e[4])) do
    if version ~= (redis.call('GET', tagPrefix .. tag) or '0') then return nil end
  end
  return e
end
`;

/**
 * One look at a key. KEYS: entry, gen, lease. ARGV: mode, tag prefix, token, lease ms, bound, now,
 * tags of the call. Modes:
 * - read: {'hit', v, t, r, 1 if the lease is held else 0} or {'none'}, so that a stale read starts
 *   no refresh while one runs elsewhere or the key backs off;
 * - miss: {'hit', …} if a valid entry fetched at or after `bound` exists (younger than the stale
 *   limit), else takes the lease: {'lease', gen, failures, version of each tag}, else {'busy'};
 * - refresh: takes the lease only while the entry is still the stale one fetched at `bound` and
 *   does not back off (r ≤ now), else {'busy'}.
 * Gen and tag versions are read in the same script that takes the lease, before the fetch starts.
 */
const ACCESS = script(`${VALID_ENTRY_LUA}
local e = valid(KEYS[1], KEYS[2], ARGV[2])
local mode = ARGV[1]
if mode == 'read' then
  if e then return {'hit', e[1], e[2], e[6] or '0', redis.call('EXISTS', KEYS[3])} end
  return {'none'}
end
if mode == 'miss' then
  if e and tonumber(e[2]) >= tonumber(ARGV[5]) then return {'hit', e[1], e[2], e[6] or '0', 1} end
elseif not e or e[2] ~= ARGV[5] or tonumber(e[6] or '0') > tonumber(ARGV[6]) then
  return {'busy'}
end
if not redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[4]) then return {'busy'} end
local out = {'lease', redis.call('GET', KEYS[2]) or '0', (e and e[5]) or '0'}
for i = 7, #ARGV do out[#out + 1] = redis.call('GET', ARGV[2] .. ARGV[i]) or '0' end
return out
`);

/**
 * Stores a fetched value. KEYS: entry, gen, lease. ARGV: token, gen, tv, v, t, expiry ms, tag
 * prefix, then tag/version pairs. Only while the lease still holds the token (invalidate(key)
 * deletes it) and the generation and tag versions are those read when the fetch started (R5).
 * Ends the lease either way.
 */
const COMMIT = script(`
if redis.call('GET', KEYS[3]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[3])
if (redis.call('GET', KEYS[2]) or '0') ~= ARGV[2] then return 0 end
for i = 8, #ARGV, 2 do
  if (redis.call('GET', ARGV[7] .. ARGV[i]) or '0') ~= ARGV[i + 1] then return 0 end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[4], 't', ARGV[5], 'g', ARGV[2], 'tv', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
return 1
`);

/**
 * After a failed fetch. KEYS: entry, lease. ARGV: token, fetch time of the stale entry a refresh
 * replaced ('' for a miss), failures, retry-at. Ends the lease if still ours; a failed refresh
 * records its backoff in the entry it failed to replace, for every instance.
 */
const RELEASE = script(`
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 't') == ARGV[2] then
  redis.call('HSET', KEYS[1], 'f', ARGV[3], 'r', ARGV[4])
end
return 1
`);

/**
 * Keeps a lease while its holder is alive. KEYS: lease. ARGV: token, lease ms. A lease that is no
 * longer ours (expired and taken, or deleted by invalidate) is left alone.
 */
const RENEW = script(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

function script(source) {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** Thrown inside this module when Redis cannot be used; the callers fall back, never the reader. */
class Unavailable extends Error {}

/** A Redis failure as the cache's error listener hears it (an outage once, not once per read). */
export class RedisStoreError extends StoreError {}

function sleep(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms); });
}

/** Like sleep, but does not keep the process alive. */
function timeout(ms) {
  return new Promise((resolve) => { setTimeout(resolve, ms).unref(); });
}

function positiveMs(name, value) {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a whole number of milliseconds ≥ 1, got ${String(value)}`);
  }
  return value;
}

function checkStoreOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object such as { url: 'redis://127.0.0.1:6379' }, got ${String(options)}`);
  }
  const checked = { ...DEFAULTS };
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (name.endsWith('Ms')) checked[name] = positiveMs(name, value);
    else if (name === 'staleKeepSeconds') checked[name] = checkWholeSeconds(name, value);
    else if (name === 'namespace') {
      if (typeof value !== 'string' || value.length === 0 || /[{}]/.test(value)) {
        throw new TypeError(`namespace must be a non-empty string without { or }, got ${JSON.stringify(value)}`);
      }
      checked.namespace = value;
    } else if (name === 'url') {
      if (typeof value !== 'string') throw new TypeError(`url must be a string such as 'redis://127.0.0.1:6379', got ${String(value)}`);
      checked.url = value;
    } else if (name === 'client') {
      if (typeof value?.sendCommand !== 'function') throw new TypeError('client must be a client of the npm `redis` package (createClient())');
      checked.client = value;
    } else {
      throw new TypeError(`unknown option ${JSON.stringify(name)}; known: url, client, ${Object.keys(DEFAULTS).join(', ')}`);
    }
  }
  if (!checked.url === !checked.client) throw new TypeError('give exactly one of url and client');
  return checked;
}

/**
 * The store behind a cache of isr.js (`createCache({ store })` / `configure({ store })`). Reads
 * never fail because of Redis: when it cannot be reached, read() reports a miss and load() calls
 * the fetcher directly, reporting the outage once to the cache's error listener; a breaker then
 * skips Redis for `retryMs`, so a read does not pay a timeout while Redis is down.
 */
class RedisStore {
  #client;
  #owned;
  #options;
  #prefix;
  /** Date.now() before which no read tries Redis (the breaker is open) */
  #skipUntil = 0;
  /** true from the first failure of an outage, reported once, to the next success */
  #down = false;

  constructor(client, owned, options) {
    this.#client = client;
    this.#owned = owned;
    this.#options = options;
    this.#prefix = `{${options.namespace}}:`;
  }

  /**
   * The valid entry of `key` as { value, fetchedAt, retryAt, refreshing }, or null (missing,
   * invalid, or Redis unreachable). `retryAt`: epoch ms before which a failed refresh is not tried
   * again (R4); `refreshing`: an instance holds the key's lease.
   */
  async read(key, ctx) {
    try {
      const reply = await this.#access(ctx, key, ['read', '', '0', '0', '0']);
      return reply[0] === 'hit' ? decode(reply, key, ctx) : null;
    } catch (error) {
      if (error instanceof Unavailable) return null;
      throw error;
    }
  }

  /**
   * The value of `key` for this instance's one flight: a miss (`refreshOf` null) takes the lease
   * and fetches, or waits for the instance that holds it; a refresh (`refreshOf`: fetch time of the
   * stale value) fetches only if it takes the lease, else resolves to null. Resolves to
   * { value, fetchedAt }; rejects only with the fetcher's error.
   */
  async load(key, request, ctx) {
    const { ttlSeconds, maxStaleSeconds, tags, fetcher, refreshOf } = request;
    const refresh = refreshOf !== null;
    const token = randomUUID();
    const deadline = Date.now() + this.#options.waitMs;
    for (let pause = FIRST_POLL_MS; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      let reply;
      try {
        const now = ctx.now();
        // a miss accepts a value another instance stored if it is still servable (R7)
        const bound = refresh ? refreshOf : (maxStaleSeconds == null ? 0 : now - (ttlSeconds + maxStaleSeconds) * 1000 + 1);
        reply = await this.#access(ctx, key, [refresh ? 'refresh' : 'miss', token, String(this.#options.leaseMs), String(bound), String(now), ...tags]);
      } catch (error) {
        if (!(error instanceof Unavailable)) throw error;
        return refresh ? null : fetchDirectly(key, fetcher, ctx);
      }
      if (reply[0] === 'hit') return decode(reply, key, ctx) ?? fetchDirectly(key, fetcher, ctx);
      if (reply[0] === 'lease') return this.#fetchAsHolder(key, token, reply, request, ctx);
      if (refresh) return null; // another instance refreshes, or the key backs off
      if (Date.now() >= deadline) {
        ctx.report(new RedisStoreError(`waited ${this.#options.waitMs} ms for another instance to fetch ${JSON.stringify(key)}; fetching here`), key);
        return fetchDirectly(key, fetcher, ctx);
      }
      await sleep(pause);
    }
  }

  /** Deletes the entry and the lease: a fetch in flight anywhere can no longer store (R5). */
  invalidate(key, ctx) {
    return this.#change(ctx, key, ['DEL', this.#entryKey(key), this.#leaseKey(key)], `invalidate(${JSON.stringify(key)})`);
  }

  invalidateTag(tag, ctx) {
    return this.#change(ctx, null, ['INCR', this.#tagPrefix() + tag], `invalidateTag(${JSON.stringify(tag)})`);
  }

  invalidateAll(ctx) {
    return this.#change(ctx, null, ['INCR', this.#genKey()], 'invalidateAll()');
  }

  /** Closes the client if this store created it (from `url`); a client passed in stays open. */
  async close() {
    if (!this.#owned || !this.#client.isOpen) return;
    // close() waits for pending replies; a client still reconnecting to a stopped server has none to wait for
    if (this.#client.isReady) await this.#client.close();
    else this.#client.destroy();
  }

  async #fetchAsHolder(key, token, reply, request, ctx) {
    const { ttlSeconds, maxStaleSeconds, tags, fetcher, refreshOf } = request;
    const [, generation, failures, ...versions] = reply;
    const startedAt = ctx.now();
    // While the fetch runs, renew the lease every third of its lifetime: a slow fetch keeps it (and
    // stores its value), a dead process stops renewing and its lease expires within leaseMs.
    const { leaseMs } = this.#options;
    const renewal = setInterval(() => {
      this.#eval(RENEW, [this.#leaseKey(key)], [token, String(leaseMs)]).catch(() => {}); // else it expires: the documented fallback
    }, Math.max(1, Math.floor(leaseMs / 3)));
    renewal.unref();
    let json;
    try {
      json = toJson(key, await fetcher());
    } catch (error) {
      const failed = Number(failures) + 1;
      await this.#guarded(ctx, key, () => this.#eval(RELEASE, [this.#entryKey(key), this.#leaseKey(key)],
        [token, refreshOf === null ? '' : String(refreshOf), String(failed), String(ctx.now() + backoffMs(failed, ttlSeconds))]))
        .catch((releaseError) => { if (!(releaseError instanceof Unavailable)) throw releaseError; });
      throw error;
    } finally {
      clearInterval(renewal);
    }
    const tagVersions = tags.flatMap((tag, i) => [tag, versions[i]]);
    const keepMs = (ttlSeconds + (maxStaleSeconds ?? this.#options.staleKeepSeconds)) * 1000;
    try {
      await this.#guarded(ctx, key, () => this.#eval(COMMIT, [this.#entryKey(key), this.#genKey(), this.#leaseKey(key)], [
        token, generation, JSON.stringify(Object.fromEntries(tags.map((tag, i) => [tag, versions[i]]))), json,
        String(startedAt), String(Math.max(keepMs, 1)), this.#tagPrefix(), ...tagVersions,
      ]));
    } catch (error) {
      if (!(error instanceof Unavailable)) throw error; // the value still answers this instance's callers
    }
    return { value: JSON.parse(json).value, fetchedAt: startedAt };
  }

  #access(ctx, key, [mode, ...args]) {
    return this.#guarded(ctx, key, () => this.#eval(ACCESS, [this.#entryKey(key), this.#genKey(), this.#leaseKey(key)],
      [mode, this.#tagPrefix(), ...args]));
  }

  /**
   * Runs a Redis operation behind the breaker: while it is open, throws Unavailable without a
   * round trip; a failure opens it for retryMs and is reported if it starts an outage.
   */
  async #guarded(ctx, key, operation) {
    if (Date.now() < this.#skipUntil) throw new Unavailable();
    try {
      const result = await operation();
      this.#down = false;
      return result;
    } catch (error) {
      this.#skipUntil = Date.now() + this.#options.retryMs;
      if (!this.#down) {
        this.#down = true;
        ctx.report(new RedisStoreError(`Redis is unavailable (${error.message}); fetching directly, retrying Redis every ${this.#options.retryMs} ms`, error), key);
      }
      throw new Unavailable();
    }
  }

  /** An invalidation always tries Redis, breaker or not, and reports its own failure. */
  async #change(ctx, key, command, what) {
    try {
      await this.#send(command);
      return true;
    } catch (error) {
      ctx.report(new RedisStoreError(`${what} did not reach Redis (${error.message}); other instances keep their entries`, error), key);
      return false;
    }
  }

  /** EVALSHA, and EVAL once when Redis does not know the script yet (a new or restarted server). */
  async #eval({ source, sha }, keys, args) {
    try {
      return await this.#send(['EVALSHA', sha, String(keys.length), ...keys, ...args]);
    } catch (error) {
      if (!String(error?.message).startsWith('NOSCRIPT')) throw error;
      return this.#send(['EVAL', source, String(keys.length), ...keys, ...args]);
    }
  }

  /**
   * One command, failing after commandTimeoutMs without a reply. The client's own `timeout` option
   * is not enough: it only covers the wait before the command is written to the socket, so a Redis
   * that accepts connections but does not answer (overloaded, paused) would hang every read. A late
   * reply still arrives in order and is dropped.
   */
  #send(command) {
    const ms = this.#options.commandTimeoutMs;
    let timer;
    const timeout = new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no reply from Redis within ${ms} ms`)), ms);
    });
    return Promise.race([this.#client.sendCommand(command), timeout]).finally(() => clearTimeout(timer));
  }

  #genKey() {
    return `${this.#prefix}gen`;
  }

  #tagPrefix() {
    return `${this.#prefix}tag:`;
  }

  #entryKey(key) {
    return `${this.#prefix}e:${key}`;
  }

  #leaseKey(key) {
    return `${this.#prefix}lease:${key}`;
  }
}

/**
 * A stored entry as { value, fetchedAt, retryAt, refreshing }, or null, reported, when its value is
 * not JSON (written by something else than this module, e.g. another runtime in the same
 * namespace): never a failed read.
 */
function decode([, json, fetchedAt, retryAt, leased], key, ctx) {
  try {
    return { value: JSON.parse(json).value, fetchedAt: Number(fetchedAt), retryAt: Number(retryAt), refreshing: leased === 1 };
  } catch (error) {
    ctx.report(new RedisStoreError(`the stored value of ${JSON.stringify(key)} is not JSON written by isr-redis.js; `
      + 'ignoring it (give each runtime its own namespace)', error), key);
    return null;
  }
}

/** Without Redis: the fetch of this instance alone, its value through JSON as if it had been stored. */
async function fetchDirectly(key, fetcher, ctx) {
  const startedAt = ctx.now();
  const json = toJson(key, await fetcher());
  return { value: JSON.parse(json).value, fetchedAt: startedAt };
}

/**
 * A Redis store for isr.js. Options (all optional but one of url and client):
 * - url: 'redis://host:port/db' — the store creates its own client (npm `redis`), reconnecting on
 *   its own; close() closes it;
 * - client: a client of the npm `redis` package you created (createClient(), connected). Give it
 *   `disableOfflineQueue: true`, or commands wait for a reconnect instead of falling back;
 * - namespace ('isr'), leaseMs (10,000), waitMs (10,000), staleKeepSeconds (86,400), retryMs
 *   (1,000), commandTimeoutMs (1,000), connectTimeoutMs (1,000): see README.md.
 * Resolves once the first connection attempt has ended, connected or not: an app starts while
 * Redis is down and uses it once it is up.
 */
export async function createRedisStore(options = {}) {
  const checked = checkStoreOptions(options);
  if (checked.client) return new RedisStore(checked.client, false, checked);
  const { createClient } = await import('redis');
  const client = createClient({
    url: checked.url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: checked.connectTimeoutMs,
      // at once after a drop, then doubling up to every retryMs: Redis is used again soon after it is back
      reconnectStrategy: (retries) => Math.min(10 * 2 ** retries, checked.retryMs),
    },
  });
  // Failures are reported by the reads that meet them (once per outage); the client's own error
  // events would otherwise crash the process as unhandled 'error' events.
  client.on('error', () => {});
  const connecting = client.connect().catch(() => {});
  await Promise.race([connecting, timeout(checked.connectTimeoutMs)]);
  return new RedisStore(client, true, checked);
}
