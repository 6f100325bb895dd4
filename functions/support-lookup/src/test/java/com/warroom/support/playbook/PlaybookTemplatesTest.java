package com.warroom.support.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template of the bundled file, rendered against the facts built for its situation. */
class PlaybookTemplatesTest {

    private static final Playbook PLAYBOOK = Playbook.load();

    static Stream<Arguments> samples() {
        return Samples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void samples_whenEverySituationOfEveryCase_haveFactsBuiltForThem() {
        List<String> declared = new ArrayList<>();
        for (CaseRule rule : Playbook.rules()) {
            rule.situations().forEach(s -> declared.add(rule.caseId() + "." + s.name()));
        }

        assertThat(Samples.all().keySet()).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void pick_whenFactsBuiltForASituation_choosesThatSituationsTemplate(String key, FactsBuilder facts) {
        String caseId = key.substring(0, key.indexOf('.'));
        String situation = key.substring(key.indexOf('.') + 1);

        List<Playbook.Pick> picks = PLAYBOOK.pick(facts.build());

        assertThat(picks).filteredOn(p -> p.caseId().equals(caseId)).singleElement()
                .satisfies(p -> assertThat(p.situation().name()).isEqualTo(situation));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void suggest_whenFactsBuiltForASituation_rendersBothLanguagesWithNoPlaceholderLeft(String key, FactsBuilder facts) {
        String caseId = key.substring(0, key.indexOf('.'));

        Suggestion suggestion = PLAYBOOK.suggest(facts.build()).stream()
                .filter(s -> s.caseId().equals(caseId)).findFirst().orElseThrow();

        for (String text : List.of(suggestion.title(), suggestion.answerIndonesian(), suggestion.answerEnglish(), suggestion.nextStep())) {
            assertThat(text).isNotBlank().doesNotContain("{").doesNotContain("}").doesNotContain("null")
                    .doesNotContain("Optional");
        }
        assertThat(suggestion.answerIndonesian()).isNotEqualTo(suggestion.answerEnglish());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void suggest_whenFactsHoldStaffOnlyDetails_answersToTheUserNeverShowThem(String key, FactsBuilder facts) {
        String caseId = key.substring(0, key.indexOf('.'));

        Suggestion suggestion = PLAYBOOK.suggest(facts.build()).stream()
                .filter(s -> s.caseId().equals(caseId)).findFirst().orElseThrow();

        assertThat(suggestion.answerIndonesian()).doesNotContain("SECRET");
        assertThat(suggestion.answerEnglish()).doesNotContain("SECRET");
    }

    @Test
    void suggest_whenStaffOnlyDetailsAreKnown_showsThemInTheNextStep() {
        Map<String, FactsBuilder> samples = Samples.all();

        assertThat(nextStep(samples.get("refund_failed.failed"), "refund_failed")).contains(Samples.SECRET_REASON);
        assertThat(nextStep(samples.get("refund_failed.stuck"), "refund_failed")).contains(Samples.SECRET_RAIL);
        assertThat(nextStep(samples.get("cannot_post.restricted"), "cannot_post")).contains(Samples.SECRET_BLOCK);
    }

    private static String nextStep(FactsBuilder facts, String caseId) {
        return PLAYBOOK.suggest(facts.build()).stream().filter(s -> s.caseId().equals(caseId)).findFirst().orElseThrow().nextStep();
    }
}
