package dev.isr.runtime.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.isr.runtime.IsrStore;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An {@link IsrStore} on Redis, shared by every instance that uses the same Redis and namespace:
 *
 * <pre>{@code
 * RedisIsrStore store = RedisIsrStore.builder("redis://127.0.0.1:6379")
 *         .codec(IsrCodec.json("com.example.blog"))
 *         .build();
 * Isr.install(IsrCache.builder().store(store).build());
 * }</pre>
 *
 * <p>Keys (all carry the hash tag {@code {ns}}, so a namespace lives in one cluster slot):
 * {@code {ns}:e:<key>} the entry (hash: value, fetch start time, generation and tag versions at the
 * start of the fetch), {@code {ns}:gen} the generation ({@code invalidateAll} increments it),
 * {@code {ns}:tag:<tag>} tag versions ({@code invalidateTag} increments one), {@code {ns}:lease:<key>}
 * the single-flight lease ({@code SET NX PX} with a random token) and {@code {ns}:backoff:<key>}
 * (present while refreshes of a key back off). An entry is valid only while its generation and tag
 * versions are current, so an invalidation reaches every instance with its next read.
 *
 * <p>Uses one Lettuce connection for all threads (Lettuce multiplexes commands of many threads on
 * one thread-safe connection, reconnects by itself, and here rejects commands at once while
 * disconnected instead of queueing them, so a cache whose Redis is down falls back to fetching
 * without waiting). The connection is opened on first use, so an app starts even while Redis is down.
 * {@link #close()} closes it.
 */
public final class RedisIsrStore implements IsrStore, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisIsrStore.class.getName());
    private static final ObjectMapper TAG_VERSIONS_JSON = new ObjectMapper();
    /** Redis refuses an expiry beyond its time range; "forever" ttls are kept for 100 years. */
    private static final long MAX_EXPIRE_MILLIS = Duration.ofDays(36_500).toMillis();

    private final ClientResources resources;
    private final RedisClient client;
    private final String prefix;
    private final IsrCodec codec;
    private final long leaseMillis;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;

    private RedisIsrStore(Builder builder) {
        RedisURI uri = RedisURI.create(builder.uri);
        uri.setTimeout(builder.commandTimeout);
        // reconnect quickly once Redis is back (Lettuce's default backs off to 30 s between attempts)
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(builder.commandTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(builder.commandTimeout))
                .build());
        this.prefix = "{" + builder.namespace + "}:";
        this.codec = builder.codec;
        this.leaseMillis = builder.leaseTime.toMillis();
    }

    /** @param redisUri e.g. {@code redis://127.0.0.1:6379}, {@code redis://:password@host:6379/0}, {@code rediss://…} */
    public static Builder builder(String redisUri) {
        return new Builder(redisUri);
    }

    @Override
    public Entry get(String key) {
        List<Object> reply = eval(RedisScripts.GET, keys(entryKey(key), genKey()), arg(tagPrefix()));
        return reply == null || reply.isEmpty() ? null : decode(key, (byte[]) reply.get(0), (byte[]) reply.get(1));
    }

    @Override
    public Claim claim(String key, Set<String> tags, long seenFetchedAtMillis, boolean refresh) {
        String token = UUID.randomUUID().toString();
        List<String> tagList = List.copyOf(tags);
        List<byte[]> args = new ArrayList<>(List.of(arg(tagPrefix()),
                arg(seenFetchedAtMillis == Long.MIN_VALUE ? "" : Long.toString(seenFetchedAtMillis)),
                arg(refresh ? "1" : "0"), arg(token), arg(Long.toString(leaseMillis))));
        for (String tag : tagList) {
            args.add(arg(tag));
        }
        List<Object> reply = eval(RedisScripts.CLAIM,
                keys(entryKey(key), genKey(), leaseKey(key), backoffKey(key)), args.toArray(byte[][]::new));
        String kind = text(reply.get(0));
        if (kind.equals("entry")) {
            Entry entry = decode(key, (byte[]) reply.get(1), (byte[]) reply.get(2));
            // an entry this codec cannot read counts as missing: the lease holder's value replaces it
            return entry != null ? Claim.found(entry) : claim(key, tags, parseMillis(reply.get(2)), refresh);
        }
        if (kind.equals("busy")) {
            return Claim.busy();
        }
        List<String> versions = new ArrayList<>();
        for (int i = 2; i < reply.size(); i++) {
            versions.add(text(reply.get(i)));
        }
        return Claim.leased(new RedisLease(key, token, text(reply.get(1)), tagList, versions));
    }

    @Override
    public boolean put(Lease lease, Object value, long fetchedAtMillis, long expireAfterMillis) {
        RedisLease held = (RedisLease) lease;
        Map<String, Long> tagVersions = new LinkedHashMap<>();
        for (int i = 0; i < held.tags().size(); i++) {
            tagVersions.put(held.tags().get(i), Long.parseLong(held.tagVersions().get(i)));
        }
        List<byte[]> args = new ArrayList<>(List.of(arg(held.token()), codec.encode(value),
                arg(Long.toString(fetchedAtMillis)), arg(held.generation()), arg(json(tagVersions)),
                arg(Long.toString(Math.max(1, Math.min(expireAfterMillis, MAX_EXPIRE_MILLIS)))), arg(tagPrefix())));
        for (int i = 0; i < held.tags().size(); i++) {
            args.add(arg(held.tags().get(i)));
            args.add(arg(held.tagVersions().get(i)));
        }
        Long stored = redisEval(RedisScripts.PUT, ScriptOutputType.INTEGER,
                keys(entryKey(held.key()), genKey(), leaseKey(held.key())), args.toArray(byte[][]::new));
        return stored != null && stored == 1L;
    }

    @Override
    public void release(Lease lease, long backoffBaseMillis, long backoffCapMillis) {
        RedisLease held = (RedisLease) lease;
        eval(RedisScripts.RELEASE, keys(leaseKey(held.key()), backoffKey(held.key()), entryKey(held.key())),
                arg(held.token()), arg(Long.toString(backoffBaseMillis)), arg(Long.toString(backoffCapMillis)));
    }

    @Override
    public void invalidate(String key) {
        redis().del(entryKey(key), leaseKey(key), backoffKey(key));
    }

    @Override
    public void invalidateTag(String tag) {
        redis().incr(arg(tagPrefix() + tag));
    }

    @Override
    public void invalidateAll() {
        redis().incr(genKey());
    }

    /** Closes the connection; reads of a cache still using this store then fetch directly. */
    @Override
    public void close() {
        client.shutdown();
        resources.shutdown();
    }

    private List<Object> eval(RedisScripts.Script script, byte[][] keys, byte[]... args) {
        return redisEval(script, ScriptOutputType.MULTI, keys, args);
    }

    private <T> T redisEval(RedisScripts.Script script, ScriptOutputType type, byte[][] keys, byte[]... args) {
        RedisCommands<byte[], byte[]> redis = redis();
        try {
            return redis.evalsha(script.sha(), type, keys, args);
        } catch (RedisNoScriptException unknown) {
            // first use on this server, or it restarted since: EVAL sends the source and caches it
            return redis.eval(script.source(), type, keys, args);
        }
    }

    private RedisCommands<byte[], byte[]> redis() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open == null) {
            synchronized (this) {
                open = connection;
                if (open == null) {
                    open = client.connect(ByteArrayCodec.INSTANCE);
                    connection = open;
                }
            }
        }
        return open.sync();
    }

    private Entry decode(String key, byte[] value, byte[] fetchedAt) {
        try {
            return new Entry(codec.decode(value), parseMillis(fetchedAt));
        } catch (IllegalArgumentException unreadable) {
            // e.g. a value type that changed or left the allowed packages in a new release
            LOG.log(System.Logger.Level.WARNING, "ignoring the stored value of key ''{0}'': {1}", key,
                    unreadable.getMessage());
            return null;
        }
    }

    private static long parseMillis(Object fetchedAt) {
        return Long.parseLong(text(fetchedAt));
    }

    private static String text(Object reply) {
        return reply instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(reply);
    }

    private static String json(Map<String, Long> tagVersions) {
        try {
            return TAG_VERSIONS_JSON.writeValueAsString(tagVersions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings to numbers is always JSON", e);
        }
    }

    private static byte[][] keys(byte[]... keys) {
        return keys;
    }

    private static byte[] arg(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] entryKey(String key) {
        return arg(prefix + "e:" + key);
    }

    private byte[] leaseKey(String key) {
        return arg(prefix + "lease:" + key);
    }

    private byte[] backoffKey(String key) {
        return arg(prefix + "backoff:" + key);
    }

    private byte[] genKey() {
        return arg(prefix + "gen");
    }

    private String tagPrefix() {
        return prefix + "tag:";
    }

    /** The lease and the invalidation state at the moment it was taken, which {@link #put} checks. */
    private record RedisLease(String key, String token, String generation, List<String> tags,
                              List<String> tagVersions) implements Lease {
    }

    /** Configures a {@link RedisIsrStore}; only the codec has no default. */
    public static final class Builder {

        private final String uri;
        private String namespace = "isr";
        private IsrCodec codec;
        private Duration leaseTime = Duration.ofSeconds(10);
        private Duration commandTimeout = Duration.ofSeconds(1);

        private Builder(String uri) {
            this.uri = Objects.requireNonNull(uri, "redis URI must not be null");
        }

        /** Separates caches that share one Redis (default "isr"); instances share values only within one. */
        public Builder namespace(String namespace) {
            Objects.requireNonNull(namespace, "namespace must not be null");
            if (namespace.isEmpty() || namespace.contains("{") || namespace.contains("}")) {
                throw new IllegalArgumentException("namespace must be non-empty and without braces, was '" + namespace + "'");
            }
            this.namespace = namespace;
            return this;
        }

        /** How values become bytes; required, see {@link IsrCodec#json(String...)}. */
        public Builder codec(IsrCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec must not be null");
            return this;
        }

        /**
         * How long a fetch may hold its key's lease (default 10 s). A holder that dies frees the key
         * after this long; a fetch that takes longer may run a second time on another caller.
         */
        public Builder leaseTime(Duration leaseTime) {
            this.leaseTime = positive(leaseTime, "leaseTime");
            return this;
        }

        /** The longest a connect or one command may take before the read fetches directly (default 1 s). */
        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = positive(commandTimeout, "commandTimeout");
            return this;
        }

        public RedisIsrStore build() {
            if (codec == null) {
                throw new IllegalStateException("choose a codec: .codec(IsrCodec.json(\"your.value.package\"))");
            }
            return new RedisIsrStore(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name + " must not be null");
            if (duration.isNegative() || duration.isZero() || duration.toMillis() == 0) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, was " + duration);
            }
            return duration;
        }
    }
}
