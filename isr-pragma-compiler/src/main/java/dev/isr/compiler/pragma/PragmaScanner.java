package dev.isr.compiler.pragma;

import dev.isr.compiler.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the revalidate pragma among the front matter's comment lines (SPEC §4), case-insensitively:
 * <pre>
 * # Pragma: revalidate &lt;duration&gt; [tags: &lt;tag&gt;, &lt;tag&gt;...]
 * duration := digits [s|m|h|d]        (0 up to one year)
 * </pre>
 * Other {@code # Pragma:} words belong to Ruby2JS and are left alone, except one that is nearly
 * {@code revalidate}: that is most likely a typo that silently leaves the page uncached, so it warns.
 */
public final class PragmaScanner {

    static final long MAX_SECONDS = 365L * 24 * 60 * 60;
    private static final String WORD = "revalidate";
    private static final Pattern PRAGMA_LINE =
            Pattern.compile("^\\s*#\\s*pragma\\s*:\\s*([A-Za-z_]\\w*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("tags\\s*:", Pattern.CASE_INSENSITIVE);
    /** {@code # Pragam: revalidate 60}: a misspelt marker before the right word. */
    private static final Pattern MARKER_TYPO =
            Pattern.compile("^\\s*#\\s*([A-Za-z]+)\\s*:\\s*revalidate\\b", Pattern.CASE_INSENSITIVE);

    /**
     * @param pragma      the page's pragma when it has exactly one valid revalidate pragma
     * @param present     the page has a revalidate pragma line, valid or not (it is meant to be cached)
     * @param diagnostics errors and warnings, in line order
     */
    public record Scan(Optional<Pragma> pragma, boolean present, List<Diagnostic> diagnostics) {
        public Scan {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * @param path             the page as diagnostics name it
     * @param frontMatterLines the lines before {@code __END__}; template lines are never pragmas
     */
    public Scan scan(String path, List<String> frontMatterLines) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Pragma first = null;
        int firstLine = 0;
        for (int i = 0; i < frontMatterLines.size(); i++) {
            String text = frontMatterLines.get(i);
            Matcher pragma = PRAGMA_LINE.matcher(text);
            int line = i + 1;
            if (!pragma.find()) {
                warnOfMarkerTypo(new Line(path, line, text, diagnostics));
                continue;
            }
            String word = pragma.group(1);
            Line at = new Line(path, line, text, diagnostics);
            if (!word.equalsIgnoreCase(WORD)) {
                if (editDistance(word.toLowerCase(Locale.ROOT), WORD) <= 2) {
                    at.warning(pragma.start(1), "'" + word + "' is not a pragma this compiler knows;"
                            + " did you mean '" + WORD + "'? As written, the page is not cached");
                }
                continue;
            }
            if (firstLine != 0) {
                at.error(pragma.start(1), "second revalidate pragma in this page (the first is on line " + firstLine
                        + "); keep one");
                continue;
            }
            firstLine = line;
            first = parseArguments(at, pragma.start(1), pragma.end(1));
        }
        return new Scan(Optional.ofNullable(first).filter(p -> !hasErrors(diagnostics)), firstLine != 0, diagnostics);
    }

    private static void warnOfMarkerTypo(Line at) {
        Matcher typo = MARKER_TYPO.matcher(at.text);
        if (typo.find() && editDistance(typo.group(1).toLowerCase(Locale.ROOT), "pragma") <= 2) {
            at.warning(typo.start(1), "'" + typo.group(1) + "' is not 'Pragma'; as written this line is a plain"
                    + " comment and the page is not cached");
        }
    }

    /** The duration and tags after the word; {@code null} after reporting an error. */
    private static Pragma parseArguments(Line at, int wordStart, int wordEnd) {
        String text = at.text;
        int start = skipSpaces(text, wordEnd);
        if (start == text.length()) {
            at.error(wordEnd, "revalidate pragma without a duration: write a whole number of seconds"
                    + " or a number with unit s, m, h or d, e.g. '# Pragma: revalidate 5m'");
            return null;
        }
        int end = tokenEnd(text, start);
        String token = text.substring(start, end);
        Long seconds = parseDuration(at, start, token);
        if (seconds == null) {
            return null;
        }
        List<String> tags = parseTags(at, skipSpaces(text, end));
        return tags == null ? null : new Pragma(seconds, tags, at.line, wordStart + 1);
    }

    private static Long parseDuration(Line at, int column, String token) {
        Matcher duration = DURATION.matcher(token);
        if (token.startsWith("-") && token.length() > 1 && Character.isDigit(token.charAt(1))) {
            at.error(column, "negative revalidate duration '" + token + "': the time to live is 0 seconds or more");
            return null;
        }
        if (!duration.matches()) {
            at.error(column, "malformed revalidate duration '" + token + "': expected a whole number of seconds"
                    + " or a whole number with unit s, m, h or d (90s, 5m, 1h, 2d)");
            return null;
        }
        long unit = switch (duration.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> 60;
            case "h" -> 60 * 60;
            case "d" -> 24 * 60 * 60;
            default -> 1;
        };
        String digits = duration.group(1).replaceFirst("^0+(?=\\d)", "");
        // more digits than a year has seconds cannot fit a long safely, and is over a year anyway
        if (digits.length() > 12 || Long.parseLong(digits) * unit > MAX_SECONDS) {
            at.error(column, "revalidate duration '" + token + "' is over a year (" + MAX_SECONDS
                    + " seconds); use at most 365d");
            return null;
        }
        return Long.parseLong(digits) * unit;
    }

    private static List<String> parseTags(Line at, int start) {
        String text = at.text;
        if (start == text.length()) {
            return List.of();
        }
        Matcher keyword = TAGS.matcher(text).region(start, text.length());
        if (!keyword.lookingAt()) {
            at.error(start, "unexpected '" + text.substring(start).strip() + "' after the revalidate duration;"
                    + " only 'tags: a, b' may follow it");
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        int itemStart = keyword.end();
        while (true) {
            int comma = text.indexOf(',', itemStart);
            int itemEnd = comma < 0 ? text.length() : comma;
            String tag = text.substring(itemStart, itemEnd).strip();
            if (tag.isEmpty()) {
                at.error(Math.min(skipSpaces(text, itemStart), text.length()),
                        "empty tag: write 'tags: a, b' with a name between the commas");
                return null;
            }
            tags.add(tag);
            if (comma < 0) {
                return List.copyOf(tags);
            }
            itemStart = comma + 1;
        }
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** One pragma line, for positioning its diagnostics; columns are 0-based string indexes here. */
    private record Line(String path, int line, String text, List<Diagnostic> diagnostics) {
        void error(int index, String message) {
            diagnostics.add(Diagnostic.error(path, line, index + 1, message, text));
        }

        void warning(int index, String message) {
            diagnostics.add(Diagnostic.warning(path, line, index + 1, message, text));
        }
    }
}
