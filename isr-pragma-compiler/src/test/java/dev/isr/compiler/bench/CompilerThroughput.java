package dev.isr.compiler.bench;

import dev.isr.compiler.CompileRequest;
import dev.isr.compiler.CompileResult;
import dev.isr.compiler.IsrCompiler;
import dev.isr.compiler.page.PageFile;
import dev.isr.compiler.page.PageFinder;
import dev.isr.compiler.page.PageText;
import dev.isr.compiler.page.RouteResolver;
import dev.isr.compiler.pragma.PragmaScanner;
import dev.isr.compiler.ruby.FrontMatterSource;
import dev.isr.compiler.ruby.RubyFrontMatterTranslator;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Steady-state compiler throughput on a warm JVM, with the breakdown by stage that tells where a build's time
 * goes (not a test: run it on a generated site, see {@code benchmarks/COMPILER.md}):
 * <pre>
 * java -cp &lt;test classpath&gt; dev.isr.compiler.bench.CompilerThroughput &lt;pagesDirectory&gt; [rounds=5] [targets=node]
 * </pre>
 * Every figure is the median of {@code rounds} runs after one warm-up run; the JRuby boot is measured once, in
 * the first compile.
 */
public final class CompilerThroughput {

    private final Path pages;
    private final Path work;
    private final List<String> targets;
    private final int rounds;

    private CompilerThroughput(Path pages, Path work, List<String> targets, int rounds) {
        this.pages = pages;
        this.work = work;
        this.targets = targets;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CompilerThroughput <pagesDirectory> [rounds=5] [targets=node]");
            System.exit(2);
        }
        Path pages = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> targets = List.of((args.length > 2 ? args[2] : "node").split(","));
        Path work = Files.createTempDirectory("isr-throughput");
        new CompilerThroughput(pages, work, targets, rounds).run();
    }

    private void run() throws Exception {
        List<PageFile> found = new PageFinder(List.of(), List.of()).find(pages).pages();
        List<FrontMatterSource> sources = frontMatters(found);
        int count = found.size();
        System.out.printf(Locale.ROOT, "%d pages, targets %s, %d rounds, %d processors, max heap %d MB%n", count, targets,
                rounds, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        try (IsrCompiler compiler = new IsrCompiler()) {
            long start = System.nanoTime();
            CompileResult first = compiler.compile(request("first"));
            double firstSeconds = seconds(System.nanoTime() - start);
            if (first.hasErrors()) {
                first.diagnostics().stream().limit(10).forEach(d -> System.err.println(d.format()));
                throw new IllegalStateException("the site has errors; a benchmark needs pages that compile");
            }
            System.out.printf(Locale.ROOT, "first compile in this JVM: %.2f s, of which JRuby boot %.2f s%n", firstSeconds,
                    first.timings().rubyBoot().orElseThrow().toNanos() / 1e9);

            report("full compile into an empty folder", count, () -> compiler.compile(request("empty" + System.nanoTime())));
            report("full compile over unchanged output", count, () -> compiler.compile(request("same")));
            report("full compile, validate only (isr:check)", count, () -> compiler.compile(request("check").validateOnly()));
            Path status = work.resolve("status.txt");
            compiler.compile(request("noop").withStatusFile(status));
            report("no-op rebuild (all skipped)", count, () -> compiler.compile(request("noop").withStatusFile(status)));
        }
        report("find + route + read (no compile)", count, () -> scanAll(found));
        report("split + pragma scan", count, () -> pragmas(found));
        try (RubyFrontMatterTranslator translator = new RubyFrontMatterTranslator()) {
            translator.translate(sources.get(0));
            report("translate only (one JRuby runtime)", count, () -> translateAll(translator, sources));
        }
        parallelTranslation(sources);
        System.out.printf(Locale.ROOT, "peak heap: %d MB%n", peakHeapBytes() >> 20);
    }

    /** A request writing to the output folder {@code name}: the same name means the same folder. */
    private CompileRequest request(String name) {
        return CompileRequest.of(pages, work.resolve(name), targets);
    }

    /** One warm-up, then {@code rounds} timed runs; prints the median and every round. */
    private void report(String what, int pages, Supplier<?> work) {
        work.get();
        double[] times = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            times[i] = seconds(System.nanoTime() - start);
        }
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        System.out.printf(Locale.ROOT, "%-42s median %8.1f ms  %8.0f pages/s   rounds (ms): %s%n", what, median * 1000,
                pages / median, Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.1f", t * 1000)).toList());
    }

    /** Two threads, each with its own JRuby runtime: does parallel translation pay on this machine? */
    private void parallelTranslation(List<FrontMatterSource> sources) throws Exception {
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<RubyFrontMatterTranslator> translators = new ArrayList<>();
        try {
            long bootStart = System.nanoTime();
            List<Future<RubyFrontMatterTranslator>> booted = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                booted.add(pool.submit(() -> {
                    RubyFrontMatterTranslator t = new RubyFrontMatterTranslator();
                    t.translate(sources.get(0));
                    return t;
                }));
            }
            for (Future<RubyFrontMatterTranslator> f : booted) {
                translators.add(f.get());
            }
            System.out.printf(Locale.ROOT, "two JRuby runtimes booted side by side: %.2f s%n",
                    seconds(System.nanoTime() - bootStart));
            report("translate only, " + threads + " threads x own runtime", sources.size(), () -> {
                List<Future<?>> parts = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    int part = i;
                    parts.add(pool.submit(() -> {
                        for (int p = part; p < sources.size(); p += threads) {
                            translators.get(part).translate(sources.get(p));
                        }
                    }));
                }
                parts.forEach(CompilerThroughput::await);
                return null;
            });
        } finally {
            translators.forEach(RubyFrontMatterTranslator::close);
            pool.shutdown();
        }
    }

    private Object scanAll(List<PageFile> found) {
        List<PageFile> again = new PageFinder(List.of(), List.of()).find(pages).pages();
        new RouteResolver().resolve(again);
        long bytes = 0;
        for (PageFile page : found) {
            bytes += read(page).length;
        }
        return bytes;
    }

    private static Object pragmas(List<PageFile> found) {
        PragmaScanner scanner = new PragmaScanner();
        int present = 0;
        for (PageFile page : found) {
            String text = new String(read(page), StandardCharsets.UTF_8);
            present += scanner.scan(page.displayPath(), PageText.split(text).frontMatterLines()).present() ? 1 : 0;
        }
        return present;
    }

    private static Object translateAll(RubyFrontMatterTranslator translator, List<FrontMatterSource> sources) {
        sources.forEach(translator::translate);
        return null;
    }

    private static List<FrontMatterSource> frontMatters(List<PageFile> found) {
        RouteResolver.Resolved routes = new RouteResolver().resolve(found);
        PragmaScanner scanner = new PragmaScanner();
        List<FrontMatterSource> out = new ArrayList<>();
        for (PageFile page : found) {
            PageText text = PageText.split(new String(read(page), StandardCharsets.UTF_8));
            boolean cached = scanner.scan(page.displayPath(), text.frontMatterLines()).present();
            out.add(new FrontMatterSource(page.displayPath(), text.frontMatter(),
                    Set.copyOf(routes.routes().get(page.source()).params()), cached));
        }
        return out;
    }

    private static byte[] read(PageFile page) {
        try {
            return Files.readAllBytes(page.file());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
