package dev.isr.compiler.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.TypeParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * How generated code names a type in one page: by its simple name, importing it when needed, or by
 * its qualified name when the simple name already means something else in the page.
 */
final class ImportPlan {

    private final CompilationUnit unit;
    private final List<String> added = new ArrayList<>();

    ImportPlan(CompilationUnit unit) {
        this.unit = unit;
    }

    /** The name to write for {@code qualifiedName}; its import is recorded in {@link #added()} if needed. */
    String name(String qualifiedName) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        boolean imported = false;
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (declaration.isAsterisk()) {
                continue;
            }
            if (!declaration.isStatic() && name.equals(qualifiedName)) {
                imported = true;
            } else if (name.endsWith("." + simpleName)) {
                return qualifiedName;
            }
        }
        if (declaresType(simpleName)) {
            return qualifiedName;
        }
        if (!imported && !added.contains(qualifiedName)) {
            added.add(qualifiedName);
        }
        return simpleName;
    }

    /** The imports to add, in the order first needed. */
    List<String> added() {
        return List.copyOf(added);
    }

    private boolean declaresType(String simpleName) {
        return unit.findAll(TypeDeclaration.class).stream().anyMatch(type -> type.getNameAsString().equals(simpleName))
                || unit.findAll(TypeParameter.class).stream().anyMatch(parameter -> parameter.getNameAsString().equals(simpleName));
    }
}
