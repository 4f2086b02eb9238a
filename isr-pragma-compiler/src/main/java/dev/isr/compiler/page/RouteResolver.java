package dev.isr.compiler.page;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives each page's route from its path (SPEC §4) and refuses what cannot be routed: malformed
 * bracket names, a catch-all before the end, a param named twice, two pages answering the same URLs,
 * and the folder {@code _isr} that the generated runtime occupies.
 */
public final class RouteResolver {

    private static final Pattern BRACKET = Pattern.compile("\\[(\\.\\.\\.)?([A-Za-z_][A-Za-z0-9_]*)]");
    /** The top-level output folder holding each target's runtime; a page there would overwrite it. */
    static final String RESERVED_FOLDER = "_isr";

    /**
     * @param routes      the route of every page that has one, by {@link PageFile#source()}
     * @param diagnostics the errors of each unroutable page, by source; a duplicate route is an error on both pages
     */
    public record Resolved(Map<String, Route> routes, Map<String, List<Diagnostic>> diagnostics) {
        public Resolved {
            routes = Map.copyOf(routes);
            diagnostics = Map.copyOf(diagnostics);
        }

        public List<Diagnostic> diagnosticsOf(String source) {
            return diagnostics.getOrDefault(source, List.of());
        }
    }

    /** Routes of all pages at once: duplicates are only visible across pages. */
    public Resolved resolve(List<PageFile> pages) {
        Map<String, Route> routes = new LinkedHashMap<>();
        Map<String, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
        Map<String, PageFile> byShape = new LinkedHashMap<>();
        for (PageFile page : pages) {
            String problem = problemOf(page);
            if (problem != null) {
                add(diagnostics, page, problem);
                continue;
            }
            Route route = routeOf(page);
            PageFile first = byShape.putIfAbsent(route.shape(), page);
            if (first != null) {
                String message = "pages " + first.source() + " and " + page.source() + " both answer the route "
                        + route.path() + "; rename or remove one of them";
                add(diagnostics, first, message);
                add(diagnostics, page, message);
            }
            routes.put(page.source(), route);
        }
        return new Resolved(routes, diagnostics);
    }

    private static void add(Map<String, List<Diagnostic>> diagnostics, PageFile page, String message) {
        diagnostics.computeIfAbsent(page.source(), k -> new ArrayList<>())
                .add(Diagnostic.error(page.displayPath(), 0, 0, message, ""));
    }

    /** The route of one page, assuming {@link #problemOf} found nothing wrong. */
    public static Route routeOf(PageFile page) {
        List<String> names = names(page);
        if (names.get(names.size() - 1).equals("index")) {
            names = names.subList(0, names.size() - 1);
        }
        List<Route.Segment> segments = new ArrayList<>();
        for (String name : names) {
            // most segments are plain names: no regex for them (this runs for every page, even in a no-op build)
            Matcher bracket = name.indexOf('[') < 0 ? null : BRACKET.matcher(name);
            if (bracket == null || !bracket.matches()) {
                segments.add(new Route.Literal(name));
            } else if (bracket.group(1) != null) {
                segments.add(new Route.CatchAll(bracket.group(2)));
            } else {
                segments.add(new Route.Param(bracket.group(2)));
            }
        }
        return new Route(segments);
    }

    /** Why the page cannot have a route, or {@code null}. */
    static String problemOf(PageFile page) {
        List<String> names = names(page);
        if (names.get(names.size() - 1).isEmpty()) {
            return "page file name '" + page.fileName() + "' has no name before its extensions";
        }
        if (page.source().contains("\\")) {
            return "the page path contains a backslash, which JavaScript module loaders refuse to import; rename it";
        }
        if (names.get(0).equals(RESERVED_FOLDER) && names.size() > 1) {
            return "the top-level folder " + RESERVED_FOLDER + " is reserved for the generated runtime; move the page";
        }
        Set<String> params = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.indexOf('[') < 0 && name.indexOf(']') < 0) {
                continue;
            }
            Matcher bracket = BRACKET.matcher(name);
            if (!bracket.matches()) {
                return "malformed route param '" + name + "': a param segment is exactly [name] or [...name],"
                        + " where name is a letter or _ followed by letters, digits or _";
            }
            if (bracket.group(1) != null && i != names.size() - 1) {
                return "catch-all param '" + name + "' must be the last segment of the route";
            }
            if (!params.add(bracket.group(2))) {
                return "route param '" + bracket.group(2) + "' appears twice in " + page.source();
            }
        }
        return null;
    }

    /** Folder names, then the file's stem. */
    private static List<String> names(PageFile page) {
        List<String> names = new ArrayList<>();
        if (!page.directory().isEmpty()) {
            names.addAll(List.of(page.directory().split("/")));
        }
        names.add(page.name().stem());
        return names;
    }
}
