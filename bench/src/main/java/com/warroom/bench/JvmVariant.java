package com.warroom.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The JVM options a child JVM runs with. Lambda's java17 and java21 runtimes stop tiered compilation at
 * level 1 (C1 only) and use the serial collector by default (AWS Lambda developer guide, "Customize Java
 * runtime startup behavior"); the JDK's own defaults on this machine are C2 and G1.
 */
public enum JvmVariant {
    LAMBDA_DEFAULTS("lambda-c1-serial", List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
    JDK_DEFAULTS("jdk-defaults", List.of());

    private final String label;
    private final List<String> options;

    JvmVariant(String label, List<String> options) {
        this.label = label;
        this.options = options;
    }

    public String label() {
        return label;
    }

    public List<String> options() {
        return options;
    }

    public static List<JvmVariant> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).map(text -> Arrays.stream(values())
                .filter(v -> v.label.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown variant '" + text + "'; known: "
                        + Arrays.stream(values()).map(JvmVariant::label).toList()))).toList();
    }
}
