package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template stays under a budget well below CloudFormation's 500 resources: a change that brings the main stack (or
 * a nested one) near the limit fails here, while there is still room to split, not at deploy time.
 */
class StackBudgetTest {

    /** CloudFormation refuses a template of more resources than this. */
    static final int CLOUDFORMATION_LIMIT = 500;
    /** What each template may hold: fifty resources short of the limit, room for about five more functions with routes. */
    static final int BUDGET = 450;

    static Stream<SynthesizedWarroom> apps() {
        return Stream.concat(SynthesizedWarroom.all().stream(), Stream.of(SynthesizedWarroom.withDeployContext()));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void resources_whenSynthesized_stayWithinTheBudgetInEveryTemplate(SynthesizedWarroom synthesized) {
        assertThat(synthesized.resourceCounts()).isNotEmpty().allSatisfy((stack, count) ->
                assertThat(count).as("resources in %s (budget %d of CloudFormation's %d)", stack, BUDGET, CLOUDFORMATION_LIMIT)
                        .isLessThanOrEqualTo(BUDGET));
    }

    @ParameterizedTest
    @MethodSource("apps")
    void monitoring_whenSynthesized_isANestedStackHoldingEveryAlarm(SynthesizedWarroom synthesized) {
        assertThat(synthesized.nestedTemplates).containsKey(synthesized.stack.monitoring());
        assertThat(synthesized.resourceCounts()).hasSize(synthesized.nestedTemplates.size() + 1);
        synthesized.stack.alarms().all().values().forEach(alarm ->
                assertThat(software.amazon.awscdk.Stack.of(alarm)).isSameAs(synthesized.stack.monitoring()));
    }
}
