package dev.isr.runtime.redis;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * JSON with a class name beside every value (Jackson's default typing for every type), so a value
 * comes back as the type it was stored as without a type token at the call site. The names are
 * checked against {@link AllowedTypes} before any class is loaded.
 */
final class JacksonCodec implements IsrCodec {

    private static final String OPTIONAL_MARKER = "?optional";
    /** Reads the JSON as a tree first (no typing: a tree has none), to spot the Optional marker. */
    private static final ObjectMapper TREES = new ObjectMapper();

    private final AllowedTypes allowed;
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    JacksonCodec(AllowedTypes allowed) {
        this.allowed = allowed;
        this.mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // EVERYTHING, not NON_FINAL: records are final and must keep their type too
                .activateDefaultTyping(new Validator(allowed), ObjectMapper.DefaultTyping.EVERYTHING,
                        JsonTypeInfo.As.PROPERTY)
                .build();
        this.writer = mapper.writerFor(Object.class);
    }

    @Override
    public byte[] encode(Object value) {
        try {
            if (value instanceof Optional<?> optional) {
                // Jackson writes an Optional as its bare content, so a stored Optional would come back
                // unwrapped (or as null): mark it. Typed JSON never starts an array with this marker,
                // as a type id there is a class name.
                String content = writer.writeValueAsString(optional.orElse(null));
                return ("[\"" + OPTIONAL_MARKER + "\"," + content + "]").getBytes(StandardCharsets.UTF_8);
            }
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write a " + typeOf(value) + " as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Object decode(byte[] bytes) {
        try {
            JsonNode tree = TREES.readTree(bytes);
            if (tree.isArray() && tree.size() == 2 && OPTIONAL_MARKER.equals(tree.get(0).textValue())) {
                return Optional.ofNullable(mapper.treeToValue(tree.get(1), Object.class));
            }
            return mapper.treeToValue(tree, Object.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read a cached value (only " + allowed + " are allowed): "
                    + e.getMessage(), e);
        }
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }

    /** Jackson's hook for the allow-list; a name it refuses fails the read before loading the class. */
    private static final class Validator extends PolymorphicTypeValidator.Base {

        private static final long serialVersionUID = 1L;

        private final transient AllowedTypes allowed;

        Validator(AllowedTypes allowed) {
            this.allowed = allowed;
        }

        @Override
        public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
            return Validity.INDETERMINATE;
        }

        @Override
        public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
            return allowed.allows(subClassName) ? Validity.ALLOWED : Validity.DENIED;
        }

        @Override
        public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
            return allowed.allows(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
        }
    }
}
