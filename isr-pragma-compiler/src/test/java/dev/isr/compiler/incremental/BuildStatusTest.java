package dev.isr.compiler.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.isr.compiler.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildStatusTest {

    @TempDir
    Path dir;

    @Test
    void everyFieldSurvivesWritingAndReading() {
        String[] awkward = {"posts/[...path].astro.rb", "a b.rb", "100%+1.rb", "caf\u00e9/\u65e5.rb", "line\nbreak", "tab\t",
                "", "~!*'();:@&=$,?#"};
        Map<String, BuildStatus.PageEntry> pages = new LinkedHashMap<>();
        for (String source : awkward) {
            pages.put(source, new BuildStatus.PageEntry("ab12", Optional.of(new FileStamp(12, 1_500_000_000_123_456_789L)),
                    OptionalLong.of(60), List.of(source, "tag two"), Map.of("node", List.of("node/" + source + ".js")),
                    List.of(Diagnostic.warning(source, 3, 4, "careful: " + source, "@a = " + source)),
                    Optional.of("/" + source)));
        }
        BuildStatus status = new BuildStatus("1.0 \"x\"", "format=3\ntargets=node", "/out dir/%x",
                Map.of("node", List.of("node/_isr/isr.js", "node/a b+c.js")), pages);
        Path file = dir.resolve("status");

        status.write(file);

        assertEquals(Optional.of(status), BuildStatus.read(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab12", "node/posts/[slug].js", "/abs/path-1_2.3*x", "~!*'();:@&=$,?#"})
    void plainFieldsAreWrittenAsTheyAre(String field) {
        assertSame(field, BuildStatus.encode(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a+b", "a%2Fb", "caf\u00e9", "a\nb", "a\u007fb"})
    void fieldsThatWouldNotDecodeToThemselvesAreEncoded(String field) {
        assertNotEquals(field, BuildStatus.encode(field));
    }

    @Test
    void stampsAreEqualByValue() {
        assertEquals(new FileStamp(1, 2), new FileStamp(1, 2));
        assertEquals(new FileStamp(1, 2).hashCode(), new FileStamp(1, 2).hashCode());
        assertNotEquals(new FileStamp(1, 2), new FileStamp(1, 3));
        assertNotEquals(new FileStamp(1, 2), new FileStamp(2, 2));
    }
}
