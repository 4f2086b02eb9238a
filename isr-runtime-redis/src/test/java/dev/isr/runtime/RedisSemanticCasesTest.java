package dev.isr.runtime;

import dev.isr.runtime.redis.IsrCodec;
import dev.isr.runtime.redis.RedisIsrStore;
import dev.isr.runtime.redis.RedisServer;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared semantic cases of SPEC §3 (the ones every runtime passes) against a cache whose store
 * is a real Redis, each case in a namespace of its own. In package dev.isr.runtime to reuse the
 * runner and its test clock and manual executor from isr-runtime's test-jar.
 */
class RedisSemanticCasesTest {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    /**
     * Left out, with the reason: the backoff across instances lives in Redis (a key with PX), so it
     * ends on Redis's clock, not when the test clock moves.
     */
    private static final Set<String> CLOCK_DRIVEN_BACKOFF = Set.of(
            "R4 after the backoff a refresh is tried again",
            "R4 the backoff is capped at the ttl",
            "R4 a ttl of 0 does not cause a refresh storm after a failure");

    private static final List<RedisIsrStore> STORES = new CopyOnWriteArrayList<>();

    @AfterAll
    static void closeStores() {
        STORES.forEach(RedisIsrStore::close);
    }

    @TestFactory
    Stream<DynamicTest> sharedCasesOnRedis() throws IOException {
        return SemanticCasesTest.sharedCases(name -> !CLOCK_DRIVEN_BACKOFF.contains(name), builder -> {
            RedisIsrStore store = RedisIsrStore.builder(REDIS.uri()).namespace("cases-" + UUID.randomUUID())
                    .codec(IsrCodec.json()).build();
            STORES.add(store);
            return builder.store(store);
        });
    }
}
