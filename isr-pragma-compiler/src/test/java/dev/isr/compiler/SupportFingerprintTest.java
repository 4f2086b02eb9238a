package dev.isr.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.targets.GeneratedFile;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportFingerprintTest {

    @TempDir
    Path dir;

    private final AtomicInteger built = new AtomicInteger();

    private Supplier<List<GeneratedFile>> supportFiles(String runtime) {
        return () -> {
            built.incrementAndGet();
            return List.of(GeneratedFile.text("node/_isr/isr.js", runtime));
        };
    }

    private URL inJar(Path jar) throws Exception {
        return new URL("jar:" + jar.toUri() + "!/META-INF/isr/js/isr.js");
    }

    @Test
    void fromJarsTheJarsStampsStandForTheFilesWhichAreNotBuilt() throws Exception {
        Path compiler = Files.write(dir.resolve("isr-pragma-compiler.jar"), new byte[] {1, 2, 3});
        Path runtime = Files.write(dir.resolve("isr-runtime.jar"), new byte[] {4});
        Files.setLastModifiedTime(runtime, FileTime.fromMillis(1_000_000_000_000L));
        List<URL> origins = List.of(compiler.toUri().toURL(), inJar(runtime));

        String before = SupportFingerprint.of(origins, supportFiles("a"));
        Files.setLastModifiedTime(runtime, FileTime.fromMillis(1_000_000_001_000L)); // a rebuilt snapshot

        assertTrue(before.contains(runtime + ":1:1000000000000"), before);
        assertNotEquals(before, SupportFingerprint.of(origins, supportFiles("a")));
        assertEquals(0, built.get());
    }

    @Test
    void fromClassFoldersTheFilesBytesStandForThem() throws Exception {
        List<URL> origins = List.of(Files.createDirectory(dir.resolve("classes")).toUri().toURL(),
                inJar(Files.write(dir.resolve("isr-runtime.jar"), new byte[] {4})));

        String a = SupportFingerprint.of(origins, supportFiles("a"));

        assertEquals(a, SupportFingerprint.of(origins, supportFiles("a")));
        assertNotEquals(a, SupportFingerprint.of(origins, supportFiles("b")));
        assertEquals(3, built.get());
    }
}
