package dev.isr.compiler.java;

import dev.isr.compiler.page.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The route of a Java page: literal segments and whole-segment parameters, {@code /posts/{slug}}.
 * A parameter always fills a whole segment: its encoded value never holds a {@code /}, so two
 * different parameter values can never produce one key.
 *
 * @param pattern  the route as written, {@code /posts/{slug}}; {@code /} for the root
 * @param segments the segments between slashes, none for the root
 */
public record JavaRoute(String pattern, List<Segment> segments) {

    /** One part of the route between two slashes. */
    public sealed interface Segment permits Literal, Param {
    }

    /** A fixed segment, {@code posts}. */
    public record Literal(String text) implements Segment {
    }

    /** A segment filled by the {@code load} parameter called {@code name}, written {@code {name}}. */
    public record Param(String name) implements Segment {
    }

    /** A route pattern that cannot be used; {@code index} is the offending character's offset in the pattern. */
    public static final class InvalidRouteException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        InvalidRouteException(String message, int index) {
            super(message);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    public JavaRoute {
        segments = List.copyOf(segments);
    }

    /** Reads a route written in a pragma's {@code route:} option. */
    public static JavaRoute parse(String pattern) throws InvalidRouteException {
        if (!pattern.startsWith("/")) {
            throw new InvalidRouteException("a route starts with '/', as in /posts/{slug}", 0);
        }
        List<Segment> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int start = 1;
        for (String text : pattern.equals("/") ? new String[0] : pattern.substring(1).split("/", -1)) {
            Segment segment = segment(text, start);
            if (segment instanceof Param param) {
                if (names.contains(param.name())) {
                    throw new InvalidRouteException("the route names {" + param.name() + "} twice", start);
                }
                names.add(param.name());
            }
            segments.add(segment);
            start += text.length() + 1;
        }
        return new JavaRoute(pattern, segments);
    }

    /**
     * The route of a page without a {@code route:} option, from its path under the pages directory:
     * the folders, then the class name without a {@code Page} suffix in kebab case, an {@code Index}
     * page naming its folder. {@code posts/PostListPage.java} → {@code /posts/post-list},
     * {@code IndexPage.java} → {@code /}.
     */
    public static JavaRoute fromSource(String source) {
        List<String> parts = new ArrayList<>(List.of(source.split("/")));
        String fileName = parts.remove(parts.size() - 1);
        String className = fileName.endsWith(".java") ? fileName.substring(0, fileName.length() - 5) : fileName;
        if (className.endsWith("Page") && className.length() > "Page".length()) {
            className = className.substring(0, className.length() - "Page".length());
        }
        String name = kebabCase(className);
        if (!name.equals("index")) {
            parts.add(name);
        }
        List<Segment> segments = parts.stream().filter(part -> !part.isEmpty()).<Segment>map(Literal::new).toList();
        StringBuilder pattern = new StringBuilder();
        segments.forEach(segment -> pattern.append('/').append(((Literal) segment).text()));
        return new JavaRoute(pattern.length() == 0 ? "/" : pattern.toString(), segments);
    }

    /** The names of the route's parameters, in route order. */
    public List<String> paramNames() {
        return segments.stream().filter(Param.class::isInstance).map(segment -> ((Param) segment).name()).toList();
    }

    /**
     * The same route in the pipeline's terms, {@code /posts/[slug]}, so Java and Ruby pages share
     * one manifest format and one check for two pages answering one route.
     */
    public Route asPageRoute() {
        return new Route(segments.stream()
                .<Route.Segment>map(segment -> segment instanceof Param param ? new Route.Param(param.name())
                        : new Route.Literal(((Literal) segment).text()))
                .toList());
    }

    /** The key pattern shown in the manifest and in comments: {@code page:/posts/{slug}}. */
    public String keyPattern() {
        return "page:" + pattern;
    }

    /** One segment's {@code text}, which starts at offset {@code start} of the pattern. */
    private static Segment segment(String text, int start) throws InvalidRouteException {
        if (text.isEmpty()) {
            throw new InvalidRouteException("the route has an empty segment (two slashes in a row, or one at the end)", start);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new InvalidRouteException("the route holds a blank or control character", start + i);
            }
        }
        if (text.length() > 2 && text.startsWith("{") && text.endsWith("}")) {
            String name = text.substring(1, text.length() - 1);
            if (isJavaIdentifier(name)) {
                return new Param(name);
            }
            throw new InvalidRouteException("{" + name + "} is not a parameter name: write {name} with the name of a load parameter", start);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '{' || text.charAt(i) == '}') {
                throw new InvalidRouteException("a route parameter fills a whole segment, as in /posts/{slug}", start + i);
            }
        }
        return new Literal(text);
    }

    private static boolean isJavaIdentifier(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    /** {@code PostList} → {@code post-list}, {@code HTTPStatus} → {@code http-status}. */
    static String kebabCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean wordStart = i > 0 && Character.isUpperCase(c)
                    && (!Character.isUpperCase(name.charAt(i - 1))
                        || i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)));
            if (wordStart && name.charAt(i - 1) != '_') {
                out.append('-');
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
