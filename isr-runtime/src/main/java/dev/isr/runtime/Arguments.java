package dev.isr.runtime;

import java.util.Set;

/** Checks the arguments of every public call, so a bad one fails at the call and names itself (SPEC §3 R6). */
final class Arguments {

    private Arguments() {
    }

    /** Checks the arguments of one read and returns its ttl in milliseconds. */
    static long readTtlMillis(String key, long ttlSeconds, Set<String> tags, Fetcher<?> fetcher) {
        key(key);
        if (ttlSeconds < 0) {
            throw new IllegalArgumentException("ttlSeconds must be >= 0, was " + ttlSeconds);
        }
        if (tags == null) {
            throw new NullPointerException("tags must not be null (pass Set.of() for no tags)");
        }
        if (!tags.isEmpty()) {
            for (String tag : tags) {
                if (tag == null) {
                    throw new NullPointerException("tags must not contain null");
                }
                if (tag.isEmpty()) {
                    throw new IllegalArgumentException("tags must not contain an empty tag");
                }
            }
        }
        if (fetcher == null) {
            throw new NullPointerException("fetcher must not be null");
        }
        return Millis.ofSeconds(ttlSeconds);
    }

    static String key(String key) {
        return nonEmpty(key, "key");
    }

    static String tag(String tag) {
        return nonEmpty(tag, "tag");
    }

    private static String nonEmpty(String value, String argument) {
        if (value == null) {
            throw new NullPointerException(argument + " must not be null");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty");
        }
        return value;
    }
}
