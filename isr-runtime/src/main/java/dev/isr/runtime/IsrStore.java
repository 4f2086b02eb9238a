package dev.isr.runtime;

import java.util.Set;

/**
 * A store shared by several app instances, e.g. Redis ({@code dev.isr.runtime.redis.RedisIsrStore} in
 * the module {@code isr-runtime-redis}). Give one to {@link IsrCache.Builder#store(IsrStore)} and every
 * instance's cache keeps its values there, fetches each key once across all of them and sees every
 * invalidation at once. Without one, a cache keeps its values in its own process (the default: no
 * network, no serialisation, and a fresh hit that allocates nothing).
 *
 * <p>The cache does the rest: argument checks, the single flight within the process, ages and
 * staleness, stats and the listener. A store only keeps entries, hands out one lease per key at a
 * time and records invalidations. Any method may throw an unchecked exception when the store is
 * unavailable; reads then call the fetcher directly and report it through
 * {@link IsrListener#onStoreFailure(String, Throwable)}, they never fail because of the store.
 *
 * <p>Implementations must be thread-safe.
 */
public interface IsrStore {

    /** A stored value and the start time of the fetch that produced it (epoch milliseconds). */
    record Entry(Object value, long fetchedAtMillis) {
    }

    /** The right to fetch one key and store the result, held by one caller of one instance at a time. */
    interface Lease {
        /** The key the lease is for. */
        String key();
    }

    /**
     * The outcome of {@link #claim}: a valid entry that appeared meanwhile, or the lease, or neither
     * (another caller holds the lease, or the key backs off after failed refreshes).
     */
    record Claim(Entry entry, Lease lease) {

        private static final Claim BUSY = new Claim(null, null);

        public static Claim found(Entry entry) {
            return new Claim(entry, null);
        }

        public static Claim leased(Lease lease) {
            return new Claim(null, lease);
        }

        public static Claim busy() {
            return BUSY;
        }
    }

    /** The entry of {@code key} if there is one and no invalidation has come after its fetch began; else null. */
    Entry get(String key);

    /**
     * Tries to take the lease of {@code key}. If a valid entry exists whose fetch time is not
     * {@code seenFetchedAtMillis}, returns it instead (someone stored a value since the caller looked;
     * pass {@link Long#MIN_VALUE} after a miss). With {@code refresh} true, also fails while the key
     * backs off after failed refreshes. The lease remembers the invalidation state at this moment, so
     * that {@link #put} can refuse a value whose fetch an invalidation overtook.
     *
     * @param tags the tags the fetched value will be stored with
     */
    Claim claim(String key, Set<String> tags, long seenFetchedAtMillis, boolean refresh);

    /**
     * Stores a value fetched under {@code lease}, unless the lease was lost (expired and taken by
     * another, or deleted by {@link #invalidate}) or an invalidation of the key, one of its tags or
     * everything came after the claim. Releases the lease either way.
     *
     * @param expireAfterMillis how long the store keeps the entry at most (it is served only while
     *                          younger than ttl + maxStale anyway)
     * @return whether the value was stored
     */
    boolean put(Lease lease, Object value, long fetchedAtMillis, long expireAfterMillis);

    /**
     * Releases {@code lease} after a failed fetch. For a refresh ({@code backoffBaseMillis > 0}) the
     * key then backs off: no instance refreshes it for {@code backoffBaseMillis}, doubling with each
     * further consecutive failure, at most {@code backoffCapMillis} (SPEC §3 R4).
     */
    void release(Lease lease, long backoffBaseMillis, long backoffCapMillis);

    /** Removes the entry of {@code key} and its lease, so a fetch in flight cannot store. */
    void invalidate(String key);

    /** Invalidates every entry stored with {@code tag}, and every fetch in flight that would store it. */
    void invalidateTag(String tag);

    /** Invalidates everything in the store. */
    void invalidateAll();
}
