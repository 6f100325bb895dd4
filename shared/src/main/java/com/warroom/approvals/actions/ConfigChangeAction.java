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
 * {@code CONFIG_CHANGE}: a change to the seed config (treasury wallets, networks, fee rules, roster).
 * Requested and approved by super_admin or finance, with a super_admin among the two (it routes funds).
 * The payload check here is structural ({@code {"kind": "...", "payload": {...}}}, other fields free);
 * the config domain's own parser and its apply step plug in when that issue lands — until then every
 * approved CONFIG_CHANGE fails at the apply step with nothing written.
 */
public final class ConfigChangeAction implements ApprovalAction {

    public static final String NAME = "CONFIG_CHANGE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> requesterRoles() {
        return EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE);
    }

    @Override
    public Set<Role> approverRoles() {
        return EnumSet.of(Role.SUPER_ADMIN, Role.FINANCE);
    }

    @Override
    public boolean fundRelated() {
        return true;
    }

    @Override
    public List<FieldError> validate(JsonNode payload) {
        PayloadFields fields = PayloadFields.of(payload, Set.of());
        fields.text("kind", 1, 64);
        fields.object("payload");
        return fields.errors();
    }

    @Override
    public Optional<String> target(JsonNode payload) {
        return validate(payload).isEmpty() ? Optional.of("config:" + payload.get("kind").textValue()) : Optional.empty();
    }

    @Override
    public ActionApplier applier(ApplyResources resources) {
        return ActionApplier.notYetAvailable(NAME);
    }
}
