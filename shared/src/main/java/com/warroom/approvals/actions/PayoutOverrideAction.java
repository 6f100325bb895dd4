package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApplyResources;
import com.warroom.approvals.ApprovalAction;
import com.warroom.http.FieldError;
import com.warroom.ledger.Ledger;
import com.warroom.payouts.PayoutSeal;
import com.warroom.payouts.PayoutStore;
import com.warroom.topology.Role;
import com.warroom.topology.Topology;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code PAYOUT_OVERRIDE}: settle a stuck payout by hand — mark it confirmed on the evidence of a transfer made outside
 * the rail, or cancel it and give its hold back (the 202 path of {@code POST /v1/admin/payouts/{payoutId}/override}).
 * Requested and approved by finance or super_admin, with a super_admin among the two: it moves money.
 */
public final class PayoutOverrideAction implements ApprovalAction {

    public static final String NAME = "PAYOUT_OVERRIDE";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Role> requesterRoles() {
        return EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN);
    }

    @Override
    public Set<Role> approverRoles() {
        return EnumSet.of(Role.FINANCE, Role.SUPER_ADMIN);
    }

    @Override
    public boolean fundRelated() {
        return true;
    }

    @Override
    public List<FieldError> validate(JsonNode payload) {
        return switch (PayoutOverridePayload.parse(payload)) {
            case PayoutOverridePayload.Parsed.Valid valid -> List.of();
            case PayoutOverridePayload.Parsed.Invalid invalid -> invalid.errors();
        };
    }

    @Override
    public Optional<String> target(JsonNode payload) {
        return switch (PayoutOverridePayload.parse(payload)) {
            case PayoutOverridePayload.Parsed.Valid valid -> Optional.of(valid.payload().target());
            case PayoutOverridePayload.Parsed.Invalid invalid -> Optional.empty();
        };
    }

    @Override
    public ActionApplier applier(ApplyResources resources) {
        return new PayoutOverrideApplier(
                new PayoutStore(resources.dynamo(), resources.tableName(Topology.PAYOUTS)),
                new PayoutSeal(resources.sealer()),
                new Ledger(resources.dynamo(), resources.tableName(Topology.LEDGER_BALANCES),
                        resources.tableName(Topology.LEDGER_ENTRIES), resources.sealer(), resources.clock()),
                resources.clock());
    }
}
