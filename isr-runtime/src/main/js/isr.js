// In-memory stale-while-revalidate cache (SPEC §3) for Node ≥ 20 and browsers.
// ES module without dependencies and without Node APIs: it runs unchanged in both.
// The cache lives in this process (or browser tab) only; see README.md for what that means.

import {
  FRESH, STALE, MISS, Counters, ageSeconds, backoffMs, checkCommonOptions, checkKey,
  checkReadArguments, checkTag, classify, logRefreshFailure, publicApi, report,
} from './isr-core.js';

export { FRESH, STALE, MISS };

const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * One cache instance. Entries live in a Map whose insertion order is the recency order:
 * a hit moves its key to the end, eviction takes keys from the front (LRU).
 *
 * A "flight" is the one fetch in progress for a key, shared by every caller (single flight).
 * A flight stores its result only while it is still the key's current flight: invalidation
 * removes it from #flights, so a fetch that started before an invalidation cannot bring its
 * (possibly outdated) result back into the cache, though it still answers its waiting callers.
 */
class InMemoryCache {
  /** key → { value, fetchedAt, tags, failures, retryAt } */
  #entries = new Map();
  /** key → { promise, tags } */
  #flights = new Map();
  /** completion of every flight still running, current or already invalidated: for idle() */
  #running = new Set();
  #counters = new Counters();
  #now = () => Date.now();
  #maxEntries = DEFAULT_MAX_ENTRIES;
  #maxStaleSeconds = null;
  #onError = logRefreshFailure;

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
    this.#evictOverflow();
  }

  withRevalidate(key, ttlSeconds, fetcher, options) {
    const read = this.#read(key, ttlSeconds, fetcher, options);
    return read.flight ? read.flight.promise : Promise.resolve(read.value);
  }

  readWithStatus(key, ttlSeconds, fetcher, options) {
    const read = this.#read(key, ttlSeconds, fetcher, options);
    if (!read.flight) return Promise.resolve(read);
    const { promise, startedAt } = read.flight;
    return promise.then((value) => ({ value, status: MISS, ageSeconds: ageSeconds(this.#now(), startedAt) }));
  }

  invalidate(key) {
    checkKey(key);
    this.#forget(key);
  }

  invalidateAll() {
    this.#entries.clear();
    this.#flights.clear();
  }

  invalidateTag(tag) {
    checkTag(tag);
    const tagged = new Set();
    for (const [key, entry] of this.#entries) if (entry.tags.includes(tag)) tagged.add(key);
    for (const [key, flight] of this.#flights) if (flight.tags.includes(tag)) tagged.add(key);
    for (const key of tagged) this.#forget(key);
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
        this.#touch(key, entry);
        this.#counters.count(status);
        if (status === STALE) this.#refreshIfDue(key, entry, ttlSeconds, fetcher, tags, now);
        return { value: entry.value, status, ageSeconds: ageSeconds(now, entry.fetchedAt) };
      }
      // Older than ttl + maxStaleSeconds: no longer served, the read waits for a fetch (R7).
      this.#entries.delete(key);
    }
    this.#counters.count(MISS);
    return { flight: this.#flights.get(key) ?? this.#startFlight(key, ttlSeconds, fetcher, tags, now, null) };
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
          this.#store(key, { value, fetchedAt: startedAt, tags, failures: 0, retryAt: 0 });
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

  #forget(key) {
    this.#entries.delete(key);
    this.#flights.delete(key);
  }

  #touch(key, entry) {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }

  #store(key, entry) {
    this.#touch(key, entry);
    this.#evictOverflow();
  }

  #evictOverflow() {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) return;
      this.#entries.delete(key);
      this.#counters.evictions++;
    }
  }
}

/**
 * A new, independent cache. Options: { now, maxEntries, maxStaleSeconds, onError }.
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
