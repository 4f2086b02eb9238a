package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.isr.runtime.Isr;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated sources with the JDK's compiler against the real runtime classes and loads them. */
final class TestCompiler {

    private TestCompiler() {
    }

    /**
     * @param sources source text by path relative to {@code folder}, {@code demo/DemoPage.java}
     * @return a class loader for the compiled classes, whose parent shares the runtime with the test
     */
    static ClassLoader compile(Path folder, Map<String, String> sources) throws IOException, URISyntaxException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "tests need a JDK, not a JRE");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-encoding", "UTF-8",
                "-d", folder.resolve("classes").toString(), "-classpath", runtimeClasspath()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = folder.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
        assertEquals(0, status, "javac failed: " + messages.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {folder.resolve("classes").toUri().toURL()}, TestCompiler.class.getClassLoader());
    }

    /** Where the runtime's classes are: its jar or its classes folder. */
    private static String runtimeClasspath() throws URISyntaxException {
        return Path.of(Isr.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString() + File.pathSeparator;
    }
}
