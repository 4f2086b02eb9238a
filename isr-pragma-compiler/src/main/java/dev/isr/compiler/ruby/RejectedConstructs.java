package dev.isr.compiler.ruby;

import java.util.Map;
import java.util.regex.Pattern;
import org.jruby.ast.GlobalAsgnNode;
import org.jruby.ast.GlobalVarNode;
import org.jruby.ast.Node;
import org.jruby.ast.types.INameNode;

/**
 * The constructs without a faithful JavaScript translation (SPEC §4), each with the token it starts with and
 * what to do instead.
 */
final class RejectedConstructs {

    private record Rejection(Pattern token, String message) {
    }

    private static final String MODULE_HINT = "define it in its own module and import it (`import Name, from: 'path'`)";

    private static final Map<String, Rejection> BY_NODE = Map.ofEntries(
            entry("ClassNode", Tokens.word("class"), "a `class` definition cannot be part of a page's data block; " + MODULE_HINT),
            entry("SClassNode", Tokens.word("class"), "`class << self` cannot be part of a page's data block; " + MODULE_HINT),
            entry("ModuleNode", Tokens.word("module"), "a `module` definition cannot be part of a page's data block; " + MODULE_HINT),
            entry("DefnNode", Tokens.word("def"), "a method definition (`def`) cannot be part of a page's data block; "
                    + MODULE_HINT + ", or assign a lambda to a local (`f = ->(x) { ... }`)"),
            entry("DefsNode", Tokens.word("def"), "a method definition (`def`) cannot be part of a page's data block; " + MODULE_HINT),
            entry("YieldNode", Tokens.word("yield"), "`yield` needs an enclosing method called with a block, which a data block is not"),
            entry("SuperNode", Tokens.word("super"), "`super` needs an enclosing method, which a data block is not"),
            entry("ZSuperNode", Tokens.word("super"), "`super` needs an enclosing method, which a data block is not"),
            entry("PreExeNode", Tokens.word("BEGIN"), "a `BEGIN` block runs when the program starts, which a page's data block has no equivalent of"),
            entry("PreExe19Node", Tokens.word("BEGIN"), "a `BEGIN` block runs when the program starts, which a page's data block has no equivalent of"),
            entry("PostExeNode", Tokens.word("END"), "an `END` block runs when the program exits, which a page's data block has no equivalent of"),
            entry("RetryNode", Tokens.word("retry"), "`retry` has no JavaScript equivalent; write a loop around the `begin` block"),
            entry("RedoNode", Tokens.word("redo"), "`redo` has no JavaScript equivalent"),
            entry("XStrNode", Pattern.compile("(`|%x)"), "a backtick or `%x` literal runs a shell command, which a page's data block must not do"),
            entry("DXStrNode", Pattern.compile("(`|%x)"), "a backtick or `%x` literal runs a shell command, which a page's data block must not do"),
            entry("NthRefNode", Pattern.compile("(\\$\\d)"), "the regexp match variables (`$1`, ...) have no JavaScript equivalent; use `match` and index its result"),
            entry("BackRefNode", Pattern.compile("(\\$[~&`'+])"), "the regexp match variables (`$~`, ...) have no JavaScript equivalent; use `match`"),
            entry("DefinedNode", Tokens.word("defined?"), "`defined?` has no faithful JavaScript equivalent; test for nil"),
            entry("ForNode", Tokens.word("for"), "a `for` loop cannot be translated faithfully (its variable outlives the loop); write `xs.each do |x| ... end`"),
            entry("AliasNode", Tokens.word("alias"), "`alias` cannot be part of a page's data block"),
            entry("VAliasNode", Tokens.word("alias"), "`alias` cannot be part of a page's data block"),
            entry("UndefNode", Tokens.word("undef"), "`undef` cannot be part of a page's data block"),
            entry("FlipNode", Tokens.text(".."), "a flip-flop has no JavaScript equivalent"),
            entry("Match2CaptureNode", Tokens.text("=~"), "a regexp literal on the left of `=~` binds named captures to locals, which JavaScript cannot; use `match`"),
            entry("MatchNode", Tokens.text("/"), "a bare regexp as a condition tests `$_`, which JavaScript has not"),
            entry("PatternCaseNode", Tokens.word("case"), "pattern matching (`case`/`in`) has no JavaScript equivalent; use `case`/`when` or if/elsif"),
            entry("RescueModNode", Tokens.word("rescue"), "the `rescue` modifier cannot be translated; write begin/rescue/end"),
            entry("SelfNode", Tokens.word("self"), "`self` in a page's data block is Ruby's main object, which has no JavaScript counterpart"),
            entry("FileNode", Tokens.word("__FILE__"), "`__FILE__` is the page's path at build time, not the output's at run time; use a string"),
            entry("EncodingNode", Tokens.word("__ENCODING__"), "`__ENCODING__` has no JavaScript equivalent"),
            entry("RationalNode", Pattern.compile("(\\d[\\d_.]*r)"), "a Rational literal has no JavaScript equivalent"),
            entry("ComplexNode", Pattern.compile("(\\d[\\d_.]*i)"), "a Complex literal has no JavaScript equivalent"),
            entry("BignumNode", Pattern.compile("(\\d[\\d_]{15,})"), "this integer is too large for a JavaScript number"),
            entry("DRegexpNode", Tokens.text("/"), "a regexp with interpolation cannot be translated faithfully; build the pattern with `Regexp.new`"),
            entry("DotNode", Tokens.text(".."), "JavaScript has no ranges: a range is translated only as `(a..b).to_a` or an index `xs[a..b]`"),
            entry("ClassVarAsgnNode", Pattern.compile("(@@\\w+)"), "a route param (`@@name`) cannot be assigned; assign a local or an instance variable"),
            entry("ClassVarDeclNode", Pattern.compile("(@@\\w+)"), "a route param (`@@name`) cannot be assigned; assign a local or an instance variable"),
            entry("ConstDeclNode", Pattern.compile("([A-Z]\\w*)\\s*="), "a constant can be assigned only at the top level of the data block"),
            entry("OpAsgnConstDeclNode", Pattern.compile("([A-Z]\\w*)\\s*\\S+="), "a constant cannot be reassigned"),
            entry("BlockNode", Tokens.text("("), "several statements cannot be used as a value; assign the value in the last one"),
            entry("StarNode", Tokens.text("*"), "an anonymous splat cannot be translated"),
            entry("SplatNode", Tokens.text("*"), "a splat is translated only in arguments, arrays and multiple assignments"),
            entry("UntilNode", Tokens.word("until"), "a loop cannot be used as a value"),
            entry("WhileNode", Tokens.word("while"), "a loop cannot be used as a value"),
            entry("RescueNode", Tokens.word("begin"), "`begin`/`rescue` cannot be used as a value; assign inside it"),
            entry("EnsureNode", Tokens.word("begin"), "`begin`/`ensure` cannot be used as a value; assign inside it"),
            entry("ReturnNode", Tokens.word("return"), "`return` cannot be used as a value"),
            entry("NextNode", Tokens.word("next"), "`next` cannot be used as a value"),
            entry("BreakNode", Tokens.word("break"), "`break` cannot be used as a value"));

    private RejectedConstructs() {
    }

    private static Map.Entry<String, Rejection> entry(String nodeClass, Pattern token, String message) {
        return Map.entry(nodeClass, new Rejection(token, message));
    }

    static Untranslatable reject(TranslationContext context, Node node) {
        if (node instanceof GlobalVarNode || node instanceof GlobalAsgnNode) {
            String name = RubyNames.of((INameNode) node);
            return context.untranslatable(node, Tokens.global(name), "the global variable `" + name
                    + "` has no place in a page's data block; use a local or an instance variable");
        }
        Rejection rejection = BY_NODE.get(node.getClass().getSimpleName());
        if (rejection != null) {
            return context.untranslatable(node, rejection.token(), rejection.message());
        }
        return context.untranslatable(node, Pattern.compile("(\\S)"),
                "this construct (" + node.getClass().getSimpleName().replace("Node", "") + ") has no JavaScript translation");
    }
}
