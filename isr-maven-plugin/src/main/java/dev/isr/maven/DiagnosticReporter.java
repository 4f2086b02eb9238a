package dev.isr.maven;

import dev.isr.compiler.CompileResult;
import dev.isr.compiler.Diagnostic;
import org.apache.maven.plugin.logging.Log;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows the compiler's diagnostics where the user looks: the Maven log, javac-style with the source
 * line and a caret, page paths relative to the project; and, inside an IDE (m2e), problem markers
 * through {@link BuildContext}.
 */
final class DiagnosticReporter {

    private final Log log;
    private final BuildContext buildContext;
    private final Path basedir;
    private final Path pagesDirectory;

    DiagnosticReporter(Log log, BuildContext buildContext, Path basedir, Path pagesDirectory) {
        this.log = log;
        this.buildContext = buildContext;
        this.basedir = basedir.toAbsolutePath().normalize();
        this.pagesDirectory = pagesDirectory.toAbsolutePath().normalize();
    }

    /** @return the diagnostics as logged, with page paths relative to the project */
    List<Diagnostic> report(CompileResult result) {
        boolean ide = inIde();
        if (ide) {
            // markers of the previous run would otherwise stay on pages that are fixed now
            for (CompileResult.PageResult page : result.pages()) {
                buildContext.removeMessages(pagesDirectory.resolve(page.source()).toFile());
            }
        }
        List<Diagnostic> shown = new ArrayList<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            Path file = basedir.resolve(diagnostic.path()).normalize();
            Diagnostic relative = new Diagnostic(ProjectPaths.shown(basedir, file), diagnostic.line(), diagnostic.column(),
                    diagnostic.severity(), diagnostic.message(), diagnostic.sourceLine());
            if (relative.isError()) {
                log.error(relative.format());
            } else {
                log.warn(relative.format());
            }
            if (ide) {
                buildContext.addMessage(file.toFile(), diagnostic.line(), diagnostic.column(), diagnostic.message(),
                        diagnostic.isError() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING, null);
            }
            shown.add(relative);
        }
        return shown;
    }

    /** On the command line the context is the default one, which would only log every message a second time. */
    private boolean inIde() {
        return !(buildContext instanceof DefaultBuildContext);
    }
}
