package dev.isr.compiler.output;

import dev.isr.compiler.CompileResult.PageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code isr-manifest.json} (SPEC §5): per page its source, route, route params, key pattern,
 * revalidate seconds ({@code null} when uncached), tags and the files of each target (route and key
 * pattern are {@code null} for a Java page without pragma, which the compiler does not route); plus the
 * files every target's pages share. Pages in source order, targets and files sorted, keys in a fixed
 * order: the manifest changes only when the pages do.
 */
public final class Manifest {

    public static final String FILE_NAME = "isr-manifest.json";
    static final int FORMAT = 1;

    private Manifest() {
    }

    /**
     * @param pages       the pages of the run, in source order
     * @param params      route params per page source
     * @param sharedFiles support files per target name, relative to the output directory
     */
    public static String render(List<PageResult> pages, Map<String, List<String>> params,
                                Map<String, List<String>> sharedFiles) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("generator", "isr-pragma-compiler");
        // loops rather than streams here: a one-page rebuild renders every page's entry, in Maven's cold JVM
        List<Object> entries = new ArrayList<>(pages.size());
        for (PageResult page : pages) {
            entries.add(entry(page, params.getOrDefault(page.source(), List.of())));
        }
        root.put("pages", entries);
        root.put("shared", sorted(sharedFiles));
        return JsonWriter.write(root);
    }

    private static Map<String, Object> entry(PageResult page, List<String> params) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("source", page.source());
        entry.put("route", page.route().isEmpty() ? null : page.route());
        entry.put("params", params);
        entry.put("keyPattern", page.keyPattern().isEmpty() ? null : page.keyPattern());
        entry.put("revalidate", page.revalidateSeconds().isPresent() ? page.revalidateSeconds().getAsLong() : null);
        entry.put("tags", page.tags());
        entry.put("files", sorted(page.files()));
        return entry;
    }

    private static Map<String, Object> sorted(Map<String, List<String>> filesByTarget) {
        Map<String, Object> out = new TreeMap<>();
        filesByTarget.forEach((target, files) -> {
            List<String> sorted = new ArrayList<>(files);
            sorted.sort(null);
            out.put(target, sorted);
        });
        return out;
    }
}
