package dev.lambdanotes.testing.fuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Runs a fuzz property {@value #DEFAULT} times, or as often as the system property fuzz.tries says
 * (-Dfuzz.tries=100000 for a long run), with the seed of fuzz.seed when given (jqwik prints the
 * seed of every run, so a failure found with a random seed can be replayed). jqwik's own edge
 * cases are off: the weights in {@link HostileRequests} already put the extremes in, and combining
 * them all up front would cost more than the run.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(FuzzTries.Hook.class)
public @interface FuzzTries {
    int DEFAULT = 10_000;

    final class Hook implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("fuzz.tries", DEFAULT));
            context.attributes().setEdgeCases(EdgeCasesMode.NONE);
            String seed = System.getProperty("fuzz.seed", "");
            if (!seed.isBlank()) {
                context.attributes().setSeed(seed);
            }
            return property.execute();
        }
    }
}
