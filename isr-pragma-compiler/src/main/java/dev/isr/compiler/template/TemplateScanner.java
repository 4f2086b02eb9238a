package dev.isr.compiler.template;

import dev.isr.compiler.escape.JsEscaper;
import dev.isr.compiler.template.LanguageSigns.Sign;
import dev.isr.compiler.template.Part.Container;
import dev.isr.compiler.template.Part.Element;
import dev.isr.compiler.template.Part.Fix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the parts of a template that are not copied as written: its expression containers {@code {…}} (in text and
 * in attribute values), the JSX elements inside their code with those elements' own containers, and the markup that
 * React's JSX writes differently. Markup outside containers is HTML as Astro reads it (unclosed {@code <p>} is
 * fine); an element inside a container's code must be closed, as JSX requires.
 */
final class TemplateScanner {

    /** Containers and elements nested deeper than this are refused, long before the stack runs out. */
    static final int MAX_NESTING = 100;
    /** HTML elements without content: {@code <br>} is complete, JSX wants {@code <br />}. */
    private static final Set<String> VOID_ELEMENTS = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr");
    /** Elements whose content is raw text, not markup: their braces are CSS or script, not containers. */
    private static final Set<String> RAW_TEXT_ELEMENTS = Set.of("script", "style");
    /** Words after which {@code <} opens an element rather than comparing. */
    private static final Set<String> WORDS_BEFORE_ELEMENT = Set.of("do", "then", "else", "return", "and", "or", "not",
            "when", "in", "yield");
    /** HTML attribute names that React spells as DOM properties. */
    private static final Map<String, String> REACT_ATTRIBUTES = Map.of("class", "className", "for", "htmlFor");

    /** A template whose containers or elements do not close; {@code offset} is where the unclosed one starts. */
    static final class Malformed extends Exception {

        private final int offset;

        Malformed(int offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        int offset() {
            return offset;
        }
    }

    private record Tag(String name, boolean selfClosing, int closeAt) {
    }

    private final String text;
    private int pos;
    private int nesting;

    private TemplateScanner(String text) {
        this.text = text;
    }

    /** The template's top-level parts, in order. */
    static List<Part> scan(String text) throws Malformed {
        return new TemplateScanner(text).markup();
    }

    private List<Part> markup() throws Malformed {
        List<Part> parts = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (text.startsWith("<!--", pos)) {
                parts.add(comment());
            } else if (text.startsWith("<!", pos)) {
                // <!DOCTYPE html>: Astro keeps it, a React component cannot hold it
                int end = endOf(text.indexOf('>', pos));
                parts.add(new Fix(pos, end, ""));
                pos = end;
            } else if (c == '<' && isTagStart(pos + 1)) {
                int start = pos;
                Tag tag = openTag(parts);
                content(tag, start, parts, false);
            } else if (text.startsWith("</", pos) || text.startsWith("<>", pos)) {
                // a closing tag or a fragment: nothing to translate, and its `>` is no text
                pos = endOf(text.indexOf('>', pos));
            } else if (c == '{') {
                parts.add(container());
            } else {
                text(parts);
            }
        }
        return parts;
    }

    /** One character of text; JSX refuses a bare {@code >} or {@code }} in text, HTML and Astro do not. */
    private void text(List<Part> parts) {
        char c = text.charAt(pos);
        if (c == '>' || c == '}') {
            parts.add(new Fix(pos, pos + 1, c == '>' ? "&gt;" : "&#125;"));
        }
        pos++;
    }

    /** After an opening tag: raw text, a void element's missing {@code /}, or (inside code) the children. */
    private void content(Tag tag, int start, List<Part> parts, boolean mustClose) throws Malformed {
        String lower = tag.name().toLowerCase(Locale.ROOT);
        if (tag.selfClosing()) {
            return;
        }
        if (VOID_ELEMENTS.contains(lower)) {
            parts.add(new Fix(tag.closeAt(), tag.closeAt(), " /"));
        } else if (RAW_TEXT_ELEMENTS.contains(lower)) {
            rawText(tag, start, parts);
        } else if (mustClose) {
            children(tag.name(), start, parts);
        }
    }

    /** The content of {@code <style>} or {@code <script>}: in JSX a string, so that its braces are not expressions. */
    private void rawText(Tag tag, int start, List<Part> parts) throws Malformed {
        int close = text.toLowerCase(Locale.ROOT).indexOf("</" + tag.name().toLowerCase(Locale.ROOT), pos);
        if (close < 0) {
            throw new Malformed(start, "the element `<" + tag.name() + ">` is never closed: add `</" + tag.name() + ">`");
        }
        String content = text.substring(pos, close);
        if (!content.isBlank()) {
            parts.add(new Fix(pos, close, "{" + JsEscaper.stringLiteral(content) + "}"));
        }
        pos = endOf(text.indexOf('>', close));
    }

    private Fix comment() {
        int start = pos;
        int close = text.indexOf("-->", pos + 4);
        int end = close < 0 ? text.length() : close + 3;
        String inner = text.substring(start + 4, close < 0 ? end : close);
        pos = end;
        return new Fix(start, end, "{/*" + inner.replace("*/", "* /") + "*/}");
    }

    /** {@code <name attributes>} or {@code <name attributes />}; its attribute containers and fixes go to {@code parts}. */
    private Tag openTag(List<Part> parts) throws Malformed {
        int start = pos++;
        int nameStart = pos;
        while (pos < text.length() && isNameChar(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(nameStart, pos);
        boolean intrinsic = !name.isEmpty() && Character.isLowerCase(name.charAt(0)) && name.indexOf('.') < 0;
        while (true) {
            skipWhitespace();
            if (pos >= text.length()) {
                throw new Malformed(start, "the tag `<" + name + "` is never closed by a `>`");
            }
            char c = text.charAt(pos);
            if (text.startsWith("/>", pos)) {
                pos += 2;
                return new Tag(name, true, pos - 2);
            }
            if (c == '>') {
                return new Tag(name, false, pos++);
            }
            if (c == '{') {
                parts.add(container());
                continue;
            }
            int attributeStart = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && "=/>{".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == attributeStart) {
                pos++;
                continue;
            }
            String attribute = text.substring(attributeStart, pos);
            if (intrinsic && REACT_ATTRIBUTES.containsKey(attribute)) {
                parts.add(new Fix(attributeStart, pos, REACT_ATTRIBUTES.get(attribute)));
            }
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                skipWhitespace();
                attributeValue(parts, start, name);
            }
        }
    }

    private void attributeValue(List<Part> parts, int tagStart, String name) throws Malformed {
        if (pos >= text.length()) {
            throw new Malformed(tagStart, "the tag `<" + name + "` is never closed by a `>`");
        }
        char q = text.charAt(pos);
        if (q == '{') {
            parts.add(container());
        } else if (q == '"' || q == '\'' || q == '`') {
            int close = text.indexOf(q, pos + 1);
            if (close < 0) {
                throw new Malformed(pos, "this attribute value is never closed by a " + q);
            }
            pos = close + 1;
        } else {
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != '>') {
                pos++;
            }
        }
    }

    /** A JSX element in code, from its {@code <} to the end of its closing tag. */
    private Element element() throws Malformed {
        int start = pos;
        enter(start);
        List<Part> parts = new ArrayList<>();
        Tag tag = openTag(parts);
        content(tag, start, parts, true);
        nesting--;
        return new Element(start, pos, parts);
    }

    private void children(String name, int openStart, List<Part> parts) throws Malformed {
        while (true) {
            if (pos >= text.length()) {
                throw new Malformed(openStart, "the element `<" + name + ">` is never closed: add `</" + name + ">`");
            }
            char c = text.charAt(pos);
            if (text.startsWith("</", pos)) {
                int gt = text.indexOf('>', pos);
                String closing = gt < 0 ? "" : text.substring(pos + 2, gt).strip();
                if (gt < 0 || !closing.equals(name)) {
                    throw new Malformed(openStart, "the element `<" + name + ">` is never closed: `</" + closing
                            + ">` comes before its `</" + name + ">`");
                }
                pos = gt + 1;
                return;
            }
            if (text.startsWith("<!--", pos)) {
                parts.add(comment());
            } else if (c == '<' && (isTagStart(pos + 1) || text.startsWith("<>", pos))) {
                parts.addAll(element().parts());
            } else if (c == '{') {
                parts.add(container());
            } else {
                text(parts);
            }
        }
    }

    /** {@code {…}}: its code is read for strings, comments and elements, so that its braces balance. */
    private Container container() throws Malformed {
        int start = pos++;
        enter(start);
        int contentStart = pos;
        StringBuilder code = new StringBuilder();
        List<Element> elements = new ArrayList<>();
        List<Sign> signs = new ArrayList<>();
        int depth = 0;
        while (true) {
            if (pos >= text.length()) {
                throw new Malformed(start, "this `{` is never closed by a `}`");
            }
            char c = text.charAt(pos);
            if (c == '}' && depth == 0) {
                pos++;
                break;
            }
            if (c == '"' || c == '\'' || c == '`') {
                string(c, code, signs, contentStart);
            } else if (text.startsWith("/*", pos)) {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw new Malformed(pos, "this comment is never closed by `*/`");
                }
                signs.add(new Sign(LanguageSigns.Language.JAVASCRIPT, pos - contentStart, "a `/* */` comment"));
                blank(code, pos, close + 2);
                pos = close + 2;
            } else if (c == '<' && elementStartsHere(code)) {
                int elementStart = pos;
                elements.add(element());
                blank(code, elementStart, pos);
            } else {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                code.append(c);
                pos++;
            }
        }
        nesting--;
        return new Container(start, pos, elements, code.toString(), signs);
    }

    /** A string; its content is blanked in {@code code}, its interpolations skipped (Ruby's noted as a sign). */
    private void string(char quote, StringBuilder code, List<Sign> signs, int contentStart) throws Malformed {
        int start = pos++;
        code.append(quote);
        if (quote == '`') {
            signs.add(new Sign(LanguageSigns.Language.JAVASCRIPT, start - contentStart, "a template literal"));
        }
        while (true) {
            if (pos >= text.length()) {
                throw new Malformed(start, "this string is never closed by a " + quote);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                code.append(quote);
                pos++;
                return;
            }
            if (c == '\\') {
                int end = Math.min(pos + 2, text.length());
                blank(code, pos, end);
                pos = end;
            } else if ((quote == '"' && text.startsWith("#{", pos)) || (quote == '`' && text.startsWith("${", pos))) {
                if (quote == '"') {
                    signs.add(new Sign(LanguageSigns.Language.RUBY, pos - contentStart, "string interpolation `#{…}`"));
                }
                int interpolationStart = pos;
                pos += 2;
                interpolation(interpolationStart);
                blank(code, interpolationStart, pos);
            } else {
                code.append(c == '\n' ? '\n' : ' ');
                pos++;
            }
        }
    }

    /** The code of {@code #{…}} or {@code ${…}}, up to its closing brace. */
    private void interpolation(int start) throws Malformed {
        enter(start);
        int depth = 0;
        while (true) {
            if (pos >= text.length()) {
                throw new Malformed(start, "this interpolation is never closed by a `}`");
            }
            char c = text.charAt(pos);
            if (c == '}' && depth == 0) {
                pos++;
                nesting--;
                return;
            }
            if (c == '"' || c == '\'' || c == '`') {
                string(c, new StringBuilder(), new ArrayList<>(), 0);
            } else {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                pos++;
            }
        }
    }

    /**
     * Whether the {@code <} at {@code pos} opens an element: it is followed by a name or {@code >} and stands where
     * an expression starts (after {@code (}, {@code ,}, {@code |p|}, {@code ?}, {@code :}, {@code =>}, {@code do},
     * …), not after an operand, where it compares.
     */
    private boolean elementStartsHere(StringBuilder code) {
        if (!isTagStart(pos + 1) && !text.startsWith("<>", pos)) {
            return false;
        }
        int i = code.length() - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char previous = code.charAt(i);
        if ("({[,|?:=&!;".indexOf(previous) >= 0) {
            return true;
        }
        if (previous == '>') {
            return i > 0 && code.charAt(i - 1) == '=';
        }
        if (!isWordChar(previous)) {
            return false;
        }
        int j = i;
        while (j >= 0 && isWordChar(code.charAt(j))) {
            j--;
        }
        return WORDS_BEFORE_ELEMENT.contains(code.substring(j + 1, i + 1)) && (j < 0 || code.charAt(j) != '.');
    }

    private void enter(int start) throws Malformed {
        if (++nesting > MAX_NESTING) {
            throw new Malformed(start, "the template nests more than " + MAX_NESTING + " levels deep here; split it");
        }
    }

    private void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to; i++) {
            code.append(text.charAt(i) == '\n' ? '\n' : ' ');
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private int endOf(int index) {
        return index < 0 ? text.length() : index + 1;
    }

    private boolean isTagStart(int index) {
        return index < text.length() && Character.isLetter(text.charAt(index));
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '_';
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
