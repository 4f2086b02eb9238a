package dev.isr.runtime;

/**
 * Loads the data for one cache key. It may throw checked exceptions: a failure on a miss reaches
 * the caller as an {@link IsrFetchException}, a failure of a background refresh reaches the
 * {@link IsrListener}.
 *
 * @param <T> the type of the loaded value; {@code null} is a valid value and is cached
 */
@FunctionalInterface
public interface Fetcher<T> {

    /** Loads the current value. */
    T fetch() throws Exception;
}
