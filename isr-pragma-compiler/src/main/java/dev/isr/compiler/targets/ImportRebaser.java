package dev.isr.compiler.targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a page's relative import ({@code ./x}, {@code ../x}) so that it names the same file from
 * the generated file's folder. Bare specifiers ({@code react}, {@code @scope/pkg}) and absolute ones
 * are left as written. Works on path segments, not on the file system: the imported file need not
 * exist at build time, and the result uses {@code /} on every OS. Relative specifiers are URLs to
 * module loaders, so segments taken from file names are percent-encoded where a URL would misread
 * them ({@link #urlSegment}); segments the page wrote are kept as written.
 */
public final class ImportRebaser {

    private final List<String> pagesDirectory;
    private final List<String> targetDirectory;

    /**
     * @param pagesDirectory  the pages directory
     * @param targetDirectory the target's folder under the output directory
     */
    public ImportRebaser(Path pagesDirectory, Path targetDirectory) {
        this.pagesDirectory = segments(pagesDirectory);
        this.targetDirectory = segments(targetDirectory);
    }

    /**
     * @param specifier     the import path as the page wrote it
     * @param pageSource    the page, relative to the pages directory
     * @param generatedFile the file the import is written into, relative to the target's folder
     */
    public String rebase(String specifier, String pageSource, String generatedFile) {
        if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
            return specifier;
        }
        List<String> imported = resolve(folderOf(pagesDirectory, urlPath(pageSource)), specifier);
        List<String> from = folderOf(targetDirectory, urlPath(generatedFile));
        int common = 0;
        while (common < from.size() && common < imported.size() && from.get(common).equals(imported.get(common))) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.size(); i++) {
            out.append("../");
        }
        if (out.isEmpty()) {
            out.append("./");
        }
        return out.append(String.join("/", imported.subList(common, imported.size()))).toString();
    }

    /**
     * A file or folder name as one segment of a relative module specifier: {@code %}, {@code ?} and
     * {@code #} would otherwise start an escape, a query or a fragment, and URL parsers drop line breaks and tabs.
     */
    public static String urlSegment(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c == '%' || c == '?' || c == '#' || c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String urlPath(String relativePath) {
        return String.join("/", java.util.Arrays.stream(relativePath.split("/", -1)).map(ImportRebaser::urlSegment).toList());
    }

    private static List<String> folderOf(List<String> base, String relativeFile) {
        List<String> folder = resolve(base, relativeFile);
        return folder.subList(0, folder.size() - 1);
    }

    private static List<String> resolve(List<String> base, String relative) {
        List<String> out = new ArrayList<>(base);
        for (String part : relative.split("/", -1)) {
            if (part.equals("..")) {
                if (out.size() > 1) { // never above the file system root
                    out.remove(out.size() - 1);
                }
            } else if (!part.equals(".") && !part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static List<String> segments(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        out.add(String.valueOf(absolute.getRoot()));
        absolute.forEach(part -> out.add(urlSegment(part.toString())));
        return out;
    }
}
