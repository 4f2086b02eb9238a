package dev.isr.runtime;

/**
 * How a read was served, in the spirit of Next.js's {@code x-nextjs-cache} header: a server can
 * send {@code status.name()} as an {@code x-isr-cache} header.
 */
public enum IsrStatus {
    /** The cached value was younger than the ttl; the fetcher was not called. */
    FRESH,
    /** The cached value was at least ttl old; it was returned at once and a refresh was started. */
    STALE,
    /** There was no servable value; the read waited for a fetch. */
    MISS
}
