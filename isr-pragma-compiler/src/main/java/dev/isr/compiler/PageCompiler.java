package dev.isr.compiler;

import dev.isr.compiler.CompileResult.PageResult;
import dev.isr.compiler.analysis.PageAnalyser;
import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.PageText;
import dev.isr.compiler.page.Route;
import dev.isr.compiler.pragma.Pragma;
import dev.isr.compiler.pragma.PragmaScanner;
import dev.isr.compiler.ruby.FrontMatter;
import dev.isr.compiler.ruby.FrontMatterSource;
import dev.isr.compiler.targets.CompiledPage;
import dev.isr.compiler.targets.GeneratedFile;
import dev.isr.compiler.targets.ImportRebaser;
import dev.isr.compiler.targets.Target;
import dev.isr.compiler.template.Template;
import dev.isr.compiler.template.TemplateSource;
import dev.isr.compiler.template.TemplateTranslator;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Compiles one Ruby page: split at {@code __END__} → scan the pragma → translate the front matter →
 * analyse → emit for every target. A page with any error yields no files; its diagnostics are all
 * collected (the stages after a failed one still run where they can, so one run reports everything).
 */
final class PageCompiler {

    private final PragmaScanner pragmaScanner = new PragmaScanner();
    private final PageAnalyser analyser = new PageAnalyser();
    private final Supplier<FrontMatterTranslator> translator;
    private final TemplateTranslator templates;
    private final Map<Target, ImportRebaser> targets;
    private final Charset encoding;

    /**
     * @param translator gives the translator, created on first use
     * @param targets    the targets with their import re-basers, in output order
     */
    PageCompiler(Supplier<FrontMatterTranslator> translator, Map<Target, ImportRebaser> targets, Charset encoding) {
        this.translator = translator;
        this.templates = new TemplateTranslator(expression -> translator.get().translateExpression(expression));
        this.targets = targets;
        this.encoding = encoding;
    }

    /**
     * @param result      the page's result (status COMPILED or FAILED)
     * @param files       the files to write, relative to the output directory; empty when the page failed
     * @param diagnostics the page's diagnostics in line order
     */
    record Outcome(PageResult result, List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    }

    /**
     * @param route            the page's route; empty when it could not be derived
     * @param routeDiagnostics the route stage's findings about this page
     */
    Outcome compile(PageFile page, Optional<Route> route, List<Diagnostic> routeDiagnostics, byte[] bytes) {
        List<Diagnostic> diagnostics = new ArrayList<>(routeDiagnostics);
        String content;
        try {
            content = PageText.decode(bytes, encoding);
        } catch (CharacterCodingException e) {
            diagnostics.add(notValidText(page, encoding));
            return failed(page, route, Optional.empty(), diagnostics);
        }
        PageText text = PageText.split(content);
        List<String> lines = text.frontMatterLines();
        PragmaScanner.Scan scan = pragmaScanner.scan(page.displayPath(), lines);
        diagnostics.addAll(scan.diagnostics());
        if (route.isEmpty()) {
            // without a route the page's params are unknown: translating would only add noise about @@params
            return failed(page, route, scan.pragma(), diagnostics);
        }
        FrontMatter frontMatter = translate(new FrontMatterSource(page.displayPath(), text.frontMatter(),
                Set.copyOf(route.get().params()), scan.present()));
        diagnostics.addAll(frontMatter.diagnostics());
        Template template = Template.verbatim(text.template());
        if (!frontMatter.hasErrors()) {
            diagnostics.addAll(analyser.analyse(page.displayPath(), lines, scan.pragma(), frontMatter));
            template = translateTemplate(page, route.get(), frontMatter, text, lines.size());
            diagnostics.addAll(template.diagnostics());
        }
        if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
            return failed(page, route, scan.pragma(), diagnostics);
        }
        CompiledPage compiled = new CompiledPage(page, route.get(), scan.pragma(), frontMatter, template);
        List<GeneratedFile> files = new ArrayList<>();
        Map<String, List<String>> filesByTarget = new LinkedHashMap<>();
        targets.forEach((target, rebaser) -> {
            List<GeneratedFile> placed = target.pageFiles(compiled, rebaser).stream()
                    .map(f -> f.under(target.name())).toList();
            files.addAll(placed);
            filesByTarget.put(target.name(), placed.stream().map(GeneratedFile::path).toList());
        });
        PageResult result = result(page, route, scan.pragma(), filesByTarget, PageResult.Status.COMPILED);
        return new Outcome(result, files, sorted(diagnostics));
    }

    /** The error of a page, Ruby or Java, whose bytes are not text in the configured encoding. */
    static Diagnostic notValidText(PageFile page, Charset encoding) {
        return Diagnostic.error(page.displayPath(), 0, 0, "the page is not valid " + encoding.name()
                + " text; save it as " + encoding.name() + " or set the encoding", "");
    }

    private FrontMatter translate(FrontMatterSource source) {
        try {
            return translator.get().translate(source);
        } catch (RuntimeException e) {
            // a translator bug, not a page error: fail the run, but say which page set it off
            throw new IllegalStateException("internal error while translating " + source.path() + ": " + e, e);
        }
    }

    /** The template's Ruby expressions in JavaScript; it starts two lines after the front matter (past {@code __END__}). */
    private Template translateTemplate(PageFile page, Route route, FrontMatter frontMatter, PageText text,
                                       int frontMatterLines) {
        if (!TemplateTranslator.translates(page.name().format()) || text.template().isBlank()) {
            return Template.verbatim(text.template());
        }
        TemplateSource source = new TemplateSource(page.displayPath(), text.template(), frontMatterLines + 2,
                Set.copyOf(route.params()), Set.copyOf(frontMatter.dataNames()));
        try {
            return templates.translate(source);
        } catch (RuntimeException e) {
            throw new IllegalStateException("internal error while translating the template of " + page.displayPath()
                    + ": " + e, e);
        }
    }

    private static Outcome failed(PageFile page, Optional<Route> route, Optional<Pragma> pragma,
                                  List<Diagnostic> diagnostics) {
        return new Outcome(result(page, route, pragma, Map.of(), PageResult.Status.FAILED), List.of(),
                sorted(diagnostics));
    }

    static PageResult result(PageFile page, Optional<Route> route, Optional<Pragma> pragma,
                             Map<String, List<String>> files, PageResult.Status status) {
        return new PageResult(page.source(), route.map(Route::path).orElse(""), route.map(Route::keyPattern).orElse(""),
                pragma.map(p -> OptionalLong.of(p.revalidateSeconds())).orElse(OptionalLong.empty()),
                pragma.map(Pragma::tags).orElse(List.of()), files, status);
    }

    /** Whole-file findings first, then by line and column; stable, so equal positions keep their stage order. */
    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return out;
    }
}
