package dev.isr.compiler.java;

/**
 * One pragma line found in a page comment, for the pragma grammar to read.
 *
 * @param text   the line from its {@code Pragma:} word to the end of the comment line, without a
 *               closing {@code *}{@code /} and trailing blanks: {@code Pragma: revalidate 60 route: /about}
 * @param line   1-based line of the pragma in the page
 * @param column 1-based column of the {@code P} of {@code Pragma:}
 */
public record PragmaText(String text, int line, int column) {
}
