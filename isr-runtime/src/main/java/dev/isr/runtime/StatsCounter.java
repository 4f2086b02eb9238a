package dev.isr.runtime;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link IsrStats}; LongAdder keeps many threads counting hits without contention. */
final class StatsCounter {

    private final LongAdder freshHits = new LongAdder();
    private final LongAdder staleHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder refreshFailures = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    void recordFreshHit() {
        freshHits.increment();
    }

    void recordStaleHit() {
        staleHits.increment();
    }

    void recordMiss() {
        misses.increment();
    }

    void recordRefresh() {
        refreshes.increment();
    }

    void recordRefreshFailure() {
        refreshFailures.increment();
    }

    void recordEviction() {
        evictions.increment();
    }

    IsrStats snapshot() {
        return new IsrStats(freshHits.sum(), staleHits.sum(), misses.sum(), refreshes.sum(),
                refreshFailures.sum(), evictions.sum());
    }
}
