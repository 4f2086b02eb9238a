package dev.isr.runtime;

/**
 * How long a key waits before its next background refresh after failed ones (SPEC §3 R4): 1 s after
 * the first failure, doubling with each further failure, capped at the ttl. A ttl below 1 s (only 0
 * is possible) is raised to 1 s for this purpose, so even a ttl of 0 never causes a refresh storm.
 */
final class RefreshBackoff {

    static final long FIRST_DELAY_MILLIS = 1000;

    /** Beyond this many doublings the delay exceeds any ttl cap that fits in a long. */
    private static final int MAX_DOUBLINGS = 40;

    private RefreshBackoff() {
    }

    static long delayMillis(int consecutiveFailures, long ttlMillis) {
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), MAX_DOUBLINGS);
        return Math.min(FIRST_DELAY_MILLIS << doublings, capMillis(ttlMillis));
    }

    /** The longest delay for a key read with {@code ttlMillis}. */
    static long capMillis(long ttlMillis) {
        return Math.max(ttlMillis, FIRST_DELAY_MILLIS);
    }
}
