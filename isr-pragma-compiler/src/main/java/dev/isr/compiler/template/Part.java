package dev.isr.compiler.template;

import java.util.List;

/**
 * A piece of a template that is not copied as written: an expression container, or a spot that React's JSX
 * writes otherwise than Astro. Offsets are in the template text; parts never overlap, and a part's own parts
 * lie inside it.
 */
sealed interface Part permits Part.Container, Part.Fix {

    int start();

    int end();

    /**
     * An expression container {@code {…}}.
     *
     * @param start    offset of its {@code {}
     * @param end      offset just past its {@code }}
     * @param elements the JSX elements inside its code, in order (their own containers inside them)
     * @param code     its content with string contents and elements blanked out: what its language is judged on
     * @param signs    the language signs met inside its strings (interpolation, template literals, comments)
     */
    record Container(int start, int end, List<Element> elements, String code, List<LanguageSigns.Sign> signs)
            implements Part {

        public Container {
            elements = List.copyOf(elements);
            signs = List.copyOf(signs);
        }

        int contentStart() {
            return start + 1;
        }

        int contentEnd() {
            return end - 1;
        }
    }

    /**
     * Markup that React's JSX writes differently ({@code <!-- c -->}, {@code <br>}, {@code class=}): replaced by
     * {@code react} in the JSX output only.
     */
    record Fix(int start, int end, String react) implements Part {
    }

    /**
     * A JSX element inside a container's code ({@code <Card post={p} />}), from its {@code <} to just past its end.
     *
     * @param parts its containers and fixes, in order
     */
    record Element(int start, int end, List<Part> parts) {

        public Element {
            parts = List.copyOf(parts);
        }
    }
}
