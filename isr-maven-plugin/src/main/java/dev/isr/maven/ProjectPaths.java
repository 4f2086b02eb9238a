package dev.isr.maven;

import java.io.File;
import java.nio.file.Path;

/** Paths as a user of the project reads and types them: relative to the project, with {@code /}. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    /** {@code path} relative to {@code basedir} when it lies below it, else absolute. */
    static String shown(Path basedir, Path path) {
        Path base = basedir.toAbsolutePath().normalize();
        Path absolute = base.resolve(path).normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
        return shown.toString().replace(File.separatorChar, '/');
    }
}
