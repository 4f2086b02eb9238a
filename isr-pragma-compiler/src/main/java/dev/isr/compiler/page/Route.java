package dev.isr.compiler.page;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The URL route of a page (SPEC §4): {@code posts/[slug].astro.rb} is {@code /posts/[slug]}.
 *
 * @param segments the route's segments in order; empty for {@code /}
 */
public record Route(List<Segment> segments) {

    public Route {
        segments = List.copyOf(segments);
    }

    /** One segment of a route. */
    public sealed interface Segment {
        /** The segment as the route shows it: {@code posts}, {@code [slug]}, {@code [...path]}. */
        String text();
    }

    /** A fixed segment, matched literally. */
    public record Literal(String value) implements Segment {
        public String text() {
            return value;
        }
    }

    /** {@code [name]}: one path segment, handed to the page as the param {@code name}. */
    public record Param(String name) implements Segment {
        public String text() {
            return "[" + name + "]";
        }
    }

    /** {@code [...name]}: the rest of the path (zero or more segments), always the last segment. */
    public record CatchAll(String name) implements Segment {
        public String text() {
            return "[..." + name + "]";
        }
    }

    /** {@code /posts/[slug]}. */
    public String path() {
        return "/" + segments.stream().map(Segment::text).collect(Collectors.joining("/"));
    }

    /** The names of the route's params in order. */
    public List<String> params() {
        return segments.stream()
                .map(s -> s instanceof Param p ? p.name() : s instanceof CatchAll c ? c.name() : null)
                .filter(n -> n != null)
                .toList();
    }

    /**
     * What the route matches, without param names: two routes with one shape answer the same URLs
     * ({@code /posts/[slug]} and {@code /posts/[id]}), so two pages must not share one.
     */
    public String shape() {
        return "/" + segments.stream()
                .map(s -> s instanceof Param ? "[]" : s instanceof CatchAll ? "[...]" : s.text())
                .collect(Collectors.joining("/"));
    }

    /**
     * The cache key as documentation: {@code page:/posts/${slug}}, {@code page:/docs/${...path}};
     * literal segments percent-encoded as they are in the real key.
     */
    public String keyPattern() {
        return "page:/" + segments.stream()
                .map(s -> s instanceof Param p ? "${" + p.name() + "}"
                        : s instanceof CatchAll c ? "${..." + c.name() + "}"
                        : encodeUriComponent(s.text()))
                .collect(Collectors.joining("/"));
    }

    /** JavaScript's {@code encodeURIComponent}, so literal segments are encoded exactly like runtime params. */
    public static String encodeUriComponent(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.!~*'()".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
