package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/** SPEC §3 R6: bad arguments fail at the call and name themselves; null values are cached. */
class ArgumentsTest {

    private final TestCaches setup = new TestCaches();
    private final IsrCache cache = setup.build();
    private final Fetcher<String> fetcher = () -> "v";

    /** Every way to read, so each bad argument is checked on all of them. */
    private interface Read {
        void call(String key, long ttlSeconds, Set<String> tags, Fetcher<String> fetcher);
    }

    private Stream<Read> reads() {
        return Stream.of(
                (k, t, tags, f) -> cache.withRevalidate(k, t, tags, f),
                (k, t, tags, f) -> cache.read(k, t, tags, f),
                (k, t, tags, f) -> cache.withRevalidateAsync(k, t, tags, f),
                (k, t, tags, f) -> Isr.withRevalidate(k, t, tags, f));
    }

    @TestFactory
    Stream<DynamicTest> badReadArgumentsAreNamed() {
        Set<String> withNull = new HashSet<>(Arrays.asList("ok", null));
        return reads().flatMap(read -> Stream.of(
                rejects("null key", NullPointerException.class, "key", () -> read.call(null, 60, Set.of(), fetcher)),
                rejects("empty key", IllegalArgumentException.class, "key", () -> read.call("", 60, Set.of(), fetcher)),
                rejects("negative ttl", IllegalArgumentException.class, "ttlSeconds",
                        () -> read.call("k", -1, Set.of(), fetcher)),
                rejects("null fetcher", NullPointerException.class, "fetcher",
                        () -> read.call("k", 60, Set.of(), null)),
                rejects("null tags", NullPointerException.class, "tags", () -> read.call("k", 60, null, fetcher)),
                rejects("null tag", NullPointerException.class, "tags", () -> read.call("k", 60, withNull, fetcher)),
                rejects("empty tag", IllegalArgumentException.class, "tags",
                        () -> read.call("k", 60, Set.of(""), fetcher))));
    }

    @TestFactory
    Stream<DynamicTest> badInvalidationAndBuilderArgumentsAreNamed() {
        return Stream.of(
                rejects("invalidate null", NullPointerException.class, "key", () -> cache.invalidate(null)),
                rejects("invalidate empty", IllegalArgumentException.class, "key", () -> cache.invalidate("")),
                rejects("invalidateTag null", NullPointerException.class, "tag", () -> cache.invalidateTag(null)),
                rejects("invalidateTag empty", IllegalArgumentException.class, "tag", () -> cache.invalidateTag("")),
                rejects("maxEntries 0", IllegalArgumentException.class, "maxEntries",
                        () -> IsrCache.builder().maxEntries(0)),
                rejects("maxStaleSeconds -1", IllegalArgumentException.class, "maxStaleSeconds",
                        () -> IsrCache.builder().maxStaleSeconds(-1)),
                rejects("null clock", NullPointerException.class, "clock", () -> IsrCache.builder().clock(null)),
                rejects("null executor", NullPointerException.class, "executor",
                        () -> IsrCache.builder().executor(null)),
                rejects("null listener", NullPointerException.class, "listener",
                        () -> IsrCache.builder().listener(null)),
                rejects("null store", NullPointerException.class, "store", () -> IsrCache.builder().store(null)),
                rejects("null storeWait", NullPointerException.class, "storeWait",
                        () -> IsrCache.builder().storeWait(null)),
                rejects("negative storeWait", IllegalArgumentException.class, "storeWait",
                        () -> IsrCache.builder().storeWait(Duration.ofMillis(-1))));
    }

    private static DynamicTest rejects(String name, Class<? extends RuntimeException> type, String argument,
                                       Executable call) {
        return DynamicTest.dynamicTest(name, () -> {
            RuntimeException thrown = assertThrows(type, call);
            assertTrue(thrown.getMessage().startsWith(argument + " "),
                    "message should name " + argument + ": " + thrown.getMessage());
        });
    }

    @Test
    void rejectedReadDoesNotCallTheFetcherOrCount() {
        CountingFetcher counting = new CountingFetcher("v");
        assertThrows(IllegalArgumentException.class, () -> cache.withRevalidate("k", -5, counting));
        assertEquals(0, counting.calls());
        assertEquals(new IsrStats(0, 0, 0, 0, 0, 0), cache.stats());
    }

    @Test
    void ttlOfZeroAndEmptyTagsAreValid() {
        assertEquals("v", cache.withRevalidate("k", 0, Set.of(), fetcher));
    }

    @Test
    void nullValueIsCached() {
        CountingFetcher counting = new CountingFetcher("v");
        assertNull(cache.withRevalidate("k", 60, () -> null));
        IsrResult<String> hit = cache.read("k", 60, counting);
        assertEquals(IsrStatus.FRESH, hit.status());
        assertNull(hit.value());
        assertEquals(0, counting.calls());
    }
}
