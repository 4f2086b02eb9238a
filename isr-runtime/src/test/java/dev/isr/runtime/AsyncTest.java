package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The non-blocking form: a miss runs on the executor; hits complete at once. */
class AsyncTest {

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final CountingFetcher fetcher = new CountingFetcher("v");

    @Test
    void missRunsOnTheExecutorAndConcurrentCallersShareIt() {
        CompletableFuture<String> first = cache.withRevalidateAsync("k", 60, fetcher);
        CompletableFuture<String> second = cache.withRevalidateAsync("k", 60, fetcher);
        assertFalse(first.isDone());
        assertEquals(0, fetcher.calls());

        setup.executor.settle();

        assertEquals("v-1", first.join());
        assertEquals("v-1", second.join());
        assertEquals(1, fetcher.calls());
        assertEquals(2, cache.stats().misses());
    }

    @Test
    void hitsCompleteAtOnce() {
        cache.withRevalidate("k", 60, fetcher);
        assertEquals("v-1", cache.withRevalidateAsync("k", 60, fetcher).getNow(null));
        setup.clock.advanceSeconds(60);
        assertEquals("v-1", cache.withRevalidateAsync("k", 60, fetcher).getNow(null));
        assertEquals(1, setup.executor.queued(), "the stale hit queued one refresh");
    }

    @Test
    void failedMissFailsTheFutureWithTheRealCause() {
        Exception databaseDown = new Exception("database down");
        CompletableFuture<String> result = cache.withRevalidateAsync("k", 60, () -> {
            throw databaseDown;
        });
        setup.executor.settle();
        assertTrue(result.isCompletedExceptionally());
        CompletionException thrown = assertThrows(CompletionException.class, result::join);
        IsrFetchException failure = assertInstanceOf(IsrFetchException.class, thrown.getCause());
        assertSame(databaseDown, failure.getCause());
    }

    @Test
    void cancellingOneCallersFutureDoesNotCancelTheSharedFetch() {
        CompletableFuture<String> first = cache.withRevalidateAsync("k", 60, fetcher);
        CompletableFuture<String> second = cache.withRevalidateAsync("k", 60, fetcher);
        first.cancel(true);
        setup.executor.settle();
        assertEquals("v-1", second.join());
        assertEquals(IsrStatus.FRESH, cache.read("k", 60, fetcher).status());
    }
}
