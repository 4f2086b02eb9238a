package dev.isr.compiler.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeResourceTest {

    @Test
    void theRuntimeComesWithTheModulesItImports() {
        Map<String, byte[]> modules = RuntimeResource.withSiblings("isr.js");
        assertEquals("isr.js", modules.keySet().iterator().next());
        assertTrue(modules.containsKey("isr-core.js"), modules.keySet().toString());
    }

    @Test
    void aMissingRuntimeIsAClearInternalError() {
        var e = assertThrows(IllegalStateException.class, () -> RuntimeResource.withSiblings("nope.js"));
        assertEquals("internal error: the JavaScript runtime META-INF/isr/js/nope.js is missing from the classpath;"
                + " the isr-runtime jar next to the compiler must contain it", e.getMessage());
    }
}
