package dev.isr.compiler.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many inputs a fuzz property tries: {@link #ci()} in the normal test suite, or the number in the
 * system property {@link #campaign()} for a long campaign ({@code -Dfuzz.tries=1000000}). Read by
 * {@link FuzzTriesHook}, which the fuzz test classes register.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface FuzzTries {

    /** Tries in the normal suite: enough to catch regressions, bounded so the suite stays fast. */
    int ci();

    /** The system property that overrides {@link #ci()} for a long campaign. */
    String campaign() default "fuzz.tries";
}
