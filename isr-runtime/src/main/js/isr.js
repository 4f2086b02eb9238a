// In-memory stale-while-revalidate cache (SPEC §3) for Node ≥ 20 and browsers.
// ES module without dependencies and without Node APIs: it runs unchanged in both.
// The cache lives in this process (or browser tab) only, unless it is given a shared store
// (`createCache({ store })`, e.g. the Redis store of isr-redis.js); see README.md.

import {
  FRESH, STALE, MISS, Counters, ageSeconds, backoffMs, checkCommonOptions, checkKey,
  checkReadArguments, checkTag, classify, logReportedError, publicApi, report,
} from './isr-core.js';

export { FRESH, STALE, MISS };

const DEFAULT_MAX_ENTRIES = 10_000;

/** Methods a shared store must have (see README.md, "Shared store"). */
const STORE_METHODS = ['read', 'load', 'invalidate', 'invalidateTag', 'invalidateAll'];

/**
 * One cache instance. Entries live in a Map for lookup and in a circular doubly linked list for
 * recency: a hit moves its entry to the tail, eviction takes entries from the head (LRU). Moving
 * a list node is a few pointer writes, where re-inserting into the Map (delete + set) hashed the
 * key twice and left a hole per hit, which was a third of the cost of a fresh hit.
 *
 * A "flight" is the one fetch in progress for a key, shared by every caller (single flight).
 * A flight stores its result only while it is still the key's current flight: invalidation
 * removes it from #flights, so a fetch that started before an invalidation cannot bring its
 * (possibly outdated) result back into the cache, though it still answers its waiting callers.
 */
class InMemoryCache {
  /** key → { key, value, fetchedAt, tags, failures, retryAt, prev, next } */
  #entries = new Map();
  /** sentinel of the recency list: `next` is the least recently used entry, `prev` the most recent */
  #recency = emptyRecency();
  /** key → { promise, tags } */
  #flights = new Map();
  /** completion of every flight still running, current or already invalidated: for idle() */
  #running = new Set();
  #counters = new Counters();
  #now = () => Date.now();
  #maxEntries = DEFAULT_MAX_ENTRIES;
  #maxStaleSeconds = null;
  #onError = logReportedError;
  /** a shared store (isr-redis.js) that holds the entries instead of #entries, or null */
  #shared = null;
  /** what a shared store may use of this cache: its clock and its error listener */
  #storeContext = Object.freeze({
    now: () => this.#now(),
    report: (error, key) => report(this.#onError, error, key),
  });

  constructor(options = {}) {
    this.configure(options);
  }

  configure(options) {
    const checked = checkCommonOptions(options);
    if (options.maxEntries !== undefined) {
      if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
        throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${String(options.maxEntries)}`);
      }
      this.#maxEntries = options.maxEntries;
    }
    if (checked.now) this.#now = checked.now;
    if (checked.onError) this.#onError = checked.onError;
    if ('maxStaleSeconds' in checked) this.#maxStaleSeconds = checked.maxStaleSeconds;
    if (options.store !== undefined) this.#useStore(options.store);
    this.#evictOverflow();
  }

  withRevalidate(key, ttlSeconds, fetcher, options) {
    if (this.#shared) return this.#readShared(key, ttlSeconds, fetcher, options).then((read) => read.value);
    const read = this.#read(key, ttlSeconds, fetcher, options);
    return read.flight ? read.flight.promise : Promise.resolve(read.value);
  }

  readWithStatus(key, ttlSeconds, fetcher, options) {
    if (this.#shared) return this.#readShared(key, ttlSeconds, fetcher, options);
    const read = this.#read(key, ttlSeconds, fetcher, options);
    if (!read.flight) return Promise.resolve(read);
    const { promise, startedAt } = read.flight;
    return promise.then((value) => ({ value, status: MISS, ageSeconds: ageSeconds(this.#now(), startedAt) }));
  }

  /** With a shared store: returns a promise of true once every instance sees it, false if the store failed. */
  invalidate(key) {
    checkKey(key);
    this.#forget(key);
    return this.#shared?.invalidate(key, this.#storeContext);
  }

  invalidateAll() {
    this.#forgetAllLocally();
    return this.#shared?.invalidateAll(this.#storeContext);
  }

  invalidateTag(tag) {
    checkTag(tag);
    const tagged = new Set();
    for (const [key, entry] of this.#entries) if (entry.tags.includes(tag)) tagged.add(key);
    for (const [key, flight] of this.#flights) if (flight.tags.includes(tag)) tagged.add(key);
    for (const key of tagged) this.#forget(key);
    return this.#shared?.invalidateTag(tag, this.#storeContext);
  }

  stats() {
    return this.#counters.snapshot({ size: this.#entries.size });
  }

  /** Resolves once every background fetch has settled (tests, graceful shutdown). */
  async idle() {
    while (this.#running.size > 0) await Promise.all(this.#running);
  }

  /** Serves a hit at once ({ value, status, ageSeconds }) or returns the flight a miss waits for. */
  #read(key, ttlSeconds, fetcher, options) {
    const tags = checkReadArguments(key, ttlSeconds, fetcher, options);
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry) {
      const status = classify(now - entry.fetchedAt, ttlSeconds, this.#maxStaleSeconds);
      if (status !== MISS) {
        this.#touch(entry);
        this.#counters.count(status);
        if (status === STALE) this.#refreshIfDue(key, entry, ttlSeconds, fetcher, tags, now);
        return { value: entry.value, status, ageSeconds: ageSeconds(now, entry.fetchedAt) };
      }
      // Older than ttl + maxStaleSeconds: no longer served, the read waits for a fetch (R7).
      this.#remove(entry);
    }
    this.#counters.count(MISS);
    return { flight: this.#flights.get(key) ?? this.#startFlight(key, ttlSeconds, fetcher, tags, now, null) };
  }

  /**
   * A read over the shared store: the store says what it holds (null when missing, invalid or
   * unreachable), this cache decides FRESH / STALE / MISS. Misses and refreshes are one flight per
   * key in this process; the store coordinates the flights of all instances (see isr-redis.js).
   * Not async on purpose: bad arguments throw here, at the call.
   */
  #readShared(key, ttlSeconds, fetcher, options) {
    const tags = checkReadArguments(key, ttlSeconds, fetcher, options);
    return this.#shared.read(key, this.#storeContext).then((entry) => {
      const now = this.#now();
      const status = entry ? classify(now - entry.fetchedAt, ttlSeconds, this.#maxStaleSeconds) : MISS;
      this.#counters.count(status);
      if (status !== MISS) {
        // no refresh while one runs here or elsewhere, or while a failed one backs off (R4)
        if (status === STALE && !this.#flights.has(key) && !entry.refreshing && now >= (entry.retryAt ?? 0)) {
          this.#startSharedFlight(key, { ttlSeconds, tags, fetcher, refreshOf: entry.fetchedAt });
        }
        return { value: entry.value, status, ageSeconds: ageSeconds(now, entry.fetchedAt) };
      }
      const flight = this.#flights.get(key) ?? this.#startSharedFlight(key, { ttlSeconds, tags, fetcher, refreshOf: null });
      return flight.promise.then(({ value, fetchedAt }) => ({ value, status: MISS, ageSeconds: ageSeconds(this.#now(), fetchedAt) }));
    });
  }

  /**
   * The one flight of this process for `key` over the shared store. A refresh (`refreshOf`: the
   * fetch time of the stale value) resolves to null when another instance is refreshing or the key
   * backs off; it counts as a refresh only when this instance fetched.
   */
  #startSharedFlight(key, request) {
    const flight = {
      tags: request.tags,
      promise: this.#shared.load(key, { ...request, maxStaleSeconds: this.#maxStaleSeconds }, this.#storeContext),
    };
    this.#flights.set(key, flight);
    const refresh = request.refreshOf !== null;
    const settled = flight.promise.then(
      (loaded) => { if (refresh && loaded) this.#counters.refreshes++; },
      (error) => {
        if (!refresh) return; // a miss's failure reaches its callers through flight.promise
        this.#counters.refreshes++;
        this.#counters.refreshFailures++;
        report(this.#onError, error, key);
      },
    ).finally(() => {
      this.#release(key, flight);
      this.#running.delete(settled);
    });
    this.#running.add(settled);
    return flight;
  }

  #useStore(store) {
    if (store !== null && (typeof store !== 'object' || STORE_METHODS.some((method) => typeof store[method] !== 'function'))) {
      throw new TypeError(`store must be a shared store such as createRedisStore() of isr-redis.js (with ${STORE_METHODS.join(', ')}), or null`);
    }
    this.#shared = store;
    this.#forgetAllLocally(); // what this process held is not in the new store; in memory again after null
  }

  #refreshIfDue(key, entry, ttlSeconds, fetcher, tags, now) {
    if (this.#flights.has(key) || now < entry.retryAt) return;
    this.#counters.refreshes++;
    this.#startFlight(key, ttlSeconds, fetcher, tags, now, entry);
  }

  /**
   * Starts the key's one fetch. `staleEntry` is the entry a background refresh replaces
   * (null on a miss): its failure is reported to onError and backs off, while the failure
   * of a miss reaches the waiting callers through the shared promise.
   */
  #startFlight(key, ttlSeconds, fetcher, tags, startedAt, staleEntry) {
    // The fetcher runs one microtask later, once the flight is registered: a fetcher that reads
    // its own key then joins this flight, and a fetcher that throws synchronously rejects it.
    const flight = { tags, startedAt, promise: Promise.resolve().then(() => fetcher()) };
    this.#flights.set(key, flight);
    const settled = flight.promise.then(
      (value) => {
        if (this.#release(key, flight)) {
          this.#store({ key, value, fetchedAt: startedAt, tags, failures: 0, retryAt: 0, prev: null, next: null });
        }
      },
      (error) => {
        const current = this.#release(key, flight);
        if (staleEntry) this.#refreshFailed(key, current ? staleEntry : null, ttlSeconds, error);
      },
    ).finally(() => this.#running.delete(settled));
    this.#running.add(settled);
    return flight;
  }

  /** Ends a flight; true when it was still current, i.e. allowed to write its result. */
  #release(key, flight) {
    if (this.#flights.get(key) !== flight) return false;
    this.#flights.delete(key);
    return true;
  }

  #refreshFailed(key, staleEntry, ttlSeconds, error) {
    this.#counters.refreshFailures++;
    if (staleEntry && this.#entries.get(key) === staleEntry) {
      staleEntry.failures++;
      staleEntry.retryAt = this.#now() + backoffMs(staleEntry.failures, ttlSeconds);
    }
    report(this.#onError, error, key);
  }

  #forgetAllLocally() {
    this.#entries.clear();
    this.#recency = emptyRecency();
    this.#flights.clear();
  }

  #forget(key) {
    const entry = this.#entries.get(key);
    if (entry) this.#remove(entry);
    this.#flights.delete(key);
  }

  /** Makes `entry` the most recently used; nothing to do when it already is. */
  #touch(entry) {
    const tail = this.#recency.prev;
    if (tail === entry) return;
    unlink(entry);
    linkAfter(tail, entry);
  }

  #store(entry) {
    const previous = this.#entries.get(entry.key);
    if (previous) unlink(previous);
    this.#entries.set(entry.key, entry);
    linkAfter(this.#recency.prev, entry);
    this.#evictOverflow();
  }

  #remove(entry) {
    unlink(entry);
    this.#entries.delete(entry.key);
  }

  #evictOverflow() {
    while (this.#entries.size > this.#maxEntries) {
      this.#remove(this.#recency.next);
      this.#counters.evictions++;
    }
  }
}

function emptyRecency() {
  const sentinel = { prev: null, next: null };
  sentinel.prev = sentinel;
  sentinel.next = sentinel;
  return sentinel;
}

function unlink(entry) {
  entry.prev.next = entry.next;
  entry.next.prev = entry.prev;
}

function linkAfter(node, entry) {
  entry.prev = node;
  entry.next = node.next;
  node.next.prev = entry;
  node.next = entry;
}

/**
 * A new, independent cache. Options: { now, maxEntries, maxStaleSeconds, onError, store }, where
 * `store` is a shared store (createRedisStore() of isr-redis.js); without it, entries stay in memory.
 * Its methods are bound, so they can be destructured: `const { withRevalidate } = createCache()`.
 */
export function createCache(options = {}) {
  return publicApi(new InMemoryCache(options));
}

const defaultCache = createCache();

/**
 * The default instance's API. withRevalidate(key, ttlSeconds, fetcher, options) returns the
 * value for `key`; readWithStatus resolves to { value, status: 'FRESH' | 'STALE' | 'MISS', ageSeconds }.
 */
export const {
  withRevalidate, readWithStatus, invalidate, invalidateAll, invalidateTag, configure, stats, idle,
} = defaultCache;
