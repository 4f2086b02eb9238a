package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.isr.runtime.IsrCache;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 64 keys read round-robin; one key in {@code staleOneIn} is always stale (IsrCache ttl 0, Caffeine
 * refreshAfterWrite 1 ns), the rest fresh for an hour. Stale reads return the old value at once and
 * ask for a background refresh, which both caches coalesce to one per key on the same one-thread
 * executor; the figure is the cost a reader pays, refresh traffic included, since the refresh thread
 * competes for the same cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StaleMixBenchmark {

    private static final int KEY_COUNT = 64;
    private static final long FRESH_TTL_SECONDS = 3600;

    /** 1: every read is stale; 8: one read in eight is stale. */
    @Param({"1", "8"})
    public int staleOneIn;

    private final String[] keys = new String[KEY_COUNT];
    private final long[] ttlSeconds = new long[KEY_COUNT];

    private ExecutorService refreshExecutor;
    private IsrCache isr;
    private LoadingCache<String, String> caffeineStale;
    private LoadingCache<String, String> caffeineFresh;

    @State(Scope.Thread)
    public static class Cursor {
        int position;

        int next() {
            position = (position + 1) & (KEY_COUNT - 1);
            return position;
        }
    }

    @Setup(Level.Trial)
    public void fill() {
        refreshExecutor = Executors.newSingleThreadExecutor();
        isr = Contenders.isr(refreshExecutor);
        caffeineStale = Contenders.caffeine(Duration.ofNanos(1), refreshExecutor);
        caffeineFresh = Contenders.caffeine(Duration.ofSeconds(FRESH_TTL_SECONDS), refreshExecutor);
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = "page:/posts/" + i;
            boolean stale = i % staleOneIn == 0;
            ttlSeconds[i] = stale ? 0 : FRESH_TTL_SECONDS;
            isr.withRevalidate(keys[i], ttlSeconds[i], Contenders.FETCHER);
            caffeineFor(i).get(keys[i]);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        refreshExecutor.shutdownNow();
    }

    private LoadingCache<String, String> caffeineFor(int keyIndex) {
        return ttlSeconds[keyIndex] == 0 ? caffeineStale : caffeineFresh;
    }

    @Benchmark
    public String isrWithRevalidate(Cursor cursor) {
        int i = cursor.next();
        return isr.withRevalidate(keys[i], ttlSeconds[i], Contenders.FETCHER);
    }

    @Benchmark
    public String caffeineRefreshAfterWrite(Cursor cursor) {
        int i = cursor.next();
        return caffeineFor(i).get(keys[i]);
    }
}
