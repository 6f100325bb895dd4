package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.config.ConfigStore;
import com.warroom.http.FieldError;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code CONFIG_CHANGE}: a change to the seed config (treasury wallets, networks, fee rules, roster).
 * Requested and approved by super_admin or finance, with a super_admin among the two (it routes funds).
 * The payload check here is structural ({@code {"kind": "...", "payload": {...}}}): whether the change
 * can apply depends on the config in force, so the requesting route checks it with
 * {@link com.warroom.config.ConfigChangeParser} before any request exists, and the apply step checks it
 * again against the config of that moment ({@link ConfigChangeApplier}).
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
        return new ConfigChangeApplier(
                new ConfigStore(resources.dynamo(), resources.tableName(Topology.CONFIG), resources.clock()), resources.clock());
    }
}
