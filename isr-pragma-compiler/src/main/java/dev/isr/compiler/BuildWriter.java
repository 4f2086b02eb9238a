package dev.isr.compiler;

import dev.isr.compiler.incremental.BuildStatus;
import dev.isr.compiler.incremental.IncrementalState;
import dev.isr.compiler.output.Manifest;
import dev.isr.compiler.output.OutputWriter;
import dev.isr.compiler.targets.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write stage of a run: the files of every page, each target's support files, the removal of
 * outputs no page owns any more, the manifest and the build status. A run with any error writes and
 * removes nothing at all (SPEC §8: never a partial write): the output directory keeps the last run
 * without errors, or stays absent, so no tool downstream picks up half a build.
 */
final class BuildWriter {

    private final Path outputDirectory;
    private final OutputWriter writer;

    BuildWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
        this.writer = new OutputWriter(outputDirectory);
    }

    /** @return the files deleted, as absolute paths, sorted */
    List<Path> write(IsrCompiler.Run run, List<GeneratedFile> supportFiles, IncrementalState incremental,
                     CompileRequest request, String configuration) {
        if (run.hasErrors()) {
            return List.of();
        }
        for (GeneratedFile file : run.files) {
            writer.write(file.path(), file.content());
        }
        for (GeneratedFile file : supportFiles) {
            writer.write(file.path(), file.content());
        }
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

    /** Support files by the target folder they sit in. */
    private static Map<String, List<String>> byTarget(List<GeneratedFile> files) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (GeneratedFile file : files) {
            out.computeIfAbsent(file.path().substring(0, file.path().indexOf('/')), k -> new ArrayList<>()).add(file.path());
        }
        return out;
    }
}
