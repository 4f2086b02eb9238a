package dev.isr.compiler.ruby;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per translated construct: Ruby in, the exact JavaScript out (statements joined by line breaks). */
class ConstructTranslationTest {

    private static final RubyFrontMatterTranslator TRANSLATOR = new RubyFrontMatterTranslator();

    @AfterAll
    static void close() {
        TRANSLATOR.close();
    }

    private static Arguments translation(String construct, String ruby, String javaScript) {
        return Arguments.of(construct, ruby, javaScript);
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                translation("single-quoted string", "@s = 'it''s'", "s = \"its\";"),
                translation("single-quoted escapes", "@s = 'a\\'b\\\\c'", "s = \"a'b\\\\c\";"),
                translation("double-quoted escapes", "@s = \"a\\tb\\n\"", "s = \"a\\tb\\n\";"),
                translation("interpolation", "@s = \"#{a} and #{b.c(1)}\"", "s = `${a} and ${b.c(1)}`;"),
                translation("empty interpolation", "@s = \"x#{}y\"", "s = `xy`;"),
                translation("heredoc", "@s = <<-EOS\n  a\n  EOS", "s = \"  a\\n\";"),
                translation("squiggly heredoc with interpolation", "@s = <<~EOS\n  hi #{x}\n    there\nEOS",
                        "s = `hi ${x}\\n  there\\n`;"),
                translation("symbol", "@s = :draft", "s = \"draft\";"),
                translation("quoted symbol", "@s = :\"a b\"", "s = \"a b\";"),
                translation("interpolated symbol", "@s = :\"a#{b}\"", "s = `a${b}`;"),
                translation("integer", "@n = 42", "n = 42;"),
                translation("negative integer", "@n = -42", "n = -42;"),
                translation("integer with underscores", "@n = 1_000", "n = 1000;"),
                translation("float", "@n = 1.5", "n = 1.5;"),
                translation("nil true false", "@a = [nil, true, false]", "a = [null, true, false];"),
                translation("array", "@a = [1, \"b\", :c]", "a = [1, \"b\", \"c\"];"),
                translation("empty array", "@a = []", "a = [];"),
                translation("array with splat", "@a = [1, *xs, 2]", "a = [1, ...xs, 2];"),
                translation("%w", "@a = %w[x y]", "a = [\"x\", \"y\"];"),
                translation("%i", "@a = %i[x y]", "a = [\"x\", \"y\"];"),
                translation("hash with symbol keys", "@h = {a: 1, b: :c}", "h = {a: 1, b: \"c\"};"),
                translation("hash with string keys", "@h = {\"a\" => 1, \"b-c\" => 2}", "h = {a: 1, \"b-c\": 2};"),
                translation("hash with other keys", "@h = {1 => :a, x => 2, **rest}", "h = {1: \"a\", [x]: 2, ...rest};"),
                translation("empty hash", "@h = {}", "h = {};"),
                translation("range to_a from 0", "@r = (0..4).to_a", "r = Array.from({length: 5}, (_, i) => i);"),
                translation("exclusive range to_a", "@r = (1...4).to_a", "r = Array.from({length: 3}, (_, i) => i + 1);"),
                translation("range to_a with a variable end", "n = 3\n@r = (1..n).to_a",
                        "let n = 3;\nr = Array.from({length: n}, (_, i) => i + 1);"),
                translation("regexp", "@r = /a\\/b/i", "r = /a\\/b/i;"),
                translation("regexp anchors match per line as in Ruby", "@r = /^a$/", "r = /^a$/m;"),
                translation("regexp multiline flag is dotAll", "@r = %r{a.b}m", "r = /a.b/s;"));
    }

    static Stream<Arguments> variables() {
        return Stream.of(
                translation("instance variable", "@a = 1\n@b = @a", "a = 1;\nb = a;"),
                translation("local variable gets let once", "x = 1\nx = 2\n@a = x", "let x = 1;\nx = 2;\na = x;"),
                translation("route param", "@a = @@slug", "a = params.slug;"),
                translation("params with a symbol", "@a = params[:slug]", "a = params.slug;"),
                translation("params with a string", "@a = params[\"slug\"]", "a = params.slug;"),
                translation("multiple assignment of instance variables", "@a, @b = 1, 2", "[a, b] = [1, 2];"),
                translation("multiple assignment with a rest", "a, *b = xs", "let [a, ...b] = xs;"),
                translation("multiple assignment of declared locals", "a = 0\na, b = 1, 2", "let a = 0;\nlet b;\n[a, b] = [1, 2];"),
                translation("swap", "a = 1\nb = 2\na, b = b, a", "let a = 1;\nlet b = 2;\n[a, b] = [b, a];"),
                translation("constant", "@a = Post", "a = Post;"),
                translation("scoped constant", "@a = Blog::Post::LIMIT", "a = Blog.Post.LIMIT;"),
                translation("constant assignment", "PER_PAGE = 10\n@a = PER_PAGE", "const PER_PAGE = 10;\na = PER_PAGE;"),
                translation("||= on data", "@a ||= 1", "a ??= 1;"),
                translation("&&=", "x = 1\nx &&= 2", "let x = 1;\nx &&= 2;"),
                translation("+=", "x = 1\nx += 2", "let x = 1;\nx += 2;"),
                translation("-= on data", "@a = 3\n@a -= 1", "a = 3;\na = a - 1;"),
                translation("*= on an attribute", "post.views *= 2", "post.views *= 2;"),
                translation("||= on an element", "@h = {}\n@h[:a] ||= []", "h = {};\nh.a ??= [];"),
                translation("+= on an element", "counts[k] += 1", "counts[k] += 1;"),
                translation("attribute assignment", "post.title = \"x\"", "post.title = \"x\";"),
                translation("element assignment", "@h = {}\n@h[:a] = 1\n@h[k] = 2", "h = {};\nh.a = 1;\nh[k] = 2;"));
    }

    static Stream<Arguments> calls() {
        return Stream.of(
                translation("receiverless call without parentheses", "@a = stats", "a = stats;"),
                translation("receiverless call with parentheses", "@a = stats()", "a = stats();"),
                translation("receiverless call with arguments", "@a = stats 1, 2", "a = stats(1, 2);"),
                translation("method without parentheses is a property", "@a = post.title", "a = post.title;"),
                translation("method with parentheses is a call", "@a = post.title()", "a = post.title();"),
                translation("method with arguments", "@a = post.tag(\"x\", 2)", "a = post.tag(\"x\", 2);"),
                translation("predicate drops ?", "@a = post.draft?", "a = post.draft;"),
                translation("nil? is == null, as in Ruby2JS", "@x = 1\n@y = @x unless @x.nil?", "x = 1;\nif (!(x == null)) y = x;"),
                translation("nil? inside an expression", "@a = post.author.nil? || post.draft?", "a = post.author == null || post.draft;"),
                translation("bang drops !", "@a = post.save!()", "a = post.save();"),
                translation("keyword arguments become an object", "@a = Post.where(published: true, tag: \"x\")",
                        "a = Post.where({published: true, tag: \"x\"});"),
                translation("positional then keyword arguments", "@a = f(1, limit: 2)", "a = f(1, {limit: 2});"),
                translation("splat argument", "@a = f(*xs)", "a = f(...xs);"),
                translation("chain", "@a = Post.where(x: 1).limit(5).to_a", "a = Post.where({x: 1}).limit(5).to_a;"),
                translation("safe navigation chain", "@a = x&.y&.z(1)", "a = x?.y?.z(1);"),
                translation("index", "@a = xs[0]", "a = xs[0];"),
                translation("index with a symbol is a property (Ruby2JS)", "@a = h[:name]", "a = h.name;"),
                translation("index with a non-identifier string", "@a = h[\"a-b\"]", "a = h[\"a-b\"];"),
                translation("open range index", "@a = xs[1..]", "a = xs.slice(1);"),
                translation("inclusive range index", "@a = xs[1..3]", "a = xs.slice(1, 4);"),
                translation("exclusive range index", "@a = xs[1...3]", "a = xs.slice(1, 3);"),
                translation("range index to -1", "@a = xs[2..-1]", "a = xs.slice(2);"),
                translation("range index to -2", "@a = xs[0..-2]", "a = xs.slice(0, -1);"),
                translation("new with arguments", "@a = Date.new(2024, 1, 2)", "a = new Date(2024, 1, 2);"),
                translation("new with parentheses", "@a = Foo.new()", "a = new Foo();"),
                translation("new without arguments (Ruby2JS)", "@a = Foo.new", "a = new Foo;"),
                translation("member of new", "@a = Foo.new.bar", "a = (new Foo).bar;"),
                translation("new of a scoped constant", "@a = A::B.new(1)", "a = new A.B(1);"),
                translation("await", "@a = await fetch(url)", "a = await fetch(url);"),
                translation("await of a member", "@a = (await fetch(url)).json()", "a = (await fetch(url)).json();"),
                translation("puts", "puts \"x\", 1", "console.log(\"x\", 1);"),
                translation("integer receiver", "@a = 1.to_s", "a = (1).to_s;"),
                translation("append as a statement", "xs = []\nxs << 1", "let xs = [];\nxs.push(1);"),
                translation("=~", "@a = s =~ /x/", "a = /x/.test(s);"),
                translation("!~", "@a = s !~ /x/", "a = !/x/.test(s);"),
                translation("=~ with the regexp first", "@a = /x/ =~ s", "a = /x/.test(s);"),
                translation("=~ of a regexp in a variable", "re = /x/\n@a = s =~ re", "let re = /x/;\na = re.test(s);"),
                translation("raise with a message", "raise \"bad\"", "throw new Error(\"bad\");"),
                translation("raise with a class and a message", "raise ArgumentError, \"bad\"", "throw new ArgumentError(\"bad\");"));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                translation("arithmetic keeps Ruby's grouping", "@v = (a + b) * c - d / (e - f) ** 2", "v = (a + b) * c - d / (e - f) ** 2;"),
                translation("right operand of minus", "@v = x - (y - z)", "v = x - (y - z);"),
                translation("left grouping needs no parentheses", "@v = (x - y) - z", "v = x - y - z;"),
                translation("unary minus binds looser than ** in Ruby", "@v = -x ** 2", "v = -(x ** 2);"),
                translation("negative base of **", "@v = (-2) ** 2", "v = (-2) ** 2;"),
                translation("** is right-associative", "@v = 2 ** 3 ** 2", "v = 2 ** 3 ** 2;"),
                translation("double negation is not a decrement", "@v = -(-x)", "v = -(-x);"),
                translation("comparison", "@v = a < b && c >= d", "v = a < b && c >= d;"),
                translation("== stays == (Ruby2JS)", "@v = a == b", "v = a == b;"),
                translation("!=", "@v = a != b", "v = a != b;"),
                translation("! and not", "@v = !a\n@w = (not b)", "v = !a;\nw = !b;"),
                translation("negation of a comparison", "@v = !(a == b)", "v = !(a == b);"),
                translation("and or", "@v = a || b && c\n@w = (a || b) && c", "v = a || b && c;\nw = (a || b) && c;"),
                translation("keyword and/or", "@v = (x and y)\n@w = (x or y)", "v = x && y;\nw = x || y;"),
                translation("string concatenation", "@v = \"a\" + b + \"c\"", "v = \"a\" + b + \"c\";"),
                translation("ternary", "@v = x > 1 ? \"big\" : \"small\"", "v = x > 1 ? \"big\" : \"small\";"),
                translation("nested ternary", "@v = a ? b : c ? d : e", "v = a ? b : c ? d : e;"),
                translation("ternary as a condition", "@v = (a ? b : c) ? d : e", "v = (a ? b : c) ? d : e;"),
                translation("assignment inside an expression", "@v = (x = 1) + 2", "let x;\nv = (x = 1) + 2;"),
                translation("modulo", "@v = n % 2", "v = n % 2;"),
                translation("Ruby's | and ^ share a level, JavaScript's do not", "@v = a & b | c ^ d", "v = (a & b | c) ^ d;"));
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                translation("brace block", "@a = xs.map { |x| x * 2 }", "a = xs.map(x => x * 2);"),
                translation("do block", "@a = xs.map do |x|\n  x * 2\nend", "a = xs.map(x => x * 2);"),
                translation("block with two parameters", "@a = h.map { |k, v| k + v }", "a = h.map((k, v) => k + v);"),
                translation("each_with_index.map is map with the index", "@a = xs.each_with_index.map { |x, i| x * i }",
                        "a = xs.map((x, i) => x * i);"),
                translation("map.with_index", "@a = xs.map.with_index { |x, i| x * i }", "a = xs.map((x, i) => x * i);"),
                translation("each_with_index is forEach", "xs.each_with_index { |x, i| puts(x) }", "xs.forEach((x, i) => console.log(x));"),
                translation("each_with_index.select", "@a = xs.each_with_index.select { |x, i| i > 0 }", "a = xs.filter((x, i) => i > 0);"),
                translation("block without parameters", "@a = xs.map { 1 }", "a = xs.map(() => 1);"),
                translation("block with a destructured parameter", "@a = xs.map { |(k, v), i| k }", "a = xs.map(([k, v], i) => k);"),
                translation("block with default and rest parameters", "@a = f { |x, y = 2, *r| [x, y, r] }",
                        "a = f((x, y = 2, ...r) => [x, y, r]);"),
                translation("numbered parameter", "@a = xs.map { _1 * 2 }", "a = xs.map(_1 => _1 * 2);"),
                translation("block returning a hash", "@a = xs.map { |x| { id: x } }", "a = xs.map(x => ({id: x}));"),
                translation("empty block", "xs.each { |x| }", "xs.each(x => null);"),
                translation("block with several statements returns the last", "@a = xs.map do |x|\n  y = x + 1\n  y * 2\nend",
                        "a = xs.map(x => {\n  let y = x + 1;\n  return y * 2;\n});"),
                translation("block ending in an assignment returns it", "@a = xs.map do |x|\n  puts x\n  y = x\nend",
                        "a = xs.map(x => {\n  console.log(x);\n  let y = x;\n  return y;\n});"),
                translation("block ending in an if returns from each branch", "@a = xs.map do |x|\n  puts x\n  if x > 1\n    y = x\n    y * 2\n  else\n    0\n  end\nend",
                        "a = xs.map(x => {\n  console.log(x);\n  let y;\n  if (x > 1) {\n    y = x;\n    return y * 2;\n  } else {\n    return 0;\n  }\n});"),
                translation("block ending in an if of one expression each returns a ternary", "@a = xs.map do |x|\n  puts x\n  if x > 1\n    x\n  else\n    0\n  end\nend",
                        "a = xs.map(x => {\n  console.log(x);\n  return x > 1 ? x : 0;\n});"),
                translation("block with a single if is a ternary", "@a = xs.map do |x|\n  if x > 1\n    x\n  else\n    0\n  end\nend",
                        "a = xs.map(x => x > 1 ? x : 0);"),
                translation("next in a block returns", "@a = xs.map { |x| next 0 if x.nil?; x }",
                        "a = xs.map(x => {\n  if (x == null) return 0;\n  return x;\n});"),
                translation("block-local variable shadows nothing", "@a = xs.map { |x| y = x; y }",
                        "a = xs.map(x => {\n  let y = x;\n  return y;\n});"),
                translation("block assigning an outer local", "total = 0\nxs.each { |x| total += x }", "let total = 0;\nxs.each(x => total += x);"),
                translation("&:symbol", "@a = xs.map(&:title)", "a = xs.map(item => item.title);"),
                translation("&:predicate?", "@a = xs.select(&:draft?)", "a = xs.select(item => item.draft);"),
                translation("&block variable", "f = ->(x) { x }\n@a = xs.map(&f)", "let f = x => x;\na = xs.map(f);"),
                translation("lambda with parameters", "@f = ->(x, y) { x + y }", "f = (x, y) => x + y;"),
                translation("lambda without parameters", "@f = -> { 1 }", "f = () => 1;"),
                translation("lambda keyword", "@f = lambda { |x| x }", "f = x => x;"),
                translation("return in a lambda", "@f = ->(x) do\n  return 0 if x.nil?\n  x\nend",
                        "f = x => {\n  if (x == null) return 0;\n  return x;\n};"),
                translation("block and arguments", "@a = xs.reduce(0) { |s, x| s + x }", "a = xs.reduce(0, (s, x) => s + x);"));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                translation("if", "if a\n  @b = 1\nend", "if (a) b = 1;"),
                translation("if modifier", "@b = 1 if a", "if (a) b = 1;"),
                translation("unless", "unless a\n  @b = 1\nend", "if (!a) b = 1;"),
                translation("unless of a compound condition", "@b = 1 unless a && c", "if (!(a && c)) b = 1;"),
                translation("if else", "if a\n  @b = 1\nelse\n  @b = 2\nend", "if (a) {\n  b = 1;\n} else {\n  b = 2;\n}"),
                translation("if elsif else hoists the local", "if x > 1\n  big = true\nelsif x < 0\n  big = false\nelse\n  big = nil\nend\n@big2 = big",
                        "let big;\nif (x > 1) {\n  big = true;\n} else if (x < 0) {\n  big = false;\n} else {\n  big = null;\n}\nbig2 = big;"),
                translation("if as a value", "@a = if x then 1 else 2 end", "a = x ? 1 : 2;"),
                translation("if without else as a value", "@a = (1 if x)", "a = x ? 1 : null;"),
                translation("case as a switch", "case x\nwhen 1, 2 then @a = \"low\"\nwhen 3 then @a = \"mid\"\nelse @a = \"high\"\nend",
                        "switch (x) {\n  case 1:\n  case 2:\n    a = \"low\";\n    break;\n  case 3:\n    a = \"mid\";\n    break;\n  default:\n    a = \"high\";\n}"),
                translation("case of symbols", "case @@slug\nwhen :a then @a = 1\nend", "switch (params.slug) {\n  case \"a\":\n    a = 1;\n    break;\n}"),
                translation("case as a value", "x = 1\n@a = case x when 1 then \"one\" when 2, 3 then \"few\" else \"many\" end",
                        "let x = 1;\na = x === 1 ? \"one\" : x === 2 || x === 3 ? \"few\" : \"many\";"),
                translation("case without a subject", "case\nwhen x > 1 then @a = 1\nelse @a = 2\nend",
                        "if (x > 1) {\n  a = 1;\n} else {\n  a = 2;\n}"),
                translation("while", "i = 0\nwhile i < 3\n  i += 1\n  next if i == 2\n  break if i > 5\nend",
                        "let i = 0;\nwhile (i < 3) {\n  i += 1;\n  if (i == 2) continue;\n  if (i > 5) break;\n}"),
                translation("until", "i = 0\nuntil i >= 3\n  i += 1\nend", "let i = 0;\nwhile (!(i >= 3)) {\n  i += 1;\n}"),
                translation("begin end while", "i = 0\nbegin\n  i += 1\nend while i < 3", "let i = 0;\ndo {\n  i += 1;\n} while (i < 3);"),
                translation("begin rescue => e", "begin\n  @a = load_it()\nrescue => e\n  @a = e.message\nend",
                        "try {\n  a = load_it();\n} catch (e) {\n  a = e.message;\n}"),
                translation("begin rescue without a variable", "begin\n  @a = f()\nrescue\n  @a = nil\nend",
                        "try {\n  a = f();\n} catch {\n  a = null;\n}"),
                translation("rescue of classes rethrows others", "begin\n  @a = f()\nrescue ArgumentError, TypeError => e\n  @a = 1\nend",
                        "try {\n  a = f();\n} catch (e) {\n  if (e instanceof ArgumentError || e instanceof TypeError) {\n    a = 1;\n  } else {\n    throw e;\n  }\n}"),
                translation("several rescues and ensure", "begin\n  @a = f()\nrescue KeyError => e\n  @a = 1\nrescue => other\n  @a = 2\nensure\n  done()\nend",
                        "try {\n  a = f();\n} catch ($error) {\n  if ($error instanceof KeyError) {\n    let e = $error;\n    a = 1;\n  } else {\n    let other = $error;\n    a = 2;\n  }\n} finally {\n  done();\n}"),
                translation("begin ensure", "begin\n  @a = f()\nensure\n  done()\nend", "try {\n  a = f();\n} finally {\n  done();\n}"),
                translation("locals assigned in a begin are hoisted", "begin\n  x = f()\nrescue\n  x = nil\nend\n@a = x",
                        "let x;\ntry {\n  x = f();\n} catch {\n  x = null;\n}\na = x;"),
                translation("and as control flow", "@a = 1 and go()", "(a = 1) && go();"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"literals", "variables", "calls", "operators", "functions", "statements"})
    void translates(String construct, String ruby, String javaScript) {
        assertEquals(javaScript, Translations.js(TRANSLATOR, ruby), construct);
    }
}
