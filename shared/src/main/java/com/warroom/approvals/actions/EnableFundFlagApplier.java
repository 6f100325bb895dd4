package com.warroom.approvals.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.approvals.ActionApplier;
import com.warroom.approvals.ApprovalRequest;
import com.warroom.flags.FlagRecord;
import com.warroom.flags.FlagStore;
import com.warroom.json.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-enables the flag of an approved {@code ENABLE_FUND_FLAG} request, conditional on the flag state
 * still being at the payload's {@code expectedVersion}: a flag changed since the request is refused,
 * never overwritten. The new state names the requester as its author and the request's reason.
 */
final class EnableFundFlagApplier implements ActionApplier {

    private final FlagStore flags;
    private final Clock clock;

    EnableFundFlagApplier(FlagStore flags, Clock clock) {
        this.flags = flags;
        this.clock = clock;
    }

    @Override
    public Plan plan(ApprovalRequest request, JsonNode payloadNode, long auditSeq) {
        if (!(EnableFundFlagPayload.parse(payloadNode) instanceof EnableFundFlagPayload.Parsed.Valid valid)) {
            return new Refuse("the payload is not a valid ENABLE_FUND_FLAG payload");
        }
        EnableFundFlagPayload payload = valid.payload();
        if (!(flags.load() instanceof FlagStore.Load.Trusted trusted)) {
            return new Refuse("the flag states do not match their seal (changed outside the API): nothing is sealed on top of them");
        }
        FlagRecord current = trusted.current(payload.flag(), payload.scope());
        if (current.version() != payload.expectedVersion()) {
            return new Refuse(payload.target() + " is at version " + current.version() + " but the approved request expected version "
                    + payload.expectedVersion() + ": the flag changed since the request, so nothing was applied");
        }
        if (current.enabled()) {
            return new Refuse(payload.target() + " is already enabled; nothing was applied");
        }
        FlagRecord next = new FlagRecord(payload.flag().key(), payload.scope().key(), true, payload.reason(),
                request.requestedBy(), request.requestedByEmail(), clock.instant().toString(), current.version() + 1, auditSeq);
        Map<String, Object> effect = new LinkedHashMap<>();
        effect.put("flag", next);
        return new Apply(flags.change(trusted, next), current.version() == 0 ? null : Json.write(current),
                effect, payload.target() + " enabled at version " + next.version(), List.of(next));
    }

}
