package dev.isr.runtime;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The reads, refreshes and invalidations of an {@link IsrCache} built with an {@link IsrStore}: R1–R8
 * across every instance that shares the store.
 *
 * <p>A miss is single-flight twice: within the process through {@link #loads} (one conversation with
 * the store per key and instance), and across instances through the store's lease. A caller that
 * finds the lease taken claims again after a pause that grows from {@value #FIRST_PAUSE_MILLIS} ms to
 * {@value #MAX_PAUSE_MILLIS} ms, until the holder's value appears, the lease is free again (the holder
 * failed or died and its lease expired) or {@code maxWait} has passed; then it fetches by itself and
 * reports that it waited in vain.
 *
 * <p>When the store fails, the read fetches directly (still once per key in this process), reports it
 * through {@link IsrListener#onStoreFailure} and leaves the store alone for {@value #RETRY_MILLIS} ms,
 * so that a store that is down costs one timeout per second, not one per read.
 */
final class SharedStoreReads {

    static final long FIRST_PAUSE_MILLIS = 5;
    static final long MAX_PAUSE_MILLIS = 50;
    static final long RETRY_MILLIS = 1000;
    /** How long entries stay in the store when maxStaleSeconds is unlimited: ttl plus one day. */
    static final long DEFAULT_RETENTION_MILLIS = Duration.ofDays(1).toMillis();

    private final IsrStore store;
    private final InstantSource clock;
    private final Executor executor;
    private final long maxStaleMillis;
    private final long maxWaitNanos;
    private final IsrListener listener;
    private final StatsCounter stats;
    /** The load in flight per key in this process; misses join it instead of asking the store again. */
    private final ConcurrentHashMap<String, PendingFetch> loads = new ConcurrentHashMap<>();
    /** Keys with a background refresh in flight in this process. */
    private final Set<String> refreshes = ConcurrentHashMap.newKeySet();
    /** System.nanoTime() before which the store is not asked (it failed recently). */
    private volatile long storeRetryAtNanos = System.nanoTime();

    SharedStoreReads(IsrStore store, InstantSource clock, Executor executor, long maxStaleMillis,
                     Duration maxWait, IsrListener listener, StatsCounter stats) {
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.maxStaleMillis = maxStaleMillis;
        this.maxWaitNanos = maxWait.toNanos();
        this.listener = listener;
        this.stats = stats;
    }

    <T> IsrResult<T> read(String key, long ttlMillis, Set<String> tags, Fetcher<T> fetcher) {
        Arguments.key(key);
        long now = clock.millis();
        IsrStore.Entry entry = storeAvailable() ? get(key) : null;
        long seenFetchedAt = Long.MIN_VALUE;
        if (entry != null) {
            long age = now - entry.fetchedAtMillis();   // negative if another instance's clock is ahead: fresh
            if (age < ttlMillis) {
                stats.recordFreshHit();
                return result(entry.value(), IsrStatus.FRESH, age);
            }
            if (age < Millis.plus(ttlMillis, maxStaleMillis)) {
                stats.recordStaleHit();
                refreshInBackground(key, entry, ttlMillis, Set.copyOf(tags), fetcher);
                return result(entry.value(), IsrStatus.STALE, age);
            }
            seenFetchedAt = entry.fetchedAtMillis();   // too stale to serve: wait for a newer one
        }
        stats.recordMiss();
        CachedValue loaded = load(key, ttlMillis, Set.copyOf(tags), fetcher, seenFetchedAt);
        return result(loaded.value(), IsrStatus.MISS, loaded.ageMillisAt(clock.millis()));
    }

    /** Invalidates in the store first: a load this process registers after that reads the new state. */
    void invalidate(String key) {
        Arguments.key(key);
        try {
            store.invalidate(key);
        } finally {
            loads.remove(key);
        }
    }

    void invalidateTag(String tag) {
        Arguments.tag(tag);
        try {
            store.invalidateTag(tag);
        } finally {
            loads.values().removeIf(load -> load.tags().contains(tag));
        }
    }

    void invalidateAll() {
        try {
            store.invalidateAll();
        } finally {
            loads.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> IsrResult<T> result(Object value, IsrStatus status, long ageMillis) {
        return new IsrResult<>((T) value, status, Duration.ofMillis(Math.max(0, ageMillis)));
    }

    /** Joins this process's load of {@code key} or runs one on the calling thread. */
    private CachedValue load(String key, long ttlMillis, Set<String> tags, Fetcher<?> fetcher, long seenFetchedAt) {
        PendingFetch mine = new PendingFetch(false, tags, ttlMillis);
        PendingFetch running = loads.putIfAbsent(key, mine);
        if (running != null) {
            return running.await(key);
        }
        try {
            mine.succeed(storeAvailable()
                    ? loadThroughStore(key, mine, fetcher, seenFetchedAt)
                    : fetchDirectly(mine, fetcher));
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            mine.fail(PendingFetch.unwrap(failure));
        } finally {
            loads.remove(key, mine);
        }
        return mine.await(key);
    }

    private CachedValue loadThroughStore(String key, PendingFetch load, Fetcher<?> fetcher, long seenFetchedAt)
            throws Throwable {
        long waitUntil = System.nanoTime() + maxWaitNanos;
        long pause = FIRST_PAUSE_MILLIS;
        IsrStore.Claim claim;
        while (true) {
            try {
                claim = store.claim(key, load.tags(), seenFetchedAt, false);
            } catch (RuntimeException storeFailure) {
                storeFailed(key, storeFailure);
                return fetchDirectly(load, fetcher);
            }
            if (claim.entry() != null) {
                return new CachedValue(claim.entry().value(), claim.entry().fetchedAtMillis(), load.tags(), 0,
                        clock.millis());
            }
            if (claim.lease() != null) {
                return fetchUnderLease(key, claim.lease(), load, fetcher);
            }
            if (System.nanoTime() - waitUntil > 0) {
                listener.onStoreFailure(key, new IllegalStateException("no value for key '" + key + "' after waiting "
                        + Duration.ofNanos(maxWaitNanos) + " for the fetch of the lease holder; fetching here"));
                return fetchDirectly(load, fetcher);
            }
            TimeUnit.MILLISECONDS.sleep(pause);
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
        }
    }

    private CachedValue fetchUnderLease(String key, IsrStore.Lease lease, PendingFetch load, Fetcher<?> fetcher)
            throws Throwable {
        CachedValue fetched;
        try {
            fetched = fetchDirectly(load, fetcher);
        } catch (Throwable failure) {
            try {
                store.release(lease, 0, 0);
            } catch (RuntimeException storeFailure) {
                storeFailed(key, storeFailure);   // the lease expires by itself
            }
            throw failure;
        }
        try {
            store.put(lease, fetched.value(), fetched.fetchedAtMillis(), expireAfterMillis(load.ttlMillis()));
        } catch (RuntimeException storeFailure) {
            storeFailed(key, storeFailure);   // the caller still gets its value, the next read fetches again
        }
        return fetched;
    }

    /** Calls the fetcher on this thread; the value's age counts from the start of the call (R2). */
    private CachedValue fetchDirectly(PendingFetch load, Fetcher<?> fetcher) throws Exception {
        long startedAt = clock.millis();
        load.fetchingOn(Thread.currentThread());
        try {
            return new CachedValue(fetcher.fetch(), startedAt, load.tags(), 0, clock.millis());
        } finally {
            load.fetchingOn(null);
        }
    }

    /**
     * One refresh per key and process, and only if this reader gets the lease and the key does not
     * back off. The lease is claimed here, on the reading thread, not when the executor gets to the
     * refresh: the claim records the invalidation state, so an invalidation that comes after this
     * stale read keeps the refresh from storing, as it does in the in-process cache (R5).
     */
    private void refreshInBackground(String key, IsrStore.Entry stale, long ttlMillis, Set<String> tags,
                                     Fetcher<?> fetcher) {
        if (!refreshes.add(key)) {
            return;
        }
        IsrStore.Lease lease;
        try {
            lease = store.claim(key, tags, stale.fetchedAtMillis(), true).lease();
        } catch (RuntimeException storeFailure) {
            refreshes.remove(key);
            storeFailed(key, storeFailure);
            return;
        }
        if (lease == null) {
            refreshes.remove(key);   // another caller refreshes, a newer value exists, or the key backs off
            return;
        }
        stats.recordRefresh();
        try {
            executor.execute(() -> {
                try {
                    refresh(key, lease, ttlMillis, fetcher);
                } finally {
                    refreshes.remove(key);
                }
            });
        } catch (RejectedExecutionException rejected) {
            refreshes.remove(key);
            refreshFailed(key, lease, ttlMillis, rejected);
        }
    }

    private void refresh(String key, IsrStore.Lease lease, long ttlMillis, Fetcher<?> fetcher) {
        long startedAt = clock.millis();
        Object value;
        try {
            value = fetcher.fetch();
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            refreshFailed(key, lease, ttlMillis, failure);
            return;
        }
        try {
            store.put(lease, value, startedAt, expireAfterMillis(ttlMillis));
        } catch (RuntimeException storeFailure) {
            storeFailed(key, storeFailure);
        }
    }

    /** The stale value stays; every instance backs off from refreshing the key (R4). */
    private void refreshFailed(String key, IsrStore.Lease lease, long ttlMillis, Throwable failure) {
        stats.recordRefreshFailure();
        listener.onRefreshFailure(key, failure);
        try {
            store.release(lease, RefreshBackoff.delayMillis(1, ttlMillis), RefreshBackoff.capMillis(ttlMillis));
        } catch (RuntimeException storeFailure) {
            storeFailed(key, storeFailure);
        }
    }

    private IsrStore.Entry get(String key) {
        try {
            return store.get(key);
        } catch (RuntimeException storeFailure) {
            storeFailed(key, storeFailure);
            return null;
        }
    }

    private long expireAfterMillis(long ttlMillis) {
        return Millis.plus(ttlMillis, maxStaleMillis == Long.MAX_VALUE ? DEFAULT_RETENTION_MILLIS : maxStaleMillis);
    }

    private boolean storeAvailable() {
        return System.nanoTime() - storeRetryAtNanos >= 0;
    }

    private void storeFailed(String key, RuntimeException failure) {
        storeRetryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MILLIS);
        listener.onStoreFailure(key, failure);
    }
}
