package dev.isr.runtime;

import java.util.Objects;
import java.util.Set;

/**
 * The static entry point used by generated pages: {@code Isr.withRevalidate(key, 60, () -> load())}.
 * Every method delegates to one shared {@link IsrCache}: by default one created on first use with the
 * system clock, the default refresh pool and default limits; {@link #install(IsrCache)} puts a cache of
 * your own behind the facade (another clock, executor, listener or size bound).
 */
public final class Isr {

    /** The cache {@link #install(IsrCache)} put in place; {@code null} until then. */
    private static volatile IsrCache installed;

    private Isr() {
    }

    /** The shared cache behind this facade. */
    public static IsrCache cache() {
        IsrCache cache = installed;
        return cache != null ? cache : DefaultCache.INSTANCE;
    }

    /**
     * Makes {@code cache} the one behind this facade and every generated page, typically once at
     * startup, or in a test that needs an injected clock or executor. Values and fetches of the cache it
     * replaces are not carried over; reads already running finish on the cache they started with.
     *
     * @return the cache it replaces, so a test can put it back with another {@code install}
     */
    public static synchronized IsrCache install(IsrCache cache) {
        Objects.requireNonNull(cache, "cache must not be null");
        IsrCache previous = cache();
        installed = cache;
        return previous;
    }

    /** See {@link IsrCache#withRevalidate(String, long, Fetcher)}. */
    public static <T> T withRevalidate(String key, long ttlSeconds, Fetcher<T> fetcher) {
        return cache().withRevalidate(key, ttlSeconds, fetcher);
    }

    /** See {@link IsrCache#withRevalidate(String, long, Set, Fetcher)}. */
    public static <T> T withRevalidate(String key, long ttlSeconds, Set<String> tags, Fetcher<T> fetcher) {
        return cache().withRevalidate(key, ttlSeconds, tags, fetcher);
    }

    /** See {@link IsrCache#read(String, long, Set, Fetcher)}: the value together with how it was served. */
    public static <T> IsrResult<T> read(String key, long ttlSeconds, Set<String> tags, Fetcher<T> fetcher) {
        return cache().read(key, ttlSeconds, tags, fetcher);
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

    /** Holder idiom: the JVM creates the default cache on first access, exactly once, without locking reads. */
    private static final class DefaultCache {
        static final IsrCache INSTANCE = IsrCache.builder().build();
    }
}
