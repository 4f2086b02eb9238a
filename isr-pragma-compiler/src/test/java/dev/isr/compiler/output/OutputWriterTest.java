package dev.isr.compiler.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path out;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesNewFilesWithTheirFolders() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        assertTrue(writer.write("node/posts/[slug].js", bytes("a")));
        assertArrayEquals(bytes("a"), Files.readAllBytes(out.resolve("node/posts/[slug].js")));
    }

    @Test
    void anUnchangedFileKeepsItsTimestamp() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        writer.write("a.js", bytes("same"));
        FileTime past = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a.js"), past);

        assertFalse(writer.write("a.js", bytes("same")));
        assertEquals(past, Files.getLastModifiedTime(out.resolve("a.js")));

        assertTrue(writer.write("a.js", bytes("changed")));
        assertArrayEquals(bytes("changed"), Files.readAllBytes(out.resolve("a.js")));
        assertTrue(Files.getLastModifiedTime(out.resolve("a.js")).compareTo(past) > 0);
    }

    @Test
    void replacesByRenameAndLeavesNoTemporaryFile() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        writer.write("a.js", bytes("one"));
        Object before = Files.readAttributes(out.resolve("a.js"), "unix:ino").get("ino");
        writer.write("a.js", bytes("two"));
        // a new inode: the old file was replaced whole by a rename, never rewritten in place
        assertTrue(!before.equals(Files.readAttributes(out.resolve("a.js"), "unix:ino").get("ino")));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("a.js"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void deleteRemovesEmptyFoldersUpToTheRoot() throws Exception {
        OutputWriter writer = new OutputWriter(out);
        writer.write("node/posts/a.js", bytes("a"));
        writer.write("node/b.js", bytes("b"));
        assertTrue(writer.delete("node/posts/a.js"));
        assertFalse(Files.exists(out.resolve("node/posts")));
        assertTrue(Files.exists(out.resolve("node/b.js")));
        assertFalse(writer.delete("node/posts/a.js"));
        assertTrue(Files.isDirectory(out));
    }

    @Test
    void refusesPathsOutsideTheRoot() {
        OutputWriter writer = new OutputWriter(out.resolve("gen"));
        assertThrows(IllegalArgumentException.class, () -> writer.write("../escape.js", bytes("x")));
        assertFalse(Files.exists(out.resolve("escape.js")));
    }
}
