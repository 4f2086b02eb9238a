package dev.isr.compiler.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.isr.runtime.Isr;
import dev.isr.runtime.IsrFetchException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated pages compiled with javac against the real runtime and run. */
class CompiledPageTest {

    private static final String DEMO_PAGE = """
            package demo;

            import java.io.IOException;
            import java.util.concurrent.atomic.AtomicInteger;

            // Pragma: revalidate 1h tags: demo, demo route: /compiled-page-test/{slug}/{page}
            public class DemoPage {
                public static final AtomicInteger CALLS = new AtomicInteger();

                public String load(String slug, int page) throws IOException {
                    CALLS.incrementAndGet();
                    if (slug.equals("broken")) {
                        throw new IOException("no such post");
                    }
                    return slug + "#" + page;
                }
            }
            """;

    @TempDir
    Path folder;

    @BeforeEach
    void emptyTheCache() {
        // the pages cache in the runtime's default cache, which lives as long as the test JVM
        Isr.invalidateAll();
    }

    @Test
    void loadCallsTheDataSourceOncePerKey() throws Exception {
        Class<?> page = compileDemoPage();
        Object instance = page.getConstructor().newInstance();
        Method load = page.getMethod("load", String.class, int.class);
        AtomicInteger calls = (AtomicInteger) page.getField("CALLS").get(null);

        assertEquals("a b#2", load.invoke(instance, "a b", 2));
        assertEquals("a b#2", load.invoke(instance, "a b", 2));
        assertEquals(1, calls.get());
        assertEquals("a b#3", load.invoke(instance, "a b", 3));
        assertEquals(2, calls.get());
    }

    @Test
    void generatedConstantsHoldThePragma() throws Exception {
        Class<?> page = compileDemoPage();
        assertEquals(3600L, page.getField("REVALIDATE_SECONDS").get(null));
        assertEquals(Set.of("demo"), page.getField("TAGS").get(null));
    }

    @Test
    void aFailedMissSurfacesAsIsrFetchExceptionWithTheCause() throws Exception {
        Class<?> page = compileDemoPage();
        Method load = page.getMethod("load", String.class, int.class);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                () -> load.invoke(page.getConstructor().newInstance(), "broken", 1));
        assertEquals(IsrFetchException.class, thrown.getCause().getClass());
        assertEquals("no such post", thrown.getCause().getCause().getMessage());
    }

    @Test
    void keysEncodeEachParameterLikeEncodeUriComponent() throws Exception {
        Method cacheKey = compileDemoPage().getMethod("cacheKey", String.class, int.class);
        Map<String, String> encodings = Map.of(
                "a/b", "a%2Fb",
                "a%2Fb", "a%252Fb",
                "a b+c", "a%20b%2Bc",
                "AZaz09-_.!~*'()", "AZaz09-_.!~*'()",
                "é?&=#", "%C3%A9%3F%26%3D%23",
                "\"\\\n", "%22%5C%0A");
        for (Map.Entry<String, String> encoding : encodings.entrySet()) {
            assertEquals("page:/compiled-page-test/" + encoding.getValue() + "/7", cacheKey.invoke(null, encoding.getKey(), 7),
                    encoding.getKey());
        }
    }

    @Test
    void primitiveResultsAreBoxedInTheCacheAndUnboxedByLoad() throws Exception {
        Path golden = Path.of(getClass().getResource("/java/golden/root-page-name-conflicts/Expected.java").toURI());
        ClassLoader classes = TestCompiler.compile(folder, Map.of("IndexPage.java", Files.readString(golden)));
        Class<?> page = classes.loadClass("IndexPage");
        var constructor = page.getDeclaredConstructor();
        constructor.setAccessible(true);
        Method load = page.getDeclaredMethod("load");
        load.setAccessible(true);
        assertEquals(42, load.invoke(constructor.newInstance()));
        assertEquals(int.class, load.getReturnType());
    }

    private Class<?> compileDemoPage() throws Exception {
        String generated = JavaPages.rewrite("demo/DemoPage.java", DEMO_PAGE);
        return TestCompiler.compile(folder, Map.of("demo/DemoPage.java", generated)).loadClass("demo.DemoPage");
    }
}
