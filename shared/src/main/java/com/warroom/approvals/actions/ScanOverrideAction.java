package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.http.FieldError;
import com.warroom.payments.reviews.ReviewOverrideSeal;
import com.warroom.payments.reviews.ReviewStore;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SCAN_OVERRIDE}: letting an item through despite a failed check's verdict — a payment review (the record a
 * payment check leaves when it did not apply an event: amount mismatch, unknown order, disagreement) moved from OPEN to
 * OVERRIDDEN_PASS. Requested by reviewer, ops or super_admin ({@code POST /v1/admin/payments/reviews/{id}/override}),
 * approved by super_admin or ops, never by the requester. It moves no funds itself, so it does not need a super_admin.
 * Payload {@code {"subject": "<review id>", "note": "..."}}.
 */
public final class ScanOverrideAction implements ApprovalAction {

    public static final String NAME = "SCAN_OVERRIDE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> requesterRoles() {
        return EnumSet.of(Role.REVIEWER, Role.OPS, Role.SUPER_ADMIN);
    }

    @Override
    public Set<Role> approverRoles() {
        return EnumSet.of(Role.SUPER_ADMIN, Role.OPS);
    }

    @Override
    public boolean fundRelated() {
        return false;
    }

    @Override
    public List<FieldError> validate(JsonNode payload) {
        return switch (ScanOverridePayload.parse(payload)) {
            case ScanOverridePayload.Parsed.Valid valid -> List.of();
            case ScanOverridePayload.Parsed.Invalid invalid -> invalid.errors();
        };
    }

    @Override
    public Optional<String> target(JsonNode payload) {
        return switch (ScanOverridePayload.parse(payload)) {
            case ScanOverridePayload.Parsed.Valid valid -> Optional.of(valid.payload().target());
            case ScanOverridePayload.Parsed.Invalid invalid -> Optional.empty();
        };
    }

    @Override
    public ActionApplier applier(ApplyResources resources) {
        return new ScanOverrideApplier(new ReviewStore(resources.dynamo(), resources.tableName(Topology.PAYMENT_REVIEWS)),
                new ReviewOverrideSeal(resources.sealer()), resources.clock());
    }
}
