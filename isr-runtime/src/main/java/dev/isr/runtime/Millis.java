package dev.isr.runtime;

/** Millisecond arithmetic that saturates instead of overflowing: a ttl of Long.MAX_VALUE seconds means "forever". */
final class Millis {

    private static final long MAX_SECONDS = Long.MAX_VALUE / 1000;

    private Millis() {
    }

    static long ofSeconds(long seconds) {
        return seconds >= MAX_SECONDS ? Long.MAX_VALUE : seconds * 1000;
    }

    /** {@code instantOrDuration + duration} for a non-negative duration, capped at Long.MAX_VALUE. */
    static long plus(long instantOrDuration, long duration) {
        long sum = instantOrDuration + duration;
        return sum < instantOrDuration ? Long.MAX_VALUE : sum;
    }
}
