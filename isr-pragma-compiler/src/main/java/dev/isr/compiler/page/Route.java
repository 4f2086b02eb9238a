package dev.isr.compiler.page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

    // plain loops below: every page's route is shown even in a build where nothing changed, in Maven's cold JVM

    /** {@code /posts/[slug]}. */
    public String path() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            out.append('/').append(segment.text());
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /** The names of the route's params in order. */
    public List<String> params() {
        List<String> out = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment instanceof Param p) {
                out.add(p.name());
            } else if (segment instanceof CatchAll c) {
                out.add(c.name());
            }
        }
        return List.copyOf(out);
    }

    /**
     * What the route matches, without param names: two routes with one shape answer the same URLs
     * ({@code /posts/[slug]} and {@code /posts/[id]}), so two pages must not share one.
     */
    public String shape() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            out.append('/').append(segment instanceof Param ? "[]" : segment instanceof CatchAll ? "[...]" : segment.text());
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /**
     * The cache key as documentation: {@code page:/posts/${slug}}, {@code page:/docs/${...path}};
     * literal segments percent-encoded as they are in the real key.
     */
    public String keyPattern() {
        StringBuilder out = new StringBuilder("page:");
        for (Segment segment : segments) {
            out.append('/');
            if (segment instanceof Param p) {
                out.append("${").append(p.name()).append('}');
            } else if (segment instanceof CatchAll c) {
                out.append("${...").append(c.name()).append('}');
            } else {
                out.append(encodeUriComponent(segment.text()));
            }
        }
        return segments.isEmpty() ? "page:/" : out.toString();
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
