// Runs one case of src/test/resources/semantics/cases.json against a runtime driver.
// Used by the Node suites and, unchanged, inside the Miniflare test worker, so it imports
// nothing from Node.
//
// A driver is { read(key, ttl, fetcher, tags), advance(seconds), settle(), invalidate(key),
// invalidateAll(), invalidateTag(tag), stats() } over a fresh cache whose clock starts at
// 1,000,000 s after the epoch; stats() returns null when the runtime skips "stats" steps.
// Fetchers are held until a "settle" step (or until a read waits for them), so "a refresh is
// pending" means the same here as on the Java side, whatever the JavaScript scheduling.

export const START_MS = 1_000_000 * 1000;

class CaseFailure extends Error {}

function same(actual, expected) {
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function check(where, what, actual, expected) {
  if (!same(actual, expected)) {
    throw new CaseFailure(`${where}: ${what} was ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
}

/** The next turn of the event loop (setTimeout exists in Node and in workerd alike). */
function nextTurn() {
  return new Promise((resolve) => { setTimeout(resolve, 0); });
}

/**
 * Fetches held until released, so a background refresh stays pending until a "settle" step,
 * as it does on the Java side's manual executor. A read that waits for its own fetch (a miss)
 * has that fetch released at once.
 */
class HeldFetches {
  #waiting = [];

  get size() {
    return this.#waiting.length;
  }

  wait() {
    return new Promise((resolve) => { this.#waiting.push(resolve); });
  }

  /** Releases the fetches held since `mark` (a size seen earlier), or all of them. */
  release(mark = 0) {
    for (const resolve of this.#waiting.splice(mark)) resolve();
  }
}

/** A fetcher that counts its calls and, once released, answers as the step says. */
function fetcherFor(step, run) {
  return async () => {
    run.calls++;
    await run.held.wait();
    if ('error' in step.fetch) throw new Error(step.fetch.error);
    return step.fetch.value;
  };
}

/**
 * Runs one read to its end. While it has not resolved, a read that may wait for a fetch
 * (`mayWait`: it is not expected to be a hit) is waiting for one: first the ones it started (a
 * miss), else an older one it joined (a value too stale to serve). A hit never waits for a fetch,
 * so a read expected FRESH or STALE releases none, even when it takes turns (a shared store's
 * round trip, during which an earlier refresh may only now call its fetcher).
 */
async function settleRead(reading, run, mayWait) {
  let done = false;
  const outcome = reading.then(
    (read) => { done = true; return { read }; },
    (error) => { done = true; return { error }; },
  );
  const mark = run.held.size;
  while (!done) {
    await nextTurn();
    if (done) break;
    if (mayWait) run.held.release(run.held.size > mark ? mark : 0);
  }
  return outcome;
}

async function readStep(driver, step, where, run) {
  const expected = step.expect ?? {};
  const mayWait = expected.status === undefined || expected.status === 'MISS';
  const { read, error } = await settleRead(driver.read(step.key, step.ttl, fetcherFor(step, run), step.tags), run, mayWait);
  if (error) {
    if (expected.error === undefined) throw new CaseFailure(`${where}: read failed: ${error.message}`);
    check(where, 'error message', error.message, expected.error);
    return;
  }
  if (expected.error !== undefined) throw new CaseFailure(`${where}: expected error ${expected.error}, got ${JSON.stringify(read)}`);
  if ('status' in expected) check(where, 'status', read.status, expected.status);
  if ('value' in expected) check(where, 'value', read.value, expected.value);
  if ('ageSeconds' in expected) check(where, 'ageSeconds', read.ageSeconds, expected.ageSeconds);
}

/**
 * Releases every held fetch and waits for the runtime's background work, until none is left.
 * Fetches that start while it waits are released too: over a shared store, a refresh calls its
 * fetcher only after a round trip to the store.
 */
async function settleStep(driver, run) {
  do {
    let done = false;
    const settling = driver.settle().finally(() => { done = true; });
    while (!done) {
      run.held.release();
      await nextTurn();
    }
    await settling;
  } while (run.held.size > 0);
}

function statsStep(driver, step, where) {
  const counters = driver.stats();
  if (counters === null) return;
  for (const [name, expected] of Object.entries(step)) {
    if (name !== 'op') check(where, `stats.${name}`, counters[name], expected);
  }
}

/** Runs every step; throws an Error naming the case, the step and the difference. */
export async function runCase(testCase, driver) {
  const run = { calls: 0, held: new HeldFetches() };
  try {
    await runSteps(testCase, driver, run);
  } finally {
    run.held.release(); // a case may end with a refresh still held: let it finish
  }
}

async function runSteps(testCase, driver, run) {
  for (const [index, step] of testCase.steps.entries()) {
    const where = `${testCase.name}, step ${index + 1} (${step.op})`;
    switch (step.op) {
      case 'read': await readStep(driver, step, where, run); break;
      case 'advance': driver.advance(step.seconds); break;
      case 'settle': await settleStep(driver, run); break;
      case 'invalidate': await driver.invalidate(step.key); break;
      case 'invalidateAll': await driver.invalidateAll(); break;
      case 'invalidateTag': await driver.invalidateTag(step.tag); break;
      case 'fetches': check(where, 'fetcher calls', run.calls, step.count); break;
      case 'stats': statsStep(driver, step, where); break;
      default: throw new CaseFailure(`${where}: unknown op ${JSON.stringify(step.op)}`);
    }
  }
}

/** Collects what a runtime hands to ctx.waitUntil, so "settle" can await exactly that. */
export function recordingContext() {
  const handed = [];
  return {
    ctx: { waitUntil: (promise) => { handed.push(promise); }, passThroughOnException() {} },
    async settle() {
      while (handed.length > 0) await Promise.all(handed.splice(0));
    },
  };
}

/** The injected clock of a case: starts at START_MS, moves only when a step says so. */
function testClock() {
  let nowMs = START_MS;
  return { now: () => nowMs, advance: (seconds) => { nowMs += seconds * 1000; } };
}

function driverOver(cache, clock, readOptions, settle) {
  return {
    read: (key, ttl, fetcher, tags) => cache.readWithStatus(key, ttl, fetcher, readOptions(tags)),
    advance: clock.advance,
    settle,
    invalidate: (key) => cache.invalidate(key),
    invalidateAll: () => cache.invalidateAll(),
    invalidateTag: (tag) => cache.invalidateTag(tag),
    stats: () => cache.stats(),
  };
}

/** Driver over the in-memory runtime's createCache; "settle" is the cache's idle(). */
export function inMemoryDriver(createCache) {
  const clock = testClock();
  const cache = createCache({ now: clock.now, onError: () => {} });
  return driverOver(cache, clock, (tags) => (tags ? { tags } : undefined), () => cache.idle());
}

/**
 * Driver over the Cloudflare runtime's createCache and a Cache API object (caches.default in a
 * Worker, a fake in Node). "settle" awaits exactly what the runtime handed to ctx.waitUntil.
 */
export function cloudflareDriver(createCache, cacheApi) {
  const clock = testClock();
  const cache = createCache({ now: clock.now, onError: () => {}, cache: cacheApi });
  const context = recordingContext();
  return driverOver(cache, clock, (tags) => ({ ctx: context.ctx, tags }), () => context.settle());
}
