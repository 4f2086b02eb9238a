package dev.isr.compiler.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * Writes generated files under one root folder. A file is written only when its bytes change, so an
 * unchanged file keeps its timestamp and tools downstream (javac, bundlers, watchers) see no change;
 * and it is written atomically (a temporary file in the same folder, then an atomic rename), so a
 * reader never sees half a file, even when the build is interrupted.
 */
public final class OutputWriter {

    private final Path root;

    public OutputWriter(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Writes {@code content} to {@code relativePath} unless the file already holds exactly those bytes.
     *
     * @return {@code true} when the file was written
     */
    public boolean write(String relativePath, byte[] content) {
        Path file = resolve(relativePath);
        try {
            if (Files.isRegularFile(file) && Files.size(file) == content.length
                    && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            writeAtomically(file, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Deletes a generated file and then its folders up to the root as long as they are empty.
     *
     * @return {@code true} when the file existed
     */
    public boolean delete(String relativePath) {
        Path file = resolve(relativePath);
        try {
            boolean existed = Files.deleteIfExists(file);
            for (Path dir = file.getParent(); dir != null && !dir.equals(root) && dir.startsWith(root); dir = dir.getParent()) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.delete(dir);
            }
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    public Path resolve(String relativePath) {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("generated file " + relativePath + " would land outside " + root);
        }
        return file;
    }

    /** Replaces {@code file} by way of a temporary sibling and an atomic rename. */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A name unique per thread, not Files.createTempFile: its random names cost half of a cold
        // 1,000-page build (benchmarks/COMPILER.md), and one thread never writes two files at once.
        Path temp = dir.resolve("." + file.getFileName() + "." + Thread.currentThread().getId() + ".isr-tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
