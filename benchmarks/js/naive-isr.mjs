// The baseline: the seed's in-memory cache (shared/seed-isr-caching.md, "Browser / Node.js"),
// copied unchanged except that it is wrapped in a factory, so each benchmark case gets its own Map.
// No single flight, no refresh coalescing, no bound, no counters.
export function createNaiveIsr() {
  const cache = new Map();

  async function withRevalidate(key, ttlSeconds, fetcher) {
    const cached = cache.get(key);
    const now = Date.now();

    if (cached && now < cached.staleAt) {
      return cached.data; // Fresh
    }

    if (cached) {
      // Stale - return cached, revalidate in background
      fetcher().then(data => {
        cache.set(key, { data, staleAt: now + ttlSeconds * 1000 });
      });
      return cached.data;
    }

    // Missing - fetch fresh
    const data = await fetcher();
    cache.set(key, { data, staleAt: now + ttlSeconds * 1000 });
    return data;
  }

  return { withRevalidate };
}
