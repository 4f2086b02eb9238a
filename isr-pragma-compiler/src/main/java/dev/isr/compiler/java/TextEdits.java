package dev.isr.compiler.java;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of ranges of one text; everything outside them is kept character for character.
 * Insertions at one offset appear in the order they were added.
 */
final class TextEdits {

    private record Edit(int start, int end, String replacement, int order) {
    }

    private final List<Edit> edits = new ArrayList<>();

    void insert(int offset, String text) {
        replace(offset, offset, text);
    }

    void replace(int start, int end, String replacement) {
        for (Edit edit : edits) {
            if (start < edit.end() && edit.start() < end) {
                throw new IllegalStateException("overlapping edits at offset " + start);
            }
        }
        edits.add(new Edit(start, end, replacement, edits.size()));
    }

    String applyTo(String text) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::order).reversed())
                .forEach(edit -> out.replace(edit.start(), edit.end(), edit.replacement()));
        return out.toString();
    }
}
