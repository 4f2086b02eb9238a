package dev.isr.compiler.incremental;

import dev.isr.compiler.incremental.BuildStatus.PageEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, from the previous run's {@link BuildStatus}, which pages may be skipped and which
 * generated files no longer belong to any page. A page is skipped only when the tool version, the
 * configuration and the page's bytes are unchanged and every file it produced is still on disk.
 */
public final class IncrementalState {

    private final Optional<BuildStatus> previous;
    private final boolean reusable;

    /**
     * @param previous        the last successful run's status, if any
     * @param toolVersion     this run's tool version
     * @param configuration   this run's configuration text
     */
    public IncrementalState(Optional<BuildStatus> previous, String toolVersion, String configuration) {
        this.previous = previous;
        this.reusable = previous.filter(p -> toolVersion.equals(p.toolVersion())
                && configuration.equals(p.configuration())).isPresent();
    }

    /** A state that skips nothing and removes nothing: incremental compilation is off. */
    public static IncrementalState none() {
        return new IncrementalState(Optional.empty(), "", "");
    }

    /** The page's previous entry when the page can be skipped. */
    public Optional<PageEntry> unchanged(String source, String sha256) {
        if (!reusable) {
            return Optional.empty();
        }
        PageEntry entry = previous.get().pages().get(source);
        if (entry == null || !entry.sha256().equals(sha256)) {
            return Optional.empty();
        }
        Path out = Path.of(previous.get().outputDirectory());
        // an output deleted by hand is rebuilt rather than silently missing
        return entry.allFiles().stream().allMatch(f -> Files.isRegularFile(out.resolve(f))) ? Optional.of(entry) : Optional.empty();
    }

    /** The previous output directory, whose files {@link #staleFiles} are relative to. */
    public Optional<Path> previousOutputDirectory() {
        return previous.map(p -> Path.of(p.outputDirectory()));
    }

    /** Files of the previous run that this run neither produced nor kept, sorted. */
    public List<String> staleFiles(Collection<String> keptFiles, Path outputDirectory) {
        if (previous.isEmpty()) {
            return List.of();
        }
        // kept files are relative to this run's output directory; a moved output directory keeps nothing old
        Set<String> kept = Path.of(previous.get().outputDirectory()).equals(outputDirectory)
                ? new HashSet<>(keptFiles) : Set.of();
        List<String> stale = new ArrayList<>(previous.get().allFiles().stream().filter(f -> !kept.contains(f)).toList());
        stale.sort(null);
        return stale;
    }
}
