package dev.isr.compiler.ruby;

import java.nio.charset.StandardCharsets;
import org.jruby.RubySymbol;
import org.jruby.ast.types.INameNode;
import org.jruby.util.ByteList;

/** Java strings from JRuby's byte-based names and values. */
final class RubyNames {

    private RubyNames() {
    }

    static String of(INameNode node) {
        return of(node.getName());
    }

    static String of(RubySymbol symbol) {
        return of(symbol.getBytes());
    }

    static String of(ByteList bytes) {
        return new String(bytes.unsafeBytes(), bytes.begin(), bytes.realSize(), StandardCharsets.UTF_8);
    }
}
