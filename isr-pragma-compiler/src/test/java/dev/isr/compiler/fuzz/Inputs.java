package dev.isr.compiler.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Page texts for fuzzing, from plain noise to nearly valid pages: arbitrary characters, Ruby-ish token
 * soup, valid pages cut short or with a token dropped in, huge lines and deep nesting, each possibly saved
 * with a byte order mark, Windows line breaks or NUL bytes.
 */
final class Inputs {

    /** Pieces of Ruby, pragma lines and characters that have broken parsers before. */
    static final List<String> TOKENS = List.of(
            "@a", "@posts", "@@slug", "@@id", "x", "Post", "=", " ", "\n", "\r\n", "\r", "\t", ".", "&.", "(", ")",
            "[", "]", "{", "}", "|p|", "do", "end", "if", "unless", "else", "elsif", "while", "case", "when", "then",
            "def", "class", "module", "yield", "eval", "$g", "`ls`", "BEGIN", "END", "retry", "redo", "return",
            "next", "break", "begin", "rescue", "ensure", "=>", ":", ":sym", "::", "?", "!", "&&", "||", "||=", "+=",
            "**", "..", "...", "&:title", "*", "**rest", ",", ";", "\"", "'", "\"s #{", "#{", "\"#{@a}\"", "'str'",
            "%w[", "%i[", "%r{", "/re/", "<<~EOS\n", "EOS", "<<-X\n", "=begin\n", "=end\n", "__END__",
            "\n__END__\n", "# Pragma: revalidate 60\n", "# pragma: REVALIDATE 5m tags: a, b\n",
            "# Pragma: revalidte 1\n", "# Pragma: revalidate -1\n", "# Pragam: revalidate 9\n",
            "# Pragma: revalidate 99999999999999999999d\n", "# Pragma: revalidate 1h tags: ,\n", "# comment",
            "import X, from: '../x.js'\n", "import [a, b], from: 'y'\n", "import ", "from:", "await",
            "fetch(url)", "params[:slug]", "params['id']", "Astro.cookies", "request", "session", "current_user",
            "1", "1.5", "1_000", "0x1F", "-", "nil", "true", "self", "->", "lambda", "proc", "\u0000", "\uFEFF",
            "\u2028", "\u00e9", "\u65e5\u672c", "\\", "\\u{1F600}", "`", "${", "*/", "</script>", "defined?",
            "__FILE__", "__method__", "alias", "undef", "super", "@a = 1\n", "@t = \"T\"\n", "x.map { |i| i * 2 }",
            "(1..3).to_a", "a, b = 1, 2", "@k = {\"a\" => 1, b: 2}", "@e = x == 1 ? \"a\" : :b");

    /** Valid pages in the construct mix the compiler supports. */
    static final List<String> VALID_PAGES = List.of("""
            # Pragma: revalidate 60
            import Layout, from: '../layouts/Layout.astro'
            import Post, from: '../models/post.js'

            @posts = Post.published.order(date: :desc)
            @title = "Posts (#{@posts.length})"
            __END__
            <Layout title={title}>{posts.map(p => <Card post={p} />)}</Layout>
            """, """
            # Pragma: revalidate 5m tags: posts, comments
            import [formatDate, slugify], from: '../../lib/format.js'

            @post = await Post.find(@@slug)
            @comments = @post&.comments
            @published = formatDate(@post.date)
            @recent = @comments.select { |c| c.draft? }
            @titles = @comments.map(&:title)
            __END__
            <h1>{post.title}</h1>
            """, """
            # Pragma: revalidate 2d
            x ||= 5
            a, b = 1, 2
            @k = {"a" => 1, b: 2}
            @e = x == 1 ? "a" : :b
            @u = x unless b
            @f = fetch("https://example.com").then { |r| r.json() }
            @w = %w[a b]
            @r = (1..3).to_a
            @n = nil
            """, """
            @team = fetch("https://example.com/team.json").then { |r| r.json() }
            @s = <<~EOS
              hi #{@team}
            EOS
            __END__
            <p>{team.length}</p>
            """);

    private static final List<String> OPENERS = List.of("(", "[", "{a: ", "f(", "[1, ", "\"#{", "-(", "!(");
    private static final List<String> CLOSERS = List.of(")", "]", "}", ")", "]", "}\"", ")", ")");

    private Inputs() {
    }

    /** Any page text: every kind of input below, then maybe saved oddly. */
    static Arbitrary<String> pageTexts(int maxHugeLine, int maxDepth) {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(300)),
                Tuple.of(2, decodedBytes()),
                Tuple.of(6, tokenSoup()),
                Tuple.of(6, mutatedValidPage()),
                Tuple.of(1, hugeLine(maxHugeLine)),
                Tuple.of(1, deepNesting(maxDepth)));
        return Combinators.combine(text, Arbitraries.of(Saving.values())).as((t, saving) -> saving.apply(t));
    }

    /** Arbitrary bytes read as ISO-8859-1, so each byte is one character, invalid UTF-8 sequences included. */
    static Arbitrary<String> decodedBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300)
                .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static Arbitrary<String> tokenSoup() {
        return soupOf(TOKENS);
    }

    /** Up to 60 of {@code tokens}, run together. */
    static Arbitrary<String> soupOf(List<String> tokens) {
        return Arbitraries.of(tokens).list().ofMaxSize(60).map(chosen -> String.join("", chosen));
    }

    /** A valid page cut short, with a token dropped in, or with a stretch removed. */
    static Arbitrary<String> mutatedValidPage() {
        return Combinators.combine(Arbitraries.of(VALID_PAGES), Arbitraries.of(Mutation.values()),
                        Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS))
                .as((page, mutation, at, to, token) -> mutation.apply(page, (int) (at * page.length()),
                        (int) (to * page.length()), token));
    }

    static Arbitrary<String> hugeLine(int maxLength) {
        return Combinators.combine(Arbitraries.of(TOKENS), Arbitraries.integers().between(1, maxLength))
                .as((token, length) -> {
                    String unit = token.isEmpty() ? "x" : token.replace("\n", " ");
                    return "@a = " + unit.repeat(Math.max(1, length / unit.length())) + "\n";
                });
    }

    /** {@code @a = ((((1))))} to the given depth, with brackets, hashes, calls and interpolations. */
    static Arbitrary<String> deepNesting(int maxDepth) {
        return Combinators.combine(Arbitraries.integers().between(0, OPENERS.size() - 1),
                        Arbitraries.integers().between(1, maxDepth), Arbitraries.of(true, false))
                .as((kind, depth, closed) -> "# Pragma: revalidate 1\n@a = " + OPENERS.get(kind).repeat(depth) + "1"
                        + (closed ? CLOSERS.get(kind).repeat(depth) : "") + "\n");
    }

    /** An input as a failure message shows it: escaped, and cut when huge. */
    static String show(String input) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(input.length(), 2000);
        for (int i = 0; i < shown; i++) {
            char c = input.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        return shown < input.length() ? out + "... (" + input.length() + " chars)" : out.toString();
    }

    enum Mutation {
        TRUNCATE {
            @Override
            String apply(String page, int at, int to, String token) {
                return page.substring(0, at);
            }
        },
        INSERT {
            @Override
            String apply(String page, int at, int to, String token) {
                return page.substring(0, at) + token + page.substring(at);
            }
        },
        DELETE {
            @Override
            String apply(String page, int at, int to, String token) {
                return page.substring(0, Math.min(at, to)) + page.substring(Math.max(at, to));
            }
        };

        abstract String apply(String page, int at, int to, String token);
    }

    /** How an editor might have saved the page. */
    enum Saving {
        AS_IS {
            @Override
            String apply(String text) {
                return text;
            }
        },
        WINDOWS {
            @Override
            String apply(String text) {
                return text.replace("\n", "\r\n");
            }
        },
        BYTE_ORDER_MARK {
            @Override
            String apply(String text) {
                return "\uFEFF" + text;
            }
        },
        NUL_AT_LINE_ENDS {
            @Override
            String apply(String text) {
                return text.replace("\n", "\u0000\n");
            }
        };

        abstract String apply(String text);
    }
}
