package dev.isr.runtime;

import java.util.Set;

/**
 * The static entry point used by generated pages: {@code Isr.withRevalidate(key, 60, () -> load())}.
 * Every method delegates to one shared {@link IsrCache}, created on first use with the system clock,
 * the default refresh pool and default limits. Build your own {@link IsrCache} for anything else.
 */
public final class Isr {

    private Isr() {
    }

    /** The shared cache behind this facade. */
    public static IsrCache cache() {
        return SharedCache.INSTANCE;
    }

    /** See {@link IsrCache#withRevalidate(String, long, Fetcher)}. */
    public static <T> T withRevalidate(String key, long ttlSeconds, Fetcher<T> fetcher) {
        return cache().withRevalidate(key, ttlSeconds, fetcher);
    }

    /** See {@link IsrCache#withRevalidate(String, long, Set, Fetcher)}. */
    public static <T> T withRevalidate(String key, long ttlSeconds, Set<String> tags, Fetcher<T> fetcher) {
        return cache().withRevalidate(key, ttlSeconds, tags, fetcher);
    }

    /** See {@link IsrCache#invalidate(String)}. */
    public static void invalidate(String key) {
        cache().invalidate(key);
    }

    /** See {@link IsrCache#invalidateAll()}. */
    public static void invalidateAll() {
        cache().invalidateAll();
    }

    /** See {@link IsrCache#invalidateTag(String)}. */
    public static void invalidateTag(String tag) {
        cache().invalidateTag(tag);
    }

    /** Holder idiom: the JVM creates the cache on first access, exactly once, without locking reads. */
    private static final class SharedCache {
        static final IsrCache INSTANCE = IsrCache.builder().build();
    }
}
