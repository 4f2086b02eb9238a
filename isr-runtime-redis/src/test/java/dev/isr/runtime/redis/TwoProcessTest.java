package dev.isr.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.runtime.IsrCache;
import dev.isr.runtime.IsrResult;
import dev.isr.runtime.IsrStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two JVMs (this one and a {@link SharedCacheProcess}) share one real Redis. */
@Timeout(90)
class TwoProcessTest {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final String KEY = "page:/posts";
    /** The lease of the process that is killed: the key is free again this long after its fetch began. */
    private static final Duration HOLDER_LEASE = Duration.ofSeconds(5);

    private final String namespace = "two-jvms-" + UUID.randomUUID();
    private final RecordingListener listener = new RecordingListener();
    private final RedisIsrStore store = RedisIsrStore.builder(REDIS.uri()).namespace(namespace)
            .codec(IsrCodec.json("dev.isr.runtime.redis")).build();
    private final IsrCache cache = IsrCache.builder().store(store).listener(listener).build();
    private final List<Process> children = new ArrayList<>();
    /** Opened up front: a first Lettuce connection can take seconds on a busy machine, longer than a lease. */
    private final RedisClient inspector = RedisClient.create(REDIS.uri());
    private final StatefulRedisConnection<String, String> inspection = inspector.connect();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        store.close();
        inspection.close();
        inspector.shutdown();
    }

    @Test
    void twoHundredConcurrentMissesInTwoJvmsFetchOnce() throws Exception {
        Process child = start("crowd", Duration.ofSeconds(10), "100", "200");
        BufferedReader output = output(child);
        assertEquals("ready", output.readLine());
        OutputStream input = child.getOutputStream();
        input.write("go\n".getBytes(StandardCharsets.UTF_8));
        input.flush();

        Crowd.Outcome here = Crowd.read(cache, REDIS.uri(), KEY, 100, 200);
        String there = output.readLine();
        assertTrue(there != null && there.startsWith("fetches="), "the other JVM said: " + there);
        int fetchesThere = Integer.parseInt(there.substring("fetches=".length(), there.indexOf(' ')));
        String valueThere = there.substring(there.indexOf("value=") + "value=".length());

        assertEquals(1, here.fetches() + fetchesThere, "fetches in this JVM and in the other");
        assertEquals(Set.of(valueThere), here.values(), "all 200 readers got the one fetched value");
    }

    @Test
    void aLeaseHolderKilledMidFetchFreesTheKeyWhenItsLeaseExpires() throws Exception {
        Process holder = start("hold", HOLDER_LEASE);
        assertEquals("fetching", output(holder).readLine());
        assertTrue(leaseExists(), "the other JVM holds the lease while it fetches");
        holder.destroyForcibly();
        assertTrue(holder.waitFor(10, TimeUnit.SECONDS), "the holder did not die");

        long start = System.nanoTime();
        IsrResult<String> read = cache.read(KEY, 60, Set.of(), () -> "fetched after the holder died");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(IsrStatus.MISS, read.status());
        assertEquals("fetched after the holder died", read.value());
        // it took over the expired lease; it did not give up waiting (that would be reported)
        assertTrue(listener.storeFailures.isEmpty(), listener.storeFailures::toString);
        assertTrue(waited.compareTo(IsrCache.DEFAULT_STORE_WAIT) < 0, "waited " + waited);
        assertEquals(IsrStatus.FRESH, cache.read(KEY, 60, Set.of(), () -> "not called").status());
    }

    private boolean leaseExists() {
        return inspection.sync().exists("{" + namespace + "}:lease:" + KEY) == 1;
    }

    private Process start(String mode, Duration lease, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SharedCacheProcess.class.getName(),
                mode, REDIS.uri(), namespace, KEY, Long.toString(lease.toMillis())));
        command.addAll(List.of(more));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(child);
        return child;
    }

    private static BufferedReader output(Process child) {
        return new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    }
}
