package dev.isr.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.runtime.IsrCache;
import dev.isr.runtime.IsrResult;
import dev.isr.runtime.IsrStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes away mid-test (the server is killed) and comes back on the same port: reads keep being
 * answered by fetching directly, the listener hears of it, and the cache uses Redis again by itself.
 */
@Timeout(60)
class RedisOutageTest {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final String KEY = "page:/posts";
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(20);

    private final RecordingListener listener = new RecordingListener();
    private final AtomicInteger fetches = new AtomicInteger();
    private final List<RedisIsrStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(RedisIsrStore::close);
    }

    @Test
    void readsAreServedByFetchingWhileRedisIsDownAndUseItAgainWhenItIsBack() throws Exception {
        IsrCache cache = cache();
        assertEquals(IsrStatus.MISS, read(cache).status());
        assertEquals(IsrStatus.FRESH, read(cache).status());
        assertEquals(1, fetches.get());

        REDIS.stop();
        IsrResult<String> whileDown = read(cache);
        assertEquals(IsrStatus.MISS, whileDown.status());
        assertEquals("v2", whileDown.value());
        assertFalse(listener.storeFailures.isEmpty(), "the listener hears of the failure");
        assertEquals("v3", read(cache).value(), "every read while down is answered by a fetch");
        // an invalidation cannot be recorded, and must not be lost silently
        assertThrows(RuntimeException.class, () -> cache.invalidate(KEY));
        // a cache that never reached Redis yet: the app starts while Redis is down
        IsrCache startedWhileDown = cache();
        assertEquals(IsrStatus.MISS, read(startedWhileDown).status());

        REDIS.start();
        awaitFreshAgain(cache);
        awaitFreshAgain(startedWhileDown);
    }

    /** Reads until one is a fresh hit: the breaker has closed, the client reconnected and a value was stored. */
    private void awaitFreshAgain(IsrCache cache) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (read(cache).status() != IsrStatus.FRESH) {
            assertTrue(System.nanoTime() - deadline < 0, "Redis not used again within " + RECOVERY_LIMIT);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private IsrResult<String> read(IsrCache cache) {
        return cache.read(KEY, 60, Set.of("posts"), () -> "v" + fetches.incrementAndGet());
    }

    private IsrCache cache() {
        RedisIsrStore store = RedisIsrStore.builder(REDIS.uri()).namespace("outage")
                .commandTimeout(Duration.ofMillis(500)).codec(IsrCodec.json("dev.isr.runtime.redis")).build();
        stores.add(store);
        return IsrCache.builder().store(store).listener(listener).build();
    }
}
