package dev.isr.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The data source behind a stampede: every fetch takes a fixed time, as a database query would. */
final class SlowSource {

    private final long fetchMillis;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();

    SlowSource(long fetchMillis) {
        this.fetchMillis = fetchMillis;
    }

    String fetch(String key) throws InterruptedException {
        fetches.incrementAndGet();
        inFlight.incrementAndGet();
        try {
            TimeUnit.MILLISECONDS.sleep(fetchMillis);   // the simulated query, not a timing wait
            return key + "@" + System.nanoTime();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    int fetches() {
        return fetches.get();
    }

    void resetCount() {
        fetches.set(0);
    }

    /** Waits for background refreshes to end, so they are counted in the round that caused them. */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fetches still running after 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
    }
}
