// Small tools shared by the Node test suites.

/** A promise with its resolve and reject handles, to control when a fetch finishes. */
export function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

/** A clock for configure({ now }) / createCache({ now }) that moves only when told. */
export function manualClock(startMs = 1_000_000_000) {
  let nowMs = startMs;
  return {
    now: () => nowMs,
    advance(seconds) { nowMs += seconds * 1000; },
  };
}

/** A fetcher that counts its calls and returns the values given, one per call (the last repeats). */
export function countingFetcher(...values) {
  const fetcher = async () => {
    const value = values[Math.min(fetcher.calls, values.length - 1)];
    fetcher.calls++;
    return value;
  };
  fetcher.calls = 0;
  return fetcher;
}

/** Lets every queued promise callback run (a macrotask turn), without waiting for any time. */
export function flushPromises() {
  return new Promise((resolve) => { setImmediate(resolve); });
}

/**
 * Records unhandled rejections while `body` runs (node:test would otherwise only report them
 * after the fact) and returns them.
 */
export async function unhandledRejectionsDuring(body) {
  const seen = [];
  const record = (reason) => { seen.push(reason); };
  process.on('unhandledRejection', record);
  try {
    await body();
    await flushPromises();
    await flushPromises();
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}
