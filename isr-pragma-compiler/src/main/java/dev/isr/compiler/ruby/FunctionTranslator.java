package dev.isr.compiler.ruby;

import java.util.ArrayList;
import java.util.List;
import org.jruby.ast.ArgsNode;
import org.jruby.ast.BlockPassNode;
import org.jruby.ast.IterNode;
import org.jruby.ast.LambdaNode;
import org.jruby.ast.MultipleAsgnNode;
import org.jruby.ast.Node;
import org.jruby.ast.OptArgNode;
import org.jruby.ast.RestArgNode;
import org.jruby.ast.SymbolNode;
import org.jruby.ast.UnnamedRestArgNode;
import org.jruby.ast.types.INameNode;

/**
 * Blocks and lambdas as arrow functions: one expression makes a concise body, several statements a block body
 * that returns the last one. {@code &:name} is {@code item => item.name}.
 */
final class FunctionTranslator {

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final StatementTranslator statements;

    FunctionTranslator(TranslationContext context, ExpressionTranslator expressions, StatementTranslator statements) {
        this.context = context;
        this.expressions = expressions;
        this.statements = statements;
    }

    /** The block of a call: {@code { |x| ... }}, {@code do ... end} or {@code &arg}. */
    JsExpr blockArgument(Node block) {
        if (block instanceof BlockPassNode pass) {
            return blockPass(pass);
        }
        return block((IterNode) block, Scope.Kind.BLOCK);
    }

    JsExpr block(IterNode iter, Scope.Kind kind) {
        return arrow(iter.getArgsNode(), iter.getBodyNode(), kind);
    }

    JsExpr lambda(LambdaNode lambda) {
        return arrow(lambda.getArgs(), lambda.getBody(), Scope.Kind.LAMBDA);
    }

    private JsExpr blockPass(BlockPassNode pass) {
        if (pass.getBodyNode() instanceof SymbolNode symbol) {
            String name = RubyNames.of(symbol);
            String property = JsNames.method(name);
            if (!JsNames.isIdentifier(property)) {
                throw context.untranslatable(pass, Tokens.text("&:"), "`&:" + name + "` names no JavaScript property; write the block out");
            }
            return new JsExpr("item => item." + property, JsExpr.ASSIGNMENT);
        }
        return expressions.translate(pass.getBodyNode());
    }

    private JsExpr arrow(ArgsNode args, Node body, Scope.Kind kind) {
        context.scope().enter(kind);
        try {
            String parameters = parameters(args);
            return new JsExpr(parameters + " => " + statements.functionBody(body), JsExpr.ASSIGNMENT);
        } finally {
            context.scope().leave();
        }
    }

    private String parameters(ArgsNode args) {
        if (args == null) {
            return "()";
        }
        if (args.getKeywordCount() > 0 || args.hasKeyRest() || args.getBlock() != null) {
            throw context.untranslatable(args, Tokens.text("|"),
                    "keyword and block parameters of a block cannot be translated; take a hash parameter instead");
        }
        List<String> out = new ArrayList<>();
        addParameters(out, args.getPre());
        if (args.getOptArgs() != null) {
            for (Node optional : args.getOptArgs().children()) {
                Node assignment = ((OptArgNode) optional).getValue();
                String name = parameter(assignment);
                out.add(name + " = " + expressions.translate(((org.jruby.ast.AssignableNode) assignment).getValueNode(), JsExpr.ASSIGNMENT));
            }
        }
        RestArgNode rest = args.getRestArgNode();
        if (rest != null && !(rest instanceof UnnamedRestArgNode) && args.getPostCount() == 0) {
            out.add("..." + parameter(rest));
        } else if (args.getPostCount() > 0) {
            throw context.untranslatable(args, Tokens.text("*"),
                    "parameters after a `*rest` parameter cannot be translated; put the rest parameter last");
        }
        boolean simple = out.size() == 1 && JsNames.isIdentifier(out.get(0));
        return simple ? out.get(0) : "(" + String.join(", ", out) + ")";
    }

    private void addParameters(List<String> out, org.jruby.ast.ListNode list) {
        if (list == null) {
            return;
        }
        for (Node node : list.children()) {
            if (node instanceof MultipleAsgnNode destructured) {
                String pattern = expressions.destructuringPattern(destructured);
                statements.freshLocals(destructured).forEach(context.scope()::declare);
                out.add(pattern);
            } else {
                out.add(parameter(node));
            }
        }
    }

    /** Declares a parameter in the function's frame and returns its name. */
    private String parameter(Node node) {
        String name = RubyNames.of((INameNode) node);
        expressions.localName(name, context.locate(Tokens.word(name), node));
        context.scope().declare(name);
        return name;
    }
}
