package dev.isr.compiler.pragma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.page.PageText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PragmaScannerTest {

    private static PragmaScanner.Scan scan(String page) {
        return new PragmaScanner().scan("p.astro.rb", PageText.split(page).frontMatterLines());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "# Pragma: revalidate 60 | 60",
            "# Pragma: revalidate 0 | 0",
            "# Pragma: revalidate 90s | 90",
            "# Pragma: revalidate 5m | 300",
            "# Pragma: revalidate 1h | 3600",
            "# Pragma: revalidate 2d | 172800",
            "# Pragma: revalidate 365d | 31536000",
            "# Pragma: revalidate 007 | 7",
            "# pragma: REVALIDATE 5M | 300",
            "#Pragma:revalidate 10 | 10",
            "   #   PRAGMA :   Revalidate   1H   | 3600",
            "\t# Pragma: revalidate 60\t | 60",
    })
    void durations(String line, long seconds) {
        PragmaScanner.Scan scan = scan(line + "\n@a = 1\n");
        assertEquals(List.of(), scan.diagnostics());
        assertEquals(seconds, scan.pragma().orElseThrow().revalidateSeconds());
        assertEquals(List.of(), scan.pragma().get().tags());
        assertTrue(scan.present());
    }

    @Test
    void tagsFollowTheDuration() {
        Pragma pragma = scan("@a = 1\n# Pragma: revalidate 5m tags: posts, comments ,posts,  a b\n").pragma().orElseThrow();
        assertEquals(new Pragma(300, List.of("posts", "comments", "a b"), 2, 11), pragma);
        assertEquals(List.of("x"), scan("# Pragma: revalidate 1 TAGS:x").pragma().orElseThrow().tags());
        assertEquals(List.of("\"q\"", "`b`", "${x}"),
                scan("# Pragma: revalidate 1 tags: \"q\", `b`, ${x}").pragma().orElseThrow().tags());
    }

    @Test
    void aPageWithoutPragmaIsNotCached() {
        PragmaScanner.Scan scan = scan("@a = 1 # Pragma: revalidate 60\nputs '# Pragma: revalidate 60'\n");
        assertEquals(Optional.empty(), scan.pragma());
        assertFalse(scan.present());
        assertEquals(List.of(), scan.diagnostics());
    }

    @Test
    void aPragmaInTheTemplateIsIgnored() {
        PragmaScanner.Scan scan = scan("@a = 1\n__END__\n# Pragma: revalidate 60\n# Pragma: revalidate x\n");
        assertFalse(scan.present());
        assertEquals(List.of(), scan.diagnostics());
    }

    @Test
    void otherPragmasBelongToRuby2js() {
        PragmaScanner.Scan scan = scan("# Pragma: skip\n# Pragma: async\n# Pragma: entries\n# Pragma: revalidate 1\n");
        assertEquals(List.of(), scan.diagnostics());
        assertEquals(1, scan.pragma().orElseThrow().revalidateSeconds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "# Pragma: revalidate | 21 | revalidate pragma without a duration",
            "# Pragma: revalidate    | 21 | revalidate pragma without a duration",
            "# Pragma: revalidate abc | 22 | malformed revalidate duration 'abc'",
            "# Pragma: revalidate 1.5h | 22 | malformed revalidate duration '1.5h'",
            "# Pragma: revalidate 5w | 22 | malformed revalidate duration '5w'",
            "# Pragma: revalidate 5 m | 24 | unexpected 'm' after the revalidate duration",
            "# Pragma: revalidate tags: a | 22 | malformed revalidate duration 'tags:'",
            "# Pragma: revalidate -5 | 22 | negative revalidate duration '-5'",
            "#  Pragma: revalidate -1m | 23 | negative revalidate duration '-1m'",
            "# Pragma: revalidate 366d | 22 | revalidate duration '366d' is over a year (31536000 seconds)",
            "# Pragma: revalidate 31536001 | 22 | is over a year",
            "# Pragma: revalidate 99999999999999999999999h | 22 | is over a year",
            "# Pragma: revalidate 60 tags: | 30 | empty tag",
            "# Pragma: revalidate 60 tags: a,,b | 33 | empty tag",
            "# Pragma: revalidate 60 tags: a, | 33 | empty tag",
            "# Pragma: revalidate 60 posts | 25 | unexpected 'posts' after the revalidate duration",
    })
    void malformedPragmasAreErrorsAtTheirColumn(String line, int column, String message) {
        PragmaScanner.Scan scan = scan("@a = 1\n" + line + "\n");
        assertEquals(1, scan.diagnostics().size(), scan.diagnostics().toString());
        Diagnostic error = scan.diagnostics().get(0);
        assertTrue(error.isError());
        assertEquals(2, error.line());
        assertEquals(column, error.column());
        assertEquals(line, error.sourceLine());
        assertTrue(error.message().contains(message), error.message());
        assertTrue(scan.present());
        assertEquals(Optional.empty(), scan.pragma());
    }

    @Test
    void aSecondRevalidatePragmaNamesTheFirstLine() {
        PragmaScanner.Scan scan = scan("# Pragma: revalidate 60\n@a = 1\n  # pragma: revalidate 5m\n");
        assertEquals(List.of(Diagnostic.error("p.astro.rb", 3, 13,
                        "second revalidate pragma in this page (the first is on line 1); keep one",
                        "  # pragma: revalidate 5m")),
                scan.diagnostics());
        assertEquals(Optional.empty(), scan.pragma());
    }

    @ParameterizedTest
    @CsvSource({"revalidte", "revalldate", "Revalidat", "REVALIDATES", "re_validate", "rvalidate"})
    void nearMissesWarn(String word) {
        PragmaScanner.Scan scan = scan("# Pragma: " + word + " 60\n");
        assertEquals(List.of(Diagnostic.warning("p.astro.rb", 1, 11, "'" + word + "' is not a pragma this compiler"
                + " knows; did you mean 'revalidate'? As written, the page is not cached", "# Pragma: " + word + " 60")),
                scan.diagnostics());
        assertEquals(Optional.empty(), scan.pragma());
        assertFalse(scan.present());
    }

    @ParameterizedTest
    @CsvSource({"Pragam", "pragm", "Prgama", "PRAGMAS"})
    void aMisspeltMarkerBeforeRevalidateWarns(String marker) {
        PragmaScanner.Scan scan = scan("@a = 1\n# " + marker + ": revalidate 60\n");
        assertEquals(List.of(Diagnostic.warning("p.astro.rb", 2, 3, "'" + marker + "' is not 'Pragma'; as written this"
                + " line is a plain comment and the page is not cached", "# " + marker + ": revalidate 60")),
                scan.diagnostics());
        assertFalse(scan.present());
    }

    @Test
    void ordinaryCommentsMentioningRevalidateAreLeftAlone() {
        assertEquals(List.of(), scan("# Note: revalidate 60 would be too short\n# TODO revalidate\n").diagnostics());
    }

    @Test
    void editDistance() {
        assertEquals(0, PragmaScanner.editDistance("revalidate", "revalidate"));
        assertEquals(1, PragmaScanner.editDistance("revalidte", "revalidate"));
        assertEquals(2, PragmaScanner.editDistance("rvalidat", "revalidate"));
        assertEquals(3, PragmaScanner.editDistance("validat", "revalidate"));
    }
}
