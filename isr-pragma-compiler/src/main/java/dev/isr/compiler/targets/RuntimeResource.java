package dev.isr.compiler.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JavaScript runtimes shipped in the isr-runtime jar under {@code META-INF/isr/js/}. */
final class RuntimeResource {

    private static final String FOLDER = "META-INF/isr/js/";
    /** {@code from './isr-core.js'}: the runtime's own modules, which must be copied beside it. */
    private static final Pattern SIBLING_IMPORT = Pattern.compile("\\bfrom\\s*['\"]\\./([\\w.-]+\\.js)['\"]");

    private RuntimeResource() {
    }

    /**
     * Runtime module {@code name} and every module beside it that it imports, transitively, by file name.
     *
     * @throws IllegalStateException when the isr-runtime jar on the classpath lacks one: a packaging bug, not a page error
     */
    static Map<String, byte[]> withSiblings(String name) {
        Map<String, byte[]> modules = new LinkedHashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(name);
        while (!pending.isEmpty()) {
            String next = pending.poll();
            if (modules.containsKey(next)) {
                continue;
            }
            byte[] bytes = read(next);
            modules.put(next, bytes);
            Matcher imports = SIBLING_IMPORT.matcher(new String(bytes, StandardCharsets.UTF_8));
            while (imports.find()) {
                pending.add(imports.group(1));
            }
        }
        return modules;
    }

    private static byte[] read(String name) {
        String resource = FOLDER + name;
        try (InputStream in = RuntimeResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("internal error: the JavaScript runtime " + resource
                        + " is missing from the classpath; the isr-runtime jar next to the compiler must contain it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
