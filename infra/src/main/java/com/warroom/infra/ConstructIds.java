package com.warroom.infra;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Construct ids from topology names: {@code flag-admin} becomes {@code FlagAdmin}. */
final class ConstructIds {

    private ConstructIds() {
    }

    static String pascal(String name) {
        return Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }
}
