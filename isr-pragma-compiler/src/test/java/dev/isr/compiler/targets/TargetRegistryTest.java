package dev.isr.compiler.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TargetRegistryTest {

    @Test
    void anUnknownTargetNamesTheValidOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> TargetRegistry.resolve(List.of("vercel")));
        assertEquals("unknown target 'vercel'; valid targets: node", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TargetRegistry.resolve(List.of()));
        assertEquals(List.of("node"), TargetRegistry.resolve(List.of("node", "node")).stream().map(Target::name).toList());
    }
}
