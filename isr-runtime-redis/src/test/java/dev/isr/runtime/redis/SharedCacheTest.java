package dev.isr.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.runtime.Fetcher;
import dev.isr.runtime.IsrCache;
import dev.isr.runtime.IsrResult;
import dev.isr.runtime.IsrStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two caches, each with its own connection, sharing one real Redis: what two app instances see (the
 * same over two JVMs: {@link TwoProcessTest}). Both run on one test clock; refreshes run on the
 * reading thread, so "stale, then refreshed" is a sequence of reads.
 */
@Timeout(60)
class SharedCacheTest {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final String KEY = "page:/posts";
    private static final Set<String> POSTS = Set.of("posts");

    private final String namespace = "test-" + UUID.randomUUID();
    private final TestClock clock = new TestClock();
    private final RecordingListener listener = new RecordingListener();
    private final List<RedisIsrStore> stores = new ArrayList<>();
    private final IsrCache a = cache(Duration.ofSeconds(10));
    private final IsrCache b = cache(Duration.ofSeconds(10));
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        callers.shutdownNow();
        stores.forEach(RedisIsrStore::close);
    }

    @Test
    void twoHundredConcurrentMissesOnTwoInstancesFetchOnce() throws Exception {
        int readers = 200;
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch allReading = new CountDownLatch(readers);
        Fetcher<String> fetcher = () -> {
            fetches.incrementAndGet();
            // hold the fetch until every reader is on its way, so all of them overlap with it
            assertTrue(allReading.await(30, TimeUnit.SECONDS), "readers did not start");
            return "shared";
        };
        List<Future<IsrResult<String>>> results = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            IsrCache instance = i % 2 == 0 ? a : b;
            results.add(callers.submit(() -> {
                allReading.countDown();
                return instance.read(KEY, 60, POSTS, fetcher);
            }));
        }
        for (Future<IsrResult<String>> result : results) {
            assertEquals("shared", result.get().value());
        }
        assertEquals(1, fetches.get());
        assertEquals(readers, a.stats().misses() + a.stats().freshHits() + b.stats().misses() + b.stats().freshHits());
    }

    @Test
    void anInvalidationOnOneInstanceIsSeenByTheOther() {
        assertEquals(IsrStatus.MISS, a.read(KEY, 60, POSTS, () -> "v1").status());
        IsrResult<String> shared = b.read(KEY, 60, POSTS, () -> "not called");
        assertEquals(IsrStatus.FRESH, shared.status());
        assertEquals("v1", shared.value());

        a.invalidate(KEY);
        assertMiss(b.read(KEY, 60, POSTS, () -> "v2"), "v2");
        assertEquals("v2", a.read(KEY, 60, POSTS, () -> "not called").value());

        b.invalidateTag("posts");
        assertMiss(a.read(KEY, 60, POSTS, () -> "v3"), "v3");

        a.invalidateAll();
        assertMiss(b.read(KEY, 60, POSTS, () -> "v4"), "v4");
        // a key without the tag survives the tag's invalidation
        a.read("page:/about", 60, Set.of(), () -> "about");
        a.invalidateTag("posts");
        assertEquals(IsrStatus.FRESH, b.read("page:/about", 60, Set.of(), () -> "not called").status());
    }

    @Test
    void aFetchOvertakenByAnInvalidationOnAnotherInstanceAnswersItsCallerButIsNotStored() throws Exception {
        Future<String> slow = readHeldOpen(a, "before the invalidation");
        b.invalidateTag("posts");
        release.countDown();
        assertEquals("before the invalidation", slow.get());

        assertMiss(b.read(KEY, 60, POSTS, () -> "after"), "after");
    }

    @Test
    void aStaleValueIsServedAtOnceAndRefreshedOnceForAllInstances() {
        a.read(KEY, 60, POSTS, () -> "v1");
        clock.advance(Duration.ofSeconds(61));

        IsrResult<String> stale = b.read(KEY, 60, POSTS, () -> "v2");
        assertEquals(IsrStatus.STALE, stale.status());
        assertEquals("v1", stale.value());
        IsrResult<String> refreshed = a.read(KEY, 60, POSTS, () -> "not called");
        assertEquals(IsrStatus.FRESH, refreshed.status());
        assertEquals("v2", refreshed.value());
        assertEquals(1, a.stats().refreshes() + b.stats().refreshes());
    }

    @Test
    void aFailedRefreshBacksOffOnEveryInstance() {
        a.read(KEY, 60, POSTS, () -> "v1");
        clock.advance(Duration.ofSeconds(61));
        assertEquals("v1", a.read(KEY, 60, POSTS, () -> {
            throw new IllegalStateException("backend down");
        }).value());
        assertEquals(1, listener.refreshFailures.size());

        // the backoff (1 s after a first failure) lives in Redis: the other instance does not refresh either
        AtomicInteger fetches = new AtomicInteger();
        IsrResult<String> stale = b.read(KEY, 60, POSTS, () -> "v" + fetches.incrementAndGet());
        assertEquals(IsrStatus.STALE, stale.status());
        assertEquals("v1", stale.value());
        assertEquals(0, fetches.get());
        assertEquals(0, b.stats().refreshes());
    }

    @Test
    void aMissThatWaitsLongerThanStoreWaitFetchesItselfAndReportsIt() throws Exception {
        IsrCache impatient = cache(Duration.ofMillis(200));
        Future<String> holder = readHeldOpen(a, "holder");

        assertMiss(impatient.read(KEY, 60, POSTS, () -> "impatient"), "impatient");
        assertEquals(1, listener.storeFailures.size(), listener.storeFailures::toString);
        release.countDown();
        assertEquals("holder", holder.get());
    }

    /** Starts a miss on {@code cache} whose fetch runs until {@link #release}; returns once it runs. */
    private Future<String> readHeldOpen(IsrCache cache, String value) throws InterruptedException {
        CountDownLatch fetching = new CountDownLatch(1);
        Future<String> read = callers.submit(() -> cache.withRevalidate(KEY, 60, POSTS, () -> {
            fetching.countDown();
            assertTrue(release.await(30, TimeUnit.SECONDS));
            return value;
        }));
        assertTrue(fetching.await(30, TimeUnit.SECONDS), "the fetch did not start");
        return read;
    }

    @Test
    void entriesExpireInRedisAfterTtlPlusMaxStale() {
        RedisIsrStore store = RedisIsrStore.builder(REDIS.uri()).namespace(namespace)
                .codec(IsrCodec.json("dev.isr.runtime.redis")).build();
        stores.add(store);
        IsrCache bounded = IsrCache.builder().store(store).clock(clock).maxStaleSeconds(30).build();
        bounded.read("page:/bounded", 60, Set.of(), () -> "v");
        a.read("page:/default", 60, Set.of(), () -> "v");
        a.read("page:/forever", Long.MAX_VALUE, Set.of(), () -> "v");

        RedisClient client = RedisClient.create(REDIS.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var redis = connection.sync();
            long bound = redis.pttl("{" + namespace + "}:e:page:/bounded");
            assertTrue(bound > 80_000 && bound <= 90_000, "ttl 60 s + maxStale 30 s, was " + bound + " ms");
            long unbounded = redis.pttl("{" + namespace + "}:e:page:/default");
            assertTrue(unbounded > 86_400_000 && unbounded <= 86_460_000, "ttl 60 s + 1 day, was " + unbounded + " ms");
            assertTrue(redis.pttl("{" + namespace + "}:e:page:/forever") > 0, "a 'forever' ttl is stored too");
        } finally {
            client.shutdown();
        }
        assertTrue(listener.storeFailures.isEmpty(), listener.storeFailures::toString);
    }

    private static void assertMiss(IsrResult<String> result, String value) {
        assertEquals(IsrStatus.MISS, result.status());
        assertEquals(value, result.value());
    }

    private IsrCache cache(Duration storeWait) {
        RedisIsrStore store = RedisIsrStore.builder(REDIS.uri()).namespace(namespace)
                .codec(IsrCodec.json("dev.isr.runtime.redis")).build();
        stores.add(store);
        return IsrCache.builder().store(store).storeWait(storeWait).clock(clock).executor(Runnable::run)
                .listener(listener).build();
    }
}
