package dev.isr.runtime;

import static dev.isr.runtime.SingleFlightTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** "Virtual threads and plain executors must both work" (SPEC §3). */
class ExecutorsTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock();

    @Test
    void plainThreadPoolRunsRefreshesAndAsyncMisses() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            assertRefreshAndAsyncMissWork(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void virtualThreadsRunRefreshesAndAsyncMisses() throws Throwable {
        // compiled for Java 17, where virtual threads do not exist: looked up only when present
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
        ExecutorService virtualThreads = (ExecutorService) MethodHandles.publicLookup()
                .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
                .invoke();
        try {
            assertRefreshAndAsyncMissWork(virtualThreads);
        } finally {
            virtualThreads.shutdownNow();
        }
    }

    @Test
    void defaultExecutorRunsRefreshesOnDaemonThreads() {
        IsrCache cache = IsrCache.builder().clock(clock).build();
        cache.withRevalidate("k", 60, () -> "old");
        clock.advanceSeconds(60);
        CompletableFuture<Thread> refreshThread = new CompletableFuture<>();
        cache.withRevalidate("k", 60, () -> {
            refreshThread.complete(Thread.currentThread());
            return "new";
        });
        Thread thread = assertTimeoutPreemptively(LIMIT, () -> refreshThread.get());
        assertTrue(thread.isDaemon());
        assertTrue(thread.getName().startsWith("isr-refresh-"), thread.getName());
        waitUntil(() -> "new".equals(cache.withRevalidate("k", 60, () -> "unused")));
    }

    private void assertRefreshAndAsyncMissWork(ExecutorService executor) {
        IsrCache cache = IsrCache.builder().clock(clock).executor(executor).build();
        assertEquals("a", assertTimeoutPreemptively(LIMIT,
                () -> cache.withRevalidateAsync("k", 60, () -> "a").get()));
        clock.advanceSeconds(60);
        assertEquals("a", cache.withRevalidate("k", 60, () -> "b"));
        waitUntil(() -> cache.read("k", 60, () -> "c").status() == IsrStatus.FRESH);
        assertEquals("b", cache.withRevalidate("k", 60, () -> "c"));
    }
}
