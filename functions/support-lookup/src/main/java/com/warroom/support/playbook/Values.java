package com.warroom.support.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The placeholder values a rule found in the facts, each worded per language where the wording differs (ages, "none").
 */
final class Values {

    private record Worded(String indonesian, String english) {
    }

    private final Map<String, Worded> values = new LinkedHashMap<>();

    Values put(String name, String both) {
        return put(name, both, both);
    }

    Values put(String name, String indonesian, String english) {
        values.put(name, new Worded(indonesian, english));
        return this;
    }

    Values putAll(Values other) {
        values.putAll(other.values);
        return this;
    }

    Set<String> names() {
        return values.keySet();
    }

    String get(String name, Language language) {
        Worded worded = values.get(name);
        if (worded == null) {
            throw new IllegalStateException("no value for placeholder {" + name + "}");
        }
        return language == Language.INDONESIAN ? worded.indonesian() : worded.english();
    }
}
