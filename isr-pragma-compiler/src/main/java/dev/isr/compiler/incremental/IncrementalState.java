package dev.isr.compiler.incremental;

import dev.isr.compiler.incremental.BuildStatus.PageEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the previous run's {@link BuildStatus}, which pages may be skipped and which
 * generated files no longer belong to any page. A page is skipped only when the tool version, the
 * configuration and the page (its {@link FileStamp}, or else its bytes) are unchanged and every file it
 * produced is still on disk.
 */
public final class IncrementalState {

    private final Optional<BuildStatus> previous;
    private final boolean reusable;
    private final Optional<Path> previousOutput;

    /**
     * @param previous        the last successful run's status, if any
     * @param toolVersion     this run's tool version
     * @param configuration   this run's configuration text
     */
    public IncrementalState(Optional<BuildStatus> previous, String toolVersion, String configuration) {
        this.previous = previous;
        this.reusable = previous.filter(p -> toolVersion.equals(p.toolVersion())
                && configuration.equals(p.configuration())).isPresent();
        this.previousOutput = previous.map(p -> Path.of(p.outputDirectory()));
    }

    /** A state that skips nothing and removes nothing: incremental compilation is off. */
    public static IncrementalState none() {
        return new IncrementalState(Optional.empty(), "", "");
    }

    /** Whether the previous run's output may be reused at all (same tool version and configuration). */
    public boolean reusable() {
        return reusable;
    }

    /** The page's previous entry when the page's stamp is the one recorded, so it can be skipped unread. */
    public Optional<PageEntry> unchanged(String source, FileStamp stamp) {
        return previousEntry(source).filter(e -> e.stamp().isPresent() && e.stamp().get().equals(stamp)
                && outputsExist(e.allFiles()));
    }

    /** The page's previous entry when the page's bytes are the ones compiled last time, so it can be skipped. */
    public Optional<PageEntry> unchanged(String source, String sha256) {
        return previousEntry(source).filter(e -> e.sha256().equals(sha256) && outputsExist(e.allFiles()));
    }

    /**
     * Whether a run that ends with exactly {@code entries} into {@code outputDirectory} changes nothing the
     * previous run left: the same pages compiled to the same files, which all still exist, as do the shared
     * files. Such a run need not render or write anything.
     */
    public boolean nothingChanged(Map<String, PageEntry> entries, Path outputDirectory) {
        return reusable && previousOutput.get().equals(outputDirectory)
                && sameEntries(previous.get().pages(), entries)
                && outputsExist(previous.get().sharedFiles().values().stream().flatMap(List::stream).toList());
    }

    /**
     * {@code previous.equals(entries)}, but a page skipped by its stamp carries its previous entry itself, and
     * comparing it by identity spares the record's generated {@code equals}, slow to link and to run in a cold JVM.
     */
    private static boolean sameEntries(Map<String, PageEntry> previous, Map<String, PageEntry> entries) {
        if (previous.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<String, PageEntry> entry : entries.entrySet()) {
            PageEntry before = previous.get(entry.getKey());
            if (before != entry.getValue() && !entry.getValue().equals(before)) {
                return false;
            }
        }
        return true;
    }

    private Optional<PageEntry> previousEntry(String source) {
        return reusable ? Optional.ofNullable(previous.get().pages().get(source)) : Optional.empty();
    }

    /** An output deleted by hand is rebuilt rather than silently missing. */
    private boolean outputsExist(List<String> files) {
        Path out = previousOutput.get();
        for (String file : files) {
            if (!Files.isRegularFile(out.resolve(file))) {
                return false;
            }
        }
        return true;
    }

    /** The previous output directory, whose files {@link #staleFiles} are relative to. */
    public Optional<Path> previousOutputDirectory() {
        return previousOutput;
    }

    /** Files of the previous run that this run neither produced nor kept, sorted. */
    public List<String> staleFiles(Collection<String> keptFiles, Path outputDirectory) {
        if (previous.isEmpty()) {
            return List.of();
        }
        // kept files are relative to this run's output directory; a moved output directory keeps nothing old
        Set<String> kept = previousOutput.get().equals(outputDirectory)
                ? new HashSet<>(keptFiles) : Set.of();
        List<String> stale = new ArrayList<>(previous.get().allFiles().stream().filter(f -> !kept.contains(f)).toList());
        stale.sort(null);
        return stale;
    }
}
