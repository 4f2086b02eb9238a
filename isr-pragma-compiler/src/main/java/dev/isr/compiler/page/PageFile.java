package dev.isr.compiler.page;

import java.nio.file.Path;

/**
 * One page found under the pages directory.
 *
 * @param source      path relative to the pages directory with {@code /} separators: the page's identity
 *                    in routes, the manifest and the build status
 * @param file        the file to read
 * @param displayPath how diagnostics name the page
 */
public record PageFile(String source, Path file, String displayPath) {

    /** The folder part of {@link #source()}, empty for a page at the top of the pages directory. */
    public String directory() {
        int slash = source.lastIndexOf('/');
        return slash < 0 ? "" : source.substring(0, slash);
    }

    /** The file name part of {@link #source()}. */
    public String fileName() {
        return source.substring(source.lastIndexOf('/') + 1);
    }

    public PageName name() {
        return PageName.parse(fileName());
    }

    public boolean isRuby() {
        return source.endsWith(".rb");
    }
}
