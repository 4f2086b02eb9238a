package dev.isr.runtime;

import java.time.Duration;

/**
 * The value of one read together with how it was served.
 *
 * @param value  the value returned by the read (may be {@code null} if the fetcher returned null)
 * @param status FRESH, STALE or MISS
 * @param age    time since the start of the fetch that produced {@code value}
 */
public record IsrResult<T>(T value, IsrStatus status, Duration age) {
}
