package dev.isr.compiler.targets;

import dev.isr.compiler.escape.JsEscaper;
import dev.isr.compiler.template.TemplateTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code vercel} target (SPEC §5): per page a Next.js pages-router module {@code D/S.js}. A pragma
 * page is Incremental Static Regeneration: {@code export const revalidate = N}, {@code getStaticProps}
 * returning {@code { props, revalidate: N }}, and for a dynamic route {@code getStaticPaths} with
 * {@code fallback: "blocking"}. A page without a pragma gets {@code getServerSideProps}. Next.js caches
 * and regenerates by itself, so no runtime is copied: the support modules under {@code _isr/} turn a
 * page's data into JSON props and show them. They are {@code .mjs}, not one of Next.js's page
 * extensions, so the whole target folder can serve as an app's {@code pages/} without {@code _isr}
 * becoming a route.
 */
final class VercelTarget implements Target {

    /** The conversion of page data to JSON props; {@code .mjs} so Next.js never routes it. */
    private static final String PROPS_FILE = "_isr/props.mjs";
    /** The minimal React view of a page's data; apart from {@link #PROPS_FILE} because it needs React. */
    private static final String VIEW_FILE = "_isr/view.mjs";
    /** Next.js refuses {@code revalidate: 0}; 1 is its "as soon as possible". */
    private static final long NEXT_MIN_REVALIDATE = 1;
    private static final String INDENT = "  ";
    /** Where {@code dataObject} starts in {@code page.js.mustache}: {@code     props: await toProps(}. */
    private static final int DATA_OBJECT_COLUMN = 25;
    private static final int MAX_LINE = 100;
    private final Templates templates = new Templates("vercel");

    @Override
    public String name() {
        return "vercel";
    }

    /**
     * What {@code page.js.mustache} fills in.
     *
     * @param view      the data view's import and source name, for a page without a template to render (one or none)
     * @param component the page's template as the component, for a page with one (one or none)
     */
    record PageModule(String headerComment, String propsSpecifierLiteral, List<DataView> view,
                      List<JsPageParts.ImportLine> imports, List<Revalidate> revalidate, boolean dynamic, String dataFunction, List<String> declaration,
                      List<JsPageParts.Statement> statements, String dataObject, List<Component> component) {
    }

    record DataView(String specifierLiteral, String sourceLiteral) {
    }

    /**
     * @param props the component's parameter: {@code { posts, params }}, or nothing for a page without data
     * @param jsx   the template as React's JSX, its Ruby expressions translated
     */
    record Component(String props, String jsx) {
    }

    /**
     * The ttl as Next.js needs it: a numeric literal, read statically.
     *
     * @param raisedFromZero the pragma said 0, which Next.js refuses
     */
    record Revalidate(String literal, boolean raisedFromZero) {
    }

    @Override
    public List<GeneratedFile> pageFiles(CompiledPage page, ImportRebaser imports) {
        JsPageParts parts = new JsPageParts(page);
        String file = page.outputStem() + ".js";
        List<Revalidate> revalidate = page.pragma().map(p -> List.of(new Revalidate(
                Long.toString(Math.max(p.revalidateSeconds(), NEXT_MIN_REVALIDATE)),
                p.revalidateSeconds() < NEXT_MIN_REVALIDATE))).orElse(List.of());
        boolean rendersTemplate = TemplateTranslator.translates(page.page().name().format()) && !page.template().isBlank();
        List<String> props = new ArrayList<>(page.frontMatter().dataNames());
        if (rendersTemplate && page.template().readsRouteParams()) {
            // the template reads @@name: the route params travel with the data (no datum is called `params`)
            props.add("params");
        }
        List<DataView> view = rendersTemplate ? List.of() : List.of(new DataView(
                JsPageParts.supportSpecifierLiteral(file, VIEW_FILE), JsEscaper.stringLiteral(page.page().source())));
        List<Component> component = rendersTemplate ? List.of(new Component(
                props.isEmpty() ? "" : "{ " + String.join(", ", props) + " }", page.template().jsx().stripTrailing()))
                : List.of();
        PageModule module = new PageModule(parts.headerComment(),
                JsPageParts.supportSpecifierLiteral(file, PROPS_FILE), view,
                rendersTemplate ? parts.reactImports(imports, file) : parts.imports(imports, file, false),
                revalidate, !revalidate.isEmpty() && !page.route().params().isEmpty(),
                revalidate.isEmpty() ? "getServerSideProps" : "getStaticProps", parts.declaration(),
                parts.statements(INDENT), dataObject(props), component);
        return List.of(GeneratedFile.text(file, templates.render("page.js", module)));
    }

    /**
     * {@code { post, comments }}: the data variables, unawaited, because {@code toProps} awaits every
     * thenable it meets, however deep. One name a line when the line would be long.
     */
    private static String dataObject(List<String> names) {
        String oneLine = names.isEmpty() ? "{}" : "{ " + String.join(", ", names) + " }";
        if (DATA_OBJECT_COLUMN + oneLine.length() + "),".length() <= MAX_LINE) {
            return oneLine;
        }
        String nameIndent = INDENT.repeat(3);
        return names.stream().map(name -> nameIndent + name)
                .collect(Collectors.joining(",\n", "{\n", "\n" + INDENT.repeat(2) + "}"));
    }

    @Override
    public List<GeneratedFile> supportFiles() {
        return List.of(GeneratedFile.text(PROPS_FILE, templates.render("props.mjs", new Object())),
                GeneratedFile.text(VIEW_FILE, templates.render("view.mjs", new Object())));
    }
}
