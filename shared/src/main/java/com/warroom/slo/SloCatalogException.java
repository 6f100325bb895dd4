package com.warroom.slo;

import java.util.List;

/** A catalog file that cannot be used: every problem found, each naming its place in the file. */
public final class SloCatalogException extends RuntimeException {

    private final List<String> problems;

    public SloCatalogException(String source, List<String> problems) {
        super(source + " is not a valid SLO catalog: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
