package dev.isr.maven;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Normalises the {@code targets} parameter. Users write it as {@code -Disr.targets=node,jvm}, as
 * {@code <targets>node, jvm</targets>} or as one {@code <target>} element per name; Maven hands each of
 * these over as a list whose items may still hold commas and blanks.
 */
final class TargetNames {

    private TargetNames() {
    }

    /** Every name once, trimmed, in first-seen order; commas inside an item separate names. */
    static List<String> parse(List<String> configured) {
        Set<String> names = new LinkedHashSet<>();
        if (configured != null) {
            for (String item : configured) {
                if (item == null) {
                    continue;
                }
                for (String name : item.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * What is wrong with the parsed names, as the tail of a message that starts with the parameter,
     * or empty when every name is one of {@code valid}.
     */
    static Optional<String> problem(List<String> names, List<String> valid) {
        String validNames = "; valid targets: " + String.join(", ", valid);
        if (names.isEmpty()) {
            return Optional.of("names no target" + validNames);
        }
        List<String> unknown = names.stream().filter(name -> !valid.contains(name)).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(unknown.stream().map(name -> "'" + name + "'")
                .collect(Collectors.joining(", ", unknown.size() == 1 ? "has an unknown target " : "has unknown targets ", ""))
                + validNames);
    }
}
