package dev.isr.compiler.ruby;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The local variables declared so far, one frame per function: the data block itself and every block or
 * lambda in it. Ruby scopes a local to its method or block, JavaScript scopes {@code let} to the braces, so a
 * local is declared where it is first assigned at its frame's statement level, or hoisted to just before the
 * frame-level statement that first assigns it inside an {@code if}, loop or {@code begin}.
 */
final class Scope {

    enum Kind { DATA_BLOCK, BLOCK, LAMBDA }

    private static final class Frame {
        final Kind kind;
        final Set<String> declared = new HashSet<>();
        /** The loops and switches around the current statement, innermost first: {@code true} for a loop. */
        final Deque<Boolean> breakables = new ArrayDeque<>();

        Frame(Kind kind) {
            this.kind = kind;
        }
    }

    private final Deque<Frame> frames = new ArrayDeque<>();

    Scope() {
        frames.push(new Frame(Kind.DATA_BLOCK));
    }

    void enter(Kind kind) {
        frames.push(new Frame(kind));
    }

    void leave() {
        frames.pop();
    }

    Kind kind() {
        return frames.peek().kind;
    }

    boolean isDeclared(String name) {
        return frames.stream().anyMatch(f -> f.declared.contains(name));
    }

    void declare(String name) {
        frames.peek().declared.add(name);
    }

    /** Whether a {@code break}/{@code next} here belongs to a {@code while} loop of this frame. */
    boolean inLoop() {
        return frames.peek().breakables.contains(Boolean.TRUE);
    }

    /** Whether a JavaScript {@code break} here would leave a {@code switch} instead of the loop. */
    boolean inSwitch() {
        return Boolean.FALSE.equals(frames.peek().breakables.peek());
    }

    void enterLoop() {
        frames.peek().breakables.push(Boolean.TRUE);
    }

    void enterSwitch() {
        frames.peek().breakables.push(Boolean.FALSE);
    }

    void leaveLoopOrSwitch() {
        frames.peek().breakables.pop();
    }
}
