package dev.isr.compiler.pragma;

import java.util.List;

/**
 * A page's {@code # Pragma: revalidate <duration> [tags: a, b]} line.
 *
 * @param revalidateSeconds the time to live in whole seconds, 0 to one year
 * @param tags              tags as written, duplicates dropped, in order
 * @param line              1-based line of the pragma
 * @param column            1-based column of the word {@code revalidate}
 */
public record Pragma(long revalidateSeconds, List<String> tags, int line, int column) {

    public Pragma {
        tags = List.copyOf(tags);
    }
}
