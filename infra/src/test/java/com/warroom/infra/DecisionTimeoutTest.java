package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.topology.Topology;
import com.warroom.topology.ApprovalWorkflowDef;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.constructs.Node;

class DecisionTimeoutTest {

    private static final ApprovalWorkflowDef APPROVAL = Topology.APPROVAL;

    @Test
    void contextKey_whenWorkflowIsApproval_isApprovalTimeoutHours() {
        assertThat(DecisionTimeout.contextKey(APPROVAL)).isEqualTo("approvalTimeoutHours");
        assertThat(DecisionTimeout.contextKey(new ApprovalWorkflowDef("payout-release", "X", APPROVAL.record(), APPROVAL.awaitDecision(),
                APPROVAL.apply(), APPROVAL.outcome(), Duration.ofHours(1)))).isEqualTo("payoutReleaseTimeoutHours");
    }

    @Test
    void resolve_whenNoContext_isTheTopologysDecisionTimeout() {
        assertThat(DecisionTimeout.resolve(APPROVAL, node(Map.of()))).isEqualTo(APPROVAL.decisionTimeout()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void resolve_whenContextGivesWholeHours_isThatManyHoursHoweverSpelled() {
        assertThat(DecisionTimeout.resolve(APPROVAL, node(Map.of("approvalTimeoutHours", "48")))).isEqualTo(Duration.ofHours(48));
        assertThat(DecisionTimeout.resolve(APPROVAL, node(Map.of("approvalTimeoutHours", 72)))).isEqualTo(Duration.ofHours(72));
        assertThat(DecisionTimeout.resolve(APPROVAL, node(Map.of("approvalTimeoutHours", 6.0)))).isEqualTo(Duration.ofHours(6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1.5", "two", "", "8737"})
    void resolve_whenContextIsNotWholeHoursInRange_failsNamingTheKey(String hours) {
        Node node = node(Map.of("approvalTimeoutHours", hours));

        assertThatThrownBy(() -> DecisionTimeout.resolve(APPROVAL, node))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("approvalTimeoutHours=" + hours)
                .hasMessageContaining("whole number of hours");
    }

    private static Node node(Map<String, Object> context) {
        return new App(AppProps.builder().context(context).build()).getNode();
    }
}
