package dev.isr.compiler.page;

import java.util.regex.Pattern;

/**
 * An include or exclude pattern with Maven's meaning, matched against a page path relative to the
 * pages directory: {@code *} and {@code ?} stay inside one folder, {@code **} crosses folders, and
 * {@code **}{@code /} also matches no folder at all (so {@code **}{@code /*.rb} matches a top-level page,
 * unlike {@link java.nio.file.FileSystem#getPathMatcher}).
 */
final class Glob {

    private final Pattern regex;

    private Glob(Pattern regex) {
        this.regex = regex;
    }

    static Glob of(String pattern) {
        String glob = pattern.replace('\\', '/');
        if (glob.endsWith("/")) {
            glob += "**";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**/", i)) {
                out.append("(?:.*/)?");
                i += 2;
            } else if (c == '*' && glob.startsWith("**", i)) {
                out.append(".*");
                i++;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(Pattern.compile(out.toString(), Pattern.DOTALL));
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }
}
