package com.warroom.local.stack;

import com.warroom.topology.Topology;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one embedded stack per test JVM (ephemeral ports, in memory), provisioned
 * from the topology and exported as system properties before the first test runs. Tests take it as
 * a parameter to reach its clients.
 */
public final class EmbeddedStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // again for each class: a ./warroom up started in-process by an earlier class exported the settings of its own
        // stack, stopped since, and the JVM's settings are global
        stack(context).exportAsSystemProperties(Topology.warroom());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static EmbeddedStack stack(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("stack", key -> {
            try {
                EmbeddedStack stack = EmbeddedStack.start(EmbeddedStack.Options.ephemeral());
                stack.provision(Topology.warroom()).exportAsSystemProperties(Topology.warroom());
                return new CloseableStack(stack);
            } catch (Exception e) {
                throw new IllegalStateException("the embedded stack did not start", e);
            }
        }, CloseableStack.class).stack();
    }

    // JUnit closes AutoCloseable store values when the root context ends, i.e. once per test JVM
    private record CloseableStack(EmbeddedStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
