package dev.isr.maven;

import dev.isr.compiler.CompileRequest;
import dev.isr.compiler.CompileResult;
import dev.isr.compiler.Diagnostic;
import dev.isr.compiler.IsrCompiler;
import dev.isr.compiler.targets.TargetRegistry;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;

/**
 * The parameters {@code isr:generate} and {@code isr:check} share. A mojo only gathers them into one
 * immutable {@link CompileRequest}, hands it to the compiler and turns the {@link CompileResult} into log
 * lines and a build outcome; everything else happens in {@code isr-pragma-compiler}.
 */
abstract class AbstractIsrMojo extends AbstractMojo {

    /**
     * Root of the page tree. Routes are the paths of the pages relative to it.
     *
     * <pre>
     * &lt;pagesDirectory&gt;${project.basedir}/src/main/pages&lt;/pagesDirectory&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.pagesDirectory", defaultValue = "${project.basedir}/src/main/pages", required = true)
    File pagesDirectory;

    /**
     * Root of the generated tree; each target writes into its own folder below it, and
     * {@code isr-manifest.json} lists every page.
     *
     * <pre>
     * &lt;outputDirectory&gt;${project.build.directory}/generated-sources/isr&lt;/outputDirectory&gt;
     * </pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/isr",
            required = true)
    File outputDirectory;

    /**
     * Deployment targets to emit, one folder each: {@code node}, {@code browser}, {@code vercel},
     * {@code cloudflare}, {@code jvm}. On the command line a comma list: {@code -Disr.targets=node,jvm}.
     *
     * <pre>{@code
     * <targets>
     *   <target>node</target>
     *   <target>jvm</target>
     * </targets>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.targets", defaultValue = "node")
    List<String> targets;

    /**
     * Glob patterns, relative to {@link #pagesDirectory}, of the pages to compile. Default: every page
     * ({@code *.rb}, including {@code *.astro.rb}, and {@code *.java}).
     *
     * <pre>{@code
     * <includes>
     *   <include>posts/**</include>
     * </includes>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.includes")
    List<String> includes;

    /**
     * Glob patterns, relative to {@link #pagesDirectory}, of pages to leave out. Default: none.
     *
     * <pre>{@code
     * <excludes>
     *   <exclude>drafts/**</exclude>
     * </excludes>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.excludes")
    List<String> excludes;

    /**
     * Skips the goal: nothing is read, written or checked.
     *
     * <pre>{@code
     * <skip>true</skip>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.skip", defaultValue = "false")
    boolean skip;

    /**
     * Fails the build on warnings too (a pragma that looks like a typo, a pragma page with nothing to cache).
     *
     * <pre>{@code
     * <failOnWarning>true</failOnWarning>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.failOnWarning", defaultValue = "false")
    boolean failOnWarning;

    /**
     * Encoding of the page files. Default: the project's {@code project.build.sourceEncoding}, or UTF-8
     * when that is not set.
     *
     * <pre>{@code
     * <encoding>UTF-8</encoding>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "isr.encoding", defaultValue = "${project.build.sourceEncoding}")
    String encoding;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Part of the compiler's incremental state: a new plugin version recompiles every page. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    String pluginVersion;

    /** Reports problems and refreshed folders to an IDE (m2e); does nothing on the command line. */
    @Inject
    BuildContext buildContext;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ISR: skipped");
            return;
        }
        run(compileRequest());
    }

    /** What the goal does with the request built from its parameters. */
    abstract void run(CompileRequest request) throws MojoExecutionException, MojoFailureException;

    /** The parameters as the compiler takes them, not yet incremental and writing output. */
    CompileRequest compileRequest() throws MojoExecutionException {
        List<String> targetNames = TargetNames.parse(targets);
        Optional<String> problem = TargetNames.problem(targetNames, TargetRegistry.names());
        if (problem.isPresent()) {
            throw new MojoExecutionException("Parameter 'targets' (isr.targets) " + problem.get());
        }
        return new CompileRequest(pagesDirectory.toPath(), outputDirectory.toPath(), targetNames,
                listOrEmpty(includes), listOrEmpty(excludes), charset(), Optional.empty(), true, pluginVersion);
    }

    /**
     * Compiles, logs every diagnostic and the summary line, and fails the build on errors (and on
     * warnings when {@link #failOnWarning} is set).
     *
     * @param destination where the output goes as the user reads it, {@code null} when nothing is written
     */
    void compileAndReport(CompileRequest request, String destination)
            throws MojoExecutionException, MojoFailureException {
        CompileResult result = compile(request);
        List<Diagnostic> diagnostics = new DiagnosticReporter(getLog(), buildContext, project.getBasedir().toPath(),
                request.pagesDirectory()).report(result);
        getLog().info(RunSummary.line(result, request.targets(), destination));
        if (result.hasErrors()) {
            throw new MojoFailureException(problems(diagnostics, true, ""));
        }
        if (failOnWarning && result.hasWarnings()) {
            throw new MojoFailureException(problems(diagnostics, false, " (failOnWarning is set)"));
        }
    }

    /** A path under the project as the user would type it, e.g. {@code target/generated-sources/isr}. */
    String shownPath(Path path) {
        return ProjectPaths.shown(project.getBasedir().toPath(), path);
    }

    /** Page errors come back as diagnostics; an exception is a bad request or a fault, never a bad page. */
    private CompileResult compile(CompileRequest request) throws MojoExecutionException {
        try (IsrCompiler compiler = new IsrCompiler()) {
            return compiler.compile(request);
        } catch (IllegalArgumentException e) {
            // the compiler's message names the parameter (e.g. an include pattern leaving the pages directory)
            throw new MojoExecutionException("ISR: invalid configuration: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException("ISR: I/O error: " + e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("ISR: internal error of the compiler: " + e, e);
        }
    }

    private Charset charset() throws MojoExecutionException {
        if (encoding == null || encoding.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new MojoExecutionException("Parameter 'encoding' (isr.encoding): unknown charset '" + encoding + "'", e);
        }
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** The failure message: a count, then one headline per diagnostic of the failing severity. */
    private static String problems(List<Diagnostic> diagnostics, boolean errors, String reason) {
        List<String> headlines = diagnostics.stream().filter(d -> d.isError() == errors)
                .map(Diagnostic::headline).toList();
        String noun = (errors ? "error" : "warning") + (headlines.size() == 1 ? "" : "s");
        return headlines.stream().collect(Collectors.joining(System.lineSeparator(),
                "ISR: " + headlines.size() + " " + noun + " in pages" + reason + ":" + System.lineSeparator(), ""));
    }
}
