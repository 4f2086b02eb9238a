package dev.isr.runtime;

import java.util.Set;

/** Checks the arguments of every public call, so a bad one fails at the call and names itself (SPEC §3 R6). */
final class Arguments {

    private Arguments() {
    }

    /**
     * Checks the arguments of one read and returns its ttl in milliseconds. The key is only checked
     * for null here: an empty key can never be stored, because every store follows a miss and a miss
     * checks the key in full ({@link #key(String)}) before it does anything. So a hit proves the key
     * non-empty, and the fresh path never has to read the key's characters.
     */
    static long readTtlMillis(String key, long ttlSeconds, Set<String> tags, Fetcher<?> fetcher) {
        notNull(key, "key");
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
        notNull(fetcher, "fetcher");
        return Millis.ofSeconds(ttlSeconds);
    }

    static String key(String key) {
        return nonEmpty(key, "key");
    }

    static String tag(String tag) {
        return nonEmpty(tag, "tag");
    }

    private static void notNull(Object value, String argument) {
        if (value == null) {
            throw new NullPointerException(argument + " must not be null");
        }
    }

    private static String nonEmpty(String value, String argument) {
        notNull(value, argument);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty");
        }
        return value;
    }
}
