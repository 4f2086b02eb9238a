package dev.isr.compiler;

/**
 * One compiler over the real Ruby translator for every test class in the test JVM: JRuby boots in
 * seconds, so tests that need real translation share this one boot. Closed when the JVM exits.
 */
final class SharedCompiler {

    private static IsrCompiler compiler;

    private SharedCompiler() {
    }

    static synchronized IsrCompiler get() {
        if (compiler == null) {
            compiler = new IsrCompiler();
            Runtime.getRuntime().addShutdownHook(new Thread(compiler::close));
        }
        return compiler;
    }
}
