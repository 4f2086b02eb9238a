package dev.isr.benchmarks;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.isr.runtime.IsrCache;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** One cache under stampede, built fresh for every round so each round starts from the same state. */
enum StampedeContender {

    ISR_CACHE("IsrCache.withRevalidate") {
        @Override
        Reader create(ManualTime time, SlowSource source, Executor refreshExecutor) {
            IsrCache cache = Contenders.isr(refreshExecutor, time);
            return key -> cache.withRevalidate(key, TTL.toSeconds(), () -> source.fetch(key));
        }
    },
    CAFFEINE("Caffeine LoadingCache.get, refreshAfterWrite") {
        @Override
        Reader create(ManualTime time, SlowSource source, Executor refreshExecutor) {
            LoadingCache<String, String> cache = Contenders.caffeine(TTL, refreshExecutor, time, source::fetch);
            return cache::get;
        }
    },
    NAIVE_MAP("naive map (the seed's algorithm)") {
        @Override
        Reader create(ManualTime time, SlowSource source, Executor refreshExecutor) {
            return new NaiveMap(time, source, refreshExecutor)::get;
        }
    };

    static final Duration TTL = Duration.ofSeconds(60);

    private final String label;

    StampedeContender(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract Reader create(ManualTime time, SlowSource source, Executor refreshExecutor);

    /** One caller's read of a key. */
    interface Reader {
        String get(String key) throws Exception;
    }

    /**
     * The seed's in-memory cache (shared/seed-isr-caching.md, "Browser / Node.js") in Java: fresh →
     * return; stale → return and refresh in the background; missing → fetch and store. No single
     * flight and no refresh coalescing: the baseline that shows what they save.
     */
    private static final class NaiveMap {
        private record Entry(String data, long staleAtMillis) {
        }

        private final ConcurrentHashMap<String, Entry> map = new ConcurrentHashMap<>();
        private final ManualTime time;
        private final SlowSource source;
        private final Executor refreshExecutor;

        NaiveMap(ManualTime time, SlowSource source, Executor refreshExecutor) {
            this.time = time;
            this.source = source;
            this.refreshExecutor = refreshExecutor;
        }

        String get(String key) throws InterruptedException {
            Entry cached = map.get(key);
            long now = time.millis();
            if (cached != null && now < cached.staleAtMillis) {
                return cached.data;
            }
            if (cached != null) {
                refreshExecutor.execute(() -> {
                    try {
                        map.put(key, new Entry(source.fetch(key), now + TTL.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                return cached.data;
            }
            String data = source.fetch(key);
            map.put(key, new Entry(data, now + TTL.toMillis()));
            return data;
        }
    }
}
