package dev.isr.compiler.page;

import dev.isr.compiler.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the pages under the pages directory: Ruby pages ({@code *.rb}, which covers {@code *.astro.rb},
 * {@code *.jsx.rb} and {@code *.erb.rb}) and Java pages ({@code *.java}), filtered by include and
 * exclude globs, in a fixed order (by relative path) so that every run and machine sees the same
 * sequence. Symbolic links are followed, but a page or folder whose real location is outside the
 * pages directory is refused with an error: the compiler reads only what the project owns.
 */
public final class PageFinder {

    private static final List<String> PAGE_SUFFIXES = List.of(".rb", ".java");

    private final List<Glob> includes;
    private final List<Glob> excludes;

    /**
     * @throws IllegalArgumentException when a pattern is absolute or climbs out of the pages directory with {@code ..}
     */
    public PageFinder(List<String> includes, List<String> excludes) {
        this.includes = includes.stream().map(p -> Glob.of(checked("includes", p))).toList();
        this.excludes = excludes.stream().map(p -> Glob.of(checked("excludes", p))).toList();
    }

    /**
     * The pages found and the errors met while looking.
     *
     * @param pages       every page, sorted by {@link PageFile#source()}
     * @param diagnostics refused links, unreadable folders
     * @param attributes  each page's file attributes as the walk read them (links followed), by source: the
     *                    page's stamp without a second stat
     */
    public record Found(List<PageFile> pages, List<Diagnostic> diagnostics, Map<String, BasicFileAttributes> attributes) {
        public Found {
            pages = List.copyOf(pages);
            diagnostics = List.copyOf(diagnostics);
            attributes = Map.copyOf(attributes);
        }
    }

    public Found find(Path pagesDirectory) {
        if (!Files.isDirectory(pagesDirectory)) {
            // a project without pages yet: nothing to compile, and outputs of earlier pages get removed
            return new Found(List.of(), List.of(), Map.of());
        }
        try {
            Path realRoot = pagesDirectory.toRealPath();
            Walk walk = new Walk(pagesDirectory, realRoot);
            Files.walkFileTree(pagesDirectory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, walk);
            walk.pages.sort(Comparator.comparing(PageFile::source));
            return new Found(walk.pages, walk.diagnostics, walk.attributes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the pages directory " + pagesDirectory, e);
        }
    }

    /** Plain loops: this runs for every file under the pages directory, in a JVM that is still cold. */
    private boolean selected(String source) {
        boolean page = false;
        for (String suffix : PAGE_SUFFIXES) {
            page |= source.endsWith(suffix);
        }
        return page && (includes.isEmpty() || matchesAny(includes, source)) && !matchesAny(excludes, source);
    }

    private static boolean matchesAny(List<Glob> globs, String source) {
        for (Glob glob : globs) {
            if (glob.matches(source)) {
                return true;
            }
        }
        return false;
    }

    private static String checked(String parameter, String pattern) {
        String normalized = pattern.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")
                || List.of(normalized.split("/")).contains("..")) {
            throw new IllegalArgumentException(parameter + " pattern '" + pattern
                    + "' must be relative to the pages directory and stay inside it (no leading / and no ..)");
        }
        return pattern;
    }

    private final class Walk extends SimpleFileVisitor<Path> {
        private final Path root;
        private final Path realRoot;
        /** The root's path followed by a separator (empty for the empty path), which every walked path starts with. */
        private final String rootPrefix;
        private final List<PageFile> pages = new ArrayList<>();
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, BasicFileAttributes> attributes = new HashMap<>();

        Walk(Path root, Path realRoot) {
            this.root = root;
            this.realRoot = realRoot;
            String text = root.toString();
            String separator = root.getFileSystem().getSeparator();
            this.rootPrefix = text.isEmpty() || text.endsWith(separator) ? text : text + separator;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!dir.equals(root) && !insideRoot(dir)) {
                diagnostics.add(Diagnostic.error(dir.toString(), 0, 0,
                        "folder links outside the pages directory (to " + dir.toRealPath()
                                + "); pages must live inside " + root, ""));
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            String source = relative(file);
            if (!selected(source)) {
                return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
                diagnostics.add(Diagnostic.error(file.toString(), 0, 0,
                        "page is not a readable file (a broken symbolic link?)", ""));
            } else if (!insideRoot(file)) {
                diagnostics.add(Diagnostic.error(file.toString(), 0, 0,
                        "page links outside the pages directory (to " + file.toRealPath()
                                + "); pages must live inside " + root, ""));
            } else {
                pages.add(new PageFile(source, file, file.toString()));
                attributes.put(source, attrs);
            }
            return FileVisitResult.CONTINUE;
        }

        /**
         * Whether an entry of a folder already known to lie inside the root does too. Only a link can lead out, so
         * only a link costs a real-path lookup (one per entry took a tenth of a build where nothing changed).
         */
        private boolean insideRoot(Path entry) throws IOException {
            return !Files.isSymbolicLink(entry) || entry.toRealPath().startsWith(realRoot);
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            String why = e instanceof FileSystemLoopException
                    ? "folder link loops back to one of its own parents"
                    : "cannot read: " + e.getMessage();
            diagnostics.add(Diagnostic.error(file.toString(), 0, 0, why, ""));
            return FileVisitResult.CONTINUE;
        }

        /**
         * The walk's paths are the root's path with names appended, so cutting the root's text off is enough:
         * {@code Path.relativize}, which normalises both paths, took a third of the walk in Maven's cold JVM.
         */
        private String relative(Path file) {
            String path = file.toString();
            String separator = file.getFileSystem().getSeparator();
            String relative = rootPrefix.isEmpty() ? path
                    : path.startsWith(rootPrefix) ? path.substring(rootPrefix.length())
                    : root.relativize(file).toString();
            return separator.equals("/") ? relative : relative.replace(separator, "/");
        }
    }
}
