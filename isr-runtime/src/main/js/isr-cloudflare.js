// Stale-while-revalidate cache (SPEC §3) for Cloudflare Workers, stored in the Cache API.
//
// What the Cache API allows, and what this module does about it (details in README.md):
// - it is per data centre: entries, deletions and invalidation markers stay in the data centre
//   that wrote them;
// - it ignores stale-while-revalidate: the fetch time travels in a header of the stored
//   response and this module decides FRESH / STALE / MISS itself;
// - put() may silently store nothing: a caller always gets the value it fetched, never a
//   read-back;
// - it cannot list keys: invalidateAll and invalidateTag bump version numbers instead (the
//   namespace version is part of every entry URL, tag versions are checked against a header),
//   kept in this isolate and in tiny marker entries that other isolates of the data centre read;
// - single flight is per isolate: isolates do not share in-flight fetches.

import {
  STALE, MISS, Counters, ageSeconds, backoffMs, checkCommonOptions, checkKey,
  checkReadArguments, checkTag, classify, logReportedError, publicApi, report, toJson,
} from './isr-core.js';

export { FRESH, STALE, MISS } from './isr-core.js';

/** Fixed internal origin of every URL this module stores; never fetched over the network. */
export const ORIGIN = 'https://isr.internal';
const NAMESPACE_MARKER = `${ORIGIN}/_isr/namespace`;
const FETCHED_AT_HEADER = 'x-isr-fetched-at';
const TAGS_HEADER = 'x-isr-tags';
/** How long the Cache API may keep entries when no maxStaleSeconds bounds their use: a year. */
const KEEP_SECONDS = 365 * 24 * 3600;
/** Bound of the per-isolate map of keys whose refresh failed (their backoff state). */
const MAX_BACKOFF_ENTRIES = 10_000;

/** URL of the stored entry of `key` in namespace version `namespace`. */
export function entryUrl(namespace, key) {
  return `${ORIGIN}/v${namespace}/${encodeURIComponent(key)}`;
}

function tagMarkerUrl(tag) {
  return `${ORIGIN}/_isr/tag/${encodeURIComponent(tag)}`;
}

function keepHeaders(seconds) {
  return { 'cache-control': `public, max-age=${seconds}` };
}

/** "posts=3, comments=0" ⇄ [['posts', 3], ['comments', 0]] (tags percent-encoded). */
function formatTagVersions(tagVersions) {
  return tagVersions.map(([tag, version]) => `${encodeURIComponent(tag)}=${version}`).join(', ');
}

function parseTagVersions(header) {
  if (!header) return [];
  return header.split(',').map((pair) => {
    const [tag, version] = pair.trim().split('=');
    return [decodeURIComponent(tag), Number(version)];
  });
}

/** A stored response as { value, fetchedAt, tagVersions }, or null when it is not one of ours. */
async function readEntry(response) {
  const fetchedAt = Number(response.headers.get(FETCHED_AT_HEADER));
  const body = await response.text();
  if (!Number.isFinite(fetchedAt)) return null;
  try {
    return { value: JSON.parse(body).value, fetchedAt, tagVersions: parseTagVersions(response.headers.get(TAGS_HEADER)) };
  } catch {
    return null;
  }
}

/**
 * Version numbers behind invalidateAll (one namespace marker) and invalidateTag (one marker
 * per tag). A bump takes effect in this isolate at once and is persisted as a marker entry;
 * a read takes the larger of the local and the persisted number, so versions only grow and
 * an invalidation in one isolate reaches the others of the data centre.
 */
class Versions {
  #local = new Map();
  #cache;
  #onStoreError;

  constructor(cache, onStoreError) {
    this.#cache = cache;
    this.#onStoreError = onStoreError;
  }

  async current(markerUrl) {
    const persisted = await this.#readPersisted(markerUrl);
    const version = Math.max(this.#local.get(markerUrl) ?? 0, persisted);
    this.#local.set(markerUrl, version);
    return version;
  }

  /** Bumps at once in this isolate (synchronously), then persists; the promise ends with the put. */
  bump(markerUrl) {
    const bumped = (this.#local.get(markerUrl) ?? 0) + 1;
    this.#local.set(markerUrl, bumped);
    return this.#persist(markerUrl, bumped);
  }

  async #persist(markerUrl, bumped) {
    try {
      const version = Math.max(bumped, (await this.#readPersisted(markerUrl)) + 1);
      this.#local.set(markerUrl, Math.max(this.#local.get(markerUrl), version));
      await this.#cache().put(markerUrl, new Response(String(version), { headers: keepHeaders(KEEP_SECONDS) }));
    } catch (error) {
      this.#onStoreError(error, markerUrl);
    }
  }

  async #readPersisted(markerUrl) {
    const response = await this.#cache().match(markerUrl);
    if (!response) return 0;
    const version = Number(await response.text());
    return Number.isInteger(version) ? version : 0;
  }
}

/**
 * One cache over one Cache API object. In a Worker, the module's default instance lives as
 * long as the isolate: its flights, backoff state, versions and counters are per isolate.
 */
class CloudflareCache {
  /** entry URL → { key, tags, startedAt, promise, done } : the fetch in progress per entry */
  #flights = new Map();
  /** entry URL → { failures, retryAt } of keys whose background refresh failed */
  #backoff = new Map();
  #running = new Set();
  #counters = new Counters();
  #now = () => Date.now();
  #maxStaleSeconds = null;
  #onError = logReportedError;
  #cacheObject = null;
  #versions = new Versions(() => this.#cache(), (error, url) => report(this.#onError, error, url));

  constructor(options = {}) {
    this.configure(options);
  }

  configure(options) {
    const checked = checkCommonOptions(options);
    if (options.cache !== undefined) {
      const { cache } = options;
      if (!cache || ['match', 'put', 'delete'].some((method) => typeof cache[method] !== 'function')) {
        throw new TypeError('cache must be a Cache API object with match, put and delete (e.g. caches.default)');
      }
      this.#cacheObject = cache;
    }
    if (checked.now) this.#now = checked.now;
    if (checked.onError) this.#onError = checked.onError;
    if ('maxStaleSeconds' in checked) this.#maxStaleSeconds = checked.maxStaleSeconds;
  }

  withRevalidate(key, ttlSeconds, fetcher, options) {
    return this.readWithStatus(key, ttlSeconds, fetcher, options).then((read) => read.value);
  }

  /** Not async on purpose: bad arguments throw here, at the call. */
  readWithStatus(key, ttlSeconds, fetcher, options) {
    const tags = checkReadArguments(key, ttlSeconds, fetcher, options);
    const ctx = options?.ctx;
    if (ctx !== undefined && typeof ctx?.waitUntil !== 'function') {
      throw new TypeError('ctx must be the Worker execution context (an object with waitUntil)');
    }
    return this.#read(key, ttlSeconds, fetcher, tags, ctx);
  }

  /** Deletes the key's entry in this data centre; in this isolate, its fetch in flight may no longer store. */
  invalidate(key) {
    checkKey(key);
    for (const [url, flight] of this.#flights) if (flight.key === key) this.#flights.delete(url);
    return this.#versions.current(NAMESPACE_MARKER)
      .then((namespace) => this.#cache().delete(entryUrl(namespace, key)))
      .then(() => undefined);
  }

  /** Moves every key to a new namespace URL: older entries are never read again and expire. */
  invalidateAll() {
    this.#flights.clear();
    return this.#versions.bump(NAMESPACE_MARKER);
  }

  /** Bumps the tag's version: entries stored under an older version of it read as misses. */
  invalidateTag(tag) {
    checkTag(tag);
    for (const [url, flight] of this.#flights) if (flight.tags.includes(tag)) this.#flights.delete(url);
    return this.#versions.bump(tagMarkerUrl(tag));
  }

  stats() {
    return this.#counters.snapshot();
  }

  /** Resolves once every fetch of this isolate, with its put, has settled. */
  async idle() {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  #cache() {
    if (this.#cacheObject) return this.#cacheObject;
    const cache = globalThis.caches?.default;
    if (!cache) {
      throw new Error('caches.default is not available: run inside Cloudflare Workers or pass configure({ cache })');
    }
    return cache;
  }

  async #read(key, ttlSeconds, fetcher, tags, ctx) {
    const url = entryUrl(await this.#versions.current(NAMESPACE_MARKER), key);
    const entry = await this.#lookup(url);
    const now = this.#now();
    if (entry) {
      const status = classify(now - entry.fetchedAt, ttlSeconds, this.#maxStaleSeconds);
      if (status !== MISS) {
        this.#counters.count(status);
        if (status === STALE) this.#refreshIfDue(url, key, ttlSeconds, fetcher, tags, ctx, now);
        return { value: entry.value, status, ageSeconds: ageSeconds(now, entry.fetchedAt) };
      }
    }
    this.#counters.count(MISS);
    const flight = this.#flights.get(url) ?? this.#startFlight(url, key, ttlSeconds, fetcher, tags, ctx, false);
    const value = await flight.promise;
    return { value, status: MISS, ageSeconds: ageSeconds(this.#now(), flight.startedAt) };
  }

  /** The stored entry at `url` if it can be served: readable and none of its tags invalidated. */
  async #lookup(url) {
    const response = await this.#cache().match(url);
    if (!response) return null;
    const entry = await readEntry(response);
    if (!entry) return null;
    const current = await Promise.all(entry.tagVersions.map(([tag]) => this.#versions.current(tagMarkerUrl(tag))));
    return entry.tagVersions.every(([, version], index) => current[index] === version) ? entry : null;
  }

  #refreshIfDue(url, key, ttlSeconds, fetcher, tags, ctx, now) {
    if (this.#flights.has(url) || now < (this.#backoff.get(url)?.retryAt ?? 0)) return;
    this.#counters.refreshes++;
    this.#startFlight(url, key, ttlSeconds, fetcher, tags, ctx, true);
  }

  /**
   * Starts the one fetch of this isolate for `url`. Tag versions are read before the fetcher
   * runs, so an invalidateTag during the fetch leaves the stored result outdated. Callers get
   * the value once the put has finished (whether or not it stored anything), so a later read
   * in this isolate finds it; `done` (fetch and put, errors handled) goes to ctx.waitUntil,
   * and without ctx it runs un-awaited.
   */
  #startFlight(url, key, ttlSeconds, fetcher, tags, ctx, isRefresh) {
    const flight = { key, tags, startedAt: this.#now(), promise: null, done: null };
    this.#flights.set(url, flight);
    flight.promise = Promise.all(tags.map(async (tag) => [tag, await this.#versions.current(tagMarkerUrl(tag))]))
      .then(async (tagVersions) => {
        const body = toJson(key, await fetcher());
        await this.#store(url, flight, body, tagVersions, ttlSeconds);
        return JSON.parse(body).value;
      });
    flight.done = flight.promise
      .then(
        () => { this.#backoff.delete(url); },
        (error) => { if (isRefresh) this.#refreshFailed(url, key, ttlSeconds, error); },
      )
      .finally(() => {
        if (this.#flights.get(url) === flight) this.#flights.delete(url);
        this.#running.delete(flight.done);
      });
    this.#running.add(flight.done);
    ctx?.waitUntil(flight.done);
    return flight;
  }

  /** Puts the fetched body unless the flight was invalidated; a failed put is reported, not thrown. */
  async #store(url, flight, body, tagVersions, ttlSeconds) {
    if (this.#flights.get(url) !== flight) return;
    const keepSeconds = this.#maxStaleSeconds == null ? KEEP_SECONDS : ttlSeconds + this.#maxStaleSeconds;
    const headers = {
      ...keepHeaders(keepSeconds),
      'content-type': 'application/json',
      [FETCHED_AT_HEADER]: String(flight.startedAt),
      [TAGS_HEADER]: formatTagVersions(tagVersions),
    };
    try {
      await this.#cache().put(url, new Response(body, { headers }));
      // invalidate(key) ran while the put was in progress: take the outdated value out again.
      if (this.#flights.get(url) !== flight) await this.#cache().delete(url);
    } catch (error) {
      report(this.#onError, error, flight.key);
    }
  }

  #refreshFailed(url, key, ttlSeconds, error) {
    this.#counters.refreshFailures++;
    const failures = (this.#backoff.get(url)?.failures ?? 0) + 1;
    this.#backoff.delete(url);
    this.#backoff.set(url, { failures, retryAt: this.#now() + backoffMs(failures, ttlSeconds) });
    if (this.#backoff.size > MAX_BACKOFF_ENTRIES) this.#backoff.delete(this.#backoff.keys().next().value);
    report(this.#onError, error, key);
  }
}

/**
 * A new, independent cache. Options: { now, onError, maxStaleSeconds, cache } where `cache`
 * defaults to caches.default. Its methods are bound, so they can be destructured.
 */
export function createCache(options = {}) {
  return publicApi(new CloudflareCache(options));
}

const defaultCache = createCache();

/**
 * The default instance's API. withRevalidate(key, ttlSeconds, fetcher, options) returns the
 * value for `key`; readWithStatus resolves to { value, status: 'FRESH' | 'STALE' | 'MISS', ageSeconds }.
 */
export const {
  withRevalidate, readWithStatus, invalidate, invalidateAll, invalidateTag, configure, stats, idle,
} = defaultCache;
