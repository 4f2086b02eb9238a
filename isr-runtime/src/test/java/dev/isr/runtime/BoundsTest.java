package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** SPEC §3 R7: LRU bound on entries, and maxStaleSeconds. */
class BoundsTest {

    private final TestCaches setup = new TestCaches();
    private final CountingFetcher fetcher = new CountingFetcher("v");

    /** Recency has the clock's millisecond resolution, so each use gets its own millisecond. */
    private void use(IsrCache cache, String key) {
        setup.clock.advance(Duration.ofMillis(1));
        cache.withRevalidate(key, 60, fetcher);
    }

    @Test
    void leastRecentlyUsedEntryIsEvictedFirst() {
        IsrCache cache = setup.builder().maxEntries(3).build();
        use(cache, "a");
        use(cache, "b");
        use(cache, "c");
        use(cache, "a"); // b is now the least recently used

        use(cache, "d");

        assertEquals(List.of("b"), setup.listener.evictedKeys);
        assertEquals(1, cache.stats().evictions());
        assertEquals(IsrStatus.FRESH, cache.read("a", 60, fetcher).status());
        assertEquals(IsrStatus.FRESH, cache.read("c", 60, fetcher).status());
        assertEquals(IsrStatus.FRESH, cache.read("d", 60, fetcher).status());
        assertEquals(IsrStatus.MISS, cache.read("b", 60, fetcher).status());
    }

    @Test
    void staleReadsCountAsUse() {
        IsrCache cache = setup.builder().maxEntries(2).build();
        use(cache, "a");
        use(cache, "b");
        setup.clock.advanceSeconds(60);
        use(cache, "a"); // a stale hit

        use(cache, "c");

        assertEquals(List.of("b"), setup.listener.evictedKeys);
    }

    @Test
    void entriesUsedInTheSameMillisecondLeaveInTheOrderTheyWereStored() {
        IsrCache cache = setup.builder().maxEntries(2).build();
        cache.withRevalidate("first", 60, fetcher);
        cache.withRevalidate("second", 60, fetcher);
        cache.withRevalidate("third", 60, fetcher);
        assertEquals(List.of("first"), setup.listener.evictedKeys);
    }

    @Test
    void cacheNeverHoldsMoreThanMaxEntries() {
        IsrCache cache = setup.builder().maxEntries(10).build();
        for (int i = 0; i < 100; i++) {
            use(cache, "key-" + i);
        }
        assertEquals(90, cache.stats().evictions());
        assertEquals(90, setup.listener.evictedKeys.size());
        for (int i = 90; i < 100; i++) {
            assertEquals(IsrStatus.FRESH, cache.read("key-" + i, 60, fetcher).status());
        }
    }

    @Test
    void defaultBoundIsTenThousand() {
        IsrCache cache = setup.build();
        for (int i = 0; i <= IsrCache.DEFAULT_MAX_ENTRIES; i++) {
            cache.withRevalidate("key-" + i, 60, () -> "x");
        }
        assertEquals(1, cache.stats().evictions());
        assertEquals(List.of("key-0"), setup.listener.evictedKeys);
    }

    @Test
    void valueStaleLongerThanMaxStaleIsNotServed() {
        IsrCache cache = setup.builder().maxStaleSeconds(30).build();
        cache.withRevalidate("k", 60, fetcher);

        setup.clock.advanceSeconds(89);
        assertEquals(IsrStatus.STALE, cache.read("k", 60, fetcher).status());
        cache.invalidateAll();
        cache.withRevalidate("k", 60, fetcher);

        setup.clock.advanceSeconds(90);
        IsrResult<String> tooStale = cache.read("k", 60, fetcher);
        assertEquals(IsrStatus.MISS, tooStale.status());
        assertEquals("v-3", tooStale.value());
        assertEquals(Duration.ZERO, tooStale.age());
    }

    @Test
    void tooStaleReadJoinsTheRefreshInFlight() {
        IsrCache cache = setup.builder().maxStaleSeconds(10).executor(setup.executor).build();
        cache.withRevalidate("k", 60, fetcher);
        setup.clock.advanceSeconds(65);
        assertEquals("v-1", cache.withRevalidate("k", 60, fetcher)); // stale: queues a refresh
        setup.clock.advanceSeconds(10);

        CompletableFuture<String> joined = cache.withRevalidateAsync("k", 60, fetcher);
        assertFalse(joined.isDone(), "must wait, not serve the too-stale value");
        setup.executor.settle();
        assertEquals("v-2", joined.join());
        assertEquals(2, fetcher.calls());
    }
}
