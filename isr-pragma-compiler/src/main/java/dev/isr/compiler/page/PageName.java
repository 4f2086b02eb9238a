package dev.isr.compiler.page;

import java.util.List;

/**
 * A page file name split into its stem and its extensions: {@code [slug].astro.rb} is stem
 * {@code [slug]} with extensions {@code astro}, {@code rb}. The first dot after a leading bracket
 * group ends the stem, so the dots of a catch-all {@code [...path].astro.rb} stay in it.
 *
 * @param stem       the name without extensions; names the route segment and the output files
 * @param extensions the extensions in order, without dots
 */
public record PageName(String stem, List<String> extensions) {

    public PageName {
        extensions = List.copyOf(extensions);
    }

    public static PageName parse(String fileName) {
        int closing = fileName.startsWith("[") ? fileName.indexOf(']') : -1;
        int dot = fileName.indexOf('.', Math.max(closing, 0));
        return dot < 0 ? new PageName(fileName, List.of())
                : new PageName(fileName.substring(0, dot), List.of(fileName.substring(dot + 1).split("\\.", -1)));
    }

    /** The template format: {@code astro} for {@code S.astro.rb}, empty for a plain {@code S.rb}. */
    public String format() {
        return extensions.size() >= 2 ? extensions.get(extensions.size() - 2) : "";
    }
}
