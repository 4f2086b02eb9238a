package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-only JSON reader must read the shared cases exactly, or the cases prove nothing. */
class JsonTest {

    @Test
    void readsEveryKindOfValue() {
        Object parsed = Json.parse(" {\"a\": [1, -2.5, \"x\\\"y\\u00e9\\n\", true, false, null, {}, []]} ");
        assertEquals(Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5"), "x\"y\u00e9\n",
                true, false, null, Map.of(), List.of())), parsed);
    }

    @Test
    void reportsLineAndColumnOfAnError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Json.parse("{\n  \"a\": tru\n}"));
        assertEquals("JSON expected true at line 2, column 8", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    }
}
