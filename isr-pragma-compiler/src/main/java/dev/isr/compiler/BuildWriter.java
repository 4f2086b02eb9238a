package dev.isr.compiler;

import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.IncrementalState;
import dev.isr.compiler.output.Manifest;
import dev.isr.compiler.output.OutputWriter;
import dev.isr.compiler.targets.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The write stage of a run: the files of every page, each target's support files, the removal of
 * outputs no page owns any more, the manifest and the build status. A run with any error writes and
 * removes nothing at all (SPEC §8: never a partial write): the output directory keeps the last run
 * without errors, or stays absent, so no tool downstream picks up half a build.
 */
final class BuildWriter {

    /** Files written at once; see {@link #writeInParallel}. */
    private static final int WRITE_THREADS = 4;

    private final Path outputDirectory;
    private final OutputWriter writer;

    BuildWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
        this.writer = new OutputWriter(outputDirectory);
    }

    /**
     * @param supportFiles every target's support and site files, built only when something is to be written
     * @return the files deleted, as absolute paths, sorted
     */
    List<Path> write(IsrCompiler.Run run, Supplier<List<GeneratedFile>> supportFiles, IncrementalState incremental,
                     CompileRequest request, String configuration) {
        if (run.hasErrors()) {
            return List.of();
        }
        if (run.files.isEmpty() && incremental.nothingChanged(run.entries, outputDirectory)
                && Files.isRegularFile(writer.resolve(Manifest.FILE_NAME))) {
            // every page skipped, as the last run left them: its files, manifest and status are this run's to the
            // byte, so there is nothing to render or compare
            return List.of();
        }
        return writeAll(run, supportFiles.get(), incremental, request, configuration);
    }

    private List<Path> writeAll(IsrCompiler.Run run, List<GeneratedFile> supportFiles, IncrementalState incremental,
                                CompileRequest request, String configuration) {
        List<GeneratedFile> files = new ArrayList<>(run.files);
        files.addAll(supportFiles);
        writeInParallel(files);
        Map<String, List<String>> sharedFiles = byTarget(supportFiles);
        List<String> kept = new ArrayList<>();
        supportFiles.forEach(f -> kept.add(f.path()));
        run.entries.values().forEach(e -> kept.addAll(e.allFiles()));
        List<Path> removed = new ArrayList<>();
        incremental.previousOutputDirectory().ifPresent(previousRoot -> {
            OutputWriter previousWriter = new OutputWriter(previousRoot);
            for (String stale : incremental.staleFiles(kept, outputDirectory)) {
                if (previousWriter.delete(stale)) {
                    removed.add(previousWriter.resolve(stale));
                }
            }
        });
        writer.write(Manifest.FILE_NAME, Manifest.render(run.results, run.params, sharedFiles)
                .getBytes(StandardCharsets.UTF_8));
        request.statusFile().ifPresent(file -> new BuildStatus(request.toolVersion(), configuration,
                outputDirectory.toString(), sharedFiles, run.entries).write(file));
        return removed;
    }

    /**
     * Writes the files on a few threads: creating a file waits on the disk far longer than on a processor, so
     * even two cores keep several creations in flight (a cold 1,000-page build spent a quarter of its time there).
     */
    private void writeInParallel(List<GeneratedFile> files) {
        Workers.map(files, WRITE_THREADS, "isr-write", file -> writer.write(file.path(), file.content()));
    }

    /** Support files by the target folder they sit in. */
    private static Map<String, List<String>> byTarget(List<GeneratedFile> files) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (GeneratedFile file : files) {
            out.computeIfAbsent(file.path().substring(0, file.path().indexOf('/')), k -> new ArrayList<>()).add(file.path());
        }
        return out;
    }
}
