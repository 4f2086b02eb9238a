package dev.isr.compiler.java;

import java.util.List;
import java.util.Optional;

/**
 * What a Java page's pragma asks for: {@code // Pragma: revalidate 5m tags: posts route: /posts/{slug}}.
 *
 * @param revalidateSeconds the time to live in whole seconds
 * @param tags              the tags, duplicates dropped, in order
 * @param route             the {@code route:} option, when given; otherwise the route comes from the file path
 * @param pragmaLine        1-based line of the pragma, quoted in the generated code's comments
 */
public record JvmCacheSpec(long revalidateSeconds, List<String> tags, Optional<RouteOption> route, int pragmaLine) {

    public JvmCacheSpec {
        tags = List.copyOf(tags);
    }

    /**
     * The value of a {@code route:} pragma option.
     *
     * @param pattern the route as written, {@code /posts/{slug}}
     * @param line    1-based line of the pattern in the page
     * @param column  1-based column of the pattern's first character
     */
    public record RouteOption(String pattern, int line, int column) {
    }
}
