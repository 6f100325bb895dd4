package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.flags.FlagStore;
import com.warroom.http.FieldError;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ENABLE_FUND_FLAG}: re-enable a fund-related kill switch in one scope (the 202 path of
 * {@code POST /v1/admin/system-flags/set}). Requested by ops or super_admin, approved by super_admin or
 * ops, with a super_admin among the two.
 */
public final class EnableFundFlagAction implements ApprovalAction {

    public static final String NAME = "ENABLE_FUND_FLAG";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> requesterRoles() {
        return EnumSet.of(Role.OPS, Role.SUPER_ADMIN);
    }

    @Override
    public Set<Role> approverRoles() {
        return EnumSet.of(Role.SUPER_ADMIN, Role.OPS);
    }

    @Override
    public boolean fundRelated() {
        return true;
    }

    @Override
    public List<FieldError> validate(JsonNode payload) {
        return switch (EnableFundFlagPayload.parse(payload)) {
            case EnableFundFlagPayload.Parsed.Valid valid -> List.of();
            case EnableFundFlagPayload.Parsed.Invalid invalid -> invalid.errors();
        };
    }

    @Override
    public Optional<String> target(JsonNode payload) {
        return switch (EnableFundFlagPayload.parse(payload)) {
            case EnableFundFlagPayload.Parsed.Valid valid -> Optional.of(valid.payload().target());
            case EnableFundFlagPayload.Parsed.Invalid invalid -> Optional.empty();
        };
    }

    @Override
    public ActionApplier applier(ApplyResources resources) {
        return new EnableFundFlagApplier(
                new FlagStore(resources.dynamo(), resources.tableName(Topology.FLAGS), resources.sealer(), resources.clock()),
                resources.clock());
    }
}
