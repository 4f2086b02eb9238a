package dev.isr.compiler.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises {@code load} parameters that carry per-visitor request state: a cached result computed
 * from them would be served to every visitor. Known by type (servlet, JDK HTTP server, JAX-RS and
 * Spring request types) or by a name that says so ({@code headers}, {@code session}, …).
 */
final class RequestState {

    private static final Set<String> TYPE_NAMES = Set.of(
            "HttpServletRequest", "HttpServletResponse", "ServletRequest", "ServletResponse", "HttpSession",
            "Cookie", "HttpExchange", "HttpsExchange", "Headers", "HttpHeaders", "Principal", "Authentication",
            "SecurityContext", "WebRequest", "NativeWebRequest", "ServerHttpRequest", "ServerWebExchange",
            "UriInfo", "ContainerRequestContext");
    private static final List<String> PACKAGES = List.of(
            "javax.servlet.", "jakarta.servlet.", "com.sun.net.httpserver.", "javax.ws.rs.core.", "jakarta.ws.rs.core.",
            "org.springframework.http.server.", "org.springframework.web.context.request.");
    private static final Set<String> PARAMETER_NAMES = Set.of(
            "request", "req", "response", "headers", "cookies", "cookie", "session", "currentUser", "principal", "locals");

    private final CompilationUnit unit;

    RequestState(CompilationUnit unit) {
        this.unit = unit;
    }

    /** Why {@code parameter} is request state (its type or its name), or empty when it is not. */
    Optional<String> reason(Parameter parameter) {
        Optional<ClassOrInterfaceType> classType = elementType(parameter.getType());
        if (classType.isPresent()) {
            String written = classType.get().asString();
            String simpleName = classType.get().getNameAsString();
            if (TYPE_NAMES.contains(simpleName) || PACKAGES.stream().anyMatch(written::startsWith)
                    || importedFromRequestPackage(simpleName)) {
                return Optional.of("its type " + simpleName + " is request state");
            }
        }
        String name = parameter.getNameAsString();
        return PARAMETER_NAMES.contains(name) ? Optional.of("its name says it is request state") : Optional.empty();
    }

    private boolean importedFromRequestPackage(String simpleName) {
        for (ImportDeclaration declaration : unit.getImports()) {
            String imported = declaration.getNameAsString();
            if (!declaration.isStatic() && !declaration.isAsterisk() && imported.endsWith("." + simpleName)
                    && PACKAGES.stream().anyMatch(imported::startsWith)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ClassOrInterfaceType> elementType(Type type) {
        Type element = type.getElementType();
        return element.isClassOrInterfaceType() ? Optional.of(element.asClassOrInterfaceType()) : Optional.empty();
    }
}
