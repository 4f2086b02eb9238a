package dev.isr.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A throwaway project for tests: {@code src/main/pages} in, {@code target/generated-sources/isr} out. */
final class Pages {

    final Path root;
    final Path pages;
    final Path out;
    final Path status;

    Pages(Path root) {
        this.root = root;
        this.pages = root.resolve("src/main/pages");
        this.out = root.resolve("target/generated-sources/isr");
        this.status = root.resolve("target/isr-status/status.txt");
    }

    Pages write(String source, String content) {
        try {
            Path file = pages.resolve(source);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CompileRequest request() {
        return request(java.util.List.of("node"));
    }

    CompileRequest request(java.util.List<String> targets) {
        return CompileRequest.of(pages, out, targets).withStatusFile(status);
    }

    String read(String outputFile) {
        try {
            return Files.readString(out.resolve(outputFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under the output directory by relative path ({@code /} separators), with its text. */
    Map<String, String> outputTree() {
        return tree(out);
    }

    static Map<String, String> tree(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> {
                try {
                    files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
