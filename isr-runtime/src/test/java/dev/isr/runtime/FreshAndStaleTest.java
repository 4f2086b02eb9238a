package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §3 R1 (fresh hit) and R2 (stale served at once, one background refresh, age from fetch start). */
class FreshAndStaleTest {

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final CountingFetcher fetcher = new CountingFetcher("v");

    @Test
    void freshHitReturnsCachedValueWithoutFetchingOrTouchingTheExecutor() {
        assertEquals("v-1", cache.withRevalidate("k", 60, fetcher));
        setup.clock.advance(Duration.ofMillis(59_999));

        assertEquals("v-1", cache.withRevalidate("k", 60, fetcher));
        assertEquals(1, fetcher.calls());
        assertEquals(0, setup.executor.submitted());
    }

    @Test
    void staleReadReturnsOldValueAtOnceAndRefreshesOnTheExecutor() {
        cache.withRevalidate("k", 60, fetcher);
        setup.clock.advanceSeconds(60);

        assertEquals("v-1", cache.withRevalidate("k", 60, fetcher));
        assertEquals(1, fetcher.calls(), "the refresh must not run on the reading thread");
        assertEquals(1, setup.executor.queued());

        setup.executor.settle();
        assertEquals(2, fetcher.calls());
        assertEquals("v-2", cache.withRevalidate("k", 60, fetcher));
    }

    @Test
    void manyStaleReadsStartOneRefresh() {
        cache.withRevalidate("k", 60, fetcher);
        setup.clock.advanceSeconds(61);

        for (int i = 0; i < 10; i++) {
            assertEquals("v-1", cache.withRevalidate("k", 60, fetcher));
        }
        assertEquals(1, setup.executor.queued());
        setup.executor.settle();
        assertEquals(2, fetcher.calls());
    }

    @Test
    void ageOfARefreshedValueCountsFromTheStartOfItsFetch() {
        cache.withRevalidate("k", 10, fetcher);
        setup.clock.advanceSeconds(10);
        Fetcher<String> slowFetcher = () -> {
            setup.clock.advanceSeconds(4); // the fetch itself takes 4 s
            return "slow";
        };
        cache.withRevalidate("k", 10, slowFetcher);
        setup.executor.settle();

        IsrResult<String> justAfter = cache.read("k", 10, fetcher);
        assertEquals("slow", justAfter.value());
        assertEquals(Duration.ofSeconds(4), justAfter.age());

        setup.clock.advanceSeconds(6);
        assertEquals(IsrStatus.STALE, cache.read("k", 10, fetcher).status());
    }

    @Test
    void ageOfAMissCountsFromTheStartOfItsFetch() {
        IsrResult<String> miss = cache.read("k", 10, () -> {
            setup.clock.advanceSeconds(3);
            return "x";
        });
        assertEquals(Duration.ofSeconds(3), miss.age());
        setup.clock.advanceSeconds(7);
        assertEquals(IsrStatus.STALE, cache.read("k", 10, fetcher).status());
    }

    @Test
    void ttlOfZeroMakesEveryReadAfterTheFirstStale() {
        assertEquals(IsrStatus.MISS, cache.read("k", 0, fetcher).status());
        assertEquals(IsrStatus.STALE, cache.read("k", 0, fetcher).status());
        setup.executor.settle();
        IsrResult<String> afterRefresh = cache.read("k", 0, fetcher);
        assertEquals(IsrStatus.STALE, afterRefresh.status());
        assertEquals("v-2", afterRefresh.value());
    }

    @Test
    void ttlIsTakenFromEachCall() {
        cache.withRevalidate("k", 60, fetcher);
        setup.clock.advanceSeconds(30);
        assertEquals(IsrStatus.FRESH, cache.read("k", 60, fetcher).status());
        assertEquals(IsrStatus.STALE, cache.read("k", 10, fetcher).status());
    }

    @Test
    void hugeTtlNeverExpires() {
        cache.withRevalidate("k", Long.MAX_VALUE, fetcher);
        setup.clock.advance(Duration.ofDays(365 * 1000));
        assertEquals(IsrStatus.FRESH, cache.read("k", Long.MAX_VALUE, fetcher).status());
    }
}
