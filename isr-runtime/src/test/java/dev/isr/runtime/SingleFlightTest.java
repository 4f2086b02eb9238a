package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §3 R3 (single flight on a miss) and the concurrent half of R2, with real threads. */
class SingleFlightTest {

    private static final int THREADS = 64;
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch releaseFetch = new CountDownLatch(1);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void concurrentMissesShareOneFetch() {
        IsrCache cache = IsrCache.builder().clock(clock).build();
        Fetcher<String> blockedFetcher = () -> {
            fetches.incrementAndGet();
            await(releaseFetch);
            return "shared";
        };

        List<Future<String>> results = startTogether(() -> cache.withRevalidate("k", 60, blockedFetcher));
        // every caller counts its miss once it holds the fetch it waits for
        waitUntil(() -> cache.stats().misses() == THREADS);
        releaseFetch.countDown();

        for (Future<String> result : results) {
            assertEquals("shared", get(result));
        }
        assertEquals(1, fetches.get());
        assertEquals(IsrStatus.FRESH, cache.read("k", 60, blockedFetcher).status());
    }

    @Test
    void failedMissReachesEveryWaiterAndCachesNothing() {
        IsrCache cache = IsrCache.builder().clock(clock).build();
        Exception failure = new Exception("database down");
        Fetcher<String> failingFetcher = () -> {
            fetches.incrementAndGet();
            await(releaseFetch);
            throw failure;
        };

        List<Future<String>> results = startTogether(() -> cache.withRevalidate("k", 60, failingFetcher));
        waitUntil(() -> cache.stats().misses() == THREADS);
        releaseFetch.countDown();

        for (Future<String> result : results) {
            ExecutionException thrown = assertThrows(ExecutionException.class,
                    () -> result.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
            IsrFetchException fetchFailure = assertInstanceOf(IsrFetchException.class, thrown.getCause());
            assertSame(failure, fetchFailure.getCause());
            assertEquals("k", fetchFailure.key());
        }
        assertEquals(1, fetches.get());
        assertEquals(IsrStatus.MISS, cache.read("k", 60, () -> "next").status());
    }

    @Test
    void concurrentStaleReadsStartOneRefresh() throws InterruptedException {
        ExecutorService refreshPool = Executors.newFixedThreadPool(4);
        try {
            IsrCache cache = IsrCache.builder().clock(clock).executor(refreshPool).build();
            cache.withRevalidate("k", 60, () -> "old");
            clock.advanceSeconds(60);
            CountDownLatch refreshStarted = new CountDownLatch(1);
            Fetcher<String> blockedRefresh = () -> {
                fetches.incrementAndGet();
                refreshStarted.countDown();
                await(releaseFetch);
                return "new";
            };

            List<Future<String>> results = startTogether(() -> cache.withRevalidate("k", 60, blockedRefresh));
            for (Future<String> result : results) {
                assertEquals("old", get(result), "stale reads must not wait for the refresh");
            }
            await(refreshStarted);
            assertEquals(1, fetches.get());
            assertEquals(1, cache.stats().refreshes());
            releaseFetch.countDown();

            waitUntil(() -> "new".equals(cache.withRevalidate("k", 60, blockedRefresh)));
            assertEquals(1, fetches.get());
        } finally {
            refreshPool.shutdownNow();
        }
    }

    @Test
    void fetcherThatReadsItsOwnKeyFailsInsteadOfDeadlocking() {
        IsrCache cache = IsrCache.builder().clock(clock).build();
        Fetcher<String> selfReading = () -> cache.withRevalidate("k", 60, () -> "inner");
        IsrFetchException thrown = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(IsrFetchException.class, () -> cache.withRevalidate("k", 60, selfReading)));
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
    }

    private <T> List<Future<T>> startTogether(Callable<T> call) {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<T>> results = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            results.add(callers.submit(() -> {
                start.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
                return call.call();
            }));
        }
        return results;
    }

    private static <T> T get(Future<T> result) {
        return assertTimeoutPreemptively(LIMIT, () -> result.get());
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "latch not released in time");
    }

    /** Polls a condition that another thread will make true; bounded, and no timing is asserted. */
    static void waitUntil(BooleanSupplier condition) {
        assertTimeoutPreemptively(LIMIT, () -> {
            while (!condition.getAsBoolean()) {
                LockSupport.parkNanos(100_000);
            }
        });
    }
}
