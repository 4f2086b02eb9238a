package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** SPEC §3 R8: per-read status and age, and counters. */
class ObservabilityTest {

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final CountingFetcher fetcher = new CountingFetcher("v");

    @Test
    void eachReadReportsHowItWasServedAndTheAgeOfItsValue() {
        assertEquals(new IsrResult<>("v-1", IsrStatus.MISS, Duration.ZERO), cache.read("k", 60, fetcher));
        setup.clock.advanceSeconds(59);
        assertEquals(new IsrResult<>("v-1", IsrStatus.FRESH, Duration.ofSeconds(59)), cache.read("k", 60, fetcher));
        setup.clock.advanceSeconds(1);
        assertEquals(new IsrResult<>("v-1", IsrStatus.STALE, Duration.ofSeconds(60)), cache.read("k", 60, fetcher));
    }

    @Test
    void countersCountEveryKindOfRead() {
        cache.withRevalidate("k", 60, fetcher);           // miss
        cache.withRevalidate("k", 60, fetcher);           // fresh
        setup.clock.advanceSeconds(60);
        cache.withRevalidate("k", 60, fetcher);           // stale, refresh 1
        cache.withRevalidate("k", 60, fetcher);           // stale, refresh already queued
        setup.executor.settle();
        setup.clock.advanceSeconds(60);
        cache.withRevalidate("k", 60, () -> {
            throw new Exception("down");
        });                                               // stale, refresh 2 fails
        setup.executor.settle();
        assertThrows(IsrFetchException.class, () -> cache.withRevalidate("other", 60, () -> {
            throw new Exception("down");
        }));                                              // miss

        assertEquals(new IsrStats(1, 3, 2, 2, 1, 0), cache.stats());
    }

    @Test
    void statsAreASnapshot() {
        IsrStats before = cache.stats();
        cache.withRevalidate("k", 60, fetcher);
        assertEquals(0, before.misses());
        assertEquals(1, cache.stats().misses());
    }

    @Test
    void statusNameIsTheHeaderValue() {
        assertEquals("STALE", IsrStatus.STALE.name());
    }
}
