package dev.isr.runtime.redis;

import dev.isr.runtime.IsrCache;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many concurrent misses of one key, possibly in several processes. Each reader counts itself in a
 * Redis counter before it reads; a fetch holds until the counter shows every reader of every process
 * on its way, so all of them overlap with it, wherever they run.
 */
final class Crowd {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** @param values the distinct values the readers got */
    record Outcome(int fetches, Set<String> values) {
    }

    private Crowd() {
    }

    static Outcome read(IsrCache cache, String redisUri, String key, int readers, int readersInAllProcesses)
            throws Exception {
        RedisClient client = RedisClient.create(redisUri);
        ExecutorService threads = Executors.newFixedThreadPool(readers);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            var redis = connection.sync();
            String arrived = "crowd-arrived:" + key;
            AtomicInteger fetches = new AtomicInteger();
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                results.add(threads.submit(() -> {
                    redis.incr(arrived);
                    return cache.withRevalidate(key, 60, () -> {
                        fetches.incrementAndGet();
                        long deadline = System.nanoTime() + LIMIT.toNanos();
                        while (Long.parseLong(redis.get(arrived)) < readersInAllProcesses) {
                            if (System.nanoTime() - deadline > 0) {
                                throw new IllegalStateException("not every reader arrived within " + LIMIT);
                            }
                            TimeUnit.MILLISECONDS.sleep(5);
                        }
                        return "fetched by process " + ProcessHandle.current().pid();
                    });
                }));
            }
            Set<String> values = new TreeSet<>();
            for (Future<String> result : results) {
                values.add(result.get());
            }
            return new Outcome(fetches.get(), values);
        } finally {
            threads.shutdownNow();
            client.shutdown();
        }
    }
}
