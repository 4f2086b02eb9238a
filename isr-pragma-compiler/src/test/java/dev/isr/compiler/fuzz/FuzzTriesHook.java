package dev.isr.compiler.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets a property's tries from its {@link FuzzTries}: jqwik's {@code @Property(tries)} is a compile-time
 * constant, and a long campaign must not need a code change.
 */
public final class FuzzTriesHook implements AroundPropertyHook {

    /** Registered on a test class, it must reach the class's properties (jqwik's default stops at the class). */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        context.findAnnotation(FuzzTries.class).ifPresent(tries ->
                context.attributes().setTries(Integer.getInteger(tries.campaign(), tries.ci())));
        return property.execute();
    }
}
