package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The race behind the hangs of issue 8, aimed at on purpose: a stale read registers a background
 * refresh while another thread invalidates the key and misses on it. The missing read may join the
 * refresh; the refresh must then be launched. The runtime once registered the refresh first and
 * checked the stored value after, dropping the refresh unlaunched when the value had changed, so a
 * read that had joined it in that gap waited forever. Against that code this test found about one
 * orphaned read per 140 rounds here, and failed in 5 of 5 runs (at rounds 7 to 1,644); each
 * round ends with every queued task run, so an orphan shows as a future that is still not done,
 * never as a hang.
 */
class RefreshRegistrationRaceTest {

    private static final int ROUNDS = 5_000;
    /** Spins this long before yielding: both threads must run at once for the race to show. */
    private static final int SPINS_BEFORE_YIELD = 10_000;
    /** No new round starts after this; on a busy machine fewer rounds run, none is cut short. */
    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** A round whose other thread does not answer within this has hung: that fails the test. */
    private static final Duration STALL = Duration.ofSeconds(20);
    private static final String KEY = "page:/race";

    private final MutableClock clock = new MutableClock();
    private final ManualExecutor executor = new ManualExecutor();
    private final IsrCache cache = IsrCache.builder().clock(clock).executor(executor).build();
    private final AtomicInteger roundStarted = new AtomicInteger(-1);
    private final AtomicInteger invalidatorDone = new AtomicInteger(-1);
    private final AtomicReference<CompletableFuture<String>> miss = new AtomicReference<>();
    private volatile boolean finished;

    @Test
    void aMissThatJoinsARefreshIsAlwaysAnswered() {
        Thread invalidator = new Thread(() -> {
            for (int round = 0; awaitRound(roundStarted, round); round++) {
                cache.invalidate(KEY);
                miss.set(cache.withRevalidateAsync(KEY, 1, () -> "loaded"));
                invalidatorDone.set(round);
            }
        }, "invalidator");
        invalidator.setDaemon(true);   // a failed run must not keep the JVM alive
        invalidator.start();

        long budgetEnd = System.nanoTime() + BUDGET.toNanos();
        try {
            for (int round = 0; round < ROUNDS && System.nanoTime() - budgetEnd < 0; round++) {
                cache.invalidate(KEY);
                cache.withRevalidate(KEY, 1, () -> "seed");
                clock.advance(Duration.ofSeconds(1));
                roundStarted.set(round);
                // async, so this thread never waits for a load it must run itself through the executor
                cache.withRevalidateAsync(KEY, 1, () -> "refreshed");
                assertTrue(awaitRound(invalidatorDone, round), "the invalidating thread stalled in round " + round);
                executor.settle();
                int failedRound = round;
                assertTrue(miss.get().isDone(), () -> "round " + failedRound + ": a read waits for a fetch that never runs");
                String value = miss.get().join();
                assertTrue(Set.of("loaded", "refreshed").contains(value), value);
            }
        } finally {
            finished = true;
        }
    }

    /**
     * Waits until {@code counter} reaches {@code round}; false once the test finished or the other
     * thread stalled. Spins first, then yields: on a busy machine a thread that only spins takes the
     * CPU from the thread it waits for.
     */
    private boolean awaitRound(AtomicInteger counter, int round) {
        long stallAt = System.nanoTime() + STALL.toNanos();
        for (int spins = 0; counter.get() < round; spins++) {
            if (finished || System.nanoTime() - stallAt > 0) {
                return false;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return true;
    }
}
