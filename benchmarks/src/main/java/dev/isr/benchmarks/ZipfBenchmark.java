package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.isr.runtime.IsrCache;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * 1,000 fresh keys read in a Zipfian order (s = 0.99, as in YCSB): a site whose few popular pages
 * take most of the traffic. Every key is loaded before measuring, so every read is a fresh hit and
 * the figure is dominated by map lookups over a working set larger than one cache line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ZipfBenchmark {

    private static final int KEY_COUNT = 1_000;
    private static final int SEQUENCE_LENGTH = 1 << 16;
    private static final long TTL_SECONDS = 3600;

    private final String[] keys = new String[KEY_COUNT];
    private final ZipfianKeys order = new ZipfianKeys(KEY_COUNT, 0.99, SEQUENCE_LENGTH, 20_260_101L);
    private final AtomicInteger threadCount = new AtomicInteger();

    private ExecutorService refreshExecutor;
    private IsrCache isr;
    private StampedMap floor;
    private LoadingCache<String, String> caffeine;

    /** Each thread walks the shared sequence from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        int position;

        @Setup(Level.Trial)
        public void start(ZipfBenchmark benchmark) {
            position = benchmark.threadCount.getAndIncrement() * (SEQUENCE_LENGTH / 2 + 7);
        }

        String next(ZipfBenchmark benchmark) {
            position = (position + 1) & (SEQUENCE_LENGTH - 1);
            return benchmark.keys[benchmark.order.at(position)];
        }
    }

    @Setup(Level.Trial)
    public void fill() {
        refreshExecutor = Executors.newSingleThreadExecutor();
        isr = Contenders.isr(refreshExecutor);
        floor = new StampedMap();
        caffeine = Contenders.caffeine(Duration.ofSeconds(TTL_SECONDS), refreshExecutor);
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = "page:/posts/" + i;
            isr.withRevalidate(keys[i], TTL_SECONDS, Contenders.FETCHER);
            floor.put(keys[i], Contenders.VALUE);
            caffeine.get(keys[i]);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        refreshExecutor.shutdownNow();
    }

    @Benchmark
    public String isrWithRevalidate(Cursor cursor) {
        return isr.withRevalidate(cursor.next(this), TTL_SECONDS, Contenders.FETCHER);
    }

    @Benchmark
    public String floorMapGetPlusClock(Cursor cursor) {
        return floor.getFresh(cursor.next(this), TTL_SECONDS * 1000);
    }

    @Benchmark
    public String caffeineRefreshAfterWrite(Cursor cursor) {
        return caffeine.get(cursor.next(this));
    }
}
