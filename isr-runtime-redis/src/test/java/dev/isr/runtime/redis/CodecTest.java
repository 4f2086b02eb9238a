package dev.isr.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values come back as the types they were stored as, and bytes naming other types are refused. */
class CodecTest {

    record Post(String slug, String title, Instant published) implements Serializable {
    }

    private static final Post POST = new Post("hello", "Hello", Instant.parse("2026-01-01T00:00:00Z"));

    private final IsrCodec json = IsrCodec.json("dev.isr.runtime.redis");
    private final IsrCodec java = IsrCodec.javaSerialization("dev.isr.runtime.redis");

    @Test
    void jsonRebuildsWhatGeneratedPagesReturn() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", 3L);
        map.put("post", POST);
        for (Object value : List.of(POST, List.of(POST, POST), new ArrayList<>(List.of(POST)), Optional.of(POST),
                Optional.empty(), 42L, 42, "text", map, Instant.EPOCH)) {
            assertEquals(value, json.decode(json.encode(value)), () -> "round trip of " + value);
        }
        assertEquals(null, json.decode(json.encode(null)));
    }

    @Test
    void jsonRefusesTypesOutsideTheAllowedPackages() {
        byte[] post = json.encode(POST);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> IsrCodec.json("com.example.other").decode(post));
        assertTrue(refused.getMessage().contains("com.example.other"), refused.getMessage());
        // a classic gadget's name in bytes someone wrote into Redis
        byte[] gadget = "[\"javax.naming.InitialContext\",{}]".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> json.decode(gadget));
    }

    @Test
    void javaSerialisationRoundTripsAndFiltersTypes() {
        assertEquals(List.of(POST), java.decode(java.encode(List.of(POST))));
        byte[] post = java.encode(POST);
        assertThrows(IllegalArgumentException.class, () -> IsrCodec.javaSerialization("com.example.other").decode(post));
        assertThrows(IllegalArgumentException.class, () -> java.encode(Optional.of(POST)), "Optional is not Serializable");
    }

    @Test
    void storeSettingsAreChecked() {
        assertThrows(IllegalStateException.class, () -> RedisIsrStore.builder("redis://127.0.0.1:1").build(),
                "a codec must be chosen");
        assertThrows(IllegalArgumentException.class, () -> RedisIsrStore.builder("redis://127.0.0.1:1").namespace("{a}"));
        assertThrows(IllegalArgumentException.class, () -> RedisIsrStore.builder("redis://127.0.0.1:1").namespace(""));
        assertThrows(IllegalArgumentException.class,
                () -> RedisIsrStore.builder("redis://127.0.0.1:1").leaseTime(Duration.ZERO));
    }

    @Test
    void packageNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> IsrCodec.json("com.example."));
        assertThrows(IllegalArgumentException.class, () -> IsrCodec.json("com example"));
    }
}
