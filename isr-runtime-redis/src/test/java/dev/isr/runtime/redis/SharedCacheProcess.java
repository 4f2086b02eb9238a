package dev.isr.runtime.redis;

import dev.isr.runtime.IsrCache;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The second app instance of {@link TwoProcessTest}, in its own JVM. Arguments: mode, Redis URI,
 * namespace, key, lease ms, then per mode:
 * <ul>
 *   <li>{@code crowd <readers> <readersInAllProcesses>}: prints {@code ready}, waits for {@code go}
 *       on stdin, runs a {@link Crowd} and prints {@code fetches=<n> value=<value>};</li>
 *   <li>{@code hold}: misses the key with a fetch that prints {@code fetching} and never ends, so the
 *       process holds the key's lease until it is killed.</li>
 * </ul>
 */
public final class SharedCacheProcess {

    private SharedCacheProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String uri = args[1];
        String key = args[3];
        RedisIsrStore store = RedisIsrStore.builder(uri).namespace(args[2])
                .leaseTime(Duration.ofMillis(Long.parseLong(args[4])))
                .codec(IsrCodec.json("dev.isr.runtime.redis")).build();
        IsrCache cache = IsrCache.builder().store(store).build();
        if (mode.equals("crowd")) {
            System.out.println("ready");
            String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (!"go".equals(go)) {
                throw new IllegalStateException("expected 'go', got " + go);
            }
            Crowd.Outcome outcome = Crowd.read(cache, uri, key, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            System.out.println("fetches=" + outcome.fetches() + " value=" + String.join("|", outcome.values()));
        } else {
            cache.withRevalidate(key, 60, () -> {
                System.out.println("fetching");
                System.out.flush();
                new CountDownLatch(1).await();   // until the test kills this process
                return "never";
            });
        }
        store.close();
    }
}
