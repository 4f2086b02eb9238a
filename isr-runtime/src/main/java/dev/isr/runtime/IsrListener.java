package dev.isr.runtime;

/**
 * Receives events that no caller sees directly. Every method has a no-op default, so an
 * implementation overrides only what it needs. Methods run on the thread that caused the event
 * (a refresh thread of the executor, or a reading thread for evictions) and should be quick; an
 * exception they throw goes to that thread's uncaught-exception handler and never disturbs the
 * cache.
 */
public interface IsrListener {

    /** A listener that ignores every event. */
    IsrListener NONE = new IsrListener() { };

    /**
     * A background refresh of {@code key} failed; the stale value keeps being served and the
     * refresh is tried again after a backoff.
     *
     * @param error what the fetcher threw (never a wrapping {@code ExecutionException})
     */
    default void onRefreshFailure(String key, Throwable error) {
    }

    /** The entry of {@code key} was evicted to stay within {@code maxEntries}. */
    default void onEviction(String key) {
    }

    /**
     * A read of {@code key} could not use the shared {@link IsrStore} (unreachable, timed out, or the
     * lease holder's value did not come within the wait); the read fetched directly instead, and the
     * store is left alone for about a second before it is tried again.
     */
    default void onStoreFailure(String key, Throwable error) {
    }
}
