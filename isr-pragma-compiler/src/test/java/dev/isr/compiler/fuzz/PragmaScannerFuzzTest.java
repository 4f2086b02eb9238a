package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.page.PageText;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.pragma.PragmaScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The pragma scanner on any front matter: it always returns in time; every diagnostic points at a real
 * line and column and quotes that line; a page with an error has no pragma; and a well-formed pragma,
 * however it is cased and spaced, reads as exactly the seconds and tags it spells.
 */
@AddLifecycleHook(FuzzTriesHook.class)
class PragmaScannerFuzzTest {

    private static final String PATH = "pages/p.astro.rb";
    private static final long YEAR = 365L * 24 * 60 * 60;
    /** A revalidate pragma line, written independently of the scanner's own patterns. */
    private static final Pattern REVALIDATE_LINE =
            Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*#[ \\t\\n\\x0B\\f\\r]*pragma[ \\t\\n\\x0B\\f\\r]*:[ \\t\\n\\x0B\\f\\r]*"
                    + "revalidate(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE);
    private static final Bounded BOUNDED = new Bounded(Duration.ofSeconds(10));

    private final PragmaScanner scanner = new PragmaScanner();

    @Provide
    Arbitrary<String> pages() {
        return Inputs.pageTexts(200_000, 5_000);
    }

    @Property
    @FuzzTries(ci = 3000)
    void anyFrontMatterGivesAPragmaOrPositionedDiagnostics(@ForAll("pages") String content) {
        List<String> lines = PageText.split(content).frontMatterLines();
        PragmaScanner.Scan scan = BOUNDED.call(content, () -> scanner.scan(PATH, lines));

        for (Diagnostic d : scan.diagnostics()) {
            assertEquals(PATH, d.path());
            assertTrue(d.line() >= 1 && d.line() <= lines.size(), "line " + d.line() + " of " + lines.size());
            String line = lines.get(d.line() - 1);
            assertTrue(d.column() >= 1 && d.column() <= line.length() + 1, "column " + d.column() + " of " + line.length());
            assertEquals(line, d.sourceLine());
            assertFalse(d.message().isBlank());
        }
        boolean hasErrors = scan.diagnostics().stream().anyMatch(Diagnostic::isError);
        boolean hasRevalidateLine = lines.stream().anyMatch(l -> REVALIDATE_LINE.matcher(l).find());
        assertEquals(hasRevalidateLine, scan.present());
        if (hasErrors) {
            assertTrue(scan.pragma().isEmpty(), "a page with errors has no pragma");
        }
        scan.pragma().ifPresent(p -> {
            assertTrue(REVALIDATE_LINE.matcher(lines.get(p.line() - 1)).find());
            assertTrue(p.revalidateSeconds() >= 0 && p.revalidateSeconds() <= YEAR, "seconds " + p.revalidateSeconds());
        });
        if (hasRevalidateLine && !hasErrors) {
            assertTrue(scan.pragma().isPresent(), "a revalidate line without errors is the page's pragma");
        }
    }

    @Property
    @FuzzTries(ci = 2000, campaign = "fuzz.model.tries")
    void aWellFormedPragmaReadsAsTheSecondsAndTagsItSpells(@ForAll("wellFormed") WrittenPragma written,
                                                          @ForAll("otherLines") List<String> before,
                                                          @ForAll("otherLines") List<String> after) {
        List<String> lines = new ArrayList<>(before);
        lines.add(written.line());
        lines.addAll(after);
        PragmaScanner.Scan scan = BOUNDED.call(written.line(), () -> scanner.scan(PATH, lines));

        assertEquals(List.of(), scan.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::format).toList());
        Pragma pragma = scan.pragma().orElseThrow();
        assertEquals(written.seconds(), pragma.revalidateSeconds());
        assertEquals(written.tags(), pragma.tags());
        assertEquals(before.size() + 1, pragma.line());
    }

    @Property
    @FuzzTries(ci = 1000, campaign = "fuzz.model.tries")
    void aDurationOverAYearIsAnErrorAtTheDuration(@ForAll("overAYear") String duration) {
        String line = "# Pragma: revalidate " + duration;
        PragmaScanner.Scan scan = BOUNDED.call(line, () -> scanner.scan(PATH, List.of(line)));

        assertTrue(scan.pragma().isEmpty());
        Diagnostic error = scan.diagnostics().get(0);
        assertTrue(error.isError() && error.message().contains("over a year"), error.format());
        assertEquals(line.indexOf(duration) + 1, error.column());
    }

    /** A pragma line and what it means, built from its parts. */
    record WrittenPragma(String line, long seconds, List<String> tags) {
    }

    @Provide
    Arbitrary<WrittenPragma> wellFormed() {
        Arbitrary<String> space = Arbitraries.of(" ", "\t").list().ofMaxSize(3).map(s -> String.join("", s));
        Arbitrary<String> separator = space.map(s -> s.isEmpty() ? " " : s);
        Arbitrary<Unit> unit = Arbitraries.of(Unit.values());
        Arbitrary<List<String>> tags = Arbitraries.strings().withChars("abcXYZ09-_.:'\"`${}/ ").ofMinLength(1)
                .ofMaxLength(8).filter(t -> !t.isBlank()).map(String::strip).list().ofMaxSize(4);
        return Combinators.combine(space, anyCase("pragma"), space, anyCase("revalidate"), separator,
                        unit.flatMap(u -> Arbitraries.longs().between(0, YEAR / u.seconds).map(n -> new Amount(n, u))),
                        Arbitraries.integers().between(0, 3), tags)
                .as((indent, marker, gap, word, beforeDuration, amount, zeros, tagList) -> {
                    String line = indent + "#" + gap + marker + gap + ":" + gap + word + beforeDuration
                            + "0".repeat(zeros) + amount.count + amount.unit.written
                            + (tagList.isEmpty() ? "" : beforeDuration + "tags:" + gap + String.join("," + gap, tagList));
                    return new WrittenPragma(line, amount.count * amount.unit.seconds,
                            List.copyOf(new LinkedHashSet<>(tagList)));
                });
    }

    @Provide
    Arbitrary<List<String>> otherLines() {
        List<String> noPragmas = Inputs.TOKENS.stream()
                .filter(t -> !t.toLowerCase(Locale.ROOT).contains("prag") && !t.equals("#")).toList();
        return Inputs.soupOf(noPragmas).map(t -> t.replace("\r", "").replace("\n", " ")).list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<String> overAYear() {
        return Arbitraries.of(Unit.values()).flatMap(u -> Arbitraries.longs().between(YEAR / u.seconds + 1, Long.MAX_VALUE)
                .map(n -> n + u.written));
    }

    private static Arbitrary<String> anyCase(String word) {
        return Arbitraries.of(true, false).list().ofSize(word.length()).map(upper -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                out.append(upper.get(i) ? Character.toUpperCase(word.charAt(i)) : word.charAt(i));
            }
            return out.toString();
        });
    }

    private record Amount(long count, Unit unit) {
    }

    private enum Unit {
        NONE("", 1), SECONDS("s", 1), SECONDS_UPPER("S", 1), MINUTES("m", 60), HOURS("h", 3600), HOURS_UPPER("H", 3600),
        DAYS("d", 86_400);

        final String written;
        final long seconds;

        Unit(String written, long seconds) {
            this.written = written;
            this.seconds = seconds;
        }
    }
}
