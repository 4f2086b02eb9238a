package dev.isr.compiler.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a pragma page's class and its {@code load} method follow so that the body of
 * {@code load} can run as a cached fetcher: one concrete class, one {@code load} with a body that
 * returns a value, and parameters that are plain route values, only read.
 */
final class LoadMethodRules {

    private final JavaPage page;
    private final PageDiagnostics diagnostics;

    LoadMethodRules(JavaPage page, PageDiagnostics diagnostics) {
        this.page = page;
        this.diagnostics = diagnostics;
    }

    /** The page's one {@code load} method when the page class can be cached; errors otherwise. */
    Optional<MethodDeclaration> check() {
        if (page.pageType().isEmpty()) {
            diagnostics.error(1, 1, "cannot tell which class is the page: name the page class after its file");
            return Optional.empty();
        }
        TypeDeclaration<?> type = page.pageType().get();
        if (!checkPageType(type)) {
            return Optional.empty();
        }
        List<MethodDeclaration> loads = page.loadMethods();
        if (loads.isEmpty()) {
            diagnostics.error(type.getName(), type.getNameAsString() + " has no load method: the pragma caches what load returns");
            return Optional.empty();
        }
        int firstLine = loads.get(0).getName().getBegin().orElseThrow().line;
        loads.stream().skip(1).forEach(other -> diagnostics.error(other.getName(),
                "a second load method (the first is on line " + firstLine + "): a pragma page has exactly one load"));
        MethodDeclaration load = loads.get(0);
        return loads.size() == 1 && checkSignature(load) ? Optional.of(load) : Optional.empty();
    }

    /**
     * Errors for parameters that cannot be part of a cache key or read from a fetcher lambda.
     *
     * @return the parameters that may be part of the key, whose place in the route is still to check
     */
    List<Parameter> checkParameters(MethodDeclaration load) {
        RequestState requestState = new RequestState(page.unit());
        List<Parameter> keyParameters = new ArrayList<>();
        for (Parameter parameter : load.getParameters()) {
            String name = parameter.getNameAsString();
            Optional<String> leak = requestState.reason(parameter);
            if (leak.isPresent()) {
                diagnostics.error(parameter, "load parameter '" + name + "' is per-visitor request state (" + leak.get()
                        + "): the cached result would be computed for one visitor and served to every visitor;"
                        + " take only route values as parameters and read request state outside load");
            } else if (parameter.isVarArgs() || parameter.getType().isArrayType()) {
                diagnostics.error(parameter, "load parameter '" + name + "' is an array, which prints differently on every"
                        + " call, so it cannot be part of the cache key: take a String or a List instead");
            } else {
                keyParameters.add(parameter);
            }
        }
        load.getBody().ifPresent(body -> {
            body.findAll(AssignExpr.class).forEach(assign -> checkNotAssigned(load, assign, assign.getTarget()));
            body.findAll(UnaryExpr.class, unary -> unary.getOperator().isPostfix() || isPrefixStep(unary))
                    .forEach(step -> checkNotAssigned(load, step, step.getExpression()));
        });
        return keyParameters;
    }

    private boolean checkPageType(TypeDeclaration<?> type) {
        String name = type.getNameAsString();
        if (type instanceof ClassOrInterfaceDeclaration declaration) {
            if (declaration.isInterface()) {
                diagnostics.error(type.getName(), name + " is an interface; a pragma page is a class with a load method");
                return false;
            }
            if (declaration.isAbstract()) {
                diagnostics.error(type.getName(), name + " is abstract; a pragma page is a concrete class, because every"
                        + " subclass would share its one cached value per route");
                return false;
            }
            return true;
        }
        if (type.isRecordDeclaration()) {
            return true;
        }
        String kind = type.isEnumDeclaration() ? "an enum" : "an annotation type";
        diagnostics.error(type.getName(), name + " is " + kind + "; a pragma page is a class with a load method");
        return false;
    }

    private boolean checkSignature(MethodDeclaration load) {
        if (load.getBody().isEmpty()) {
            diagnostics.error(load.getName(), "load has no body: the pragma caches what load's body returns");
            return false;
        }
        boolean valid = true;
        if (load.getType().isVoidType()) {
            diagnostics.error(load.getType(), "load returns void; it must return the page data, which the pragma caches");
            valid = false;
        }
        if (!load.getTypeParameters().isEmpty()) {
            diagnostics.error(load.getTypeParameters().get(0), "load declares type parameters; the cache keeps one value"
                    + " per key, so load returns one concrete type");
            valid = false;
        }
        return valid;
    }

    private void checkNotAssigned(MethodDeclaration load, Node change, Expression target) {
        if (!target.isNameExpr() || !isInLoadItself(load, change)) {
            return;
        }
        String name = target.asNameExpr().getNameAsString();
        if (load.getParameterByName(name).isPresent()) {
            diagnostics.error(change, "load parameter '" + name + "' is assigned here, but load's body runs as a cached"
                    + " fetcher lambda, which can only read load's parameters: assign to a new local variable instead");
        }
    }

    /** Code of a class declared inside load's body may declare its own variables of the same name. */
    private static boolean isInLoadItself(MethodDeclaration load, Node node) {
        Optional<Node> parent = node.getParentNode();
        while (parent.isPresent() && !(parent.get() instanceof BodyDeclaration<?>)) {
            parent = parent.get().getParentNode();
        }
        return parent.filter(declaration -> declaration == load).isPresent();
    }

    private static boolean isPrefixStep(UnaryExpr unary) {
        return unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT;
    }
}
