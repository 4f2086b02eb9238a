package dev.isr.compiler.template;

import dev.isr.compiler.template.Part.Container;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the language of a container's code by the signs only one of the two languages has. Ruby: block literals
 * ({@code { |x| … }}, {@code do … end}), {@code &:sym}, symbols, {@code #{}} interpolation, {@code nil},
 * {@code unless} and other keywords, {@code ?}/{@code !} methods, keyword arguments, {@code @ivar}, {@code ->},
 * {@code ::}, ranges, calls without parentheses ({@code f x}), two-argument indexes ({@code a[i, n]}). JavaScript: {@code =>} arrows, {@code ===}, {@code ?.}, {@code ??}, template literals,
 * {@code /* *}{@code /} comments, and words such as {@code function}, {@code const}, {@code null}. Code with signs of
 * neither (`p.title`, `active ? "on" : "off"`) means the same in both. The code is judged with its strings and
 * elements blanked out, so nothing inside them counts.
 */
final class LanguageSigns {

    enum Language { RUBY, JAVASCRIPT }

    /** One sign: its language, its offset in the container's content, and what it is, for messages. */
    record Sign(Language language, int offset, String what) {
    }

    /** The first sign of each language in a container, when there is one. */
    record Verdict(Optional<Sign> ruby, Optional<Sign> javaScript) {

        boolean isRuby() {
            return ruby.isPresent() && javaScript.isEmpty();
        }

        boolean isMixed() {
            return ruby.isPresent() && javaScript.isPresent();
        }
    }

    private record Rule(Pattern pattern, Language language, String what) {
    }

    private static final String NOT_A_MEMBER = "(?<![.\\w$@])";
    private static final List<Rule> RULES = List.of(
            ruby("(?:(?<=[\\w)\\]])|(?<=\\w[?!]))\\s*(\\{)", "a block `{ … }`"),
            ruby(NOT_A_MEMBER + "(do)\\b", "a `do … end` block"),
            ruby("&:", "a block argument `&:name`"),
            ruby("@@?[A-Za-z_]\\w*", null),
            ruby(NOT_A_MEMBER + "(nil|unless|if|elsif|case|when|end|and|or|not|then|begin|until)\\b(?![?!:])", null),
            ruby("([A-Za-z_]\\w*[?!])(?=[\\s)\\]},(]|$)", null),
            ruby("->", "a lambda `->`"),
            ruby("::", "`::`"),
            ruby("(?<![.])\\.\\.(?![.])", "a range `..`"),
            ruby("=~|!~", "a pattern match `=~`"),
            ruby("%[wiWI][\\[({<]", "a `%w` array"),
            ruby("(?<=[\"'\\d])\\s*(=>)", "a hash rocket `=>`"),
            // JavaScript never puts a name and an operand side by side, but for its operator words
            ruby("(?<![\\w$@])(?!(?:typeof|new|in|instanceof|of|void|await|delete|async)\\b)([A-Za-z_]\\w*[?!]?)[ \\t]+"
                    + "(?!(?:instanceof|in|of|if|unless|while|until|rescue|and|or|then|do|end)\\b)(?=[\\w\"'@])",
                    "a call without parentheses"),
            ruby("(?<=[\\w)\\]])\\[[^\\[\\]]*,", "an index with two arguments `a[i, n]`"),
            javaScript("(?<![\"'\\d\\s])\\s*(=>)|^\\s*(=>)", "an arrow function `=>`"),
            javaScript("===|!==", null),
            javaScript("\\?\\.(?!\\d)", "optional chaining `?.`"),
            javaScript("\\?\\?", "`??`"),
            javaScript(NOT_A_MEMBER + "(null|undefined|function|const|let|var|typeof|instanceof|this)\\b", null),
            javaScript(NOT_A_MEMBER + "new\\s+[A-Za-z_$]", "`new`"));

    private LanguageSigns() {
    }

    private static Rule ruby(String regex, String what) {
        return new Rule(Pattern.compile(regex), Language.RUBY, what);
    }

    private static Rule javaScript(String regex, String what) {
        return new Rule(Pattern.compile(regex), Language.JAVASCRIPT, what);
    }

    static Verdict judge(Container container) {
        List<Sign> signs = new ArrayList<>(container.signs());
        String code = container.code();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(code);
            if (m.find()) {
                int group = firstMatchedGroup(m);
                String what = rule.what() != null ? rule.what() : "`" + m.group(group) + "`";
                signs.add(new Sign(rule.language(), m.start(group), what));
            }
        }
        signs.addAll(colonSigns(code));
        signs.sort(Comparator.comparingInt(Sign::offset));
        return new Verdict(first(signs, Language.RUBY), first(signs, Language.JAVASCRIPT));
    }

    private static int firstMatchedGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return g;
            }
        }
        return 0;
    }

    private static Optional<Sign> first(List<Sign> signs, Language language) {
        return signs.stream().filter(s -> s.language() == language).findFirst();
    }

    /**
     * Symbols ({@code :desc}) and keyword arguments ({@code f(limit: 2)}), told apart from the colon of a ternary
     * ({@code a ? b : c}, counted per bracket level) and from the keys of an object or hash literal ({@code {a: 1}},
     * which both languages write alike).
     */
    private static List<Sign> colonSigns(String code) {
        List<Sign> signs = new ArrayList<>();
        Deque<int[]> levels = new ArrayDeque<>();
        levels.push(new int[] {' ', 0});
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char previous = i > 0 ? code.charAt(i - 1) : ' ';
            char next = i + 1 < code.length() ? code.charAt(i + 1) : ' ';
            if ("([{".indexOf(c) >= 0) {
                levels.push(new int[] {c, 0});
            } else if (")]}".indexOf(c) >= 0 && levels.size() > 1) {
                levels.pop();
            } else if (c == '?' && !TemplateScanner.isWordChar(previous) && next != '.' && next != '?' && previous != '?') {
                levels.peek()[1]++;
            } else if (c == ':' && next == ':') {
                i++;
            } else if (c == ':' && levels.peek()[1] > 0) {
                levels.peek()[1]--;
            } else if (c == ':' && TemplateScanner.isWordChar(previous) && Character.isWhitespace(next) && levels.peek()[0] != '{') {
                signs.add(new Sign(Language.RUBY, wordStart(code, i), "a keyword argument `" + code.substring(wordStart(code, i), i + 1) + "`"));
            } else if (c == ':' && (Character.isLetter(next) || next == '_' || next == '"') && " \t\n(,[{|=&!".indexOf(previous) >= 0) {
                signs.add(new Sign(Language.RUBY, i, "a symbol `:" + symbolName(code, i + 1) + "`"));
            }
        }
        return signs;
    }

    private static int wordStart(String code, int end) {
        int j = end - 1;
        while (j >= 0 && TemplateScanner.isWordChar(code.charAt(j))) {
            j--;
        }
        return j + 1;
    }

    private static String symbolName(String code, int start) {
        int end = start;
        while (end < code.length() && TemplateScanner.isWordChar(code.charAt(end))) {
            end++;
        }
        return code.substring(start, end);
    }
}
