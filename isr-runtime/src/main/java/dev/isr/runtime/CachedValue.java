package dev.isr.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Set;

/**
 * One stored value. Immutable except for its last-use stamp, so a fresh hit reads it without a lock;
 * every change (refresh, failed refresh) replaces the whole object in the map.
 */
final class CachedValue {

    private static final VarHandle LAST_USED;

    static {
        try {
            LAST_USED = MethodHandles.lookup().findVarHandle(CachedValue.class, "lastUsedMillis", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Object value;
    private final long fetchedAtMillis;
    private final Set<String> tags;
    private final long storeSequence;
    private final int refreshFailures;
    private final long nextRefreshAtMillis;
    /** Written with opaque stores: recency needs atomic longs, not ordering, and must stay cheap. */
    @SuppressWarnings("unused")
    private long lastUsedMillis;

    CachedValue(Object value, long fetchedAtMillis, Set<String> tags, long storeSequence, long nowMillis) {
        this(value, fetchedAtMillis, tags, storeSequence, 0, Long.MIN_VALUE, nowMillis);
    }

    private CachedValue(Object value, long fetchedAtMillis, Set<String> tags, long storeSequence,
                        int refreshFailures, long nextRefreshAtMillis, long lastUsedMillis) {
        this.value = value;
        this.fetchedAtMillis = fetchedAtMillis;
        this.tags = tags;
        this.storeSequence = storeSequence;
        this.refreshFailures = refreshFailures;
        this.nextRefreshAtMillis = nextRefreshAtMillis;
        this.lastUsedMillis = lastUsedMillis;
    }

    Object value() {
        return value;
    }

    /** When the fetch that produced this value started, on the cache's clock. */
    long fetchedAtMillis() {
        return fetchedAtMillis;
    }

    /** Milliseconds since the start of the fetch that produced this value. */
    long ageMillisAt(long nowMillis) {
        return nowMillis - fetchedAtMillis;
    }

    Duration ageAt(long nowMillis) {
        return Duration.ofMillis(Math.max(0, ageMillisAt(nowMillis)));
    }

    Set<String> tags() {
        return tags;
    }

    /** Breaks ties between entries last used in the same millisecond: the earlier stored is older. */
    long storeSequence() {
        return storeSequence;
    }

    boolean mayRefreshAt(long nowMillis) {
        return nowMillis >= nextRefreshAtMillis;
    }

    long lastUsedMillis() {
        return (long) LAST_USED.getOpaque(this);
    }

    /** Records a use. Skips the store when the stamp is already current, so a hot key is not written by every reader. */
    void touch(long nowMillis) {
        if ((long) LAST_USED.getOpaque(this) != nowMillis) {
            LAST_USED.setOpaque(this, nowMillis);
        }
    }

    /** The same value after one more failed refresh: served as before, refreshed again only after the backoff. */
    CachedValue afterRefreshFailure(long nowMillis, long ttlMillis) {
        int failures = refreshFailures + 1;
        long retryAt = Millis.plus(nowMillis, RefreshBackoff.delayMillis(failures, ttlMillis));
        return new CachedValue(value, fetchedAtMillis, tags, storeSequence, failures, retryAt, lastUsedMillis());
    }
}
