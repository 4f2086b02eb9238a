package dev.isr.compiler.java;

/**
 * How the page lays out its code, so inserted lines match it.
 *
 * @param lineBreak   the page's line break
 * @param indentation the indentation of the page class's members
 * @param step        one level of indentation (four spaces, a tab, …)
 */
record CodeLayout(String lineBreak, String indentation, String step) {

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

    /** {@code code} indented by the members' indentation plus {@code levels} steps. */
    String line(int levels, String code) {
        return indentation + step.repeat(levels) + code + lineBreak;
    }
}
