package dev.isr.compiler.targets;

import dev.isr.compiler.escape.JsEscaper;
import dev.isr.compiler.page.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The entries of a generated route table: every page's route with the module that serves it, most
 * specific first. At the first segment where two routes differ in kind, a literal comes before a
 * param and a param before a catch-all, so {@code /posts/new} is tried before {@code /posts/[slug]},
 * and both before {@code /[...path]}; a route that is a prefix of another comes first
 * ({@code /docs} before {@code /docs/[...path]}, which also matches {@code /docs}).
 */
final class RouteTable {

    /**
     * One route, each value already a JavaScript literal or identifier.
     *
     * @param moduleName       the namespace the module is imported as: {@code p0}, {@code p1}, … in table order
     * @param specifierLiteral the module's path from the table file
     * @param sourceComment    the page's source, as comment text
     * @param routeLiteral     {@code "/posts/[slug]"}
     * @param segmentsArray    {@code [{ literal: "posts" }, { param: "slug" }]}
     */
    record Entry(String moduleName, String specifierLiteral, String sourceComment, String routeLiteral,
                 String segmentsArray) {
    }

    private RouteTable() {
    }

    /**
     * @param pages     every routed page with its files in this target; its {@code .js} file is the module
     * @param tableFile where the table is written, relative to the target folder
     */
    static List<Entry> entries(List<RoutedPage> pages, String tableFile) {
        List<RoutedPage> sorted = new ArrayList<>(pages);
        sorted.sort(Comparator.comparing((RoutedPage p) -> specificity(p.route())).thenComparing(p -> p.route().path()));
        List<Entry> entries = new ArrayList<>();
        for (RoutedPage page : sorted) {
            String module = page.files().stream().filter(f -> f.endsWith(".js")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("internal error: no module of page " + page.source()));
            String specifier = Arrays.stream(module.split("/", -1)).map(ImportRebaser::urlSegment)
                    .collect(Collectors.joining("/"));
            entries.add(new Entry("p" + entries.size(), JsPageParts.supportSpecifierLiteral(tableFile, specifier),
                    JsEscaper.commentText(page.source()), JsEscaper.stringLiteral(page.route().path()),
                    segmentsArray(page.route())));
        }
        return entries;
    }

    /** One digit per segment, 0 literal, 1 param, 2 catch-all: ascending order is most specific first. */
    private static String specificity(Route route) {
        return route.segments().stream()
                .map(s -> s instanceof Route.CatchAll ? "2" : s instanceof Route.Param ? "1" : "0")
                .collect(Collectors.joining());
    }

    private static String segmentsArray(Route route) {
        return route.segments().stream().map(s -> {
            if (s instanceof Route.Param p) {
                return "{ param: " + JsEscaper.stringLiteral(p.name()) + " }";
            }
            if (s instanceof Route.CatchAll c) {
                return "{ catchAll: " + JsEscaper.stringLiteral(c.name()) + " }";
            }
            return "{ literal: " + JsEscaper.stringLiteral(s.text()) + " }";
        }).collect(Collectors.joining(", ", "[", "]"));
    }
}
