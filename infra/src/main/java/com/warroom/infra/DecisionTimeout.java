package com.warroom.infra;

import com.warroom.topology.ApprovalWorkflowDef;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import software.constructs.Node;

/**
 * How long a workflow waits for a decision: the topology's {@link ApprovalWorkflowDef#decisionTimeout()} unless the CDK
 * context overrides it in whole hours, e.g. {@code cdk deploy -c approvalTimeoutHours=48}.
 */
public final class DecisionTimeout {

    /** A standard execution lives at most a year, and the state machine's own timeout adds its margin to this. */
    static final long MAX_HOURS = 365L * 24 - 24;

    private DecisionTimeout() {
    }

    /** {@code approvalTimeoutHours} for the workflow {@code approval}. */
    public static String contextKey(ApprovalWorkflowDef workflow) {
        String pascal = ConstructIds.pascal(workflow.logicalName());
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1) + "TimeoutHours";
    }

    public static Duration resolve(ApprovalWorkflowDef workflow, Node node) {
        String key = contextKey(workflow);
        return Optional.ofNullable(node.tryGetContext(key))
                .map(value -> hours(key, value.toString()))
                .orElse(workflow.decisionTimeout());
    }

    private static Duration hours(String key, String value) {
        BigDecimal hours;
        try {
            hours = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, value);
        }
        // 48 from cdk.json arrives as 48.0 through jsii: whole hours only, whatever the spelling
        if (hours.stripTrailingZeros().scale() > 0 || hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(MAX_HOURS)) > 0) {
            throw invalid(key, value);
        }
        return Duration.ofHours(hours.longValueExact());
    }

    private static IllegalArgumentException invalid(String key, String value) {
        return new IllegalArgumentException("context " + key + "=" + value + " is not a whole number of hours from 1 to " + MAX_HOURS);
    }
}
