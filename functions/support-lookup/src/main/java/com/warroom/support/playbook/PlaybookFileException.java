package com.warroom.support.playbook;

import java.util.List;

/** The playbook file breaks a rule: every problem found, each naming where in the file it is. */
public final class PlaybookFileException extends IllegalStateException {

    private final List<String> problems;

    PlaybookFileException(String source, List<String> problems) {
        super(source + " is not a valid support playbook:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
