package dev.isr.compiler.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRegistryTest {

    @Test
    void anUnknownTargetNamesTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> TargetRegistry.resolve(List.of("deno")));
        assertEquals("unknown target 'deno'; valid targets: " + String.join(", ", TargetRegistry.names()), e.getMessage());
        assertTrue(TargetRegistry.names().containsAll(List.of("node", "browser")), TargetRegistry.names()::toString);
        assertThrows(IllegalArgumentException.class, () -> TargetRegistry.resolve(List.of()));
        assertEquals(List.of("node"), TargetRegistry.resolve(List.of("node", "node")).stream().map(Target::name).toList());
    }
}
