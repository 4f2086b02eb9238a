package dev.isr.compiler.targets;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file a target generates.
 *
 * @param path    relative path with {@code /} separators (relative to the target's folder when a
 *                target returns it, to the output directory once the compiler has placed it)
 * @param content the exact bytes to write
 */
public record GeneratedFile(String path, byte[] content) {

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }

    /** A text file, always UTF-8 with {@code \n} line breaks so output is the same on every machine. */
    public static GeneratedFile text(String path, String content) {
        return new GeneratedFile(path, content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The same file placed inside {@code folder}. */
    public GeneratedFile under(String folder) {
        return new GeneratedFile(folder + "/" + path, content);
    }
}
