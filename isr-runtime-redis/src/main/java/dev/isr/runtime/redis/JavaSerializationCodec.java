package dev.isr.runtime.redis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/**
 * Java serialisation, for apps that choose it explicitly (values must be {@code Serializable}). Reads go
 * through a deserialisation filter that admits only {@link AllowedTypes} and bounds depth and size.
 */
final class JavaSerializationCodec implements IsrCodec {

    private static final long MAX_DEPTH = 64;
    private static final long MAX_REFERENCES = 1_000_000;

    private final AllowedTypes allowed;
    private final ObjectInputFilter filter;

    JavaSerializationCodec(AllowedTypes allowed) {
        this.allowed = allowed;
        this.filter = info -> {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFERENCES) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            return allowed.allows(type.getName()) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
        };
    }

    @Override
    public byte[] encode(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise a " + (value == null ? "null" : value.getClass().getName())
                    + " (Java serialisation needs Serializable values): " + e, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Object decode(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("cannot read a cached value (only " + allowed + " are allowed): " + e, e);
        }
    }
}
