package dev.isr.compiler.ruby;

import java.util.List;
import java.util.Map;
import org.jruby.ast.ArrayNode;
import org.jruby.ast.AttrAssignNode;
import org.jruby.ast.CallNode;
import org.jruby.ast.Colon2Node;
import org.jruby.ast.ConstNode;
import org.jruby.ast.DStrNode;
import org.jruby.ast.DotNode;
import org.jruby.ast.FCallNode;
import org.jruby.ast.FixnumNode;
import org.jruby.ast.InstVarNode;
import org.jruby.ast.IterNode;
import org.jruby.ast.LocalVarNode;
import org.jruby.ast.DVarNode;
import org.jruby.ast.Node;
import org.jruby.ast.OpAsgnNode;
import org.jruby.ast.OpElementAsgnNode;
import org.jruby.ast.StrNode;
import org.jruby.ast.SymbolNode;
import org.jruby.ast.VCallNode;

/**
 * Method calls, following Ruby2JS's send converter: {@code a.b} without parentheses or arguments is a property
 * read and {@code a.b()} a call; a receiverless {@code foo} is a name and {@code foo()} a call; a trailing
 * {@code ?} or {@code !} is dropped; keyword arguments become a trailing object; a block becomes a trailing
 * arrow function; operators keep their meaning and get parentheses only where JavaScript needs them.
 */
final class CallTranslator {

    /** Receiverless methods that cannot be translated faithfully, and why. */
    private static final Map<String, String> REJECTED_FUNCTIONS = Map.ofEntries(
            Map.entry("eval", "it runs code built at run time"),
            Map.entry("binding", "JavaScript has no binding objects"),
            Map.entry("__method__", "there is no enclosing method in a data block"),
            Map.entry("__dir__", "the page's directory at build time is not the output's at run time"),
            Map.entry("caller", "JavaScript has no call-stack introspection"),
            Map.entry("block_given?", "there is no enclosing method in a data block"),
            Map.entry("method", "JavaScript has no method objects; use a lambda"),
            Map.entry("require", "use `import Name, from: 'path'`"),
            Map.entry("require_relative", "use `import Name, from: 'path'`"),
            Map.entry("load", "use `import Name, from: 'path'`"),
            Map.entry("autoload", "use `import Name, from: 'path'`"),
            Map.entry("format", "JavaScript has no format strings; use interpolation (\"#{x}\")"),
            Map.entry("sprintf", "JavaScript has no format strings; use interpolation (\"#{x}\")"),
            Map.entry("printf", "JavaScript has no format strings; use interpolation (\"#{x}\")"),
            Map.entry("loop", "write `while true ... end`"),
            Map.entry("catch", "JavaScript has no catch/throw for control flow; use begin/rescue"),
            Map.entry("throw", "JavaScript has no catch/throw for control flow; use raise"),
            Map.entry("exit", "a page's data block cannot end the process"),
            Map.entry("exit!", "a page's data block cannot end the process"),
            Map.entry("abort", "a page's data block cannot end the process"),
            Map.entry("at_exit", "a page's data block cannot hook process exit"),
            Map.entry("system", "a page's data block must not run shell commands"),
            Map.entry("spawn", "a page's data block must not run shell commands"),
            Map.entry("exec", "a page's data block must not run shell commands"),
            Map.entry("fork", "a page's data block must not fork"),
            Map.entry("trap", "a page's data block cannot trap signals"));

    /** Methods that cannot be translated on any receiver. */
    private static final Map<String, String> REJECTED_METHODS = Map.ofEntries(
            Map.entry("send", "it calls a method chosen at run time; call the method by name"),
            Map.entry("__send__", "it calls a method chosen at run time; call the method by name"),
            Map.entry("public_send", "it calls a method chosen at run time; call the method by name"),
            Map.entry("instance_eval", "it runs code built at run time or in another object's scope"),
            Map.entry("instance_exec", "it runs code in another object's scope"),
            Map.entry("class_eval", "it runs code in a class's scope"),
            Map.entry("class_exec", "it runs code in a class's scope"),
            Map.entry("module_eval", "it runs code in a module's scope"),
            Map.entry("define_method", "metaprogramming has no JavaScript translation"),
            Map.entry("define_singleton_method", "metaprogramming has no JavaScript translation"),
            Map.entry("method_missing", "metaprogramming has no JavaScript translation"),
            Map.entry("instance_variable_get", "it reads a variable chosen at run time"),
            Map.entry("instance_variable_set", "it writes a variable chosen at run time"));

    /** Iterators whose indexed form ({@code each_with_index.map}, {@code map.with_index}) JavaScript's namesake has. */
    private static final Map<String, String> INDEXED_ITERATORS = Map.of("map", "map", "each", "forEach",
            "select", "filter", "filter", "filter", "flat_map", "flatMap", "find", "find", "any?", "some", "all?", "every");

    private final TranslationContext context;
    private final ExpressionTranslator expressions;
    private final FunctionTranslator functions;
    private final RequestStateGuard guard;
    private final RangeTranslator ranges;

    CallTranslator(TranslationContext context, ExpressionTranslator expressions, FunctionTranslator functions,
                   RequestStateGuard guard) {
        this.context = context;
        this.expressions = expressions;
        this.functions = functions;
        this.guard = guard;
        this.ranges = new RangeTranslator(context, expressions);
    }

    JsExpr translate(Node node) {
        if (node instanceof VCallNode vcall) {
            return vcall(vcall);
        }
        if (node instanceof FCallNode fcall) {
            return fcall(fcall);
        }
        if (node instanceof AttrAssignNode attribute) {
            return new JsExpr(assignmentTarget(attribute) + " = "
                    + expressions.translate(lastArgument(attribute.getArgsNode()), JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
        }
        return call((CallNode) node);
    }

    /** {@code foo}: a name, as Ruby2JS writes a call without receiver, arguments or parentheses. */
    private JsExpr vcall(VCallNode vcall) {
        String name = RubyNames.of(vcall);
        SourceText.Position at = context.locate(Tokens.word(name), vcall);
        guard.receiverlessCall(name, at);
        rejectFunction(name, at);
        if (name.equals("puts")) {
            return JsExpr.member("console.log()");
        }
        if (name.equals("lambda") || name.equals("proc")) {
            throw new Untranslatable(at, "`" + name + "` without a block cannot be translated; write `-> (x) { ... }`");
        }
        context.referencedMethod(name, at);
        return JsExpr.primary(JsNames.method(name));
    }

    private JsExpr fcall(FCallNode fcall) {
        String name = RubyNames.of(fcall);
        SourceText.Position at = context.locate(Tokens.word(name), fcall);
        guard.receiverlessCall(name, at);
        rejectFunction(name, at);
        Node args = fcall.getArgsNode();
        Node block = fcall.getIterNode();
        List<Node> argList = args == null ? List.of() : args.childNodes();
        switch (name) {
            case "await" -> {
                if (argList.size() == 1 && block == null && args instanceof ArrayNode) {
                    return new JsExpr("await " + expressions.translate(argList.get(0), JsExpr.UNARY), JsExpr.UNARY);
                }
            }
            case "lambda", "proc" -> {
                if (args == null && block instanceof IterNode iter) {
                    return functions.block(iter, Scope.Kind.LAMBDA);
                }
                throw new Untranslatable(at, "`" + name + "` without a block cannot be translated; write `-> (x) { ... }`");
            }
            case "typeof" -> {
                if (argList.size() == 1 && block == null && args instanceof ArrayNode) {
                    return new JsExpr("typeof " + expressions.translate(argList.get(0), JsExpr.UNARY), JsExpr.UNARY);
                }
            }
            case "import" -> throw new Untranslatable(at,
                    "`import` must be a statement of its own at the top of the front matter: `import Name, from: 'path'`");
            case "raise" -> throw new Untranslatable(at, "`raise` must be a statement of its own (JavaScript's throw is not an expression)");
            default -> {
            }
        }
        String callee = name.equals("puts") ? "console.log" : method(name, at);
        return JsExpr.member(callee + "(" + arguments(args, block) + ")");
    }

    private JsExpr call(CallNode call) {
        String name = RubyNames.of(call);
        Node receiver = call.getReceiverNode();
        Node args = call.getArgsNode();
        if (receiver instanceof VCallNode vcall && RubyNames.of(vcall).equals("params") && call.getIterNode() == null) {
            JsExpr param = paramRead(vcall, name, args);
            if (param != null) {
                return param;
            }
        }
        if (receiver instanceof DotNode range && name.equals("to_a") && args == null && call.getIterNode() == null) {
            return ranges.array(range);
        }
        if (receiver instanceof ConstNode astro && RubyNames.of(astro).equals("Astro")) {
            guard.astroProperty(name, context.locate(Tokens.constant("Astro"), astro));
        }
        JsExpr operator = new OperatorTranslator(context, expressions).translate(call);
        if (operator != null) {
            return operator;
        }
        JsExpr indexed = indexedIteration(call);
        if (indexed != null) {
            return indexed;
        }
        JsExpr target = expressions.translate(receiver);
        SourceText.Position at = context.locate(Tokens.method(name), call);
        if (name.equals("nil?") && args == null && call.getIterNode() == null) {
            if (call.isLazy()) {
                throw new Untranslatable(at, "`&.nil?` cannot be translated (it is nil, not true, on nil); write `.nil?`");
            }
            // Ruby2JS: `x.nil?` is `x == null`, true for null and undefined alike
            return new JsExpr(target.at(JsExpr.EQUALITY) + " == null", JsExpr.EQUALITY);
        }
        if (REJECTED_METHODS.containsKey(name)) {
            throw new Untranslatable(at, "`" + name + "` cannot be translated: " + REJECTED_METHODS.get(name));
        }
        String dot = call.isLazy() ? "?." : ".";
        if (name.equals("[]")) {
            return index(receiver, target, dot, args, call);
        }
        if (name.equals("new")) {
            return construct(receiver, target, args, call.getIterNode(), at);
        }
        if (name.equals("call") && (receiver instanceof LocalVarNode || receiver instanceof DVarNode)) {
            // `f.call(x)` and `f.(x)` call a lambda held in a local; JavaScript's Function#call would bind `this`
            return JsExpr.member(target.code() + "(" + arguments(args, call.getIterNode()) + ")");
        }
        String object = receiver instanceof FixnumNode ? "(" + target.code() + ")" : target.at(JsExpr.MEMBER);
        String member = object + dot + method(name, at);
        if (args == null && call.getIterNode() == null && !context.followedByParenthesis(at)) {
            return JsExpr.member(member);
        }
        return JsExpr.member(member + "(" + arguments(args, call.getIterNode()) + ")");
    }

    /**
     * {@code xs.each_with_index.map { |x, i| }} and {@code xs.map.with_index { |x, i| }} are {@code xs.map((x, i) => ...)};
     * {@code xs.each_with_index { |x, i| }} and {@code xs.each.with_index { }} are {@code xs.forEach(...)}: JavaScript's
     * array methods pass the index as the second argument, and arrays have no {@code each_with_index}. Null for any
     * other call.
     */
    private JsExpr indexedIteration(CallNode call) {
        String name = RubyNames.of(call);
        Node block = call.getIterNode();
        if (block == null || call.getArgsNode() != null || call.isLazy()) {
            return null;
        }
        if (name.equals("each_with_index")) {
            return indexedCall(call.getReceiverNode(), "forEach", block, call);
        }
        if (call.getReceiverNode() instanceof CallNode inner && inner.getArgsNode() == null && inner.getIterNode() == null
                && !inner.isLazy()) {
            String innerName = RubyNames.of(inner);
            if (innerName.equals("each_with_index") && INDEXED_ITERATORS.containsKey(name)) {
                return indexedCall(inner.getReceiverNode(), INDEXED_ITERATORS.get(name), block, call);
            }
            if (name.equals("with_index") && INDEXED_ITERATORS.containsKey(innerName)) {
                return indexedCall(inner.getReceiverNode(), INDEXED_ITERATORS.get(innerName), block, call);
            }
        }
        return null;
    }

    private JsExpr indexedCall(Node collection, String method, Node block, CallNode call) {
        String object = expressions.translate(collection, JsExpr.MEMBER);
        context.locate(Tokens.method(RubyNames.of(call)), call);
        return JsExpr.member(object + "." + method + "(" + functions.blockArgument(block).code() + ")");
    }

    /** {@code params[:slug]}, {@code params["slug"]} and {@code params.slug} read the route param; null for anything else. */
    private JsExpr paramRead(VCallNode params, String method, Node args) {
        String key;
        String asWritten;
        if (method.equals("[]") && args instanceof ArrayNode list && list.size() == 1
                && (list.get(0) instanceof SymbolNode || list.get(0) instanceof StrNode)) {
            Node keyNode = list.get(0);
            key = keyNode instanceof SymbolNode symbol ? RubyNames.of(symbol)
                    : expressions.literals().text(((StrNode) keyNode).getValue(), keyNode);
            asWritten = keyNode instanceof SymbolNode ? "params[:" + key + "]" : "params[\"" + key + "\"]";
        } else if (args == null && JsNames.isIdentifier(method)) {
            key = method;
            asWritten = "params." + key;
        } else {
            return null;
        }
        guard.param(key, asWritten, context.locate(Tokens.word("params"), params));
        return JsExpr.member(JsNames.member("params", key));
    }

    /** {@code a[0]}, {@code h[:name]} (as {@code h.name}, like Ruby2JS), {@code a[1..]} (as a slice). */
    private JsExpr index(Node receiver, JsExpr target, String dot, Node args, Node call) {
        if (!(args instanceof ArrayNode list) || list.size() != 1) {
            throw context.untranslatable(call, Tokens.text("["),
                    "indexing with several arguments (`a[start, length]`) cannot be translated; use `a[start..end]` or `slice`");
        }
        String object = target.at(JsExpr.MEMBER);
        Node key = list.get(0);
        String keyName = key instanceof SymbolNode symbol ? RubyNames.of(symbol)
                : key instanceof StrNode string ? expressions.literals().text(string.getValue(), string) : null;
        if (keyName != null && JsNames.isIdentifier(keyName)) {
            return JsExpr.member(object + dot + keyName);
        }
        if (key instanceof DotNode range) {
            return JsExpr.member(object + dot + "slice(" + ranges.sliceArguments(range) + ")");
        }
        String open = dot.equals("?.") ? "?.[" : "[";
        return JsExpr.member(object + open + expressions.translate(key, JsExpr.ASSIGNMENT) + "]");
    }

    /** {@code X.new(a)} is {@code new X(a)}; without arguments or parentheses {@code new X}, as Ruby2JS writes it. */
    private JsExpr construct(Node receiver, JsExpr target, Node args, Node block, SourceText.Position at) {
        boolean plain = receiver instanceof ConstNode || receiver instanceof Colon2Node || receiver instanceof LocalVarNode
                || receiver instanceof DVarNode || receiver instanceof InstVarNode;
        String constructor = plain ? target.code() : "(" + target.code() + ")";
        if (args == null && block == null && !context.followedByParenthesis(at)) {
            return new JsExpr("new " + constructor, JsExpr.NEW_WITHOUT_ARGUMENTS);
        }
        return JsExpr.member("new " + constructor + "(" + arguments(args, block) + ")");
    }

    /** The left side of an attribute or element assignment: {@code a.b} or {@code a[k]}. */
    String assignmentTarget(AttrAssignNode attribute) {
        String name = RubyNames.of(attribute);
        JsExpr target = expressions.translate(attribute.getReceiverNode());
        if (attribute.isLazy()) {
            throw context.untranslatable(attribute, Tokens.text("&."), "JavaScript cannot assign through `?.`; test for nil first");
        }
        String object = target.at(JsExpr.MEMBER);
        if (name.equals("[]=")) {
            List<Node> args = attribute.getArgsNode() == null ? List.of() : attribute.getArgsNode().childNodes();
            Node key = args.get(0);
            String keyName = key instanceof SymbolNode symbol ? RubyNames.of(symbol)
                    : key instanceof StrNode string ? expressions.literals().text(string.getValue(), string) : null;
            if (keyName != null && JsNames.isIdentifier(keyName)) {
                return object + "." + keyName;
            }
            return object + "[" + expressions.translate(key, JsExpr.ASSIGNMENT) + "]";
        }
        String property = name.substring(0, name.length() - 1);
        SourceText.Position at = context.locate(Tokens.method(property), attribute);
        return object + "." + method(property, at);
    }

    /** {@code a.b += 1}, {@code a[k] ||= v} and the like; {@code ||=} is {@code ??=} as for variables. */
    JsExpr operatorAssignment(Node node) {
        String operator;
        String target;
        Node value;
        if (node instanceof OpAsgnNode assignment) {
            if (assignment.isLazy()) {
                throw context.untranslatable(assignment, Tokens.text("&."), "JavaScript cannot assign through `?.`; test for nil first");
            }
            String object = expressions.translate(assignment.getReceiverNode(), JsExpr.MEMBER);
            String property = assignment.getVariableName();
            target = object + "." + method(property, context.locate(Tokens.method(property), assignment));
            operator = assignment.getOperatorName();
            value = assignment.getValueNode();
        } else {
            OpElementAsgnNode assignment = (OpElementAsgnNode) node;
            JsExpr element = index(assignment.getReceiverNode(), expressions.translate(assignment.getReceiverNode()), ".",
                    assignment.getArgsNode(), assignment);
            target = element.code();
            operator = assignment.getOperatorName();
            value = assignment.getValueNode();
        }
        String jsOperator = switch (operator) {
            case "||" -> "??=";
            case "&&" -> "&&=";
            default -> operator + "=";
        };
        return new JsExpr(target + " " + jsOperator + " " + expressions.translate(value, JsExpr.ASSIGNMENT), JsExpr.ASSIGNMENT);
    }

    /** The argument list: positional arguments, splats, a keyword hash as an object, and the block last. */
    private String arguments(Node args, Node block) {
        List<String> out = new java.util.ArrayList<>(expressions.elements(args));
        if (block != null) {
            out.add(functions.blockArgument(block).code());
        }
        return String.join(", ", out);
    }

    private static Node lastArgument(Node args) {
        List<Node> children = args.childNodes();
        return children.get(children.size() - 1);
    }

    /** The JavaScript name of a Ruby method: its {@code ?} or {@code !} dropped. */
    private static String method(String rubyName, SourceText.Position at) {
        String name = JsNames.method(rubyName);
        if (!JsNames.isIdentifier(name)) {
            throw new Untranslatable(at, "the method name `" + rubyName + "` has no JavaScript equivalent");
        }
        return name;
    }

    private void rejectFunction(String name, SourceText.Position at) {
        String why = REJECTED_FUNCTIONS.getOrDefault(name, REJECTED_METHODS.get(name));
        if (why != null) {
            throw new Untranslatable(at, "`" + name + "` cannot be translated: " + why);
        }
    }

    static boolean isStringLiteral(Node node) {
        return node instanceof StrNode || node instanceof DStrNode;
    }
}
