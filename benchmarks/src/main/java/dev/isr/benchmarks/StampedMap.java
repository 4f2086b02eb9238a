package dev.isr.benchmarks;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor a fresh hit is measured against: one {@code ConcurrentHashMap.get} plus one read of the
 * same clock the cache reads (IsrCache's default, {@code System.nanoTime()} in milliseconds) and an
 * age comparison. No single flight, no refresh, no counters, no
 * recency: nothing a cache can do cheaper than this and still know that a value is fresh.
 */
final class StampedMap {

    private record Stamped(String value, long fetchedAtMillis) {
    }

    private final ConcurrentHashMap<String, Stamped> map = new ConcurrentHashMap<>();
    void put(String key, String value) {
        map.put(key, new Stamped(value, nowMillis()));
    }

    /** The value if younger than {@code ttlMillis}, else null (the benchmarks only read fresh keys). */
    String getFresh(String key, long ttlMillis) {
        Stamped stamped = map.get(key);
        if (stamped != null && nowMillis() - stamped.fetchedAtMillis < ttlMillis) {
            return stamped.value;
        }
        return null;
    }

    private static long nowMillis() {
        return System.nanoTime() / 1_000_000;
    }

    /** The bare map read, without the clock: how much of the floor the clock costs. */
    Object getOnly(String key) {
        return map.get(key);
    }
}
