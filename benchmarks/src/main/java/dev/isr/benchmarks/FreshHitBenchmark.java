package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.isr.runtime.IsrCache;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One hot key, always fresh (ttl one hour): the path every page view takes between revalidations.
 * Run with {@code -t 1} and {@code -t 2}; all threads read the same key, as all requests for one
 * popular page do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FreshHitBenchmark {

    private static final String KEY = "page:/posts";
    private static final long TTL_SECONDS = 3600;
    /** Generated pages pass their tags on every read; their check is on the fresh path too. */
    private static final Set<String> TAGS = Set.of("posts");

    private ExecutorService refreshExecutor;
    private IsrCache isr;
    private StampedMap floor;
    private LoadingCache<String, String> caffeine;
    private LoadingCache<String, String> caffeineRecordingStats;

    @Setup(Level.Trial)
    public void fill() {
        refreshExecutor = Executors.newSingleThreadExecutor();
        isr = Contenders.isr(refreshExecutor);
        isr.withRevalidate(KEY, TTL_SECONDS, Contenders.FETCHER);
        floor = new StampedMap();
        floor.put(KEY, Contenders.VALUE);
        caffeine = Contenders.caffeine(Duration.ofSeconds(TTL_SECONDS), refreshExecutor);
        caffeine.get(KEY);
        caffeineRecordingStats = Contenders.caffeineRecordingStats(Duration.ofSeconds(TTL_SECONDS), refreshExecutor);
        caffeineRecordingStats.get(KEY);
    }

    @TearDown(Level.Trial)
    public void stop() {
        refreshExecutor.shutdownNow();
    }

    @Benchmark
    public String isrWithRevalidate() {
        return isr.withRevalidate(KEY, TTL_SECONDS, Contenders.FETCHER);
    }

    @Benchmark
    public String isrWithRevalidateTagged() {
        return isr.withRevalidate(KEY, TTL_SECONDS, TAGS, Contenders.FETCHER);
    }

    @Benchmark
    public String floorMapGetPlusClock() {
        return floor.getFresh(KEY, TTL_SECONDS * 1000);
    }

    @Benchmark
    public Object mapGetOnly() {
        return floor.getOnly(KEY);
    }

    @Benchmark
    public String caffeineRefreshAfterWrite() {
        return caffeine.get(KEY);
    }

    @Benchmark
    public String caffeineRecordingStats() {
        return caffeineRecordingStats.get(KEY);
    }
}
