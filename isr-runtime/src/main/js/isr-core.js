// Pieces shared by the two JavaScript ISR runtimes (isr.js and isr-cloudflare.js):
// argument checks, the refresh backoff policy and the statistics counters.
// Internal module: import the runtimes, not this file. No dependencies, no Node APIs,
// so it runs unchanged in Node, browsers and Cloudflare Workers.

export const FRESH = 'FRESH';
export const STALE = 'STALE';
export const MISS = 'MISS';

/** First pause after a failed background refresh; it doubles per failure, up to the cap. */
const FIRST_BACKOFF_MS = 1000;

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `${typeof value} ${String(value)}`;
}

/**
 * Checks the arguments of one read (SPEC §3 R6) and returns the tags as an array.
 * Throws at the call, naming the argument, so a wrong call fails loudly where it is written.
 */
export function checkReadArguments(key, ttlSeconds, fetcher, options) {
  checkKey(key);
  checkWholeSeconds('ttlSeconds', ttlSeconds);
  if (typeof fetcher !== 'function') {
    throw new TypeError(`fetcher must be a function returning the value (or a promise of it), got ${describe(fetcher)}`);
  }
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new TypeError(`options must be an object such as { tags: ['posts'] }, got ${describe(options)}`);
  }
  return checkTags(options?.tags);
}

function checkTags(tags) {
  if (tags === undefined) return [];
  if (!Array.isArray(tags)) {
    throw new TypeError(`tags must be an array of non-empty strings, got ${describe(tags)}`);
  }
  for (const tag of tags) checkTag(tag, 'tags');
  return [...new Set(tags)];
}

/** Checks one tag; `name` is the argument the tag came from, for the message. */
export function checkTag(tag, name = 'tag') {
  if (typeof tag !== 'string' || tag.length === 0) {
    throw new TypeError(`${name} must hold non-empty strings, got ${describe(tag)}`);
  }
  return tag;
}

/** A cache key: a non-empty string. */
export function checkKey(key) {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError(`key must be a non-empty string, got ${describe(key)}`);
  }
  return key;
}

/** A whole number of seconds ≥ 0: TypeError for non-integers, RangeError for negatives. */
export function checkWholeSeconds(name, value) {
  if (!Number.isInteger(value)) {
    throw new TypeError(`${name} must be a whole number of seconds, got ${describe(value)}`);
  }
  if (value < 0) throw new RangeError(`${name} must be ≥ 0, got ${value}`);
  return value;
}

/**
 * Checks the options shared by configure() and createCache() of both runtimes and returns
 * only the ones that were given. `maxStaleSeconds: null` removes the limit again.
 */
export function checkCommonOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  }
  const checked = {};
  if (options.now !== undefined) {
    if (typeof options.now !== 'function') {
      throw new TypeError(`now must be a function returning epoch milliseconds, got ${describe(options.now)}`);
    }
    checked.now = options.now;
  }
  if (options.onError !== undefined) {
    if (typeof options.onError !== 'function') {
      throw new TypeError(`onError must be a function (error, { key }), got ${describe(options.onError)}`);
    }
    checked.onError = options.onError;
  }
  if (options.maxStaleSeconds !== undefined) {
    checked.maxStaleSeconds = options.maxStaleSeconds === null
      ? null
      : checkWholeSeconds('maxStaleSeconds', options.maxStaleSeconds);
  }
  return checked;
}

/**
 * A value as the JSON that stores keep (Cloudflare's Cache API, Redis): `{"value": …}`, so that
 * null and undefined survive. Callers get the value back from this JSON, on a miss as on later hits.
 */
export function toJson(key, value) {
  try {
    return JSON.stringify({ value });
  } catch (error) {
    throw new TypeError(`the value fetched for key ${JSON.stringify(key)} cannot be stored as JSON: ${error.message}`);
  }
}

/**
 * A failure of a shared store (isr-redis.js: Redis unreachable, a wait given up), reported to the
 * error listener; the read that met it was still served.
 */
export class StoreError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = new.target.name;
  }
}

/** The default error listener of the runtimes: a failed background refresh, or a store's failure. */
export function logReportedError(error, { key }) {
  if (error instanceof StoreError) console.error(`isr: ${error.message}`);
  else console.error(`isr: background refresh of ${JSON.stringify(key)} failed; the stale value is kept`, error);
}

/** Calls the error listener; a listener that throws must not turn into an unhandled rejection. */
export function report(onError, error, key) {
  try {
    onError(error, { key });
  } catch (listenerError) {
    console.error('isr: the onError listener threw', listenerError);
  }
}

/**
 * Pause before the next refresh try after `failures` failed refreshes in a row:
 * 1 s, 2 s, 4 s, … capped at the ttl (but never below 1 s, so a ttl of 0 cannot storm).
 */
export function backoffMs(failures, ttlSeconds) {
  const capMs = Math.max(ttlSeconds * 1000, FIRST_BACKOFF_MS);
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(failures - 1, 30), capMs);
}

/** Whole seconds between a value's fetch start and now. */
export function ageSeconds(nowMs, fetchedAtMs) {
  return Math.max(0, Math.floor((nowMs - fetchedAtMs) / 1000));
}

/**
 * How a value of this age is served under a ttl and an optional stale limit:
 * FRESH, STALE, or MISS when it is too old to be served at all (R7 maxStaleSeconds).
 */
export function classify(ageMs, ttlSeconds, maxStaleSeconds) {
  if (ageMs < ttlSeconds * 1000) return FRESH;
  if (maxStaleSeconds != null && ageMs >= (ttlSeconds + maxStaleSeconds) * 1000) return MISS;
  return STALE;
}

/** The counters of R8; snapshot() returns an immutable copy. */
export class Counters {
  freshHits = 0;
  staleHits = 0;
  misses = 0;
  refreshes = 0;
  refreshFailures = 0;
  evictions = 0;

  count(status) {
    if (status === FRESH) this.freshHits++;
    else if (status === STALE) this.staleHits++;
    else this.misses++;
  }

  snapshot(extra = {}) {
    const { freshHits, staleHits, misses, refreshes, refreshFailures, evictions } = this;
    return Object.freeze({ freshHits, staleHits, misses, refreshes, refreshFailures, evictions, ...extra });
  }
}

/**
 * The public face of one cache instance: its methods bound (so they can be destructured,
 * `const { withRevalidate } = createCache()`), configure returning nothing, nothing else exposed.
 */
export function publicApi(cache) {
  return Object.freeze({
    withRevalidate: cache.withRevalidate.bind(cache),
    readWithStatus: cache.readWithStatus.bind(cache),
    invalidate: cache.invalidate.bind(cache),
    invalidateAll: cache.invalidateAll.bind(cache),
    invalidateTag: cache.invalidateTag.bind(cache),
    configure: (options) => { cache.configure(options); },
    stats: cache.stats.bind(cache),
    idle: cache.idle.bind(cache),
  });
}
