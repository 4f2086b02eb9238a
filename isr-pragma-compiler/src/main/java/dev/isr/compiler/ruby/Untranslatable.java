package dev.isr.compiler.ruby;

/**
 * A Ruby construct that has no faithful JavaScript translation. Thrown out of the statement being translated;
 * the statement is dropped and the problem becomes an error diagnostic.
 */
final class Untranslatable extends RuntimeException {

    private final SourceText.Position position;

    Untranslatable(SourceText.Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    SourceText.Position position() {
        return position;
    }
}
