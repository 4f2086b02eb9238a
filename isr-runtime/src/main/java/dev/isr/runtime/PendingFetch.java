package dev.isr.runtime;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one fetch in flight for a key (single flight, SPEC §3 R2/R3). Readers that find it wait on its
 * outcome instead of fetching themselves. Its identity is its generation: only the fetch still
 * registered for its key when it finishes may store its value, so an invalidation that removes it
 * wins over the fetch (R5).
 */
final class PendingFetch {

    private final boolean refresh;
    private final Set<String> tags;
    private final long ttlMillis;
    private final CompletableFuture<CachedValue> outcome = new CompletableFuture<>();
    /** The thread running the fetcher, to turn a fetcher that reads its own key into an error instead of a deadlock. */
    private volatile Thread fetchingThread;

    PendingFetch(boolean refresh, Set<String> tags, long ttlMillis) {
        this.refresh = refresh;
        this.tags = tags;
        this.ttlMillis = ttlMillis;
    }

    /** A background refresh of a stale value, as opposed to a load that readers wait for. */
    boolean isRefresh() {
        return refresh;
    }

    /** The tags the fetched value will be stored with. */
    Set<String> tags() {
        return tags;
    }

    /** The ttl of the read that started this fetch; it caps the backoff after a failed refresh. */
    long ttlMillis() {
        return ttlMillis;
    }

    void fetchingOn(Thread thread) {
        fetchingThread = thread;
    }

    void succeed(CachedValue fetched) {
        outcome.complete(fetched);
    }

    void fail(Throwable cause) {
        outcome.completeExceptionally(cause);
    }

    /** Blocks until the fetch ends; its failure is rethrown as {@link IsrFetchException}. */
    CachedValue await(String key) {
        if (fetchingThread == Thread.currentThread()) {
            throw new IllegalStateException("the fetcher of key '" + key + "' reads its own key");
        }
        try {
            return outcome.join();
        } catch (CompletionException e) {
            throw new IsrFetchException(key, unwrap(e));
        }
    }

    /** A new future for one caller, completed with the value or with an {@link IsrFetchException}. */
    <T> CompletableFuture<T> valueFuture(String key) {
        CompletableFuture<T> result = new CompletableFuture<>();
        outcome.whenComplete((fetched, error) -> {
            if (error != null) {
                result.completeExceptionally(new IsrFetchException(key, unwrap(error)));
            } else {
                @SuppressWarnings("unchecked")
                T value = (T) fetched.value();
                result.complete(value);
            }
        });
        return result;
    }

    /** Strips the wrappers that futures put around a failure, so callers see what the fetcher threw. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
