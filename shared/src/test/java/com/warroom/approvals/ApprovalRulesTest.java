package com.warroom.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.approvals.actions.ConfigChangeAction;
import com.warroom.approvals.actions.EnableFundFlagAction;
import com.warroom.approvals.actions.ScanOverrideAction;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApprovalRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String FLAG_PAYLOAD = Json.canonical(Map.of("flag", "contribute", "scope", "round:R1", "enabled", true,
            "reason", "Investigation closed, all clear", "expectedVersion", 1));

    private static Caller person(String sub, Role... roles) {
        return new Caller(sub, sub + "@warroom.test", Set.of(roles));
    }

    private static ApprovalRequest request(ApprovalAction action, String payload, Caller requester) {
        return ApprovalRequest.pending("a-1", action.name(), payload, requester, "Investigation closed, all clear", NOW, Duration.ofHours(24));
    }

    private static ApprovalRequest approved(ApprovalRequest request, Caller approver) {
        return request.next(7).status(ApprovalStatus.APPROVED).decidedBy(approver.sub()).decidedByEmail(approver.email())
                .decidedByRoles(approver.roleNames()).decidedAt(NOW.plusSeconds(60).toString())
                .approvedHash(request.payloadHash()).decisionAuditSeq(7L).build();
    }

    static Stream<Arguments> approvals() {
        String config = Json.canonical(Map.of("kind", "fee_rule.set", "payload", Map.of("id", "launch")));
        String scan = Json.canonical(Map.of("subject", "project:P-1"));
        var flag = new EnableFundFlagAction();
        var configChange = new ConfigChangeAction();
        var scanOverride = new ScanOverrideAction();
        return Stream.of(
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.OPS), person("b", Role.SUPER_ADMIN), null),
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.SUPER_ADMIN), person("b", Role.OPS), null),
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.OPS), person("b", Role.OPS), ApprovalRules.Refusal.Kind.SUPER_ADMIN_REQUIRED),
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.OPS), person("a", Role.SUPER_ADMIN), ApprovalRules.Refusal.Kind.SELF_DECISION),
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.OPS), person("b", Role.FINANCE), ApprovalRules.Refusal.Kind.ROLE_NOT_ALLOWED),
                Arguments.of(flag, FLAG_PAYLOAD, person("a", Role.OPS), person("b", Role.SERVICE), ApprovalRules.Refusal.Kind.ROLE_NOT_ALLOWED),
                Arguments.of(configChange, config, person("a", Role.FINANCE), person("b", Role.SUPER_ADMIN), null),
                Arguments.of(configChange, config, person("a", Role.SUPER_ADMIN), person("b", Role.FINANCE), null),
                Arguments.of(configChange, config, person("a", Role.FINANCE), person("b", Role.FINANCE), ApprovalRules.Refusal.Kind.SUPER_ADMIN_REQUIRED),
                Arguments.of(configChange, config, person("a", Role.FINANCE), person("b", Role.OPS), ApprovalRules.Refusal.Kind.ROLE_NOT_ALLOWED),
                Arguments.of(scanOverride, scan, person("a", Role.REVIEWER), person("b", Role.OPS), null),
                Arguments.of(scanOverride, scan, person("a", Role.REVIEWER), person("b", Role.REVIEWER), ApprovalRules.Refusal.Kind.ROLE_NOT_ALLOWED));
    }

    @ParameterizedTest(name = "{0}: {2} then {3}")
    @MethodSource("approvals")
    void whyNotDecide_approving_followsTheActionsRoles(ApprovalAction action, String payload, Caller requester, Caller approver,
                                                        ApprovalRules.Refusal.Kind refused) {
        ApprovalRequest request = request(action, payload, requester);
        assertThat(ApprovalRules.whyNotDecide(request, action, approver, Decision.APPROVED).map(ApprovalRules.Refusal::kind))
                .isEqualTo(Optional.ofNullable(refused));
        if (refused == null) {
            assertThat(ApprovalRules.whyNotApply(approved(request, approver), action)).isEmpty();
        }
    }

    @Test
    void whyNotDecide_rejecting_needsAnApproverRoleButNoSuperAdmin() {
        var action = new EnableFundFlagAction();
        ApprovalRequest request = request(action, FLAG_PAYLOAD, person("a", Role.OPS));
        assertThat(ApprovalRules.whyNotDecide(request, action, person("b", Role.OPS), Decision.REJECTED)).isEmpty();
        assertThat(ApprovalRules.whyNotDecide(request, action, person("a", Role.OPS), Decision.REJECTED))
                .map(ApprovalRules.Refusal::kind).contains(ApprovalRules.Refusal.Kind.SELF_DECISION);
        assertThat(ApprovalRules.whyNotDecide(request, action, person("c", Role.SUPPORT), Decision.REJECTED))
                .map(ApprovalRules.Refusal::kind).contains(ApprovalRules.Refusal.Kind.ROLE_NOT_ALLOWED);
    }

    @Test
    void whyNotRequest_followsTheRequesterRoles() {
        assertThat(ApprovalRules.whyNotRequest(new EnableFundFlagAction(), List.of("ops"))).isEmpty();
        assertThat(ApprovalRules.whyNotRequest(new EnableFundFlagAction(), List.of("finance", "support"))).isPresent();
        assertThat(ApprovalRules.whyNotRequest(new ScanOverrideAction(), List.of("reviewer"))).isEmpty();
        assertThat(ApprovalRules.whyNotRequest(new ConfigChangeAction(), List.of("ops"))).isPresent();
        assertThat(ApprovalRules.whyNotRequest(new ConfigChangeAction(), List.of("not-a-role"))).isPresent();
    }

    static Stream<Arguments> tamperedApprovals() {
        var action = new EnableFundFlagAction();
        ApprovalRequest good = approved(request(action, FLAG_PAYLOAD, person("a", Role.OPS)), person("b", Role.SUPER_ADMIN));
        String otherPayload = FLAG_PAYLOAD.replace("round:R1", "round:R2");
        return Stream.of(
                Arguments.of("still pending", good.toBuilder().status(ApprovalStatus.PENDING).build(), "not APPROVED"),
                Arguments.of("rejected", good.toBuilder().status(ApprovalStatus.REJECTED).build(), "not APPROVED"),
                Arguments.of("closed", good.toBuilder().closedAt(NOW.toString()).build(), "already closed"),
                Arguments.of("approved by the requester", good.toBuilder().decidedBy("a").build(), "the approver is the requester"),
                Arguments.of("no approver", good.toBuilder().decidedBy(null).build(), "does not name both"),
                Arguments.of("approver without an approver role", good.toBuilder().decidedByRoles(List.of("finance")).build(),
                        "may not approve ENABLE_FUND_FLAG"),
                Arguments.of("no super_admin", good.toBuilder().decidedByRoles(List.of("ops")).build(), "neither the requester nor the approver"),
                Arguments.of("requester without a requester role", good.toBuilder().requestedByRoles(List.of("support")).build(),
                        "may not request ENABLE_FUND_FLAG"),
                Arguments.of("decided after expiry", good.toBuilder().decidedAt(NOW.plus(Duration.ofHours(25)).toString()).build(),
                        "not before the request's expiry"),
                Arguments.of("no decision time", good.toBuilder().decidedAt(null).build(), "not before the request's expiry"),
                Arguments.of("payload edited", good.toBuilder().payload(otherPayload).build(), "does not match its payloadHash"),
                Arguments.of("approved another hash", good.toBuilder().approvedHash("0".repeat(64)).build(), "is not the payload's hash"),
                Arguments.of("never approved a hash", good.toBuilder().approvedHash(null).build(), "is not the payload's hash"),
                Arguments.of("payload invalid but rehashed", rehashed(good, FLAG_PAYLOAD.replace("\"enabled\":true", "\"enabled\":false")),
                        "payload.enabled"),
                Arguments.of("payload not JSON but rehashed", rehashed(good, "{not json"), "payload: is not JSON"));
    }

    private static ApprovalRequest rehashed(ApprovalRequest request, String payload) {
        String hash = com.warroom.audit.AuditHasher.sha256Hex(payload);
        return request.toBuilder().payload(payload).payloadHash(hash).approvedHash(hash).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedApprovals")
    void whyNotApply_refusesWhatTheTableDoesNotProve(String name, ApprovalRequest request, String problem) {
        assertThat(ApprovalRules.whyNotApply(request, new EnableFundFlagAction())).anySatisfy(p -> assertThat(p).contains(problem));
    }
}
