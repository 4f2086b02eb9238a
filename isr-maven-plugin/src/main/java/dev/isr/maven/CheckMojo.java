package dev.isr.maven;

import dev.isr.compiler.CompileRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates every page under {@code pagesDirectory} as {@code isr:generate} would compile it (pragmas,
 * routes, request-state reads, translation), reports every diagnostic and fails on errors. Writes
 * nothing and keeps no incremental state, so every page is checked on every run.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractIsrMojo {

    @Override
    void run(CompileRequest request) throws MojoExecutionException, MojoFailureException {
        compileAndReport(request.validateOnly(), null);
    }
}
