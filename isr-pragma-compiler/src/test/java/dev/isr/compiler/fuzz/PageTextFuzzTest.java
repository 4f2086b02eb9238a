package dev.isr.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.compiler.page.PageText;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * The page splitter on any text: it always returns, loses no character but a leading byte order mark and
 * the {@code \r} of each {@code \r\n} ({@code \r\r\n} keeps one: a {@code \r} ending its line), splits at the first line that is exactly {@code __END__}, and numbers the
 * front matter's lines as the page does.
 */
@AddLifecycleHook(FuzzTriesHook.class)
class PageTextFuzzTest {

    private static final String END = "__END__";
    private static final Bounded BOUNDED = new Bounded(Duration.ofSeconds(10));

    @Provide
    Arbitrary<String> pages() {
        return Inputs.pageTexts(200_000, 5_000);
    }

    @Property
    @FuzzTries(ci = 3000)
    void splitsAtTheFirstEndLineAndKeepsEveryOtherCharacter(@ForAll("pages") String content) {
        PageText text = BOUNDED.call(content, () -> PageText.split(content));
        String normalised = (content.startsWith("\uFEFF") ? content.substring(1) : content).replace("\r\n", "\n");

        int marker = firstEndLine(normalised);
        if (marker < 0) {
            assertEquals(normalised, text.frontMatter());
            assertEquals("", text.template());
        } else {
            assertEquals(normalised.substring(0, marker), text.frontMatter());
            String rest = normalised.substring(marker + END.length());
            assertEquals(rest.isEmpty() ? "" : rest.substring(1), text.template());
        }

        List<String> lines = BOUNDED.call(content, text::frontMatterLines);
        assertEquals(text.frontMatter().isEmpty() ? 0 : newlines(stripLastBreak(text.frontMatter())) + 1, lines.size());
        assertTrue(lines.stream().noneMatch(END::equals), "the front matter holds no __END__ line");
    }

    /** Index of the first line that is exactly {@code __END__}, found independently of the code under test. */
    private static int firstEndLine(String text) {
        int lineStart = 0;
        for (String line : text.split("\n", -1)) {
            if (line.equals(END)) {
                return lineStart;
            }
            lineStart += line.length() + 1;
        }
        return -1;
    }

    private static String stripLastBreak(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }
}
