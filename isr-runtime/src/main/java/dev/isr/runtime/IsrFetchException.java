package dev.isr.runtime;

/**
 * A read had to wait for a fetch and that fetch failed. {@link #getCause()} is what the fetcher
 * threw, never a wrapping {@code ExecutionException} or {@code CompletionException}.
 */
public class IsrFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public IsrFetchException(String key, Throwable cause) {
        super("fetch for key '" + key + "' failed: " + cause, cause);
        this.key = key;
    }

    /** The cache key whose fetch failed. */
    public String key() {
        return key;
    }
}
