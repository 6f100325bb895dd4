package com.warroom.approvals;

import java.util.HashMap;
import java.util.Map;

/** Sets system properties for one test class and puts back what was there before (the embedded stack exports its own). */
public final class SystemProperties {

    private final Map<String, String> before = new HashMap<>();

    public SystemProperties set(String name, String value) {
        before.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
        return this;
    }

    public void restore() {
        before.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
        before.clear();
    }
}
