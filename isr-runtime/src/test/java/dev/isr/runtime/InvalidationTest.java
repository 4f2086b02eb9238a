package dev.isr.runtime;

import static dev.isr.runtime.SingleFlightTest.await;
import static dev.isr.runtime.SingleFlightTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC §3 R5: invalidate, invalidateAll and invalidateTag win over a fetch in flight. */
class InvalidationTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final CountingFetcher fetcher = new CountingFetcher("v");
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void invalidateMakesTheNextReadFetchAnew() {
        cache.withRevalidate("k", 60, fetcher);
        cache.invalidate("k");
        IsrResult<String> next = cache.read("k", 60, fetcher);
        assertEquals(IsrStatus.MISS, next.status());
        assertEquals("v-2", next.value());
    }

    @Test
    void invalidateOfAnUnknownKeyIsHarmless() {
        cache.invalidate("never-read");
        assertEquals(IsrStatus.MISS, cache.read("never-read", 60, fetcher).status());
    }

    @Test
    void invalidateDuringABlockedRefreshDiscardsTheRefreshedValue() {
        assertInvalidationBeatsRefresh(c -> c.invalidate("k"), Set.of());
    }

    @Test
    void invalidateAllDuringABlockedRefreshDiscardsTheRefreshedValue() {
        assertInvalidationBeatsRefresh(IsrCache::invalidateAll, Set.of());
    }

    @Test
    void invalidateTagDuringABlockedRefreshDiscardsTheRefreshedValue() {
        assertInvalidationBeatsRefresh(c -> c.invalidateTag("posts"), Set.of("posts"));
    }

    /** A refresh blocked on a latch on a real thread; the invalidation happens while it waits. */
    private void assertInvalidationBeatsRefresh(Consumer<IsrCache> invalidation, Set<String> tags) {
        ExecutorService refreshPool = Executors.newSingleThreadExecutor();
        try {
            IsrCache realThreads = IsrCache.builder().clock(setup.clock).executor(refreshPool).build();
            realThreads.withRevalidate("k", 60, tags, () -> "old");
            setup.clock.advanceSeconds(60);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch finished = new CountDownLatch(1);
            realThreads.withRevalidate("k", 60, tags, () -> {
                started.countDown();
                await(release);
                return "refreshed-before-invalidation";
            });
            assertTimeoutPreemptively(LIMIT, () -> await(started));

            invalidation.accept(realThreads);
            release.countDown();
            refreshPool.execute(finished::countDown); // runs after the refresh on the single thread
            assertTimeoutPreemptively(LIMIT, () -> await(finished));

            IsrResult<String> next = realThreads.read("k", 60, tags, () -> "fetched-anew");
            assertEquals(IsrStatus.MISS, next.status());
            assertEquals("fetched-anew", next.value());
        } finally {
            refreshPool.shutdownNow();
        }
    }

    @Test
    void missInFlightStillAnswersItsCallerButIsNotStoredAfterInvalidate() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> cache.withRevalidate("k", 60, () -> {
            started.countDown();
            await(release);
            return "from-before";
        }), threads);
        assertTimeoutPreemptively(LIMIT, () -> await(started));

        cache.invalidate("k");
        IsrResult<String> concurrent = cache.read("k", 60, () -> "fetched-anew");
        release.countDown();

        assertEquals("from-before", assertTimeoutPreemptively(LIMIT, () -> caller.get()));
        assertEquals(IsrStatus.MISS, concurrent.status(), "a read after invalidate must not join the old fetch");
        assertEquals("fetched-anew", concurrent.value());
        assertEquals("fetched-anew", cache.withRevalidate("k", 60, fetcher));
    }

    @Test
    void invalidateAllEmptiesEveryKey() {
        cache.withRevalidate("a", 60, fetcher);
        cache.withRevalidate("b", 60, fetcher);
        cache.invalidateAll();
        assertEquals(IsrStatus.MISS, cache.read("a", 60, fetcher).status());
        assertEquals(IsrStatus.MISS, cache.read("b", 60, fetcher).status());
    }

    @Test
    void invalidateTagRemovesOnlyKeysStoredWithThatTag() {
        cache.withRevalidate("posts", 60, Set.of("posts"), fetcher);
        cache.withRevalidate("post-a", 60, Set.of("posts", "comments"), fetcher);
        cache.withRevalidate("stats", 60, fetcher);

        cache.invalidateTag("posts");

        assertEquals(IsrStatus.MISS, cache.read("posts", 60, Set.of("posts"), fetcher).status());
        assertEquals(IsrStatus.MISS, cache.read("post-a", 60, Set.of("posts", "comments"), fetcher).status());
        assertEquals(IsrStatus.FRESH, cache.read("stats", 60, fetcher).status());
        cache.invalidateTag("unused");
        assertEquals(IsrStatus.FRESH, cache.read("stats", 60, fetcher).status());
    }

    @Test
    void tagsComeFromTheCallThatStoredTheValue() {
        cache.withRevalidate("k", 60, Set.of("old-tag"), fetcher);
        setup.clock.advanceSeconds(60);
        cache.withRevalidate("k", 60, Set.of("new-tag"), fetcher);
        setup.executor.settle();

        cache.invalidateTag("old-tag");
        assertEquals(IsrStatus.FRESH, cache.read("k", 60, Set.of("new-tag"), fetcher).status());
        cache.invalidateTag("new-tag");
        assertEquals(IsrStatus.MISS, cache.read("k", 60, Set.of("new-tag"), fetcher).status());
    }

    @Test
    void queuedRefreshThatRunsAfterInvalidateIsNotStored() {
        cache.withRevalidate("k", 60, fetcher);
        setup.clock.advanceSeconds(60);
        cache.withRevalidate("k", 60, fetcher);
        cache.invalidate("k");
        setup.executor.settle();
        assertEquals(IsrStatus.MISS, cache.read("k", 60, fetcher).status());
    }

    @Test
    void failedLoadAfterInvalidateStillFailsItsCaller() {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> caller = CompletableFuture.supplyAsync(() -> cache.withRevalidate("k", 60, () -> {
            started.countDown();
            await(release);
            throw new Exception("database down");
        }), threads);
        assertTimeoutPreemptively(LIMIT, () -> await(started));
        cache.invalidate("k");
        release.countDown();
        waitUntil(caller::isDone);
        assertThrows(Exception.class, caller::join);
        assertEquals(IsrStatus.MISS, cache.read("k", 60, fetcher).status());
    }
}
