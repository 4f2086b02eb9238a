package dev.isr.compiler.java;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.java.JvmCacheSpec.RouteOption;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.pragma.PragmaScanner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Java page's pragma from the comment above its class. The duration and tags grammar is the
 * one {@link PragmaScanner} implements for Ruby pages: each pragma line is handed to it as the
 * {@code # Pragma:} line it expects, at the same line and column. Only the Java-only option
 * {@code route: /posts/{slug}} is read here, and blanked out before the scanner sees the line.
 */
public final class JavaPragmaReader {

    private static final Pattern ROUTE = Pattern.compile("(?<![\\w-])route\\s*:\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * @param spec        the cache spec when the page has one valid revalidate pragma
     * @param present     the page has a revalidate pragma, valid or not: it is meant to be cached
     * @param diagnostics errors and warnings about the pragma
     */
    public record Read(Optional<JvmCacheSpec> spec, boolean present, List<Diagnostic> diagnostics) {
        public Read {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Read read(JavaPage page) {
        SourceText source = new SourceText(page.text());
        String[] scannerLines = new String[source.lineCount()];
        Arrays.fill(scannerLines, "");
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<RouteOption> routes = new ArrayList<>();
        for (PragmaText pragma : page.pragmaLines()) {
            StringBuilder line = new StringBuilder(" ".repeat(pragma.column() - 1)).append('#').append(pragma.text());
            // the scanner's columns are one more than the page's from here on, because of the '#'
            routeOption(page.path(), source, pragma, line, diagnostics).ifPresent(routes::add);
            scannerLines[pragma.line() - 1] = line.toString();
        }
        PragmaScanner.Scan scan = new PragmaScanner().scan(page.path(), List.of(scannerLines));
        // the scanner's examples are Ruby comments; a Java page writes them with //
        scan.diagnostics().forEach(found -> diagnostics.add(new Diagnostic(found.path(), found.line(),
                Math.max(found.column() - 1, 1), found.severity(), found.message().replace("'# Pragma:", "'// Pragma:"),
                source.line(found.line()))));
        diagnostics.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
        Optional<JvmCacheSpec> spec = scan.pragma()
                .filter(pragma -> diagnostics.stream().noneMatch(Diagnostic::isError))
                .map(pragma -> spec(pragma, routes));
        return new Read(spec, scan.present(), diagnostics);
    }

    private static JvmCacheSpec spec(Pragma pragma, List<RouteOption> routes) {
        Optional<RouteOption> route = routes.stream().filter(option -> option.line() == pragma.line()).findFirst();
        return new JvmCacheSpec(pragma.revalidateSeconds(), pragma.tags(), route, pragma.line());
    }

    /**
     * Finds {@code route: <pattern>} in one pragma line and blanks it in {@code scannerLine}, which
     * holds the pragma text from index {@code pragma.column()}.
     */
    private static Optional<RouteOption> routeOption(String path, SourceText source, PragmaText pragma,
            StringBuilder scannerLine, List<Diagnostic> diagnostics) {
        String text = pragma.text();
        Matcher option = ROUTE.matcher(text);
        RouteOption first = null;
        int from = 0;
        while (option.find(from)) {
            int end = option.end();
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            for (int i = option.start(); i < end; i++) {
                scannerLine.setCharAt(pragma.column() + i, ' ');
            }
            int column = pragma.column() + option.start();
            if (end == option.end()) {
                diagnostics.add(Diagnostic.error(path, pragma.line(), column,
                        "route: needs a route, as in 'route: /posts/{slug}'", source.line(pragma.line())));
            } else if (first != null) {
                diagnostics.add(Diagnostic.error(path, pragma.line(), column,
                        "a second route: option in one pragma; keep one", source.line(pragma.line())));
            } else {
                first = new RouteOption(text.substring(option.end(), end), pragma.line(), pragma.column() + option.end());
            }
            from = end;
        }
        return Optional.ofNullable(first);
    }
}
