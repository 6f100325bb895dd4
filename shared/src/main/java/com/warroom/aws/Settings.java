package com.warroom.aws;

import java.util.Optional;

/**
 * Configuration lookup. A JVM system property wins over the environment variable of the same name,
 * so the local runner and tests can point in-process handlers at the embedded stack; in Lambda only
 * the environment set by the CDK app is present.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> find(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public static String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("missing setting " + name));
    }
}
