package com.warroom.support.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaybookLoadTest {

    @Test
    void load_whenBundledFile_answersGeneralForAQuietUser() {
        Playbook playbook = Playbook.load();
        Facts facts = new Facts(Instant.parse("2026-12-01T12:00:00Z"),
                new Facts.User("u-1", true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                        "APPROVED", Optional.empty(), 0),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        List<Suggestion> suggestions = playbook.suggest(facts);

        assertThat(suggestions).extracting(Suggestion::caseId).containsExactly("general");
        assertThat(suggestions.getFirst().nextStep()).contains("u-1").doesNotContain("{");
    }
}
