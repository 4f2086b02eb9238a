package dev.isr.runtime.redis;

/**
 * Turns cached values into bytes for Redis and back. Generated pages call
 * {@code Isr.read(key, ttl, tags, fetcher)} without a type token, so the bytes must say what type to
 * rebuild; and as anyone who can write to Redis controls those bytes, a codec must only ever rebuild
 * types the app allows. Both codecs here take the packages of the app's own value types.
 *
 * <ul>
 *   <li>{@link #json(String...)}: JSON via Jackson with type ids, restricted to the allowed packages
 *       and a fixed list of JDK value and collection types (never unrestricted default typing).</li>
 *   <li>{@link #javaSerialization(String...)}: Java serialisation behind a deserialisation filter
 *       with the same allow-list. Values must be {@code Serializable} ({@code Optional} is not).</li>
 * </ul>
 */
public interface IsrCodec {

    byte[] encode(Object value);

    /** @throws IllegalArgumentException if the bytes name a type that is not allowed, or do not parse */
    Object decode(byte[] bytes);

    /**
     * JSON with Jackson; records, beans, {@code Optional}, collections, {@code java.time} types.
     *
     * @param allowedPackages the packages of the app's value types, e.g. {@code "com.example.blog"}
     *                        (sub-packages included)
     */
    static IsrCodec json(String... allowedPackages) {
        return new JacksonCodec(AllowedTypes.of(allowedPackages));
    }

    /** Java serialisation; only if you choose it: values must be Serializable and it is Java-only. */
    static IsrCodec javaSerialization(String... allowedPackages) {
        return new JavaSerializationCodec(AllowedTypes.of(allowedPackages));
    }
}
