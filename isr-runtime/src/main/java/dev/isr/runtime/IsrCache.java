package dev.isr.runtime;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An in-memory stale-while-revalidate cache with the semantics of SPEC §3 (R1–R8).
 *
 * <p>A read of a value younger than the ttl returns it (FRESH). An older value is returned at once
 * while one background refresh per key runs on the executor (STALE). A missing value is fetched on
 * the calling thread while concurrent callers of the same key wait for that one fetch (MISS).
 *
 * <p>By default the cache lives in one process: its values and invalidations are local to it. Apps
 * running on several instances give it a shared {@link IsrStore} ({@link Builder#store(IsrStore)}),
 * e.g. Redis; then values, single flight and invalidations span every instance.
 *
 * <p>Thread-safe. Without a store, a fresh hit takes no lock, touches no executor and allocates
 * nothing; with one, every read is a round trip to the store. No fetcher ever runs while a lock is
 * held, so fetchers may block, also on virtual threads.
 */
public final class IsrCache {

    /** The default bound on the number of entries. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** How long a miss waits for a fetch on another instance by default, see {@link Builder#storeWait}. */
    public static final Duration DEFAULT_STORE_WAIT = Duration.ofSeconds(10);

    private static final Executor CALLER_THREAD = Runnable::run;
    private static final long UNLIMITED = Long.MAX_VALUE;

    private final ConcurrentHashMap<String, CachedValue> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PendingFetch> fetches = new ConcurrentHashMap<>();
    /**
     * Stores hold the read side, so they run side by side; invalidateAll and invalidateTag hold the
     * write side, so no store can slip into the map behind their sweep.
     */
    private final ReadWriteLock sweepLock = new ReentrantReadWriteLock();
    private final AtomicLong storeSequence = new AtomicLong();
    private final StatsCounter stats = new StatsCounter();

    private final ElapsedMillis clock;
    private final Executor executor;
    private final long maxStaleMillis;
    private final IsrListener listener;
    private final LruEvictor evictor;
    /** Null for the in-process cache, whose fresh path then pays one null check for the option. */
    private final SharedStoreReads shared;

    private IsrCache(Builder builder) {
        this.clock = builder.clock == null ? ElapsedMillis.MONOTONIC : ElapsedMillis.of(builder.clock);
        this.executor = builder.executor != null ? builder.executor : DefaultRefreshExecutor.shared();
        this.maxStaleMillis = builder.maxStaleSeconds < 0 ? UNLIMITED : Millis.ofSeconds(builder.maxStaleSeconds);
        this.listener = new SafeListener(builder.listener);
        this.evictor = new LruEvictor(entries, builder.maxEntries, stats, listener);
        // ages are compared across instances: the wall clock, as every instance has one (keep them in sync, NTP)
        this.shared = builder.store == null ? null : new SharedStoreReads(builder.store,
                builder.clock == null ? InstantSource.system() : builder.clock, executor, maxStaleMillis,
                builder.storeWait, listener, stats);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@link #withRevalidate(String, long, Set, Fetcher)} without tags. */
    public <T> T withRevalidate(String key, long ttlSeconds, Fetcher<T> fetcher) {
        return withRevalidate(key, ttlSeconds, Set.of(), fetcher);
    }

    /**
     * Returns the value for {@code key}: the cached one if it is younger than {@code ttlSeconds};
     * the stale one at once, refreshing it in the background, if it is older; otherwise the result
     * of {@code fetcher}, shared with every concurrent caller of the same key. Blocks only on a miss.
     *
     * @param tags stored with the fetched value, for {@link #invalidateTag(String)}
     * @throws IsrFetchException if the read waited for a fetch and the fetch failed
     */
    public <T> T withRevalidate(String key, long ttlSeconds, Set<String> tags, Fetcher<T> fetcher) {
        long ttlMillis = Arguments.readTtlMillis(key, ttlSeconds, tags, fetcher);
        if (shared != null) {
            return shared.read(key, ttlMillis, tags, fetcher).value();
        }
        long now = clock.millis();
        CachedValue cached = entries.get(key);
        if (cached == null || serveCached(key, cached, ttlMillis, tags, fetcher, now) == IsrStatus.MISS) {
            cached = fetchInFlight(key, cached, ttlMillis, tags, fetcher, CALLER_THREAD).await(key);
        }
        @SuppressWarnings("unchecked")
        T value = (T) cached.value();
        return value;
    }

    /** {@link #withRevalidateAsync(String, long, Set, Fetcher)} without tags. */
    public <T> CompletableFuture<T> withRevalidateAsync(String key, long ttlSeconds, Fetcher<T> fetcher) {
        return withRevalidateAsync(key, ttlSeconds, Set.of(), fetcher);
    }

    /**
     * Like {@link #withRevalidate(String, long, Set, Fetcher)}, but never blocks: a miss runs the
     * fetch on the executor. The future fails with {@link IsrFetchException} if that fetch fails.
     * Argument errors are thrown at the call.
     */
    public <T> CompletableFuture<T> withRevalidateAsync(String key, long ttlSeconds, Set<String> tags,
                                                        Fetcher<T> fetcher) {
        long ttlMillis = Arguments.readTtlMillis(key, ttlSeconds, tags, fetcher);
        if (shared != null) {
            Arguments.key(key);
            // the store is across the network: even a hit blocks, so the whole read runs on the executor
            return CompletableFuture.supplyAsync(() -> shared.read(key, ttlMillis, tags, fetcher).value(), executor);
        }
        long now = clock.millis();
        CachedValue cached = entries.get(key);
        if (cached != null && serveCached(key, cached, ttlMillis, tags, fetcher, now) != IsrStatus.MISS) {
            @SuppressWarnings("unchecked")
            T value = (T) cached.value();
            return CompletableFuture.completedFuture(value);
        }
        return fetchInFlight(key, cached, ttlMillis, tags, fetcher, executor).valueFuture(key);
    }

    /** {@link #read(String, long, Set, Fetcher)} without tags. */
    public <T> IsrResult<T> read(String key, long ttlSeconds, Fetcher<T> fetcher) {
        return read(key, ttlSeconds, Set.of(), fetcher);
    }

    /**
     * Same as {@link #withRevalidate(String, long, Set, Fetcher)}, and also reports how the value was
     * served (FRESH, STALE or MISS) and its age, e.g. for an {@code x-isr-cache} response header.
     */
    public <T> IsrResult<T> read(String key, long ttlSeconds, Set<String> tags, Fetcher<T> fetcher) {
        long ttlMillis = Arguments.readTtlMillis(key, ttlSeconds, tags, fetcher);
        if (shared != null) {
            return shared.read(key, ttlMillis, tags, fetcher);
        }
        long now = clock.millis();
        CachedValue cached = entries.get(key);
        IsrStatus status = cached == null ? IsrStatus.MISS : serveCached(key, cached, ttlMillis, tags, fetcher, now);
        if (status == IsrStatus.MISS) {
            cached = fetchInFlight(key, cached, ttlMillis, tags, fetcher, CALLER_THREAD).await(key);
            now = clock.millis();
        }
        @SuppressWarnings("unchecked")
        T value = (T) cached.value();
        return new IsrResult<>(value, status, cached.ageAt(now));
    }

    /**
     * Removes the entry of {@code key}. A fetch in flight for it still answers the callers already
     * waiting, but does not store its value; the next read fetches anew.
     */
    public void invalidate(String key) {
        if (shared != null) {
            shared.invalidate(key);
            return;
        }
        Arguments.key(key);
        entries.compute(key, (k, current) -> {
            fetches.remove(k);
            return null;
        });
    }

    /** {@link #invalidate(String)} for every key. */
    public void invalidateAll() {
        if (shared != null) {
            shared.invalidateAll();
            return;
        }
        Lock sweep = sweepLock.writeLock();
        sweep.lock();
        try {
            fetches.clear();
            entries.clear();
        } finally {
            sweep.unlock();
        }
    }

    /**
     * {@link #invalidate(String)} for every key stored with {@code tag}, and for every key whose fetch
     * in flight would store it with {@code tag}.
     */
    public void invalidateTag(String tag) {
        if (shared != null) {
            shared.invalidateTag(tag);
            return;
        }
        Arguments.tag(tag);
        Lock sweep = sweepLock.writeLock();
        sweep.lock();
        try {
            fetches.values().removeIf(pending -> pending.tags().contains(tag));
            entries.values().removeIf(cached -> cached.tags().contains(tag));
        } finally {
            sweep.unlock();
        }
    }

    /** A snapshot of the counters. */
    public IsrStats stats() {
        return stats.snapshot();
    }

    /** How many entries are stored right now; lets tests check the R7 bound. */
    int entryCount() {
        return entries.size();
    }

    /**
     * Serves a cached value if it may be served: FRESH, or STALE after starting a refresh. MISS
     * means it may not (too stale for maxStaleSeconds) and the caller must wait for a fetch.
     */
    private IsrStatus serveCached(String key, CachedValue cached, long ttlMillis, Set<String> tags,
                                  Fetcher<?> fetcher, long now) {
        long age = cached.ageMillisAt(now);
        if (age < ttlMillis) {
            cached.touch(now);
            stats.recordFreshHit();
            return IsrStatus.FRESH;
        }
        if (age >= Millis.plus(ttlMillis, maxStaleMillis)) {
            return IsrStatus.MISS;
        }
        cached.touch(now);
        stats.recordStaleHit();
        refreshInBackground(key, cached, ttlMillis, tags, fetcher, now);
        return IsrStatus.STALE;
    }

    /** Starts a refresh unless one is in flight or the key is backing off after failed refreshes. */
    private void refreshInBackground(String key, CachedValue stale, long ttlMillis, Set<String> tags,
                                     Fetcher<?> fetcher, long now) {
        if (!stale.mayRefreshAt(now) || fetches.containsKey(key)) {
            return;
        }
        PendingFetch refresh = new PendingFetch(true, Set.copyOf(tags), ttlMillis);
        if (!registerRefresh(key, stale, refresh)) {
            return;
        }
        stats.recordRefresh();
        launch(key, refresh, fetcher, executor);
    }

    /**
     * Registers {@code refresh} only while {@code stale} is still the stored value, in one step under
     * the entry's lock, which every store, invalidation and eviction of the key also takes. If the
     * value changed since the reader looked (a refresh settled with a new value or a backoff, an
     * invalidation or eviction ran), that outcome stands: else a failed refresh could be retried at
     * once without backoff. Registering first and checking after would let a missing reader join a
     * refresh in the gap that is then dropped unlaunched, and that reader would wait forever.
     */
    private boolean registerRefresh(String key, CachedValue stale, PendingFetch refresh) {
        boolean[] registered = {false};
        entries.computeIfPresent(key, (k, current) -> {
            registered[0] = current == stale && fetches.putIfAbsent(k, refresh) == null;
            return current;
        });
        return registered[0];
    }

    /**
     * Joins the fetch in flight for {@code key}, or registers and launches a new one on
     * {@code runner}. The miss is counted once the caller holds the fetch it will wait for.
     *
     * @param unservable what the caller found in the map: null, or a value too stale to serve
     */
    private PendingFetch fetchInFlight(String key, CachedValue unservable, long ttlMillis, Set<String> tags,
                                       Fetcher<?> fetcher, Executor runner) {
        Arguments.key(key);   // the rest of the key's check (see Arguments.readTtlMillis), before any effect
        PendingFetch pending = fetches.get(key);
        PendingFetch mine = null;
        if (pending == null) {
            mine = new PendingFetch(false, Set.copyOf(tags), ttlMillis);
            pending = fetches.putIfAbsent(key, mine);
            if (pending == null) {
                pending = mine;
            }
        }
        stats.recordMiss();
        if (pending == mine && !answerFromSettledFetch(key, mine, unservable)) {
            launch(key, mine, fetcher, runner);
        }
        return pending;
    }

    /**
     * A fetch that settles stores its value and then unregisters itself, while a missing reader looks
     * at the map and then at the fetches: a reader that looks between the two (value not yet there,
     * fetch already gone) would fetch a second time, one fetch after the other in a stampede. So a
     * reader that registered a fetch looks at the map once more; a value that appeared since its first
     * look was stored by the fetch it just missed, and it answers {@code mine} with that value instead
     * (callers who joined {@code mine} meanwhile get it too).
     */
    private boolean answerFromSettledFetch(String key, PendingFetch mine, CachedValue unservable) {
        CachedValue settled = entries.get(key);
        if (settled == null || settled == unservable) {
            return false;
        }
        fetches.remove(key, mine);
        mine.succeed(settled);
        return true;
    }

    private void launch(String key, PendingFetch pending, Fetcher<?> fetcher, Executor runner) {
        try {
            runner.execute(() -> fetchAndSettle(key, pending, fetcher));
        } catch (RejectedExecutionException rejected) {
            settleFailure(key, pending, rejected);
        }
    }

    private void fetchAndSettle(String key, PendingFetch pending, Fetcher<?> fetcher) {
        // the age of the value counts from here, the start of the fetch (R2)
        long startedAt = clock.millis();
        Object value;
        pending.fetchingOn(Thread.currentThread());
        try {
            value = fetcher.fetch();
        } catch (Throwable failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            settleFailure(key, pending, failure);
            return;
        } finally {
            pending.fetchingOn(null);
        }
        settleSuccess(key, pending, value, startedAt);
    }

    /**
     * Stores the value only if this fetch is still the one registered for its key, i.e. no
     * invalidation removed it meanwhile (R5), then answers every waiter either way.
     */
    private void settleSuccess(String key, PendingFetch pending, Object value, long startedAt) {
        CachedValue fetched = new CachedValue(value, startedAt, pending.tags(), storeSequence.incrementAndGet(),
                clock.millis());
        boolean stored;
        Lock store = sweepLock.readLock();
        store.lock();
        try {
            stored = entries.compute(key, (k, current) -> fetches.get(k) == pending ? fetched : current) == fetched;
            // removed only after the value is visible, so a reader never finds neither value nor fetch
            fetches.remove(key, pending);
        } finally {
            store.unlock();
        }
        pending.succeed(fetched);
        if (stored) {
            evictor.evictOverflow();
        }
    }

    /** A failed load caches nothing; a failed refresh keeps the stale value and backs off (R3, R4). */
    private void settleFailure(String key, PendingFetch pending, Throwable failure) {
        Throwable cause = PendingFetch.unwrap(failure);
        if (pending.isRefresh()) {
            backOff(key, pending);
            stats.recordRefreshFailure();
            listener.onRefreshFailure(key, cause);
        } else {
            fetches.remove(key, pending);
        }
        pending.fail(cause);
    }

    private void backOff(String key, PendingFetch refresh) {
        long now = clock.millis();
        Lock store = sweepLock.readLock();
        store.lock();
        try {
            entries.computeIfPresent(key, (k, stale) -> fetches.get(k) == refresh
                    ? stale.afterRefreshFailure(now, refresh.ttlMillis())
                    : stale);
            fetches.remove(key, refresh);
        } finally {
            store.unlock();
        }
    }

    /** Configures an {@link IsrCache}; every setting has a default. */
    public static final class Builder {

        private InstantSource clock;
        private Executor executor;
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private long maxStaleSeconds = -1;
        private IsrListener listener = IsrListener.NONE;
        private IsrStore store;
        private Duration storeWait = DEFAULT_STORE_WAIT;

        private Builder() {
        }

        /**
         * The clock that ages values; tests inject one they can advance. Default: a monotonic clock
         * ({@code System.nanoTime}), so a step of the wall clock never makes values fresh or stale;
         * with a {@link #store(IsrStore) store}, the wall clock, as ages are compared across instances.
         */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Runs background refreshes and the misses of {@code withRevalidateAsync} (default: a shared
         * pool of 4 daemon threads). Any executor works, including a virtual-thread-per-task one.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /** The most entries kept; the least recently used go first (default 10,000). */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be >= 1, was " + maxEntries);
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * How long after becoming stale (age ≥ ttl) a value may still be served; beyond
         * {@code ttl + maxStaleSeconds} the read waits for a fetch instead. Default: no limit.
         */
        public Builder maxStaleSeconds(long maxStaleSeconds) {
            if (maxStaleSeconds < 0) {
                throw new IllegalArgumentException("maxStaleSeconds must be >= 0, was " + maxStaleSeconds);
            }
            this.maxStaleSeconds = maxStaleSeconds;
            return this;
        }

        /** Receives refresh failures and evictions (default: none). */
        public Builder listener(IsrListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener must not be null");
            return this;
        }

        /**
         * Keeps values in {@code store}, shared with every instance that uses the same store, instead of
         * in this process (SPEC §3 across instances: one fetch per key for all of them, invalidations
         * seen by all of them at once). Values then age by the wall clock (or the injected one): keep
         * the instances' clocks in sync. {@code maxEntries} does not apply; the store bounds its memory
         * by expiring each entry after ttl + maxStaleSeconds (ttl + 1 day when maxStaleSeconds is not
         * set). Default: no store, values live in this process.
         */
        public Builder store(IsrStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * With a {@link #store(IsrStore) store}: how long a miss waits for the value another caller (on
         * any instance) is fetching before it fetches by itself and reports it to the listener
         * (default 10 s).
         */
        public Builder storeWait(Duration storeWait) {
            Objects.requireNonNull(storeWait, "storeWait must not be null");
            if (storeWait.isNegative()) {
                throw new IllegalArgumentException("storeWait must be >= 0, was " + storeWait);
            }
            this.storeWait = storeWait;
            return this;
        }

        public IsrCache build() {
            return new IsrCache(this);
        }
    }
}
