package dev.isr.compiler.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * One parsed Java page.
 *
 * @param path        how diagnostics name the page
 * @param text        the page source, exactly as read
 * @param unit        the parsed compilation unit; positions refer to {@code text}
 * @param pageType    the page class: the top-level type named after the file, else the public one,
 *                    else the only one; empty when none of these picks one type
 * @param pageComment the comments directly above {@code pageType}, where the pragma lives
 */
public record JavaPage(String path, String text, CompilationUnit unit, Optional<TypeDeclaration<?>> pageType,
        Optional<PageComment> pageComment) {

    /** The pragma lines of the page comment; empty for a page without a pragma. */
    public List<PragmaText> pragmaLines() {
        return pageComment.map(PageComment::pragmaLines).orElse(List.of());
    }

    /** Every method of the page class named {@code load}, in source order. */
    public List<MethodDeclaration> loadMethods() {
        return pageType.map(type -> type.getMethodsByName("load")).orElse(List.of());
    }
}
