package dev.isr.compiler;

import dev.isr.compiler.targets.GeneratedFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What stands for the targets' support files (runtime, helpers) in the configuration, so that new support files
 * recompile every page even under an unchanged tool version, as a rebuilt snapshot has. When the compiler and the
 * JavaScript runtime are read from jars, as under Maven, the jars' paths, sizes and modification times stand for
 * them: reading the runtime and rendering its templates took a third of a build where nothing changed. Otherwise
 * (class folders, in development and tests) the files' own bytes do.
 */
final class SupportFingerprint {

    /** A file of the JavaScript runtime, to find the jar (or folder) the runtime is read from. */
    private static final String RUNTIME_RESOURCE = "META-INF/isr/js/isr.js";

    private SupportFingerprint() {
    }

    /** @param supportFiles the support files, built only when the compiler does not run from jars */
    static String of(Supplier<List<GeneratedFile>> supportFiles) {
        ClassLoader loader = SupportFingerprint.class.getClassLoader();
        List<URL> origins = new ArrayList<>();
        origins.add(SupportFingerprint.class.getProtectionDomain().getCodeSource().getLocation());
        Optional.ofNullable(loader.getResource(RUNTIME_RESOURCE)).ifPresent(origins::add);
        return of(origins, supportFiles);
    }

    /** @param origins where the compiler's classes and the runtime's files are read from */
    static String of(List<URL> origins, Supplier<List<GeneratedFile>> supportFiles) {
        StringBuilder jars = new StringBuilder("jars");
        for (URL origin : origins) {
            Optional<String> stamp = jarStamp(origin);
            if (stamp.isEmpty()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                supportFiles.get().forEach(f -> bytes.writeBytes(f.content()));
                return "bytes " + PageCheck.sha256(bytes.toByteArray());
            }
            jars.append(' ').append(stamp.get());
        }
        return jars.toString();
    }

    /** {@code path:size:nanos} of the jar that {@code origin} is or lies in; empty when it is not in a jar. */
    private static Optional<String> jarStamp(URL origin) {
        String url = origin.toString();
        if (url.startsWith("jar:")) {
            url = url.substring("jar:".length(), url.indexOf("!/"));
        }
        if (!url.startsWith("file:") || !url.endsWith(".jar")) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(new URI(url));
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            return Optional.of(jar + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis());
        } catch (URISyntaxException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + url, e);
        }
    }
}
