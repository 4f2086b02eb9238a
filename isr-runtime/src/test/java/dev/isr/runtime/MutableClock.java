package dev.isr.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test advances it, so no test ever sleeps. */
final class MutableClock implements InstantSource {

    /** Where the shared semantic cases start: 1,000,000 s after the epoch. */
    static final long START_SECONDS = 1_000_000;

    private final AtomicLong millis = new AtomicLong(START_SECONDS * 1000);

    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
