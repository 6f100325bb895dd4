package com.warroom.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.Caller;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import com.warroom.topology.Role;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two-person rules, in one place for the decision route and the apply step:
 * <ul>
 *   <li>the requester holds one of the action's requester roles;
 *   <li>the decider is never the requester, and holds one of the action's approver roles (to approve or to reject);
 *   <li>approving a fund-related action needs a super_admin among the requester and the approver
 *       (rejecting does not: anyone who may approve may stop a request);
 *   <li>the apply step re-checks all of it from the table, plus an APPROVED decision taken before the
 *       request expired, and {@code sha256(payload) == payloadHash == approvedHash}.
 * </ul>
 * Roles are the ones recorded with the request and the decision (the caller's token at that moment).
 */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /** Why a decision is refused (each answered 403). */
    public record Refusal(Kind kind, String detail) {
        public enum Kind { SELF_DECISION, ROLE_NOT_ALLOWED, SUPER_ADMIN_REQUIRED }
    }

    public static Optional<String> whyNotRequest(ApprovalAction action, Collection<String> requesterRoles) {
        if (!intersects(roles(requesterRoles), action.requesterRoles())) {
            return Optional.of("the requester's roles " + sorted(requesterRoles) + " may not request " + action.name()
                    + " (requester roles: " + names(action.requesterRoles()) + ")");
        }
        return Optional.empty();
    }

    public static Optional<Refusal> whyNotDecide(ApprovalRequest request, ApprovalAction action, Caller decider, Decision decision) {
        if (Objects.equals(decider.sub(), request.requestedBy())) {
            return Optional.of(new Refusal(Refusal.Kind.SELF_DECISION,
                    "the requester cannot " + verb(decision) + " their own request: a second person must decide it"));
        }
        if (!intersects(decider.roles(), action.approverRoles())) {
            return Optional.of(new Refusal(Refusal.Kind.ROLE_NOT_ALLOWED, "role " + decider.roleNames() + " may not "
                    + verb(decision) + " " + action.name() + " (approver roles: " + names(action.approverRoles()) + ")"));
        }
        if (decision == Decision.APPROVED && action.fundRelated() && !decider.roles().contains(Role.SUPER_ADMIN)
                && !roles(request.requestedByRoles()).contains(Role.SUPER_ADMIN)) {
            return Optional.of(new Refusal(Refusal.Kind.SUPER_ADMIN_REQUIRED, action.name()
                    + " touches funds: a super_admin must be the requester or the approver, and the requester was "
                    + sorted(request.requestedByRoles())));
        }
        return Optional.empty();
    }

    /** Every reason the table's state does not allow applying the request; empty when it does. */
    public static List<String> whyNotApply(ApprovalRequest request, ApprovalAction action) {
        List<String> problems = new ArrayList<>();
        if (!request.hasStatus(ApprovalStatus.APPROVED)) {
            problems.add("status is " + request.status() + ", not APPROVED");
        }
        if (request.closed()) {
            problems.add("the request was already closed at " + request.closedAt());
        }
        if (blank(request.requestedBy()) || blank(request.decidedBy())) {
            problems.add("the request does not name both its requester and its approver");
        } else if (request.requestedBy().equals(request.decidedBy())) {
            problems.add("the approver is the requester");
        }
        whyNotRequest(action, request.requestedByRoles()).ifPresent(problems::add);
        if (!intersects(roles(request.decidedByRoles()), action.approverRoles())) {
            problems.add("the approver's roles " + sorted(request.decidedByRoles()) + " may not approve " + action.name());
        }
        if (action.fundRelated() && !roles(request.requestedByRoles()).contains(Role.SUPER_ADMIN)
                && !roles(request.decidedByRoles()).contains(Role.SUPER_ADMIN)) {
            problems.add(action.name() + " touches funds and neither the requester nor the approver is a super_admin");
        }
        if (!decidedBeforeExpiry(request)) {
            problems.add("the decision (" + request.decidedAt() + ") is not before the request's expiry (" + request.expiresAt() + ")");
        }
        if (!request.payloadIntact()) {
            problems.add("the payload does not match its payloadHash");
        }
        if (request.approvedHash() == null || !request.approvedHash().equals(request.payloadHash())) {
            problems.add("the approved hash " + request.approvedHash() + " is not the payload's hash " + request.payloadHash());
        }
        List<FieldError> payloadErrors = payload(request).map(action::validate)
                .orElse(List.of(new FieldError("payload", "is not JSON")));
        payloadErrors.forEach(e -> problems.add(e.field() + ": " + e.message()));
        return problems;
    }

    /** The stored payload as JSON, if it parses. */
    public static Optional<JsonNode> payload(ApprovalRequest request) {
        if (request.payload() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.readTree(request.payload()));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    public static Set<Role> roles(Collection<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimValues.forEach(v -> Role.fromClaim(v).ifPresent(roles::add));
        return roles;
    }

    private static boolean decidedBeforeExpiry(ApprovalRequest request) {
        try {
            return request.decidedAt() != null && request.expiresAt() != null
                    && Instant.parse(request.decidedAt()).isBefore(Instant.parse(request.expiresAt()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean intersects(Set<Role> roles, Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }

    private static String verb(Decision decision) {
        return decision == Decision.APPROVED ? "approve" : "reject";
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Role::claimValue).sorted().toList();
    }

    private static List<String> sorted(Collection<String> roles) {
        return roles.stream().sorted().collect(Collectors.toList());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
