package dev.isr.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * 1,000 platform threads read one key at the same moment, once while it is missing and once while it
 * is stale, for each contender; the data source takes a fixed time per fetch. Prints, per contender
 * and case, how many fetches one stampede caused (median over the measured rounds) and the latency of
 * the callers' reads (all measured rounds pooled). The first round of each case warms up and is not
 * counted. Every round builds a new cache, so every round starts from the same state.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.isr.benchmarks.StampedeBenchmark [callers] [rounds] [fetchMillis]}
 */
public final class StampedeBenchmark {

    private enum Case { MISSING, STALE }

    private final int callers;
    private final int rounds;
    private final long fetchMillis;
    private final ThreadPoolExecutor callerThreads;
    private final ExecutorService refreshExecutor = Executors.newCachedThreadPool(daemon("refresh"));

    private StampedeBenchmark(int callers, int rounds, long fetchMillis) {
        this.callers = callers;
        this.rounds = rounds;
        this.fetchMillis = fetchMillis;
        this.callerThreads = (ThreadPoolExecutor) Executors.newFixedThreadPool(callers, daemon("caller"));
        callerThreads.prestartAllCoreThreads();
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long fetchMillis = args.length > 2 ? Long.parseLong(args[2]) : 20;
        StampedeBenchmark benchmark = new StampedeBenchmark(callers, rounds, fetchMillis);
        System.out.printf("%d callers (platform threads), %d measured rounds + 1 warm-up, fetch takes %d ms%n%n",
                callers, rounds, fetchMillis);
        System.out.println("| contender | key | fetches per stampede (median, max) | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Case stampedeCase : Case.values()) {
            for (StampedeContender contender : StampedeContender.values()) {
                benchmark.run(contender, stampedeCase);
            }
        }
        benchmark.callerThreads.shutdownNow();
        benchmark.refreshExecutor.shutdownNow();
    }

    private void run(StampedeContender contender, Case stampedeCase) throws Exception {
        int[] fetchCounts = new int[rounds];
        long[] latencies = new long[rounds * callers];
        for (int round = 0; round <= rounds; round++) {
            ManualTime time = new ManualTime();
            SlowSource source = new SlowSource(fetchMillis);
            StampedeContender.Reader reader = contender.create(time, source, refreshExecutor);
            String key = "page:/posts";
            if (stampedeCase == Case.STALE) {
                reader.get(key);
                time.advance(StampedeContender.TTL.plus(Duration.ofSeconds(1)));
                source.resetCount();
            }
            long[] roundLatencies = stampede(reader, key);
            source.awaitIdle();
            if (round > 0) {
                fetchCounts[round - 1] = source.fetches();
                System.arraycopy(roundLatencies, 0, latencies, (round - 1) * callers, callers);
            }
        }
        Arrays.sort(fetchCounts);
        Arrays.sort(latencies);
        System.out.printf("| %s | %s | %d, %d | %s | %s | %s | %s |%n", contender.label(), stampedeCase.name().toLowerCase(),
                fetchCounts[rounds / 2], fetchCounts[rounds - 1], millis(percentile(latencies, 50)),
                millis(percentile(latencies, 90)), millis(percentile(latencies, 99)), millis(latencies[latencies.length - 1]));
    }

    /** Every caller waits at the gate, then reads once; returns each read's latency in nanoseconds. */
    private long[] stampede(StampedeContender.Reader reader, String key) throws Exception {
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Long>> reads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            reads.add(callerThreads.submit(() -> {
                ready.countDown();
                gate.await();
                long start = System.nanoTime();
                reader.get(key);
                return System.nanoTime() - start;
            }));
        }
        ready.await();
        gate.countDown();
        long[] latencies = new long[callers];
        for (int i = 0; i < callers; i++) {
            latencies[i] = reads.get(i).get(60, TimeUnit.SECONDS);
        }
        return latencies;
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank - 1, 0)];
    }

    private static String millis(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    private static ThreadFactory daemon(String prefix) {
        return task -> {
            Thread thread = new Thread(task, prefix);
            thread.setDaemon(true);
            return thread;
        };
    }
}
