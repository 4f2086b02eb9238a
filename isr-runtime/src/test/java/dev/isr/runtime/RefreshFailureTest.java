package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/** SPEC §3 R4: a failed refresh keeps the stale value, reaches the listener, and backs off. */
class RefreshFailureTest {

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final Exception databaseDown = new Exception("database down");
    private int failingCalls;
    private final Fetcher<String> failing = () -> {
        failingCalls++;
        throw databaseDown;
    };

    private void cacheStaleValue(long ttlSeconds) {
        cache.withRevalidate("k", ttlSeconds, () -> "old");
        setup.clock.advanceSeconds(ttlSeconds);
    }

    /** One stale read followed by running whatever it queued; returns how many refreshes that ran. */
    private int staleReadAndSettle(long ttlSeconds, Fetcher<String> fetcher) {
        assertEquals("old", cache.withRevalidate("k", ttlSeconds, fetcher));
        return setup.executor.settle();
    }

    @Test
    void failedRefreshKeepsServingTheStaleValueAndReportsTheError() {
        cacheStaleValue(60);
        staleReadAndSettle(60, failing);

        IsrResult<String> after = cache.read("k", 60, failing);
        assertEquals("old", after.value());
        assertEquals(IsrStatus.STALE, after.status());
        assertEquals(List.of("k"), setup.listener.failedKeys);
        assertSame(databaseDown, setup.listener.failures.get(0));
        assertEquals(1, cache.stats().refreshFailures());
        assertEquals(1, cache.stats().refreshes());
    }

    @Test
    void listenerSeesTheRealCauseNotAWrapper() {
        cacheStaleValue(60);
        staleReadAndSettle(60, () -> {
            throw new ExecutionException(databaseDown);
        });
        assertSame(databaseDown, setup.listener.failures.get(0));
    }

    @Test
    void refreshesBackOffOneSecondDoublingUntilTheTtl() {
        cacheStaleValue(5);
        assertEquals(1, staleReadAndSettle(5, failing)); // failure 1: next try after 1 s

        setup.clock.advance(Duration.ofMillis(999));
        assertEquals(0, staleReadAndSettle(5, failing));
        setup.clock.advance(Duration.ofMillis(1));
        assertEquals(1, staleReadAndSettle(5, failing)); // failure 2: next after 2 s

        setup.clock.advance(Duration.ofMillis(1999));
        assertEquals(0, staleReadAndSettle(5, failing));
        setup.clock.advance(Duration.ofMillis(1));
        assertEquals(1, staleReadAndSettle(5, failing)); // failure 3: next after 4 s

        setup.clock.advanceSeconds(4);
        assertEquals(1, staleReadAndSettle(5, failing)); // failure 4: 8 s, capped at the 5 s ttl

        setup.clock.advance(Duration.ofMillis(4999));
        assertEquals(0, staleReadAndSettle(5, failing));
        setup.clock.advance(Duration.ofMillis(1));
        assertEquals(1, staleReadAndSettle(5, failing));
        assertEquals(5, failingCalls);
    }

    @Test
    void ttlOfZeroStillBacksOffOneSecond() {
        cacheStaleValue(0);
        assertEquals(1, staleReadAndSettle(0, failing));
        for (int i = 0; i < 100; i++) {
            staleReadAndSettle(0, failing);
        }
        assertEquals(1, failingCalls, "no refresh storm with a ttl of 0");
        setup.clock.advanceSeconds(1);
        assertEquals(1, staleReadAndSettle(0, failing));
    }

    @Test
    void successfulRefreshEndsTheBackoff() {
        cacheStaleValue(60);
        staleReadAndSettle(60, failing);
        setup.clock.advanceSeconds(1);
        staleReadAndSettle(60, () -> "new");
        assertEquals("new", cache.withRevalidate("k", 60, failing));

        setup.clock.advanceSeconds(60);
        cache.withRevalidate("k", 60, failing);
        assertEquals(1, setup.executor.settle(), "the new value refreshes at once when stale");
    }

    @Test
    void rejectedRefreshIsReportedAndBacksOff() {
        IsrCache rejecting = IsrCache.builder().clock(setup.clock).listener(setup.listener)
                .executor(task -> {
                    throw new RejectedExecutionException("pool shut down");
                }).build();
        rejecting.withRevalidate("k", 60, () -> "old");
        setup.clock.advanceSeconds(60);

        assertEquals("old", rejecting.withRevalidate("k", 60, failing));
        assertEquals("old", rejecting.withRevalidate("k", 60, failing));
        assertInstanceOf(RejectedExecutionException.class, setup.listener.failures.get(0));
        assertEquals(1, rejecting.stats().refreshFailures());
    }

    @Test
    void failingListenerDoesNotBreakTheCache() {
        IsrListener throwing = new IsrListener() {
            @Override
            public void onRefreshFailure(String key, Throwable error) {
                throw new IllegalStateException("listener bug");
            }
        };
        IsrCache withBadListener = IsrCache.builder().clock(setup.clock).executor(setup.executor)
                .listener(throwing).build();
        withBadListener.withRevalidate("k", 60, () -> "old");
        setup.clock.advanceSeconds(60);
        withBadListener.withRevalidate("k", 60, failing);
        Thread.UncaughtExceptionHandler previous = Thread.currentThread().getUncaughtExceptionHandler();
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> reported.complete(error));
        try {
            setup.executor.settle();
        } finally {
            Thread.currentThread().setUncaughtExceptionHandler(previous);
        }
        assertEquals("listener bug", reported.getNow(null).getMessage());
        assertEquals(1, withBadListener.stats().refreshFailures());
        setup.clock.advanceSeconds(1);
        withBadListener.withRevalidate("k", 60, () -> "new");
        setup.executor.settle();
        assertEquals("new", withBadListener.withRevalidate("k", 60, failing));
    }

    @Test
    void backoffDelays() {
        assertEquals(1000, RefreshBackoff.delayMillis(1, 60_000));
        assertEquals(2000, RefreshBackoff.delayMillis(2, 60_000));
        assertEquals(32_000, RefreshBackoff.delayMillis(6, 60_000));
        assertEquals(60_000, RefreshBackoff.delayMillis(7, 60_000));
        assertEquals(60_000, RefreshBackoff.delayMillis(Integer.MAX_VALUE, 60_000));
        assertEquals(1000, RefreshBackoff.delayMillis(5, 0));
        assertEquals(1000L << 40, RefreshBackoff.delayMillis(100, Long.MAX_VALUE), "no overflow");
    }
}
