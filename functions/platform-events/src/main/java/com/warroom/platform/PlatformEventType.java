package com.warroom.platform;

import com.warroom.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The platform's money events, by their EventBridge detail-type, with the fields of each one's detail. */
public enum PlatformEventType {
    CONTRIBUTION_CONFIRMED("ContributionConfirmed", List.of("roundId", "userId", "amount", "asset", "txHash")),
    ROUND_FINALIZED("RoundFinalized", List.of("roundId", "totalRaised", "asset", "contributorCount")),
    FEE_CHARGED("FeeCharged", List.of("ruleId", "amount", "asset", "reference")),
    REFERRAL_CLAIMED("ReferralClaimed", List.of("userId", "amount", "asset", "reference")),
    REFUND_ISSUED("RefundIssued", List.of("roundId", "userId", "amount", "asset", "reference"));

    private final String detailType;
    private final List<String> fields;

    PlatformEventType(String detailType, List<String> fields) {
        this.detailType = detailType;
        this.fields = fields;
    }

    /** The EventBridge detail-type, also the {@code type} of the HTTP route and of the platform-events item. */
    public String detailType() {
        return detailType;
    }

    /** The detail's fields: all required, no others. */
    public List<String> fields() {
        return fields;
    }

    public static Optional<PlatformEventType> of(String detailType) {
        return Arrays.stream(values()).filter(t -> t.detailType.equals(detailType)).findFirst();
    }

    /** The detail-types in the topology's order (the bus rule's), which this enum must match. */
    public static List<String> detailTypes() {
        return Topology.PLATFORM_EVENT_TYPES;
    }
}
