package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.isr.runtime.Fetcher;
import dev.isr.runtime.IsrCache;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * Builds the caches every benchmark compares, configured alike: the same bound on entries, the same
 * refresh executor and the same value. Caffeine gets {@code maximumSize} because IsrCache is bounded
 * too (R7); without it Caffeine would skip its read buffer and compare a different feature set.
 */
final class Contenders {

    static final int MAX_ENTRIES = IsrCache.DEFAULT_MAX_ENTRIES;
    static final String VALUE = "<html>page</html>";
    /** Allocation-free fetcher and loader: the benchmarks measure the cache, not the data source. */
    static final Fetcher<String> FETCHER = () -> VALUE;
    static final CacheLoader<String, String> LOADER = key -> VALUE;

    private Contenders() {
    }

    static IsrCache isr(Executor refreshExecutor) {
        return IsrCache.builder().maxEntries(MAX_ENTRIES).executor(refreshExecutor).build();
    }

    static IsrCache isr(Executor refreshExecutor, InstantSource clock) {
        return IsrCache.builder().maxEntries(MAX_ENTRIES).executor(refreshExecutor).clock(clock).build();
    }

    static LoadingCache<String, String> caffeine(Duration refreshAfterWrite, Executor refreshExecutor) {
        return caffeine(refreshAfterWrite, refreshExecutor, Ticker.systemTicker(), LOADER);
    }

    static <V> LoadingCache<String, V> caffeine(Duration refreshAfterWrite, Executor refreshExecutor, Ticker ticker,
                                               CacheLoader<String, V> loader) {
        return builder(refreshAfterWrite, refreshExecutor, ticker).build(loader);
    }

    /**
     * Caffeine counting its hits and misses, as IsrCache always does (SPEC R8: stats are part of the contract,
     * Caffeine's are opt-in): the like-for-like comparison of a fresh hit.
     */
    static LoadingCache<String, String> caffeineRecordingStats(Duration refreshAfterWrite, Executor refreshExecutor) {
        return builder(refreshAfterWrite, refreshExecutor, Ticker.systemTicker()).recordStats().build(LOADER);
    }

    private static Caffeine<Object, Object> builder(Duration refreshAfterWrite, Executor refreshExecutor, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .refreshAfterWrite(refreshAfterWrite)
                .executor(refreshExecutor)
                .ticker(ticker);
    }
}
