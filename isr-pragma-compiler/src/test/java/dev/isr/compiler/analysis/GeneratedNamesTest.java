package dev.isr.compiler.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link PageAnalyser#GENERATED_NAMES} in step with the templates: every top-level name a generated page
 * module or {@code .astro} file of the golden trees declares, other than the page's own imports (marked with
 * their source line), must be in it, or a page could import that name and get a module that does not load.
 */
class GeneratedNamesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Pattern DECLARATION =
            Pattern.compile("^(?:export )?(?:default )?(?:async )?(?:function|const|let|var|class) ([A-Za-z_$][\\w$]*)");
    private static final Pattern DEFAULT_IMPORT = Pattern.compile("^import ([A-Za-z_$][\\w$]*) from ");
    private static final Pattern NAMED_IMPORT = Pattern.compile("^import \\{([^}]*)} from ");
    /** The page's own imports carry {@code // page.rb:line}; the rest of a generated file is the template's. */
    private static final Pattern PAGE_IMPORT = Pattern.compile("// \\S+:\\d+$");

    @Test
    void everyNameAGeneratedPageDeclaresIsReserved() throws IOException {
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path file : files.filter(GeneratedNamesTest::isGeneratedPage).toList()) {
                Files.readAllLines(file).forEach(line -> declared.addAll(namesDeclaredBy(line)));
            }
        }
        assertTrue(declared.containsAll(Set.of("load", "cacheKey", "getStaticProps", "workerContext")),
                "the golden trees were not read: " + declared);
        Set<String> unreserved = new TreeSet<>(declared);
        unreserved.removeAll(PageAnalyser.GENERATED_NAMES);
        assertEquals(Set.of(), unreserved);
    }

    private static boolean isGeneratedPage(Path file) {
        String name = file.getFileName().toString();
        return file.toString().contains("/expected/") && !file.toString().contains("/_isr/")
                && (name.endsWith(".js") || name.endsWith(".astro"));
    }

    private static List<String> namesDeclaredBy(String line) {
        if (PAGE_IMPORT.matcher(line).find()) {
            return List.of();
        }
        for (Pattern single : List.of(DECLARATION, DEFAULT_IMPORT)) {
            Matcher m = single.matcher(line);
            if (m.find()) {
                return List.of(m.group(1));
            }
        }
        Matcher named = NAMED_IMPORT.matcher(line);
        return named.find() ? Arrays.stream(named.group(1).split(",")).map(String::strip).toList() : List.of();
    }
}
