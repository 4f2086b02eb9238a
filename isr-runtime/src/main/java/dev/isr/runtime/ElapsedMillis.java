package dev.isr.runtime;

import java.time.InstantSource;

/**
 * Where a cache reads the time, in milliseconds. The cache only ever subtracts two readings (ages,
 * backoff, recency), so without an injected clock it reads a monotonic one: with the wall clock, an
 * NTP step backwards would keep every value fresh for the length of the step, and a step forwards
 * would make every value stale at the same moment. On Linux both cost one vDSO call.
 */
@FunctionalInterface
interface ElapsedMillis {

    /** {@link System#nanoTime()} in milliseconds: no fixed origin, never steps. */
    ElapsedMillis MONOTONIC = () -> System.nanoTime() / 1_000_000;

    long millis();

    /** An injected clock, e.g. one a test advances. */
    static ElapsedMillis of(InstantSource clock) {
        return clock::millis;
    }
}
