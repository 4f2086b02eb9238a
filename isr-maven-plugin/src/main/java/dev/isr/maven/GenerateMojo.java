package dev.isr.maven;

import dev.isr.compiler.CompileRequest;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * Compiles every page under {@code pagesDirectory} into one folder per target under
 * {@code outputDirectory}, plus {@code isr-manifest.json}. Incremental: pages whose source and
 * configuration did not change since the last successful run are skipped, and when nothing changed
 * JRuby is not started at all; outputs of deleted pages are removed. With the {@code jvm} target the
 * generated Java sources are added to the project's compile source roots.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractIsrMojo {

    private static final String JVM_TARGET = "jvm";

    @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
    File buildDirectory;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    @Override
    void run(CompileRequest request) throws MojoExecutionException, MojoFailureException {
        if (buildContext.isIncremental() && !buildContext.hasDelta(pagesDirectory)) {
            getLog().debug("ISR: no page changed since the IDE's last build");
        } else {
            compileAndReport(request.withStatusFile(statusFile()), shownPath(outputDirectory.toPath()));
            buildContext.refresh(outputDirectory);
        }
        // every run, also when nothing was regenerated: the compiler plugin only sees roots added in this build
        if (request.targets().contains(JVM_TARGET)) {
            project.addCompileSourceRoot(new File(outputDirectory, JVM_TARGET).getAbsolutePath());
        }
    }

    /** One status file per execution, so two executions with different targets do not undo each other's state. */
    private Path statusFile() {
        return buildDirectory.toPath().resolve("isr").resolve(mojoExecution.getExecutionId() + "-status.json");
    }
}
