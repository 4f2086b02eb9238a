package dev.isr.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the cache within {@code maxEntries} (SPEC §3 R7) by removing the least recently used entries.
 * Recency is the clock millisecond of the last read (ties: the entry stored first goes first), so a
 * hit pays no shared write. Eviction runs only after a store that added a key and scans the map
 * once per evicted entry: O(maxEntries), paid only on a miss beyond capacity, where a fetch costs
 * far more.
 */
final class LruEvictor {

    private final ConcurrentHashMap<String, CachedValue> entries;
    private final int maxEntries;
    private final StatsCounter stats;
    private final IsrListener listener;
    private final Object evictionLock = new Object();

    LruEvictor(ConcurrentHashMap<String, CachedValue> entries, int maxEntries, StatsCounter stats,
               IsrListener listener) {
        this.entries = entries;
        this.maxEntries = maxEntries;
        this.stats = stats;
        this.listener = listener;
    }

    void evictOverflow() {
        if (entries.size() <= maxEntries) {
            return;
        }
        List<String> evicted = new ArrayList<>();
        synchronized (evictionLock) {
            while (entries.size() > maxEntries) {
                Map.Entry<String, CachedValue> victim = leastRecentlyUsed();
                if (victim != null && entries.remove(victim.getKey(), victim.getValue())) {
                    evicted.add(victim.getKey());
                }
            }
        }
        for (String key : evicted) {
            stats.recordEviction();
            listener.onEviction(key);
        }
    }

    private Map.Entry<String, CachedValue> leastRecentlyUsed() {
        Map.Entry<String, CachedValue> oldest = null;
        for (Map.Entry<String, CachedValue> candidate : entries.entrySet()) {
            if (oldest == null || usedBefore(candidate.getValue(), oldest.getValue())) {
                oldest = candidate;
            }
        }
        return oldest;
    }

    private static boolean usedBefore(CachedValue a, CachedValue b) {
        long aUsed = a.lastUsedMillis();
        long bUsed = b.lastUsedMillis();
        return aUsed != bUsed ? aUsed < bUsed : a.storeSequence() < b.storeSequence();
    }
}
