package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** One clock for every contender: IsrCache reads it as an InstantSource, Caffeine as a Ticker. */
final class ManualTime implements InstantSource, Ticker {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(20_000).toNanos());

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long millis() {
        return nanos.get() / 1_000_000;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long read() {
        return nanos.get();
    }
}
