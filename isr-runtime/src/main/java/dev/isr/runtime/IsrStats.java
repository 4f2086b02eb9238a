package dev.isr.runtime;

/**
 * An immutable snapshot of the counters of one {@link IsrCache}.
 *
 * @param freshHits       reads served from a value younger than its ttl
 * @param staleHits       reads served from a stale value (a refresh may have been started)
 * @param misses          reads that waited for a fetch, including callers that joined a fetch
 *                        another caller had started
 * @param refreshes       background refreshes started (failed ones included)
 * @param refreshFailures background refreshes whose fetcher failed
 * @param evictions       entries removed to stay within {@code maxEntries}
 */
public record IsrStats(long freshHits, long staleHits, long misses, long refreshes, long refreshFailures,
                       long evictions) {
}
