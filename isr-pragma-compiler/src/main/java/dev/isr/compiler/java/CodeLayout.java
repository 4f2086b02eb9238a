package dev.isr.compiler.java;

/**
 * How the page lays out its code, so inserted lines match it.
 *
 * @param lineBreak   the page's line break
 * @param indentation the indentation of the page class's members
 * @param step        one level of indentation (four spaces, a tab, …)
 */
record CodeLayout(String lineBreak, String indentation, String step) {

    /** The indentation step of the generated-code templates. */
    private static final String TEMPLATE_STEP = "    ";
    private static final String DEFAULT_STEP = "    ";

    /** The layout around {@code load}, whose declaration starts on {@code loadLine} and whose body is {@code body}. */
    static CodeLayout around(SourceText source, int loadLine, int bodyLine, int bodyEndLine) {
        String indentation = source.indentation(loadLine);
        for (int line = bodyLine + 1; line < bodyEndLine; line++) {
            String inner = source.indentation(line);
            if (!source.line(line).isBlank()) {
                boolean deeper = inner.startsWith(indentation) && inner.length() > indentation.length();
                return new CodeLayout(source.lineBreak(), indentation, deeper ? inner.substring(indentation.length()) : fallback(indentation));
            }
        }
        return new CodeLayout(source.lineBreak(), indentation, fallback(indentation));
    }

    private static String fallback(String indentation) {
        return indentation.startsWith("\t") ? "\t" : DEFAULT_STEP;
    }

    /**
     * Template output in this layout: {@code \n} becomes the page's line break, and each line after the
     * first, written at member level with four-space steps, gets the members' indentation and the
     * page's step per level. The first line stays as it is: it continues a line of the page. Blank
     * lines stay empty.
     */
    String reindent(String template) {
        String[] lines = template.split("\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append(lineBreak);
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int levels = 0;
            while (line.startsWith(TEMPLATE_STEP, levels * TEMPLATE_STEP.length())) {
                levels++;
            }
            out.append(indentation).append(step.repeat(levels)).append(line.substring(levels * TEMPLATE_STEP.length()));
        }
        return out.toString();
    }
}
