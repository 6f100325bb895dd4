package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.http.FieldError;
import com.warroom.topology.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code SCAN_OVERRIDE}: letting an item through despite a risk scan's verdict. Requested by reviewer,
 * ops or super_admin, approved by super_admin or ops. It moves no funds itself, so it does not need a
 * super_admin. The payload check is structural ({@code {"subject": "<what is overridden>", ...}}); the
 * apply step lands with the scanning issue — until then every approved SCAN_OVERRIDE fails at the apply
 * step with nothing written.
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
        PayloadFields fields = PayloadFields.of(payload, Set.of());
        fields.text("subject", 1, 256);
        return fields.errors();
    }

    @Override
    public Optional<String> target(JsonNode payload) {
        return validate(payload).isEmpty() ? Optional.of("scan:" + payload.get("subject").textValue()) : Optional.empty();
    }

    @Override
    public ActionApplier applier(ApplyResources resources) {
        return ActionApplier.notYetAvailable(NAME);
    }
}
